using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data;

namespace SalesOps.Web.Features.Incentives;

/// <summary>The next tier a rep can reach this quarter and the won revenue still needed to reach it.</summary>
public sealed record NextTier(decimal Threshold, decimal RatePercent, decimal RevenueNeeded);

/// <summary>A rep's own quarter: attainment, pay so far, the next tier, and the open deals that would get them there.</summary>
/// <param name="PaySoFar">What the quarter's statement pays so far (its total), to the cent.</param>
/// <param name="Next">Null at the top tier or without a quota.</param>
/// <param name="GapDeals">Open deals, best first: those that close the gap alone, likeliest first, then the best paid.</param>
public sealed record MyPerformance(
    int RepId,
    string RepName,
    string PeriodKey,
    Period Period,
    string PlanName,
    decimal Quota,
    decimal Revenue,
    decimal? AttainmentPercent,
    decimal PaySoFar,
    RateTier ReachedTier,
    NextTier? Next,
    IReadOnlyList<DealPay> GapDeals);

/// <summary>
/// The rep's own performance (<c>/incentives/me</c> and the rep's home). Only a rep has one, and only their own is
/// ever read: the rep comes from the signed-in actor, never from the request.
/// </summary>
public sealed class MyPerformanceService(IDbContextFactory<SalesOpsDbContext> factory, StageCatalog stages, PayPreviewService payPreview)
{
    /// <summary>How many open deals the page lists.</summary>
    public const int MaxGapDeals = 8;

    /// <returns>Null when the actor is not a rep or no plan covers the quarter.</returns>
    public async Task<MyPerformance?> LoadAsync(Actor actor, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (actor.Role != Roles.Rep || actor.RepId is not { } repId)
        {
            return null;
        }

        var period = Period.QuarterOf(today);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var name = await db.Reps.AsNoTracking().Where(r => r.Id == repId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null || await PayInputs.RequestAsync(db, stages.WonId, repId, period, cancellationToken) is not { } found)
        {
            return null;
        }

        var statement = CommissionEngine.Compute(found.Request);
        var next = NextTierOf(found.Request.Plan, statement);
        var open = await payPreview.ForOpenDealsAsync(repId, today, cancellationToken: cancellationToken);
        return new MyPerformance(repId, name, StatementService.KeyOf(period), period, found.Plan.Name, statement.Quota, statement.CreditedRevenue,
            statement.AttainmentPercent, statement.Total, statement.ReachedTier, next, BestFirst(open, next));
    }

    /// <summary>The first tier above the one reached, and the revenue between today's and its threshold.</summary>
    public static NextTier? NextTierOf(CompPlanTerms plan, CommissionStatement statement)
    {
        if (statement.Quota <= 0 || plan.Tiers.FirstOrDefault(t => t.Threshold > statement.ReachedTier.Threshold) is not { } tier)
        {
            return null;
        }

        var needed = statement.Quota * tier.Threshold / 100 - statement.CreditedRevenue;
        return new NextTier(tier.Threshold, tier.RatePercent, decimal.Round(Math.Max(0, needed), 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>Deals that close the gap on their own first (likeliest first), then the others by what they pay.</summary>
    public static IReadOnlyList<DealPay> BestFirst(IReadOnlyList<DealPay> open, NextTier? next) =>
        open
            .Where(d => d.Payout.Excluded is null)
            .OrderByDescending(d => next is not null && d.Amount >= next.RevenueNeeded)
            .ThenByDescending(d => next is not null && d.Amount >= next.RevenueNeeded ? d.Probability : 0)
            .ThenByDescending(d => d.Pays)
            .ThenBy(d => d.DealId)
            .Take(MaxGapDeals)
            .ToList();
}
