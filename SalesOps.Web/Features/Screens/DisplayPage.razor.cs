using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Features.Incentives;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Screens;

/// <summary>
/// A wall screen as a TV shows it, opened with its display token and nothing else. It rotates the playlist on a
/// timer of the app's <see cref="TimeProvider"/>, re-reads its numbers when the live bus says something changed,
/// interrupts the rotation to celebrate a win (withdrawn if reversed), follows edits of its playlist, and goes
/// blank when its token is revoked. Slide numbers come from <see cref="SlideDataCache"/>, shared by all screens.
/// </summary>
public sealed partial class DisplayPage : LivePage
{
    /// <summary>A display that shows one slide for ten minutes still tells the fleet it is alive this often.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A TV that comes back (reloaded after a restart, switched on again) celebrates the wins it missed in this
    /// window; older wins are old news, and its numbers already count them.
    /// </summary>
    public static readonly TimeSpan CatchUpWindow = TimeSpan.FromMinutes(5);

    private readonly ConcurrentQueue<LiveEvent> _stageChanges = new();
    private readonly CelebrationLine _celebrations = new();
    private readonly Lock _timerGate = new();
    private Dictionary<int, SlideData> _data = [];
    private ScreenPlaylist? _playlist;
    private SlideRotation? _rotation;
    private ITimer? _timer;
    private long _lastTick;
    private bool _started;
    private bool _disposed;
    private DateTime? _staleSince;
    private DateTime _freshAt;
    private bool _catchUpDue;
    private bool _caughtUp;
    private long? _missedAfter;
    private long _replayedUpTo;
    private long _seen;
    private bool _away;

    [Parameter] public string Token { get; set; } = "";

    [SupplyParameterFromQuery(Name = "zoom")] private string? ZoomQuery { get; set; }
    [SupplyParameterFromQuery(Name = "margin")] private string? MarginQuery { get; set; }

