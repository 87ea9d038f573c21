using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;
using SalesOps.Shared.Pipeline;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Home;
using SalesOps.Web.Features.Incentives;
using SalesOps.Web.Features.Pipeline;
using SalesOps.Web.Features.Territories;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Screens;

/// <summary>Which numbers a slide shows: its kind, its filter and the day "this quarter" is counted from.</summary>
public sealed record SlideKey(SlideKind Kind, int? TeamId, int? TerritoryId, DateOnly Today);

/// <summary>The numbers of one slide, read once and shared by every screen that shows the same slide.</summary>
public abstract record SlideData(DateTime AsOf);

public sealed record KpiSlideData(HomeDashboard Dashboard) : SlideData(Dashboard.AsOf);

public sealed record StageLine(int StageId, string Stage, int Count, decimal Amount, bool Closed);

public sealed record PipelineSlideData(DateTime AsOf, IReadOnlyList<StageLine> Stages, decimal OpenAmount, decimal WeightedAmount) : SlideData(AsOf);

public sealed record LeaderboardSlideData(Leaderboard Board) : SlideData(Board.AsOf);

public sealed record WonDealLine(int DealId, string Rep, string Account, decimal Amount, DateOnly ClosedOn);

public sealed record TickerSlideData(DateTime AsOf, IReadOnlyList<WonDealLine> Deals) : SlideData(AsOf);

public sealed record TextSlideData(DateTime AsOf) : SlideData(AsOf);

/// <summary>The standings of the contest a slide shows; <see cref="Board"/> is null when there is no contest to show.</summary>
public sealed record ContestSlideData(DateTime AsOf, ContestBoard? Board) : SlideData(AsOf);

/// <summary>The territory map of a slide: only the territories of its filter, and only their accounts.</summary>
public sealed record TerritoryMapSlideData(TerritoryMapData Map) : SlideData(Map.AsOf)
{
    /// <summary>
    /// Narrows the map to one territory, or to the territories owned by one team. Regions of the other territories stay
    /// on the map (grey, as regions of no territory), so the shown territory is seen in its place.
    /// </summary>
    public static TerritoryMapSlideData For(TerritoryMapData map, int? teamId, int? territoryId)
    {
        if (teamId is null && territoryId is null)
        {
            return new(map);
        }

        var shown = map.Territories
            .Where(t => (territoryId is null || t.Id == territoryId) && (teamId is null || t.TeamId == teamId))
            .ToList();
        var ids = shown.Select(t => t.Id).ToHashSet();
        var accounts = map.Accounts.Where(a => a.TerritoryId is { } id && ids.Contains(id)).ToList();
        return new(map with { Territories = shown, Accounts = accounts, TotalAccounts = accounts.Count });
    }
}

/// <summary>
/// Reads slide numbers through the existing dashboard, board, leaderboard, contest and territory map services and shares each result among
/// all open screens through <see cref="SharedReads"/>: 200 TVs showing "Sales floor" cost one read per change, not
/// 200, and hold one copy; a burst of TVs asking at once waits for the same read.
/// </summary>
public sealed class SlideDataCache(
    HomeDashboardService dashboards,
    PipelineBoardService boards,
    LeaderboardService leaderboards,
    ContestService contests,
    TerritoryMapService maps,
    IDbContextFactory<SalesOpsDbContext> factory,
    StageCatalog stages,
    SharedReads shared,
    TimeProvider clock)
{
    public const int LeaderboardRows = 10;
    public const int TickerRows = 8;

    /// <summary>Screens read on behalf of no one: company-wide numbers, or one team's when the slide says so.</summary>
    private static Actor ScreenActor(int? teamId) =>
        teamId is { } team ? new Actor("screen", Roles.Manager, TeamId: team) : new Actor("screen", Roles.Analyst);

    /// <summary>The slide's numbers, read once per change for every screen that shows the same slide (<see cref="SharedReads"/>).</summary>
    public Task<SlideData> GetAsync(SlideKey key) => shared.GetAsync(key, () => ReadAsync(key));

    private async Task<SlideData> ReadAsync(SlideKey key)
    {
        var actor = ScreenActor(key.TeamId);
        switch (key.Kind)
        {
            case SlideKind.Kpis:
                return new KpiSlideData(await dashboards.LoadAsync(actor, key.Today));
            case SlideKind.PipelineTotals:
                var totals = await boards.TotalsAsync(actor, new BoardFilter(TeamId: key.TeamId, TerritoryId: key.TerritoryId), key.Today);
                var open = stages.OpenIds.ToHashSet();
                var lines = totals.Stages
                    .Select(s => new StageLine(s.StageId, stages.Find(s.StageId)?.Name ?? "?", s.Count, s.Amount, !open.Contains(s.StageId)))
                    .ToList();
                var openTotals = totals.Stages.Where(s => open.Contains(s.StageId)).ToList();
                return new PipelineSlideData(Now, lines, openTotals.Sum(s => s.Amount), openTotals.Sum(s => s.WeightedAmount));
            case SlideKind.Leaderboard:
                var board = await leaderboards.LoadAsync(new LeaderboardFilter(TeamId: key.TeamId, TerritoryId: key.TerritoryId), key.Today);
                return new LeaderboardSlideData(board with { Entries = board.Entries.Take(LeaderboardRows).ToList() });
            case SlideKind.ContestStandings:
                var contest = await contests.ForScreenAsync(key.TeamId, key.Today);
                return new ContestSlideData(Now, contest is null ? null : contest with { Standings = contest.Standings with { Entries = contest.Standings.Entries.Take(LeaderboardRows).ToList() } });
            case SlideKind.TerritoryMap:
                return TerritoryMapSlideData.For(await maps.LoadAsync(actor, key.Today), key.TeamId, key.TerritoryId);
            case SlideKind.WonTicker:
                return new TickerSlideData(Now, await WonDealsAsync(key));
            default:
                return new TextSlideData(Now);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The latest won deals of the slide's team or territory, newest first.</summary>
    private async Task<IReadOnlyList<WonDealLine>> WonDealsAsync(SlideKey key)
    {
        var wonId = stages.WonId;
        await using var db = await factory.CreateDbContextAsync();
        var deals = db.Deals.AsNoTracking().Where(d => d.StageId == wonId && d.ClosedOn <= key.Today);
        if (key.TeamId is { } team)
        {
            deals = deals.Where(d => d.TeamId == team);
        }

        if (key.TerritoryId is { } territory)
        {
            deals = deals.Where(d => d.Account!.TerritoryId == territory);
        }

        return await deals
            .OrderByDescending(d => d.ClosedOn).ThenByDescending(d => d.StageEnteredAt).ThenByDescending(d => d.Id)
            .Take(TickerRows)
            .Select(d => new WonDealLine(d.Id, d.OwnerRep!.Name, d.Account!.Name, d.Amount, d.ClosedOn!.Value))
            .ToListAsync();
    }
}
