using System.Threading.Channels;
using SalesOps.Shared.Domain;

namespace SalesOps.Web.Live;

/// <summary>
/// The one in-process event bus. Every committed change is published here once; screens and the SignalR relay
/// subscribe. Each subscriber gets its own queue and pump, so a slow or dead subscriber (a browser that went away
/// mid-interop) never delays the publisher or the others.
/// </summary>
public sealed class LiveEventBus(ILogger<LiveEventBus> logger)
{
    private readonly ILogger _logger = logger;
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    public long LastSequence { get; private set; }

    /// <param name="handler">Called for each matching event, one at a time, in sequence order.</param>
    /// <param name="filter">Which events this subscriber wants; null for all.</param>
    public IDisposable Subscribe(Func<LiveEvent, Task> handler, Func<LiveEvent, bool>? filter = null)
    {
        var subscription = new Subscription(this, handler, filter);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    public void Publish(LiveEvent liveEvent)
    {
        LastSequence = Math.Max(LastSequence, liveEvent.Sequence);
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Offer(liveEvent);
        }
    }

    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
        }
    }

    private sealed class Subscription : IDisposable
    {
        private readonly LiveEventBus _bus;
        private readonly Func<LiveEvent, Task> _handler;
        private readonly Func<LiveEvent, bool>? _filter;
        private readonly Channel<LiveEvent> _queue = Channel.CreateUnbounded<LiveEvent>(new UnboundedChannelOptions { SingleReader = true });

        public Subscription(LiveEventBus bus, Func<LiveEvent, Task> handler, Func<LiveEvent, bool>? filter)
        {
            _bus = bus;
            _handler = handler;
            _filter = filter;
            _ = Task.Run(PumpAsync);
        }

        public void Offer(LiveEvent liveEvent)
        {
            if (_filter is null || _filter(liveEvent))
            {
                _queue.Writer.TryWrite(liveEvent);
            }
        }

        private async Task PumpAsync()
        {
            await foreach (var liveEvent in _queue.Reader.ReadAllAsync())
            {
                try
                {
                    await _handler(liveEvent);
                }
                catch (Exception ex)
                {
                    _bus._logger.LogWarning(ex, "A live subscriber failed on event {Sequence}", liveEvent.Sequence);
                }
            }
        }

        public void Dispose()
        {
            _bus.Remove(this);
            _queue.Writer.TryComplete();
        }
    }
}
