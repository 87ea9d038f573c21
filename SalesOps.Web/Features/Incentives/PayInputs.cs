using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data;

namespace SalesOps.Web.Features.Incentives;

/// <summary>
/// What the commission engine needs for one rep and period, read the same way for statements, "pays you if won now"
/// and the rep's own performance page, so the three can never disagree. Callers check rights first.
/// </summary>
internal static class PayInputs
{
    /// <summary>
    /// The plan that pays a rep over a period: the newest plan in effect then that is assigned to the rep, otherwise
    /// the newest one in effect that is assigned to nobody (the company's default); null when none.
    /// </summary>
    public static Task<CompPlan?> PlanForAsync(SalesOpsDbContext db, int repId, Period period, CancellationToken cancellationToken) =>
        db.CompPlans.AsNoTracking()
            .Include(p => p.Tiers)
            .Include(p => p.Spifs)
            .Where(p => p.EffectiveFrom <= period.End && (p.EffectiveTo == null || p.EffectiveTo >= period.Start))
            .Where(p => p.Assignments.Any(a => a.RepId == repId) || !p.Assignments.Any())
            .OrderByDescending(p => p.Assignments.Any(a => a.RepId == repId))
            .ThenByDescending(p => p.EffectiveFrom)
            .ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The rep's revenue quota for the period (quarterly quotas prorated by days when the period differs).</summary>
    public static async Task<decimal> QuotaForAsync(SalesOpsDbContext db, int repId, Period period, CancellationToken cancellationToken)
    {
        var quotas = await db.Quotas.AsNoTracking()
            .Where(q => q.RepId == repId && q.Metric == QuotaMetric.WonRevenue && q.PeriodStart <= period.End && q.PeriodEnd >= period.Start)
            .Select(q => new { q.PeriodStart, q.PeriodEnd, q.Amount })
            .ToListAsync(cancellationToken);
        return quotas.Sum(q => LeaderboardService.Prorated(q.Amount, new Period(q.PeriodStart, q.PeriodEnd), period));
    }

    /// <summary>The rep's deals won in the period, in the order the engine pays them (close date, then close time).</summary>
    public static Task<List<WonDeal>> WonDealsAsync(SalesOpsDbContext db, int wonStageId, int repId, Period period, CancellationToken cancellationToken) =>
        db.Deals.AsNoTracking()
            .Where(d => d.OwnerRepId == repId && d.StageId == wonStageId && d.ClosedOn >= period.Start && d.ClosedOn <= period.End)
            .OrderBy(d => d.ClosedOn).ThenBy(d => d.StageEnteredAt).ThenBy(d => d.Id)
            .Select(d => new WonDeal(d.Id, d.Name, d.Amount, d.ClosedOn!.Value, d.ProductId))
            .ToListAsync(cancellationToken);

    /// <summary>The engine's request for a rep and period with the plan that pays it; null when no plan covers the period.</summary>
    public static async Task<(StatementRequest Request, CompPlan Plan)?> RequestAsync(
        SalesOpsDbContext db, int wonStageId, int repId, Period period, CancellationToken cancellationToken)
    {
        if (await PlanForAsync(db, repId, period, cancellationToken) is not { } plan)
        {
            return null;
        }

        var quota = await QuotaForAsync(db, repId, period, cancellationToken);
        var won = await WonDealsAsync(db, wonStageId, repId, period, cancellationToken);
        return (new StatementRequest(CompPlanTerms.From(plan), quota, period, won), plan);
    }
}