    [Inject] private ScreenService Screens { get; set; } = default!;
    [Inject] private SlideDataCache Slides { get; set; } = default!;
    [Inject] private LeaderboardService Leaderboards { get; set; } = default!;
    [Inject] private StageCatalog Stages { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ScreenFleet Fleet { get; set; } = default!;
    [Inject] private DisplayCircuit Circuit { get; set; } = default!;
    [Inject] private DisplaySettingsStore SettingsStore { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ILogger<DisplayPage> Logger { get; set; } = default!;

    private DisplaySettings Settings { get; set; } = DisplaySettings.Default;

    private SlideSpec? CurrentSlide => _playlist is { } p && _rotation is { } r && r.Index < p.Slides.Count ? p.Slides[r.Index] : null;

    protected override async Task OnInitializedAsync()
    {
        Settings = DisplaySettings.FromQuery(ZoomQuery, MarginQuery) ?? DisplaySettings.Default;
        await ReloadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        // A TV is set up once: settings in the link are remembered, and a plain link later uses them.
        var fromLink = DisplaySettings.FromQuery(ZoomQuery, MarginQuery);
        var settings = fromLink ?? await SettingsStore.LoadAsync();
        if (fromLink is not null)
        {
            await SettingsStore.SaveAsync(fromLink);
        }

        Settings = settings;
        _started = true;
        _lastTick = Time.GetTimestamp();
        Circuit.ConnectionChanged += OnConnectionChanged;
        if (_playlist is { } playlist)
        {
            Circuit.IsDisplay = true;
            Fleet.Join(Circuit.Key, playlist.Id, playlist.Name, Circuit.ClientAddress, ReloadPageAsync);
            Beat();
        }

        // Wins while this TV was away are celebrated now; the read after that also follows the bus from there.
        _missedAfter = await LastSeenAsync();
        _catchUpDue = true;
        await ReloadAsync();
        Schedule();
        StateHasChanged();
    }

    /// <summary>The last live event this TV had taken in before it went away (display.js keeps it across reloads), if any.</summary>
    private async Task<long?> LastSeenAsync()
    {
        try
        {
            return await JS.InvokeAsync<long?>("salesOpsDisplay.lastSeen");
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// Once per page: the stage changes since the last event the TV had seen (none for a TV switched on for the
    /// first time), in order, so a win shows and a win reversed meanwhile does not. Until then the page's own stage
    /// changes wait in their queue; those the replay already held are skipped.
    /// </summary>
    private async Task CatchUpAsync()
    {
        if (_caughtUp || !_catchUpDue)
        {
            return;
        }

        var missed = await Screens.MissedChangesAsync(_missedAfter, Time.GetUtcNow().UtcDateTime - CatchUpWindow);
        foreach (var change in missed.StageChanges)
        {
            await CelebrateAsync(change);
        }

        _replayedUpTo = _missedAfter is null ? 0 : missed.Latest;
        _seen = Math.Max(_seen, missed.Latest);
        _caughtUp = true;
    }

    // Deal changes move the numbers (and a stage change may be a win to celebrate); account and territory changes move a
    // map; a change of this screen re-reads it.
    protected override bool Shows(LiveEvent liveEvent)
    {
        if (liveEvent.Kind == ScreenEvents.Changed)
        {
            return liveEvent.EntityId == _playlist?.Id;
        }

        if (liveEvent.Kind is LiveEventKinds.AccountMoved or LiveEventKinds.AccountCreated or LiveEventKinds.TerritoryChanged)
        {
            // Only a map moves with accounts and territories (the same events the map page follows).
            return _playlist?.Slides.Any(s => s.Kind == SlideKind.TerritoryMap) == true;
        }

        if (!liveEvent.Kind.StartsWith("deal.", StringComparison.Ordinal))
        {
            return false;
        }

        if (liveEvent.Kind == LiveEventKinds.DealStageChanged)
        {
            _stageChanges.Enqueue(liveEvent);
        }

        return true;
    }

    protected override async Task LoadAsync()
    {
        try
        {
            var playlist = await Screens.FindByTokenAsync(Token);
            if (playlist is null)
            {
                // Revoked (or never issued): blank, and stop rotating.
                _playlist = null;
                _rotation = null;
                _data = [];
                return;
            }

            ApplyPlaylist(playlist);
            await CatchUpAsync();
            while (_caughtUp && _stageChanges.TryDequeue(out var change))
            {
                if (change.Sequence > _replayedUpTo)
                {
                    await CelebrateAsync(change);
                }

                _seen = Math.Max(_seen, change.Sequence);
            }

            var today = Clock.Today;
            var data = new Dictionary<int, SlideData>();
            for (var i = 0; i < playlist.Slides.Count; i++)
            {
                var slide = playlist.Slides[i];
                data[i] = await Slides.GetAsync(new SlideKey(slide.Kind, slide.TeamId, slide.TerritoryId, today));
            }

            _data = data;
            _freshAt = Time.GetUtcNow().UtcDateTime;
            _staleSince = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_disposed)
        {
            // A TV must keep running whatever the database does: it shows what it had, marked stale.
            _staleSince ??= _freshAt == default ? Time.GetUtcNow().UtcDateTime : _freshAt;
            DisplayLog.ReadFailed(Logger, ex, Token.Length);
        }
        finally
        {
            Schedule();
        }
    }

    private void ApplyPlaylist(ScreenPlaylist playlist)
    {
        var durations = playlist.Slides.Select(s => TimeSpan.FromSeconds(s.Seconds)).ToList();
        if (_rotation is null)
        {
            _rotation = new SlideRotation(durations);
        }
        else if (_playlist?.Version != playlist.Version)
        {
            _rotation.Replace(durations);
        }

        _playlist = playlist;
    }

    private async Task CelebrateAsync(LiveEvent change)
    {
        if (change.Payload is null || JsonSerializer.Deserialize<DealSnapshot>(change.Payload, ChangeSet.Json) is not { } deal)
        {
            return;
        }

        Advance();
        if (deal.FromStageId == Stages.WonId)
        {
            _celebrations.Withdraw(deal.Id);
        }
        else if (deal.StageId == Stages.WonId && await Leaderboards.CelebrationAsync(deal.Id) is { } celebration)
        {
            _celebrations.Add(celebration);
        }

        SyncPause();
    }

    /// <summary>Lets the time since the last tick pass over the celebration, then over the rotation.</summary>
    private bool Advance()
    {
        if (!_started)
        {
            return false;
        }

        var now = Time.GetTimestamp();
        var elapsed = Time.GetElapsedTime(_lastTick, now);
        _lastTick = now;
        var changed = false;
        if (_celebrations.Current is not null && _away)
        {
            // Nobody sees a celebration while the TV's connection is down: it waits for the TV to come back.
            SyncPause();
            return false;
        }

        if (_celebrations.Current is not null)
        {
            var left = _celebrations.Remaining;
            changed = _celebrations.Elapse(elapsed);
            // Time past the end of the last celebration belongs to the rotation again.
            elapsed = _celebrations.Current is null ? elapsed - left : TimeSpan.Zero;
        }

        SyncPause();
        if (_rotation is not null && elapsed > TimeSpan.Zero)
        {
            changed |= _rotation.Elapse(elapsed);
        }

        return changed;
    }

    private void SyncPause()
    {
        if (_celebrations.Current is null)
        {
            _rotation?.Resume();
        }
        else
        {
            _rotation?.Pause();
        }
    }

    private void Schedule()
    {
        if (!_started || _disposed)
        {
            return;
        }

        var due = HeartbeatInterval;
        if (_rotation is { } rotation && _celebrations.Current is null && rotation.Remaining < due)
        {
            due = rotation.Remaining;
        }

        if (_celebrations.Current is not null && _celebrations.Remaining < due)
        {
            due = _celebrations.Remaining;
        }

        due = due < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : due;
        lock (_timerGate)
        {
            if (_timer is null)
            {
                _timer = Time.CreateTimer(_ => _ = InvokeAsync(TickAsync), null, due, Timeout.InfiniteTimeSpan);
            }
            else
            {
                _timer.Change(due, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private Task TickAsync()
    {
        if (_disposed)
        {
            return Task.CompletedTask;
        }

        Advance();
        Beat();
        Schedule();
        StateHasChanged();
        return Task.CompletedTask;
    }

    private void Beat()
    {
        if (Circuit.IsDisplay)
        {
            Fleet.Beat(Circuit.Key, _rotation?.Index ?? 0, _celebrations.Current is not null ? "Celebration" : CurrentSlide?.Kind.ToString() ?? "");
        }
    }

    /// <summary>The TV's connection went down or came back: time until now counts as it was, then the new state holds.</summary>
    private void OnConnectionChanged() => _ = InvokeAsync(() =>
    {
        if (_disposed)
        {
            return;
        }

        Advance();
        _away = !Circuit.Connected;
        Schedule();
        StateHasChanged();
    });

    /// <summary>An admin's "reload" from the fleet view: a fresh page load, as if the TV was switched off and on.</summary>
    private Task ReloadPageAsync() => InvokeAsync(() => Navigation.Refresh(forceReload: true));

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        Circuit.ConnectionChanged -= OnConnectionChanged;
        lock (_timerGate)
        {
            _timer?.Dispose();
        }

        if (Circuit.IsDisplay)
        {
            Fleet.Leave(Circuit.Key);
        }

        base.Dispose(disposing);
    }
}

internal static partial class DisplayLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A display could not read its screen (token of {Length} characters); it shows its last numbers as stale")]
    public static partial void ReadFailed(ILogger logger, Exception exception, int length);
}
