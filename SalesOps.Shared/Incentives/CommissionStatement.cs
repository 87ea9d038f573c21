using SalesOps.Shared.Kpis;

namespace SalesOps.Shared.Incentives;

/// <summary>A won deal as commission reads it; <see cref="Amount"/> is the revenue credited toward quota.</summary>
public sealed record WonDeal(int DealId, string Name, decimal Amount, DateOnly ClosedOn, int? ProductId = null);

/// <summary>A one-off correction a manager adds to a statement (positive or negative); not capped.</summary>
public sealed record ManualAdjustment(string Reason, decimal Amount);

/// <summary>
/// A period already paid, worked out again with today's deals (e.g. a deal reversed after the period closed). The
/// next statement carries <see cref="Difference"/>: a clawback when negative, an adjustment when positive.
/// Build one with <see cref="CommissionEngine.Restate"/>.
/// </summary>
public sealed record Restatement(Period Period, decimal PreviouslyPaid, decimal NowDue)
{
    /// <summary>Deals paid before that no longer count (reversed, lost, moved to another rep).</summary>
    public IReadOnlyList<int> ReversedDealIds { get; init; } = [];

    /// <summary>Deals that count now but were not paid before (e.g. a win booked late into the closed period).</summary>
    public IReadOnlyList<int> AddedDealIds { get; init; } = [];

    public decimal Difference => NowDue - PreviouslyPaid;
}

/// <summary>What the engine needs for one rep's statement over one period.</summary>
/// <param name="Quota">Revenue quota for the period; 0 means none set (attainment is then undefined).</param>
/// <param name="WonDeals">
/// The rep's won deals. They are paid in order of close date; deals closed the same day keep the order given, so
/// pass them ordered by close time. Deals outside the period or the plan's dates are listed as excluded.
/// </param>
public sealed record StatementRequest(CompPlanTerms Plan, decimal Quota, Period Period, IReadOnlyList<WonDeal> WonDeals)
{
    /// <summary>Earlier periods worked out again; each non-zero difference becomes a clawback or adjustment line.</summary>
    public IReadOnlyList<Restatement> Restatements { get; init; } = [];

    public IReadOnlyList<ManualAdjustment> Adjustments { get; init; } = [];
}

public enum StatementLineKind { Deal, Spif, Cap, Adjustment, Clawback }

public enum ExclusionReason { OutsidePeriod, OutsidePlanDates }

public sealed record ExcludedDeal(WonDeal Deal, ExclusionReason Reason);

/// <summary>
/// The part of a deal's revenue that fell in one tier. <see cref="From"/> and <see cref="To"/> are the rep's
/// cumulative credited revenue in the period before and after the slice (a deal taking the rep from 30,000 to
/// 70,000 across a tier at 50,000 has slices 30,000–50,000 and 50,000–70,000).
/// </summary>
/// <param name="Threshold">Attainment percent where the slice's tier starts.</param>
public sealed record TierSlice(decimal From, decimal To, decimal Threshold, decimal RatePercent, decimal Paid)
{
    public decimal Amount => To - From;
}

/// <summary>One line of a statement. Only deal lines credit revenue and carry tier slices.</summary>
/// <param name="Paid">Money paid by this line, in cents; negative for caps, clawbacks and negative adjustments.</param>
public sealed record StatementLine(StatementLineKind Kind, decimal Paid)
{
    /// <summary>The deal a deal or SPIF line pays for.</summary>
    public int? DealId { get; init; }

    /// <summary>The deal's name (deal line), the SPIF's name (SPIF line) or the reason (manual adjustment).</summary>
    public string? Label { get; init; }

    public decimal Credited { get; init; }

    public IReadOnlyList<TierSlice> Slices { get; init; } = [];

    /// <summary>The restated period a clawback or restatement adjustment line comes from.</summary>
    public Restatement? Restatement { get; init; }

    /// <summary>Paid ÷ credited, in percent to four decimals: the one rate a deal paid, or the blend when it crossed tiers.</summary>
    public decimal? BlendedRatePercent => Credited == 0 ? null : decimal.Round(Paid / Credited * 100, 4, MidpointRounding.AwayFromZero);
}

/// <summary>A rep's payout for a period with one explained line per deal, SPIF, cap and adjustment.</summary>
/// <param name="AttainmentPercent">Credited revenue ÷ quota × 100, unrounded; null when there is no quota.</param>
/// <param name="ReachedTier">The highest tier the period's revenue reached (the base tier when there is no quota).</param>
/// <param name="OnTargetCommission">What the plan pays at exactly 100% of quota; 0 when there is no quota.</param>
/// <param name="CapLimit">The most the capped lines may pay together; null when the plan has no cap that applies.</param>
public sealed record CommissionStatement(
    Period Period,
    decimal Quota,
    decimal CreditedRevenue,
    decimal? AttainmentPercent,
    RateTier ReachedTier,
    decimal OnTargetCommission,
    decimal? CapLimit,
    IReadOnlyList<StatementLine> Lines,
    IReadOnlyList<ExcludedDeal> Excluded)
{
    /// <summary>The exact sum of the lines: nothing is paid that a line does not explain.</summary>
    public decimal Total => Lines.Sum(l => l.Paid);

    public decimal Commission => Sum(StatementLineKind.Deal);

    public decimal SpifBonuses => Sum(StatementLineKind.Spif);

    /// <summary>Zero or negative: what the cap took off.</summary>
    public decimal CapReduction => Sum(StatementLineKind.Cap);

    /// <summary>What this period's own deals earn after the cap, without corrections carried from other periods.</summary>
    public decimal Earned => Commission + SpifBonuses + CapReduction;

    public IEnumerable<int> CreditedDealIds => Lines.Where(l => l.Kind == StatementLineKind.Deal).Select(l => l.DealId!.Value);

    private decimal Sum(StatementLineKind kind) => Lines.Where(l => l.Kind == kind).Sum(l => l.Paid);
}

/// <summary>
/// What winning one more deal now would change in the rep's statement. <see cref="Pays"/> is exactly
/// <see cref="Commission"/> + <see cref="SpifBonuses"/> + <see cref="EarlierDealsUplift"/> + <see cref="CapEffect"/>.
/// </summary>
/// <param name="Commission">The new deal's own line (its tier slices are in <see cref="Slices"/>).</param>
/// <param name="EarlierDealsUplift">What the deals already won gain when it lifts a retroactive plan into a higher tier.</param>
/// <param name="CapEffect">Zero or negative: how much of the gain the cap takes back.</param>
/// <param name="Excluded">Why the deal would not count (closing outside the period or the plan), if so.</param>
public sealed record WhatIfPayout(
    decimal Pays,
    decimal Commission,
    decimal SpifBonuses,
    decimal EarlierDealsUplift,
    decimal CapEffect,
    IReadOnlyList<TierSlice> Slices,
    decimal? AttainmentBefore,
    decimal? AttainmentAfter,
    ExclusionReason? Excluded);
