using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Integration;

public class LiveHubTests : AppTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_deal_posted_to_the_ingest_api_reaches_a_signalr_client()
    {
        await using var hub = await ConnectAsync(o => o.Headers["X-Api-Key"] = DemoCompany.IngestKey);
        var received = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<LiveEvent>("event", e => received.TrySetResult(e));

        var id = await CreateDealAsync(await QueryAsync(db => db.Accounts.FirstAsync(a => a.OwnerRepId != null)));

        var liveEvent = await received.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(LiveEventKinds.DealCreated, liveEvent.Kind);
        Assert.Equal(id, liveEvent.EntityId);
        Assert.Equal(id, JsonDocument.Parse(liveEvent.Payload!).RootElement.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_client_that_reconnects_replays_everything_after_its_last_sequence_number()
    {
        await using var hub = await ConnectAsync(o => o.Headers["X-Api-Key"] = DemoCompany.IngestKey);
        var last = await hub.InvokeAsync<long>("LastSequence", TestContext.Current.CancellationToken);
        var account = await QueryAsync(db => db.Accounts.FirstAsync(a => a.OwnerRepId != null));
        var first = await CreateDealAsync(account);
        var second = await CreateDealAsync(account);

        var missed = await hub.InvokeAsync<List<LiveEvent>>("Replay", last, TestContext.Current.CancellationToken);

        Assert.Equal([first, second], missed.Select(e => e.EntityId!.Value));
        Assert.True(missed[0].Sequence < missed[1].Sequence);
    }

    [Fact]
    public async Task A_rep_s_client_hears_only_the_rep_s_own_deals()
    {
        var robert = await QueryAsync(db => db.Reps.SingleAsync(r => r.Email == DemoCompany.RepEmail));
        var ownAccount = await QueryAsync(db => db.Accounts.FirstAsync(a => a.OwnerRepId == robert.Id));
        var otherAccount = await QueryAsync(db => db.Accounts.FirstAsync(a => a.OwnerRepId != null && a.OwnerRepId != robert.Id));
        var cookies = new CookieContainer();
        await SignedInClientAsync(DemoCompany.RepEmail, cookies: cookies);
        await using var hub = await ConnectAsync(o => o.Cookies = cookies);
        var heard = new List<int>();
        var ownArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ownId = 0;
        hub.On<LiveEvent>("event", e =>
        {
            lock (heard)
            {
                heard.Add(e.EntityId!.Value);
                if (e.EntityId == Volatile.Read(ref ownId))
                {
                    ownArrived.TrySetResult();
                }
            }
        });

        // Events reach a connection in sequence order, so once the later own deal arrives, the earlier one would have.
        var otherId = await CreateDealAsync(otherAccount);
        Volatile.Write(ref ownId, await CreateDealAsync(ownAccount));
        lock (heard)
        {
            if (heard.Contains(ownId))
            {
                ownArrived.TrySetResult();
            }
        }

        await ownArrived.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        lock (heard)
        {
            Assert.DoesNotContain(otherId, heard);
        }
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_clients()
    {
        var hub = new HubConnectionBuilder().WithUrl(new Uri(App.BaseAddress, "/hubs/live")).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    private async Task<HubConnection> ConnectAsync(Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions> configure)
    {
        var hub = new HubConnectionBuilder().WithUrl(new Uri(App.BaseAddress, "/hubs/live"), configure).Build();
        await hub.StartAsync(TestContext.Current.CancellationToken);
        return hub;
    }

    private async Task<int> CreateDealAsync(Account account)
    {
        var response = await ApiClient().PostAsJsonAsync("/api/deals", new
        {
            name = $"Live test {Guid.NewGuid():N}",
            accountId = account.Id,
            amount = 1000,
            stage = "Prospecting",
            expectedClose = "2027-03-01",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ReadAsync<JsonElement>(response)).GetProperty("id").GetInt32();
    }
}
