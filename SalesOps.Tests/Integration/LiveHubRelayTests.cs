using Microsoft.AspNetCore.Hosting;
using System.Globalization;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Live;

namespace SalesOps.Tests.Integration;

/// <summary>A hub client that stops reading must neither stall the others nor make the server hold ever more for it.</summary>
public class LiveHubRelayTests : AppTest
{
    private const int Capacity = 200;
    private const string TickKind = "test.tick";

    // Small limits so the test needs few events; the stuck client is closed after two seconds of a blocked send.
    protected override void ConfigureApp(IWebHostBuilder builder)
    {
        builder.UseSetting("SalesOps:Live:RelayQueueCapacity", Capacity.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("SalesOps:Live:ClientSendTimeout", "00:00:02");
        builder.UseSetting("SalesOps:Live:ClientBufferBytes", "4096");
    }

    [Fact]
    public async Task A_client_that_never_reads_does_not_stall_the_others_and_the_relay_holds_at_most_its_capacity()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var stuck = await ConnectClientThatNeverReadsAsync(cancel);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.BaseAddress, LiveHub.Path), o => o.Headers["X-Api-Key"] = DemoCompany.IngestKey)
            .Build();
        var heard = new List<long>();
        var last = long.MaxValue;
        var lastHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<LiveEvent>(LiveHub.EventMethod, e =>
        {
            lock (heard)
            {
                heard.Add(e.Sequence);
                if (e.Sequence == last)
                {
                    lastHeard.TrySetResult();
                }
            }
        });
        await hub.StartAsync(cancel);
        var before = await hub.InvokeAsync<long>("LastSequence", cancel);

        // 5,000 events of about 2 KB: megabytes, far more than the stuck client's socket buffers take.
        await PublishTicksAsync(commits: 50, eventsPerCommit: 100);
        var published = await QueryAsync(db => db.LiveEvents.Where(e => e.Kind == TickKind).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(cancel));
        lock (heard)
        {
            last = published[^1];
            if (heard.Contains(last))
            {
                lastHeard.TrySetResult();
            }
        }

        // Well under the 30 s after which the server gives up on a silent client anyway: only the send limit can
        // have freed the relay in time.
        await lastHeard.Task.WaitAsync(TimeSpan.FromSeconds(25), cancel);
        List<long> live;
        lock (heard)
        {
            live = [.. heard];
        }

        Assert.Equal(5_000, published.Count);
        Assert.Equal(live.Order(), live);
        Assert.Equal(live.Count, live.Distinct().Count());
        Assert.Equal(published, await FillGapsAsync(hub, before, live, cancel));
        var relay = App.Service<LiveHubRelay>();
        Assert.Equal(Capacity, relay.Capacity);
        Assert.InRange(relay.PeakQueued, 0, Capacity);
        // Every event the relay did not drop reached the reading client; the dropped ones it replayed above.
        Assert.Equal(published.Count, live.Count + relay.Dropped);
    }

    /// <summary>A raw WebSocket SignalR client with a tiny receive buffer that completes the handshake and then never reads.</summary>
    private async Task<ClientWebSocket> ConnectClientThatNeverReadsAsync(CancellationToken cancel)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Api-Key", DemoCompany.IngestKey);
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
                await tcp.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(tcp, ownsSocket: true);
            },
        };
        var uri = new UriBuilder(new Uri(App.BaseAddress, LiveHub.Path)) { Scheme = "ws" }.Uri;
        await socket.ConnectAsync(uri, new HttpMessageInvoker(handler, disposeHandler: false), cancel);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, endOfMessage: true, cancel);
        return socket;
    }

    private async Task PublishTicksAsync(int commits, int eventsPerCommit)
    {
        var writer = App.Service<LiveWriter>();
        var padding = new string('x', 2_000);
        for (var commit = 0; commit < commits; commit++)
        {
            await writer.CommitAsync((_, changes) =>
            {
                for (var i = 0; i < eventsPerCommit; i++)
                {
                    changes.Publish(TickKind, commit * eventsPerCommit + i, null, null, new { padding });
                }

                return Task.FromResult(0);
            });
        }
    }

    /// <summary>What a client does on a gap in the sequence numbers it heard: asks for the missing ones with Replay.</summary>
    private static async Task<List<long>> FillGapsAsync(HubConnection hub, long before, List<long> live, CancellationToken cancel)
    {
        var complete = new List<long>();
        var previous = before;
        foreach (var sequence in live)
        {
            while (previous + 1 < sequence)
            {
                var missed = await hub.InvokeAsync<List<LiveEvent>>("Replay", previous, cancel);
                var inGap = missed.Select(e => e.Sequence).TakeWhile(s => s < sequence).ToList();
                Assert.NotEmpty(inGap);
                complete.AddRange(inGap);
                previous = inGap[^1];
            }

            complete.Add(sequence);
            previous = sequence;
        }

        return complete;
    }
}
