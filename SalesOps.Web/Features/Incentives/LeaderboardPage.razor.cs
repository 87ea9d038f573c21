using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Auth;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Incentives;

/// <summary>
/// The live incentive leaderboard. The filter lives in the URL; any deal change re-ranks the board through the live
/// bus, and a deal moving into Won (or back out of it) raises (or withdraws) a celebration for everyone watching.
/// </summary>
public sealed partial class LeaderboardPage : LivePage
{
    /// <summary>More at once would cover the board; the newest wins stay.</summary>
    private const int MaxCelebrations = 3;

    // Stage changes seen by the bus, waiting for the next read to turn them into celebrations (Shows may not do I/O).
    private readonly ConcurrentQueue<LiveEvent> _stageChanges = new();
    private readonly List<Celebration> _celebrations = [];
    private Actor? _actor;
    private LeaderboardFilter _filter = LeaderboardFilter.Default;
    private Leaderboard? _board;
    private LeaderboardChoices? _choices;
    private bool _fairHelpOpen;
    private int _confettiFired;
    private IJSObjectReference? _confetti;

    [Inject] private LeaderboardService Leaderboards { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private StageCatalog Stages { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ILogger<LeaderboardPage> Logger { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "metric")] private string? Metric { get; set; }
    [SupplyParameterFromQuery(Name = "period")] private string? PeriodText { get; set; }
    [SupplyParameterFromQuery(Name = "from")] private string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private string? To { get; set; }
    [SupplyParameterFromQuery(Name = "team")] private string? Team { get; set; }
    [SupplyParameterFromQuery(Name = "territory")] private string? Territory { get; set; }
    [SupplyParameterFromQuery(Name = "channel")] private string? Channel { get; set; }
    [SupplyParameterFromQuery(Name = "contest")] private string? Contest { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _choices = await Leaderboards.ChoicesAsync(Clock.Today);
    }

    protected override async Task OnParametersSetAsync()
    {
        var filter = LeaderboardQuery.FromQuery(Metric, PeriodText, From, To, Team, Territory, Channel, Contest);
        if (_board is null || filter != _filter)
        {
            _filter = filter;
            await ReloadAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_celebrations.Count > 0 && _confettiFired != _celebrations[^1].DealId)
        {
            _confettiFired = _celebrations[^1].DealId;
            try
            {
                _confetti ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/celebration.js");
                await _confetti.InvokeAsync<bool>("celebrate");
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
            {
                // Confetti is decoration: the banner shows the win either way, and the board must keep running.
                LeaderboardLog.NoConfetti(Logger, ex, _confettiFired);
            }
        }
    }

    // Every deal change can move a rep's numbers (a win, a reversal, an amount or close date changed on a won deal).
    protected override bool Shows(LiveEvent liveEvent)
    {
        var e = liveEvent;
        if (e.EntityId is null || !e.Kind.StartsWith("deal.", StringComparison.Ordinal))
        {
            return false;
        }

        if (e.Kind == LiveEventKinds.DealStageChanged)
        {
            _stageChanges.Enqueue(e);
        }

        return true;
    }

    protected override async Task LoadAsync()
    {
        while (_stageChanges.TryDequeue(out var change))
        {
            await CelebrateAsync(change);
        }

        _board = await Leaderboards.LoadAsync(_filter, Clock.Today);
    }

    private async Task CelebrateAsync(LiveEvent change)
    {
        if (change.Payload is null || JsonSerializer.Deserialize<DealSnapshot>(change.Payload, ChangeSet.Json) is not { } deal)
        {
            return;
        }

        var wonId = Stages.WonId;
        if (deal.FromStageId == wonId)
        {
            // A reversed win: its celebration goes, and the re-read below puts the scores back.
            _celebrations.RemoveAll(c => c.DealId == deal.Id);
        }
        else if (deal.StageId == wonId && await Leaderboards.CelebrationAsync(deal.Id) is { } celebration)
        {
            _celebrations.RemoveAll(c => c.DealId == deal.Id);
            _celebrations.Add(celebration);
            if (_celebrations.Count > MaxCelebrations)
            {
                _celebrations.RemoveAt(0);
            }
        }
    }

    private void Dismiss(Celebration celebration) => _celebrations.Remove(celebration);

    private void Apply(LeaderboardFilter filter) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(LeaderboardQuery.ToQuery(filter)), replace: true);

    private bool CanOpenStatement(int repId, int teamId) => _actor?.CanSeePayOf(repId, teamId) == true;

    protected override void Dispose(bool disposing)
    {
        if (_confetti is not null)
        {
            // Fire and forget: the circuit may already be gone, and nothing waits on the module.
            _ = _confetti.DisposeAsync().AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
        }

        base.Dispose(disposing);
    }
}

internal static partial class LeaderboardLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "No confetti for deal {DealId}")]
    public static partial void NoConfetti(ILogger logger, Exception exception, int dealId);
}
