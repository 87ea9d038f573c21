using SalesOps.Shared.Kpis;

namespace SalesOps.Shared.Incentives;

/// <summary>
/// Works out a rep's commission statement for a period from the plan, the quota and the won deals.
/// </summary>
/// <remarks>
/// <para><b>Tiers.</b> A tier applies from its threshold (percent of quota) up to the next tier's threshold; in
/// money, from quota × threshold ÷ 100. Revenue exactly on a threshold belongs to the tier that starts there: a deal
/// that ends on 50,000 with a tier at 50% of 100,000 is paid wholly below it, and the next deal starts in the new
/// tier; a retroactive plan at exactly 100% pays the 100% tier's rate.</para>
/// <para><b>Marginal</b>: deals are taken in order of close; each is cut into slices at the tier thresholds it
/// crosses and each slice is paid at its tier's rate. <b>Retroactive</b>: every deal is paid at the rate of the
/// highest tier the period's revenue reached.</para>
/// <para><b>No quota</b> (0): attainment is undefined, all revenue is paid at the first tier's rate, and a cap
/// multiple does not apply (there is no on-target commission to multiply); a cap amount still does.</para>
/// <para><b>Cap</b>: on-target commission is what the plan pays for revenue of exactly the quota. The limit is
/// cap multiple × on-target commission (rounded to the cent) or the cap amount, the lower of the two. When deal
/// commission (plus SPIFs if the plan caps them) exceeds it, one cap line takes off the excess.</para>
/// <para><b>Rounding</b> (money is decimal, paid in cents, midpoints away from zero): commission is computed exactly
/// and rounded only as a running total. Along the period, the exact commission paid up to the end of each slice is
/// rounded to the cent, and the slice pays the difference from the previous rounded running total. So each slice
/// and deal line is within a cent of its exact value, lines add up to the period's exact commission rounded once
/// (three deals of exactly 0.505 pay 0.51, 0.50, 0.51 = 1.52, not 1.53), and splitting revenue differently across
/// deals never changes the total. SPIF bonuses and cap amounts are whole cents (the validator insists), the cap
/// limit from a multiple is rounded to the cent, manual adjustments are rounded to the cent, and a restatement's
/// difference is between two such totals, so every line is in cents and <see cref="CommissionStatement.Total"/> is
/// their exact sum.</para>
/// <para><b>Clawback</b>: a closed period is never edited. Work it out again with today's deals, compare with what
/// was paid (<see cref="Restate"/>), and the next statement carries the difference as a line.</para>
/// </remarks>
public static class CommissionEngine
{
    public static CommissionStatement Compute(StatementRequest request)
    {
        var plan = request.Plan;
        EnsureValid(plan);
        if (request.Quota < 0)
            throw new ArgumentOutOfRangeException(nameof(request), request.Quota, "A quota cannot be negative.");

        var (credited, excluded) = Partition(request);
        var tiers = new TierBands(plan, request.Quota);
        var revenue = credited.Sum(d => d.Amount);
        var reached = tiers.ReachedAt(revenue);

        var lines = new List<StatementLine>();
        var pay = new RunningPay();
        var cumulative = 0m;
        foreach (var deal in credited)
        {
            var slices = tiers.Slice(plan.Mode, cumulative, cumulative + deal.Amount, reached, pay);
            cumulative += deal.Amount;
            lines.Add(new StatementLine(StatementLineKind.Deal, slices.Sum(s => s.Paid))
            {
                DealId = deal.DealId,
                Label = deal.Name,
                Credited = deal.Amount,
                Slices = slices,
            });
            foreach (var spif in plan.Spifs.Where(s => s.Pays(deal)))
                lines.Add(new StatementLine(StatementLineKind.Spif, spif.BonusPerDeal) { DealId = deal.DealId, Label = spif.Name });
        }

        var onTarget = OnTargetCommission(plan, request.Quota);
        var capLimit = CapLimit(plan, request.Quota, onTarget);
        if (capLimit is { } limit)
        {
            var capped = lines
                .Where(l => l.Kind == StatementLineKind.Deal || (plan.CapIncludesSpifs && l.Kind == StatementLineKind.Spif))
                .Sum(l => l.Paid);
            if (capped > limit)
                lines.Add(new StatementLine(StatementLineKind.Cap, limit - capped));
        }

        foreach (var restatement in request.Restatements.Where(r => r.Difference != 0))
        {
            var kind = restatement.Difference < 0 ? StatementLineKind.Clawback : StatementLineKind.Adjustment;
            lines.Add(new StatementLine(kind, Cents(restatement.Difference)) { Restatement = restatement });
        }

        foreach (var adjustment in request.Adjustments)
            lines.Add(new StatementLine(StatementLineKind.Adjustment, Cents(adjustment.Amount)) { Label = adjustment.Reason });

        var attainment = request.Quota == 0 ? (decimal?)null : revenue * 100 / request.Quota;
        return new CommissionStatement(request.Period, request.Quota, revenue, attainment, reached, onTarget, capLimit, lines, excluded);
    }

