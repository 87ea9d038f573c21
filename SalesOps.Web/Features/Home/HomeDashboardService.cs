using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data;

namespace SalesOps.Web.Features.Home;

public sealed record MonthAmount(DateOnly Month, decimal Amount);

public sealed record RepStanding(int RepId, string Name, decimal Won, decimal? Quota)
{
    public double? Attainment => Quota is > 0 ? (double)(Won / Quota.Value) : null;
}

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
    public double? Attainment => Quota is > 0 ? (double)(QuarterKpis.WonAmount / Quota.Value) : null;
}

public sealed class HomeDashboardService(IDbContextFactory<SalesOpsDbContext> factory, StageCatalog stages, TimeProvider clock)
{
    private const int TopRepCount = 5;

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
        var months = Enumerable.Range(0, 12)
            .Select(i => yearAgo.AddMonths(i))
            .Select(m => new MonthAmount(m, byMonth.Where(b => b.Year == m.Year && b.Month == m.Month).Sum(b => b.Amount)))
            .ToList();

        IReadOnlyList<RepStanding> topReps = [];
        if (scope.RepId is null)
        {
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
            topReps);
    }
}
