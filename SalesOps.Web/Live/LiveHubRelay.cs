using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SalesOps.Shared.Domain;

namespace SalesOps.Web.Live;

/// <summary>
/// Forwards every bus event to the hub groups allowed to see it, in sequence order. A group send waits for the
/// slowest connection in it, so the relay reads the bus through a bounded queue (memory stays capped while it
/// waits) and the hub closes a connection whose send outlasts <see cref="LiveOptions.ClientSendTimeout"/>.
/// Whatever a client misses either way it fetches with <see cref="LiveHub.Replay"/>.
/// </summary>
public sealed class LiveHubRelay(LiveEventBus bus, IHubContext<LiveHub> hub, IOptions<LiveOptions> options, ILogger<LiveHubRelay> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private LiveEventBus.LiveSubscription? _subscription;
    private long _reportedDrops;
    private int _stopped;

    /// <summary>How many events the relay may hold (<see cref="LiveOptions.RelayQueueCapacity"/>).</summary>
    public int Capacity => options.Value.RelayQueueCapacity;

    /// <summary>The most events that ever waited in the relay at once; never more than <see cref="Capacity"/>.</summary>
    public int PeakQueued => _subscription?.PeakQueued ?? 0;

    /// <summary>Events the relay dropped because its queue was full (clients replay them).</summary>
    public long Dropped => _subscription?.Dropped ?? 0;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(RelayAsync, capacity: options.Value.RelayQueueCapacity);
        return Task.CompletedTask;
    }

    private Task RelayAsync(LiveEvent liveEvent)
    {
        ReportDrops();
        List<string> groups = [LiveHub.EveryoneGroup];
        if (liveEvent.TeamId is { } team)
        {
            groups.Add(LiveHub.TeamGroup(team));
        }

        if (liveEvent.RepId is { } rep)
        {
            groups.Add(LiveHub.RepGroup(rep));
        }

        return hub.Clients.Groups(groups).SendAsync(LiveHub.EventMethod, liveEvent, _stopping.Token);
    }

    private void ReportDrops()
    {
        var dropped = Dropped;
        if (dropped != _reportedDrops)
        {
            logger.DroppedEvents(dropped - _reportedDrops);
            _reportedDrops = dropped;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Stop();
        return Task.CompletedTask;
    }

    /// <remarks>
    /// A singleton the container disposes; a test host may dispose it before the host stops it, so stopping
    /// happens once whichever comes first.
    /// </remarks>
    public void Dispose()
    {
        Stop();
        _stopping.Dispose();
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _stopping.Cancel();
            _subscription?.Dispose();
        }
    }
}

internal static partial class LiveHubRelayLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The live hub relay fell behind a slow client and dropped {Count} events; clients replay them")]
    public static partial void DroppedEvents(this ILogger logger, long count);
}
