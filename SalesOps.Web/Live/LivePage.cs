using Microsoft.AspNetCore.Components;
using SalesOps.Shared.Domain;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Live;

/// <summary>
/// The base of every page (or panel) that shows live data. It follows the bus from before its first read, so a
/// change committed while that read runs is never missed; folds a burst of events into at most two re-reads
/// (<see cref="LiveRefresher"/>); re-renders through <c>InvokeAsync</c>; hands failures to the circuit; and
/// unsubscribes when disposed. A derived page says what it shows (<see cref="Shows"/>), how to read it
/// (<see cref="LoadAsync"/>), and calls <see cref="ReloadAsync"/> whenever it wants fresh data.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private LiveRefresher? _live;
    private bool _disposed;

    [Inject] private LiveEventBus Bus { get; set; } = default!;
    [Inject] private ILoggerFactory LoggerFactory { get; set; } = default!;

    /// <summary>The user's "now" and "today". What a page shows for "this quarter" follows the browser's zone, so a
    /// zone the browser reports late (after the prerender's cookie guess) re-reads the page like a live event.</summary>
    [Inject] protected UserClock Clock { get; set; } = default!;

    /// <summary>Whether this live event changes what the page shows. Runs on the publisher's thread: no I/O, no throwing.</summary>
    protected abstract bool Shows(LiveEvent liveEvent);

    /// <summary>Reads what the page shows into its fields. Never runs twice at once.</summary>
    protected abstract Task LoadAsync();

    /// <summary>Whether the page is following the bus (only interactive renders do; a prerender would leak the subscription).</summary>
    protected bool IsFollowing => _live is not null;

    /// <summary>
    /// Reads again (the first call also starts following the bus, before it reads). Reads run one after another,
    /// so a read that started before a change can never land after one that started after it.
    /// </summary>
    protected async Task ReloadAsync()
    {
        if (_live is null && !_disposed && RendererInfo.IsInteractive)
        {
            _live = new LiveRefresher(Bus, Shows, RefreshAsync, LoggerFactory.CreateLogger(GetType()));
            Clock.ZoneChanged += OnZoneChanged;
        }

        await _reading.WaitAsync();
        try
        {
            await LoadAsync();
        }
        finally
        {
            _reading.Release();
        }
    }

    private Task RefreshAsync() => InvokeAsync(async () =>
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            await ReloadAsync();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    });

    private void OnZoneChanged() => _live?.Request();

    public void Dispose()
    {
        _disposed = true;
        Clock.ZoneChanged -= OnZoneChanged;
        _live?.Dispose();
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the derived page holds besides the subscription.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