    /// <summary>What the plan pays for revenue of exactly the quota (the base of a cap multiple); 0 without a quota.</summary>
    public static decimal OnTargetCommission(CompPlanTerms plan, decimal quota)
    {
        if (quota <= 0)
            return 0;
        var tiers = new TierBands(plan, quota);
        return tiers.Slice(plan.Mode, 0, quota, tiers.ReachedAt(quota), new RunningPay()).Sum(s => s.Paid);
    }

    /// <summary>
    /// Compares what a closed period paid with the same period worked out again with today's deals; pass the
    /// result in the next period's <see cref="StatementRequest.Restatements"/>. Corrections the paid statement itself
    /// carried from older periods are left out: only the period's own earnings are compared.
    /// </summary>
    public static Restatement Restate(CommissionStatement paid, CommissionStatement recomputed)
    {
        return Restate(paid.Period, paid.Earned, paid.CreditedDealIds, recomputed);
    }

    /// <summary>
    /// The same comparison from what was kept when the period was paid (its earnings and the deals it credited), since
    /// the deals as they stood then cannot be read back once one has been reversed.
    /// </summary>
    public static Restatement Restate(Period period, decimal previouslyPaid, IEnumerable<int> previouslyCreditedDealIds, CommissionStatement recomputed)
    {
        if (period != recomputed.Period)
            throw new ArgumentException($"Restating {period} needs that period worked out again, not {recomputed.Period}.", nameof(recomputed));

        var before = previouslyCreditedDealIds.ToHashSet();
        var now = recomputed.CreditedDealIds.ToHashSet();
        return new Restatement(period, previouslyPaid, recomputed.Earned)
        {
            ReversedDealIds = before.Where(id => !now.Contains(id)).ToList(),
            AddedDealIds = now.Where(id => !before.Contains(id)).ToList(),
        };
    }

    /// <summary>
    /// "Pays you $X if won now": the change in the period's payout if <paramref name="openDeal"/> were won after every
    /// deal already won, with its tier slices, SPIFs, a retroactive plan's uplift on earlier deals and the cap.
    /// Give the open deal the close date it would get today, and <paramref name="current"/> the period containing today.
    /// </summary>
    public static WhatIfPayout PaysIfWonNow(StatementRequest current, WonDeal openDeal)
    {
        if (current.WonDeals.Any(d => d.DealId == openDeal.DealId))
            throw new ArgumentException($"Deal {openDeal.DealId} is already won.", nameof(openDeal));

        var periodOnly = current with { Restatements = [], Adjustments = [] };
        var before = Compute(periodOnly);
        var after = Compute(periodOnly with { WonDeals = [.. current.WonDeals, openDeal] });

        var dealLine = after.Lines.SingleOrDefault(l => l.Kind == StatementLineKind.Deal && l.DealId == openDeal.DealId);
        var commission = dealLine?.Paid ?? 0;
        var spifs = after.Lines.Where(l => l.Kind == StatementLineKind.Spif && l.DealId == openDeal.DealId).Sum(l => l.Paid);
        return new WhatIfPayout(
            after.Total - before.Total,
            commission,
            spifs,
            after.Commission - commission - before.Commission,
            after.CapReduction - before.CapReduction,
            dealLine?.Slices ?? [],
            before.AttainmentPercent,
            after.AttainmentPercent,
            after.Excluded.FirstOrDefault(e => e.Deal.DealId == openDeal.DealId)?.Reason);
    }

