using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Auth;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Live;

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
        var (otherId, _, heard) = await HearAsync(hub, otherAccount, ownAccount);

        Assert.DoesNotContain(otherId, heard);
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_clients()
    {
        var hub = new HubConnectionBuilder().WithUrl(new Uri(App.BaseAddress, "/hubs/live")).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Revoking_a_key_closes_its_open_connections_and_refuses_new_ones()
    {
        var created = await Keys().CreateAsync(Admin, "Wall screen feed");
        await using var hub = await ConnectAsync(o => o.Headers["X-Api-Key"] = created.PlainKey);
        Assert.Equal(App.Service<LiveEventBus>().LastSequence, await hub.InvokeAsync<long>("LastSequence", TestContext.Current.CancellationToken));
        var closed = ClosedAsync(hub);

        Assert.True(await Keys().RevokeAsync(Admin, created.Key.Id));

        await closed.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => hub.InvokeAsync<List<LiveEvent>>("Replay", 0L, TestContext.Current.CancellationToken));
        var again = new HubConnectionBuilder().WithUrl(new Uri(App.BaseAddress, "/hubs/live"), o => o.Headers["X-Api-Key"] = created.PlainKey).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Every_hub_call_re_checks_the_key_even_when_another_node_revoked_it()
    {
        var created = await Keys().CreateAsync(Admin, "Other node's key");
        await using var hub = await ConnectAsync(o => o.Headers["X-Api-Key"] = created.PlainKey);
        await hub.InvokeAsync<long>("LastSequence", TestContext.Current.CancellationToken);
        var closed = ClosedAsync(hub);

        // Revoked in the database, as another node would; this node's cache has let the key go, its connection registry has not.
        await QueryAsync(db => db.ApiKeys.Where(k => k.Id == created.Key.Id).ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, DateTime.UnixEpoch)));
        App.Service<ApiKeyCache>().Forget(created.Key.Hash);

        // The server closes the connection as it refuses the call, so the client sees the call cut off or refused.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => hub.InvokeAsync<List<LiveEvent>>("Replay", 0L, TestContext.Current.CancellationToken));
        Assert.True(refused is HubException or TaskCanceledException, refused.ToString());
        await closed.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_read_only_key_limited_to_a_team_hears_and_replays_that_team_s_deals_only()
    {
        var account = await QueryAsync(db => db.Accounts.Include(a => a.OwnerRep).OrderBy(a => a.Id).FirstAsync(a => a.OwnerRep != null));
        var team = account.OwnerRep!.TeamId;
        var otherAccount = await QueryAsync(db => db.Accounts.OrderBy(a => a.Id).FirstAsync(a => a.OwnerRep != null && a.OwnerRep.TeamId != team));
        var created = await Keys().CreateAsync(Admin, "Team screen", new ApiKeyScope(ReadOnly: true, TeamIds: [team]));
        await using var hub = await ConnectAsync(o => o.Headers["X-Api-Key"] = created.PlainKey);
        var last = await hub.InvokeAsync<long>("LastSequence", TestContext.Current.CancellationToken);

        var (otherId, ownId, heard) = await HearAsync(hub, otherAccount, account);

        Assert.DoesNotContain(otherId, heard);
        var replayed = await hub.InvokeAsync<List<LiveEvent>>("Replay", last, TestContext.Current.CancellationToken);
        Assert.Equal([ownId], replayed.Select(e => e.EntityId!.Value));
    }

    /// <summary>Creates a deal in each account, the client's own last; returns once the own one is heard, with all heard so far.</summary>
    private async Task<(int OtherId, int OwnId, IReadOnlyList<int> Heard)> HearAsync(HubConnection hub, Account otherAccount, Account ownAccount)
    {
        var heard = new List<int>();
        var ownArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ownId = 0;
        using var subscription = hub.On<LiveEvent>("event", e =>
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
            return (otherId, ownId, heard.ToList());
        }
    }

    private static Task ClosedAsync(HubConnection hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    private static readonly Actor Admin = new("Ada Admin", Roles.Admin);

    private ApiKeyService Keys() => App.Services.CreateScope().ServiceProvider.GetRequiredService<ApiKeyService>();

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
