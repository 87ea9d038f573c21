using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data;

namespace SalesOps.Web.Features.Home;

public sealed record MonthAmount(DateOnly Month, decimal Amount);

public sealed record RepStanding(int RepId, string Name, decimal Won, decimal? Quota, decimal OpenAmount = 0, int Overdue = 0)
{
    public double? Attainment => Quota is > 0 ? (double)(Won / Quota.Value) : null;
}

/// <summary>An open deal expected to close soon, as the home list shows it.</summary>
public sealed record ClosingDeal(int Id, string Name, string Account, int StageId, decimal Amount, DateOnly ExpectedClose);

/// <summary>Everything the home dashboard shows, for one actor, read at <see cref="AsOf"/>.</summary>
public sealed record HomeDashboard(
    DateTime AsOf,
    Period Quarter,
    PipelineTotals OpenPipeline,
    ClosedDealKpis QuarterKpis,
    decimal? Quota,
    IReadOnlyList<MonthAmount> WonByMonth,
    IReadOnlyList<RepStanding> TopReps)
{
    /// <summary>The quarter before, for "▲ 12% vs Q3".</summary>
    public ClosedDealKpis? PreviousQuarterKpis { get; init; }

    /// <summary>Every rep the actor sees, with this quarter's won, quota, open pipeline and overdue deals (managers, VPs).</summary>
    public IReadOnlyList<RepStanding> Team { get; init; } = [];

    /// <summary>Open deals whose expected close has passed.</summary>
    public int Overdue { get; init; }

    /// <summary>Open deals that have not moved stage for <see cref="HomeDashboardService.SlippingAfterDays"/> days.</summary>
    public int Slipping { get; init; }

    /// <summary>Open deals expected to close this month, largest first (at most ten), and how many there are.</summary>
    public IReadOnlyList<ClosingDeal> ClosingThisMonth { get; init; } = [];

    public int ClosingThisMonthCount { get; init; }

    public decimal ClosingThisMonthAmount { get; init; }

    /// <summary>Days left in the quarter, today included.</summary>
    public int DaysLeft { get; init; }

    /// <summary>Won minus quota (negative: still to go); null without a quota.</summary>
    public decimal? QuotaGap => Quota is { } quota ? QuarterKpis.WonAmount - quota : null;

    public double? Attainment => Quota is > 0 ? (double)(QuarterKpis.WonAmount / Quota.Value) : null;
}

public sealed class HomeDashboardService(IDbContextFactory<SalesOpsDbContext> factory, StageCatalog stages, TimeProvider clock)
{
    private const int TopRepCount = 5;
    private const int MaxTeamRows = 200;
    private const int ClosingListSize = 10;

    /// <summary>An open deal this long without a stage move counts as slipping.</summary>
    public const int SlippingAfterDays = 30;

