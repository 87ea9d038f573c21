using SalesOps.Shared.Domain;

namespace SalesOps.Web.Live;

/// <summary>
/// Keeps a screen current: subscribes to the bus and re-runs <c>refresh</c> after matching events. A burst of
/// events costs at most two refreshes, not one per event, and a refresh never runs twice at once.
/// </summary>
public sealed class LiveRefresher : IDisposable
{
    private const int Idle = 0, Running = 1, RunningAndRequested = 2;

    private readonly Func<Task> _refresh;
    private readonly ILogger _logger;
    private readonly LiveEventBus.LiveSubscription _subscription;
    private int _state;
    private int _requests;

    /// <param name="refresh">Re-reads the data and re-renders (through InvokeAsync).</param>
    public LiveRefresher(LiveEventBus bus, Func<LiveEvent, bool> filter, Func<Task> refresh, ILogger logger)
    {
        _refresh = refresh;
        _logger = logger;
        _subscription = bus.Subscribe(_ =>
        {
            Request();
            return Task.CompletedTask;
        }, filter);
    }

    /// <summary>How many refreshes were asked for (diagnostics; most are folded into a running one).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void Request()
    {
        Interlocked.Increment(ref _requests);
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == Idle && Interlocked.CompareExchange(ref _state, Running, Idle) == Idle)
            {
                _ = RunAsync(); // not awaited: the bus must be free to hand us the next event meanwhile
                return;
            }

            if (state == RunningAndRequested || (state == Running && Interlocked.CompareExchange(ref _state, RunningAndRequested, Running) == Running))
            {
                return;
            }
        }
    }

    private async Task RunAsync()
    {
        do
        {
            try
            {
                await _refresh();
            }
            catch (Exception ex)
            {
                _logger.RefreshFailed(ex);
            }
        }
        while (Interlocked.CompareExchange(ref _state, Idle, Running) != Running && Interlocked.Exchange(ref _state, Running) != Idle);
    }

    public void Dispose() => _subscription.Dispose();
}

internal static partial class LiveRefresherLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A live refresh failed")]
    public static partial void RefreshFailed(this ILogger logger, Exception exception);
}
