using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data;

namespace SalesOps.Web.Features.Incentives;

/// <summary>What winning one open deal today would pay its owner, explained (tier slices, uplift, cap, SPIF).</summary>
/// <param name="PeriodKey">The quarter the win would count in, e.g. <c>2026-Q4</c>.</param>
public sealed record DealPay(int DealId, string Name, string Account, decimal Amount, int Probability, DateOnly ExpectedClose, string PeriodKey, WhatIfPayout Payout)
{
    /// <summary>The exact change in the quarter's payout, to the cent.</summary>
    public decimal Pays => Payout.Pays;
}

/// <summary>
/// "Pays you $X if won now": the commission delta of winning an open deal today, through the same engine and inputs
/// as the statement (<see cref="PayInputs"/>), with tier crossings, a retroactive plan's uplift, the cap and SPIFs.
/// Pay is private: only the deal's owner gets a figure; anyone else (their manager included) gets nothing, whatever
/// they ask for.
/// </summary>
public sealed class PayPreviewService(IDbContextFactory<SalesOpsDbContext> factory, StageCatalog stages)
{
    /// <summary>At most this many open deals are worked out for one rep (each is two engine runs).</summary>
    public const int MaxOpenDeals = 200;

    /// <summary>The figure for one deal; null unless the actor owns it, it is open, and a plan covers today.</summary>
    /// <param name="today">The user's today: the deal is taken as won today, in today's quarter.</param>
    public async Task<DealPay?> ForDealAsync(Actor actor, int dealId, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (actor.RepId is not { } repId || actor.Role != Roles.Rep)
        {
            return null;
        }

        var pays = await ForOpenDealsAsync(repId, today, dealId, cancellationToken);
        return pays.Count == 1 ? pays[0] : null;
    }

    /// <summary>
    /// The figure for each of the rep's open deals (or just <paramref name="onlyDealId"/>), each as if it alone were
    /// won today after the deals already won. Rights are the caller's: pass only the actor's own rep id.
    /// </summary>
    internal async Task<IReadOnlyList<DealPay>> ForOpenDealsAsync(int repId, DateOnly today, int? onlyDealId = null, CancellationToken cancellationToken = default)
    {
        var period = Period.QuarterOf(today);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var openIds = stages.OpenIds.ToList();
        var deals = db.Deals.AsNoTracking().Where(d => d.OwnerRepId == repId && openIds.Contains(d.StageId));
        if (onlyDealId is { } id)
        {
            deals = deals.Where(d => d.Id == id);
        }

        var open = await deals
            .OrderByDescending(d => d.Amount).ThenBy(d => d.Id)
            .Take(MaxOpenDeals)
            .Select(d => new { d.Id, d.Name, Account = d.Account!.Name, d.Amount, d.Probability, d.ExpectedClose, d.ProductId })
            .ToListAsync(cancellationToken);
        if (open.Count == 0 || await PayInputs.RequestAsync(db, stages.WonId, repId, period, cancellationToken) is not { } found)
        {
            return [];
        }

        var key = StatementService.KeyOf(period);
        return open
            .Select(d => new DealPay(d.Id, d.Name, d.Account, d.Amount, d.Probability, d.ExpectedClose, key,
                CommissionEngine.PaysIfWonNow(found.Request, new WonDeal(d.Id, d.Name, d.Amount, today, d.ProductId))))
            .ToList();
    }
}
