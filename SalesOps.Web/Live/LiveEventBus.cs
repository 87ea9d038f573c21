using System.Threading.Channels;
using SalesOps.Shared.Domain;

namespace SalesOps.Web.Live;

/// <summary>
/// The one in-process event bus. Every committed change is published here once; screens and the SignalR relay
/// subscribe. Each subscriber gets its own bounded queue and pump, so a slow or dead subscriber (a browser that
/// went away mid-interop) never delays the publisher or the others, and never holds more than its capacity.
/// </summary>
public sealed class LiveEventBus(ILogger<LiveEventBus> logger)
{
    /// <summary>
    /// Enough for any burst a screen sees; a screen re-reads on the newest event anyway, so when a stuck one
    /// overflows, dropping its oldest events loses nothing it needs.
    /// </summary>
    public const int DefaultCapacity = 1_000;

    private readonly ILogger _logger = logger;
    private readonly Lock _gate = new();
    private LiveSubscription[] _subscriptions = [];
    private long _lastSequence;

    public long LastSequence => Volatile.Read(ref _lastSequence);

    /// <param name="handler">Called for each matching event, one at a time, in sequence order.</param>
    /// <param name="filter">Which events this subscriber wants; null for all. Runs on the publisher's thread: keep it cheap.</param>
    /// <param name="capacity">
    /// How many events may wait for the handler; beyond it the oldest waiting one is dropped (see
    /// <see cref="LiveSubscription.Dropped"/>), so publishing never blocks and memory stays capped.
    /// </param>
    public LiveSubscription Subscribe(Func<LiveEvent, Task> handler, Func<LiveEvent, bool>? filter = null, int capacity = DefaultCapacity)
    {
        var subscription = new LiveSubscription(this, handler, filter, capacity);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    public void Publish(LiveEvent liveEvent)
    {
        // Publishers are funnelled through LiveWriter, but a max keeps this right should two ever race.
        var last = Volatile.Read(ref _lastSequence);
        while (liveEvent.Sequence > last && Interlocked.CompareExchange(ref _lastSequence, liveEvent.Sequence, last) != last)
        {
            last = Volatile.Read(ref _lastSequence);
        }

        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Offer(liveEvent);
        }
    }

    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    private void Remove(LiveSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
        }
    }

    /// <summary>One subscriber's queue and pump; dispose it to unsubscribe.</summary>
    public sealed class LiveSubscription : IDisposable
    {
        private readonly LiveEventBus _bus;
        private readonly Func<LiveEvent, Task> _handler;
        private readonly Func<LiveEvent, bool>? _filter;
        private readonly Channel<LiveEvent> _queue;
        private int _peakQueued;
        private long _dropped;

        internal LiveSubscription(LiveEventBus bus, Func<LiveEvent, Task> handler, Func<LiveEvent, bool>? filter, int capacity)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
            _bus = bus;
            _handler = handler;
            _filter = filter;
            Capacity = capacity;
            _queue = Channel.CreateBounded<LiveEvent>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => Interlocked.Increment(ref _dropped));
            _ = Task.Run(PumpAsync);
        }

        public int Capacity { get; }

        /// <summary>Events waiting for the handler now.</summary>
        public int Queued => _queue.Reader.Count;

        /// <summary>The most events that ever waited at once (diagnostics: never more than <see cref="Capacity"/>).</summary>
        public int PeakQueued => Volatile.Read(ref _peakQueued);

        /// <summary>Events dropped because the queue was full.</summary>
        public long Dropped => Interlocked.Read(ref _dropped);

        internal void Offer(LiveEvent liveEvent)
        {
            try
            {
                if (_filter is not null && !_filter(liveEvent))
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                // A broken filter must not stop the publisher from reaching the other subscribers.
                _bus._logger.SubscriberFilterFailed(ex, liveEvent.Sequence);
                return;
            }

            _queue.Writer.TryWrite(liveEvent);
            var queued = _queue.Reader.Count;
            var peak = Volatile.Read(ref _peakQueued);
            while (queued > peak && Interlocked.CompareExchange(ref _peakQueued, queued, peak) != peak)
            {
                peak = Volatile.Read(ref _peakQueued);
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
                    _bus._logger.SubscriberFailed(ex, liveEvent.Sequence);
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

internal static partial class LiveEventBusLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A live subscriber's filter failed on event {Sequence}")]
    public static partial void SubscriberFilterFailed(this ILogger logger, Exception exception, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live subscriber failed on event {Sequence}")]
    public static partial void SubscriberFailed(this ILogger logger, Exception exception, long sequence);
}