    /// <param name="today">The user's today (their time zone): it decides "this quarter" and the last twelve months.</param>
    public async Task<HomeDashboard> LoadAsync(Actor actor, DateOnly today, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quarter = Period.QuarterOf(today);
        var scope = actor.DealScope;
        var wonId = stages.WonId;
        var lostId = stages.LostId;

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deals = db.Deals.AsNoTracking().VisibleTo(scope);

        var slices = await deals.Open(stages).ToStageSlicesAsync(cancellationToken);

        // Summed in SQL: a VP's quarter can hold a hundred thousand closed deals on a large company.
        var closedInQuarter = deals.WonOrLost(stages).ClosedIn(quarter);
        var closed = await closedInQuarter
            .GroupBy(d => d.StageId)
            .Select(g => new
            {
                StageId = g.Key,
                Count = g.Count(),
                Amount = g.Sum(d => d.Amount),
                CycleDays = g.Sum(d => Math.Max(0, SqliteFunctions.JulianDay(d.ClosedOn!.Value) - SqliteFunctions.JulianDay(d.EngagedOn ?? d.CreatedOn))),
            })
            .ToListAsync(cancellationToken);
        var won = closed.SingleOrDefault(c => c.StageId == wonId);
        var lost = closed.SingleOrDefault(c => c.StageId == lostId);

        var lastTwelveMonths = new Period(Period.MonthOf(today).Start.AddMonths(-11), Period.MonthOf(today).End);
        var yearAgo = lastTwelveMonths.Start;
        var byMonth = await deals
            .Where(d => d.StageId == wonId)
            .ClosedIn(lastTwelveMonths)
            .GroupBy(d => new { d.ClosedOn!.Value.Year, d.ClosedOn!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(d => d.Amount) })
            .ToListAsync(cancellationToken);

        var quotas = await db.Quotas.AsNoTracking()
            .Where(q => q.RepId != null && q.PeriodStart <= quarter.End && q.PeriodEnd >= quarter.Start)
            .VisibleTo(scope)
            .Select(q => new { RepId = q.RepId!.Value, q.Amount })
            .ToListAsync(cancellationToken);

        var kpis = KpiCalculator.Summarize(new ClosedDealTotals(won?.Count ?? 0, lost?.Count ?? 0, won?.Amount ?? 0, won?.CycleDays ?? 0));
        var previous = await ClosedKpisAsync(deals, quarter.Previous(), cancellationToken);

        var open = deals.Open(stages);
        var overdue = await open.CountAsync(d => d.ExpectedClose < today, cancellationToken);
        var slippingBefore = now.AddDays(-SlippingAfterDays);
        var slipping = await open.CountAsync(d => d.StageEnteredAt < slippingBefore, cancellationToken);
        var month = Period.MonthOf(today);
        var closingThisMonth = open.Where(d => d.ExpectedClose >= today && d.ExpectedClose <= month.End);
        var closingTotals = await closingThisMonth.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Amount = g.Sum(d => d.Amount) }).FirstOrDefaultAsync(cancellationToken);
        var closingList = await closingThisMonth.OrderByDescending(d => d.Amount).ThenBy(d => d.Id).Take(ClosingListSize)
            .Select(d => new ClosingDeal(d.Id, d.Name, d.Account!.Name, d.StageId, d.Amount, d.ExpectedClose))
            .ToListAsync(cancellationToken);
        var months = Enumerable.Range(0, 12)
            .Select(i => yearAgo.AddMonths(i))
            .Select(m => new MonthAmount(m, byMonth.Where(b => b.Year == m.Year && b.Month == m.Month).Sum(b => b.Amount)))
            .ToList();

        IReadOnlyList<RepStanding> topReps = [];
        IReadOnlyList<RepStanding> team = [];
        if (scope.RepId is null)
        {
            team = await TeamAsync(db, scope, closedInQuarter, open, today, quotas.GroupBy(q => q.RepId).ToDictionary(g => g.Key, g => g.Sum(q => q.Amount)), cancellationToken);
            var quotaByRep = quotas.GroupBy(q => q.RepId).ToDictionary(g => g.Key, g => g.Sum(q => q.Amount));
            var wonByRep = (await closedInQuarter.Where(d => d.StageId == wonId)
                    .GroupBy(d => d.OwnerRepId)
                    .Select(g => new { RepId = g.Key, Won = g.Sum(d => d.Amount) })
                    .OrderByDescending(r => r.Won)
                    .Take(TopRepCount)
                    .ToListAsync(cancellationToken))
                .Select(r => (r.RepId, r.Won))
                .ToList();
            var ids = wonByRep.Select(r => r.RepId).ToList();
            var names = await db.Reps.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
            topReps = wonByRep.Select(r => new RepStanding(r.RepId, names.GetValueOrDefault(r.RepId, "?"), r.Won, quotaByRep.TryGetValue(r.RepId, out var q) ? q : null)).ToList();
        }

        return new HomeDashboard(
            now,
            quarter,
            PipelineCalculator.Summarize(slices, stages.OpenIds),
            kpis,
            quotas.Count == 0 ? null : quotas.Sum(q => q.Amount),
            months,
            topReps)
        {
            PreviousQuarterKpis = previous,
            Team = team,
            Overdue = overdue,
            Slipping = slipping,
            ClosingThisMonth = closingList,
            ClosingThisMonthCount = closingTotals?.Count ?? 0,
            ClosingThisMonthAmount = closingTotals?.Amount ?? 0,
            DaysLeft = quarter.End.DayNumber - today.DayNumber + 1,
        };
    }

    private async Task<ClosedDealKpis> ClosedKpisAsync(IQueryable<Deal> deals, Period period, CancellationToken cancellationToken)
    {
        var wonId = stages.WonId;
        var closed = await deals.WonOrLost(stages).ClosedIn(period)
            .GroupBy(d => d.StageId)
            .Select(g => new
            {
                StageId = g.Key,
                Count = g.Count(),
                Amount = g.Sum(d => d.Amount),
                CycleDays = g.Sum(d => Math.Max(0, SqliteFunctions.JulianDay(d.ClosedOn!.Value) - SqliteFunctions.JulianDay(d.EngagedOn ?? d.CreatedOn))),
            })
            .ToListAsync(cancellationToken);
        var won = closed.SingleOrDefault(c => c.StageId == wonId);
        var lost = closed.SingleOrDefault(c => c.StageId != wonId);
        return KpiCalculator.Summarize(new ClosedDealTotals(won?.Count ?? 0, lost?.Count ?? 0, won?.Amount ?? 0, won?.CycleDays ?? 0));
    }

    /// <summary>Every active rep in scope with this quarter's won, their quota, open pipeline and overdue deals.</summary>
    private async Task<IReadOnlyList<RepStanding>> TeamAsync(
        SalesOpsDbContext db, DealScope scope, IQueryable<Deal> closedInQuarter, IQueryable<Deal> open, DateOnly today,
        Dictionary<int, decimal> quotaByRep, CancellationToken cancellationToken)
    {
        var wonId = stages.WonId;
        var reps = await db.Reps.AsNoTracking().Where(r => r.Active).VisibleTo(scope).OrderBy(r => r.Name).Take(MaxTeamRows)
            .Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var won = await closedInQuarter.Where(d => d.StageId == wonId).GroupBy(d => d.OwnerRepId)
            .Select(g => new { RepId = g.Key, Amount = g.Sum(d => d.Amount) }).ToDictionaryAsync(g => g.RepId, g => g.Amount, cancellationToken);
        var pipeline = await open.GroupBy(d => d.OwnerRepId)
            .Select(g => new { RepId = g.Key, Amount = g.Sum(d => d.Amount), Overdue = g.Count(d => d.ExpectedClose < today) })
            .ToDictionaryAsync(g => g.RepId, cancellationToken);
        return reps.Select(r => new RepStanding(r.Id, r.Name, won.GetValueOrDefault(r.Id), quotaByRep.TryGetValue(r.Id, out var q) ? q : null,
                pipeline.TryGetValue(r.Id, out var p) ? p.Amount : 0, p?.Overdue ?? 0))
            .ToList();
    }
}