    private static void EnsureValid(CompPlanTerms plan)
    {
        var errors = CompPlanValidator.Validate(plan);
        if (errors.Count > 0)
            throw new ArgumentException(
                $"Plan '{plan.Name}' cannot be paid: {string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}"))}", nameof(plan));
    }

    private static (List<WonDeal> Credited, List<ExcludedDeal> Excluded) Partition(StatementRequest request)
    {
        var credited = new List<WonDeal>();
        var excluded = new List<ExcludedDeal>();
        // OrderBy is stable: deals closed the same day keep the caller's order (their close time).
        foreach (var deal in request.WonDeals.OrderBy(d => d.ClosedOn))
        {
            if (deal.Amount < 0)
                throw new ArgumentException($"Deal {deal.DealId} has a negative amount; reverse a deal by restating its period instead.", nameof(request));
            if (!request.Period.Contains(deal.ClosedOn))
                excluded.Add(new ExcludedDeal(deal, ExclusionReason.OutsidePeriod));
            else if (!request.Plan.InEffectOn(deal.ClosedOn))
                excluded.Add(new ExcludedDeal(deal, ExclusionReason.OutsidePlanDates));
            else
                credited.Add(deal);
        }

        return (credited, excluded);
    }

    private static decimal? CapLimit(CompPlanTerms plan, decimal quota, decimal onTarget)
    {
        decimal? fromMultiple = plan.CapMultiple is { } multiple && quota > 0 ? Cents(multiple * onTarget) : null;
        return (fromMultiple, plan.CapAmount) switch
        {
            ({ } m, { } a) => Math.Min(m, a),
            (var m, var a) => m ?? a,
        };
    }

    private static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>The plan's tiers in money for one quota: tier i covers [quota × threshold i, quota × threshold i+1).</summary>
    private sealed class TierBands
    {
        private readonly IReadOnlyList<RateTier> _tiers;
        private readonly decimal[] _starts;

        public TierBands(CompPlanTerms plan, decimal quota)
        {
            // Without a quota every threshold would collapse onto 0 and pay the top rate; pay the base rate instead.
            _tiers = quota == 0 ? [plan.Tiers[0]] : plan.Tiers;
            _starts = _tiers.Select(t => quota * t.Threshold / 100).ToArray();
        }

        public RateTier ReachedAt(decimal revenue)
        {
            var reached = 0;
            while (reached + 1 < _tiers.Count && revenue >= _starts[reached + 1])
                reached++;
            return _tiers[reached];
        }

        /// <summary>Revenue from → to cut where the plan pays it: at tier thresholds, or all at the reached tier.</summary>
        public List<TierSlice> Slice(PayoutMode mode, decimal from, decimal to, RateTier reached, RunningPay pay)
        {
            var slices = new List<TierSlice>();
            if (mode == PayoutMode.Retroactive)
            {
                if (to > from)
                    slices.Add(pay.Slice(from, to, reached));
                return slices;
            }

            for (var i = 0; i < _tiers.Count; i++)
            {
                var sliceFrom = Math.Max(from, _starts[i]);
                var sliceTo = i + 1 < _tiers.Count ? Math.Min(to, _starts[i + 1]) : to;
                if (sliceTo > sliceFrom)
                    slices.Add(pay.Slice(sliceFrom, sliceTo, _tiers[i]));
            }

            return slices;
        }
    }

    /// <summary>The running-total rounding described on <see cref="CommissionEngine"/>.</summary>
    private sealed class RunningPay
    {
        private decimal _exact;
        private decimal _rounded;

        public TierSlice Slice(decimal from, decimal to, RateTier tier)
        {
            _exact += (to - from) * tier.RatePercent / 100;
            var rounded = Cents(_exact);
            var paid = rounded - _rounded;
            _rounded = rounded;
            return new TierSlice(from, to, tier.Threshold, tier.RatePercent, paid);
        }
    }
}
