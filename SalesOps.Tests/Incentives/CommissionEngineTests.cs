using SalesOps.Shared.Incentives;
using static SalesOps.Tests.Incentives.IncentiveExamples;

namespace SalesOps.Tests.Incentives;

public class CommissionEngineTests
{
    [Fact]
    public void Marginal_pays_each_slice_of_revenue_at_its_tiers_rate()
    {
        var statement = Compute(Plan(), A, B, C);

        var lines = statement.Lines;
        Assert.Equal([StatementLineKind.Deal, StatementLineKind.Deal, StatementLineKind.Deal], lines.Select(l => l.Kind));
        Assert.Equal([1, 2, 3], lines.Select(l => l.DealId!.Value));
        Assert.Equal([30_000m, 40_000m, 50_000m], lines.Select(l => l.Credited));
        Assert.Equal([600.00m, 1_400.00m, 3_100.00m], lines.Select(l => l.Paid));
        Assert.Equal(5_100.00m, statement.Total);
        Assert.Equal(120m, statement.AttainmentPercent);
        Assert.Equal(new RateTier(100m, 8m), statement.ReachedTier);
        AssertAddsUp(statement);
    }

    [Fact]
    public void A_deal_crossing_a_threshold_is_explained_slice_by_slice()
    {
        var statement = Compute(Plan(), A, B, C);

        Assert.Equal(
            [new TierSlice(0m, 30_000m, 0m, 2m, 600m)],
            statement.Lines[0].Slices);
        Assert.Equal(
            [new TierSlice(30_000m, 50_000m, 0m, 2m, 400m), new TierSlice(50_000m, 70_000m, 50m, 5m, 1_000m)],
            statement.Lines[1].Slices);
        Assert.Equal(
            [new TierSlice(70_000m, 100_000m, 50m, 5m, 1_500m), new TierSlice(100_000m, 120_000m, 100m, 8m, 1_600m)],
            statement.Lines[2].Slices);
        Assert.Equal(20_000m, statement.Lines[1].Slices[0].Amount);
        Assert.Equal(2m, statement.Lines[0].BlendedRatePercent);
        Assert.Equal(3.5m, statement.Lines[1].BlendedRatePercent);
    }

    [Fact]
    public void A_single_deal_can_cross_two_thresholds()
    {
        var statement = Compute(Plan(), new WonDeal(9, "Big", 120_000m, A.ClosedOn));

        var line = Assert.Single(statement.Lines);
        Assert.Equal([1_000m, 2_500m, 1_600m], line.Slices.Select(s => s.Paid));
        Assert.Equal([0m, 50m, 100m], line.Slices.Select(s => s.Threshold));
        Assert.Equal(5_100m, line.Paid);
        Assert.Equal(5_100m, statement.Total);
    }

    [Fact]
    public void Retroactive_pays_the_whole_period_at_the_reached_tiers_rate()
    {
        var statement = Compute(Plan(PayoutMode.Retroactive), A, B, C);

        Assert.Equal([2_400m, 3_200m, 4_000m], statement.Lines.Select(l => l.Paid));
        Assert.All(statement.Lines, l => Assert.Equal(8m, Assert.Single(l.Slices).RatePercent));
        Assert.Equal(9_600.00m, statement.Total);
        AssertAddsUp(statement);
    }

    [Fact]
    public void The_cap_is_a_multiple_of_what_the_plan_pays_at_exactly_quota()
    {
        var statement = Compute(Plan(capMultiple: 1.25m), A, B, C);

        Assert.Equal(3_500.00m, statement.OnTargetCommission);
        Assert.Equal(4_375.00m, statement.CapLimit);
        var cap = statement.Lines[^1];
        Assert.Equal(StatementLineKind.Cap, cap.Kind);
        Assert.Equal(-725.00m, cap.Paid);
        Assert.Equal(4_375.00m, statement.Total);
        AssertAddsUp(statement);
    }

    [Fact]
    public void No_cap_line_while_commission_stays_under_the_cap()
    {
        var statement = Compute(Plan(capMultiple: 1.25m), A, B);

        Assert.DoesNotContain(statement.Lines, l => l.Kind == StatementLineKind.Cap);
        Assert.Equal(2_000m, statement.Total);
    }

    [Fact]
    public void A_cap_amount_below_what_one_deal_earns_takes_the_excess_off()
    {
        var statement = Compute(Plan(capAmount: 500m), A);

        Assert.Equal(-100m, statement.CapReduction);
        Assert.Equal(500m, statement.Total);
    }

    [Fact]
    public void With_a_cap_multiple_and_a_cap_amount_the_lower_limit_applies()
    {
        Assert.Equal(4_000m, Compute(Plan(capMultiple: 1.25m, capAmount: 4_000m), A, B, C).Total);
        Assert.Equal(4_375m, Compute(Plan(capMultiple: 1.25m, capAmount: 9_000m), A, B, C).Total);
    }

    [Fact]
    public void Retroactive_on_target_commission_is_the_100_percent_tier_on_the_quota()
    {
        var statement = Compute(Plan(PayoutMode.Retroactive, capMultiple: 1m), A, B, C);

        Assert.Equal(8_000m, statement.OnTargetCommission);
        Assert.Equal(-1_600m, statement.CapReduction);
        Assert.Equal(8_000m, statement.Total);
    }

    [Fact]
    public void A_deal_ending_exactly_on_a_threshold_is_paid_below_it_and_the_next_deal_starts_above_it()
    {
        var statement = Compute(Plan(), new WonDeal(1, "Half", 50_000m, A.ClosedOn), new WonDeal(2, "Next", 10_000m, B.ClosedOn));

        var onThreshold = Assert.Single(statement.Lines[0].Slices);
        Assert.Equal((0m, 50_000m, 2m, 1_000m), (onThreshold.From, onThreshold.To, onThreshold.RatePercent, onThreshold.Paid));
        var next = Assert.Single(statement.Lines[1].Slices);
        Assert.Equal((50_000m, 60_000m, 5m, 500m), (next.From, next.To, next.RatePercent, next.Paid));
    }

    [Fact]
    public void Retroactive_revenue_exactly_on_a_threshold_reaches_that_tier()
    {
        var exactly = Compute(Plan(PayoutMode.Retroactive), new WonDeal(1, "Quota", 100_000m, A.ClosedOn));
        var justBelow = Compute(Plan(PayoutMode.Retroactive), new WonDeal(1, "Almost", 99_999.99m, A.ClosedOn));

        Assert.Equal(8_000m, exactly.Total);
        Assert.Equal(new RateTier(50m, 5m), justBelow.ReachedTier);
        Assert.Equal(5_000.00m, justBelow.Total); // 4,999.9995 rounds half away from zero
    }

    [Fact]
    public void Rounding_is_on_the_running_total_so_lines_add_up_to_the_exact_commission_rounded_once()
    {
        var flat = new CompPlanTerms("Flat 5%", PayoutMode.Marginal, [new(0m, 5m)], Q1.Start);
        var deals = Enumerable.Range(1, 3).Select(i => new WonDeal(i, $"D{i}", 10.10m, Q1.Start.AddDays(i))).ToArray();

        var statement = Compute(flat, deals); // each deal earns exactly 0.505

        Assert.Equal([0.51m, 0.50m, 0.51m], statement.Lines.Select(l => l.Paid));
        Assert.Equal(1.52m, statement.Total); // round(1.515); rounding each line would pay 1.53
        Assert.Equal(statement.Total, Compute(flat, new WonDeal(9, "One", 30.30m, Q1.Start)).Total);
    }

    [Fact]
    public void Half_a_cent_rounds_away_from_zero()
    {
        var flat = new CompPlanTerms("Flat 5%", PayoutMode.Marginal, [new(0m, 5m)], Q1.Start);

        Assert.Equal(0.01m, Compute(flat, new WonDeal(1, "Tiny", 0.10m, Q1.Start)).Total); // 0.005; banker's rounding would pay 0.00
    }

    [Fact]
    public void Slices_inside_a_deal_are_rounded_on_the_running_total_too()
    {
        var plan = new CompPlanTerms("Odd", PayoutMode.Marginal, [new(0m, 2.5m), new(50m, 7.5m)], Q1.Start);

        // Threshold at 166.665; slices earn 4.166625 and 2.500875, together exactly 6.6675.
        var statement = CommissionEngine.Compute(new StatementRequest(plan, 333.33m, Q1, [new WonDeal(1, "D", 200.01m, Q1.Start)]));

        var line = Assert.Single(statement.Lines);
        Assert.Equal([166.665m, 33.345m], line.Slices.Select(s => s.Amount));
        Assert.Equal([4.17m, 2.50m], line.Slices.Select(s => s.Paid));
        Assert.Equal(6.67m, statement.Total);
        AssertAddsUp(statement);
    }

    [Fact]
    public void A_spif_adds_a_line_per_qualifying_deal_and_is_not_capped_by_default()
    {
        var plan = Plan(capMultiple: 1.25m) with { Spifs = [Spif()] };

        var statement = Compute(plan, A with { ProductId = SpifProduct }, B, C with { ProductId = SpifProduct });

        var spifs = statement.Lines.Where(l => l.Kind == StatementLineKind.Spif).ToList();
        Assert.Equal([1, 3], spifs.Select(l => l.DealId!.Value));
        Assert.All(spifs, l => Assert.Equal((1_000m, "Launch bonus"), (l.Paid, l.Label)));
        Assert.Equal(StatementLineKind.Spif, statement.Lines[1].Kind); // right after deal A's line
        Assert.Equal(-725m, statement.CapReduction);
        Assert.Equal(6_375m, statement.Total);
        AssertAddsUp(statement);
    }

    [Fact]
    public void A_spif_is_capped_when_the_plan_says_so()
    {
        var plan = Plan(capMultiple: 1.25m) with { Spifs = [Spif()], CapIncludesSpifs = true };

        var statement = Compute(plan, A with { ProductId = SpifProduct }, B, C with { ProductId = SpifProduct });

        Assert.Equal(2_000m, statement.SpifBonuses);
        Assert.Equal(-2_725m, statement.CapReduction);
        Assert.Equal(4_375m, statement.Total);
    }

    [Fact]
    public void A_deal_closed_outside_the_spifs_dates_or_of_another_product_earns_no_spif()
    {
        var february = Spif(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28));
        var plan = Plan() with { Spifs = [february] };

        var statement = Compute(plan, A with { ProductId = SpifProduct }, B with { ProductId = SpifProduct }, C with { ProductId = 99 });

        var spif = Assert.Single(statement.Lines, l => l.Kind == StatementLineKind.Spif);
        Assert.Equal(B.DealId, spif.DealId);
    }

    [Fact]
    public void Spif_dates_are_inclusive()
    {
        var oneDay = Spif(B.ClosedOn, B.ClosedOn);

        var statement = Compute(Plan() with { Spifs = [oneDay] }, B with { ProductId = SpifProduct });

        Assert.Equal(1_000m, statement.SpifBonuses);
    }

    [Fact]
    public void A_deal_reversed_after_the_period_closed_is_clawed_back_on_the_next_statement()
    {
        var paid = Compute(Plan(), A, B, C);
        var recomputed = Compute(Plan(), A, C);

        var restatement = CommissionEngine.Restate(paid, recomputed);
        var next = CommissionEngine.Compute(new StatementRequest(Plan(), Quota, Q2, []) { Restatements = [restatement] });

        Assert.Equal(2_500.00m, recomputed.Total);
        Assert.Equal((5_100m, 2_500m, -2_600m), (restatement.PreviouslyPaid, restatement.NowDue, restatement.Difference));
        Assert.Equal([B.DealId], restatement.ReversedDealIds);
        Assert.Empty(restatement.AddedDealIds);
        var clawback = Assert.Single(next.Lines);
        Assert.Equal((StatementLineKind.Clawback, -2_600.00m), (clawback.Kind, clawback.Paid));
        Assert.Equal(Q1, clawback.Restatement!.Period);
        Assert.Equal(-2_600m, next.Total);
    }

    [Fact]
    public void A_clawback_comes_off_the_next_periods_own_earnings_and_is_not_capped()
    {
        var restatement = CommissionEngine.Restate(Compute(Plan(), A, B, C), Compute(Plan(), A, C));
        var d = new WonDeal(4, "D", 10_000m, new DateOnly(2026, 4, 15));

        var next = CommissionEngine.Compute(new StatementRequest(Plan(capAmount: 100m), Quota, Q2, [d]) { Restatements = [restatement] });

        Assert.Equal([StatementLineKind.Deal, StatementLineKind.Cap, StatementLineKind.Clawback], next.Lines.Select(l => l.Kind));
        Assert.Equal(100m, next.Earned);
        Assert.Equal(-2_500m, next.Total);
        AssertAddsUp(next);
    }

    [Fact]
    public void A_late_win_booked_into_a_closed_period_is_paid_as_a_positive_adjustment()
    {
        var restatement = CommissionEngine.Restate(Compute(Plan(), A, C), Compute(Plan(), A, B, C));

        var next = CommissionEngine.Compute(new StatementRequest(Plan(), Quota, Q2, []) { Restatements = [restatement] });

        var line = Assert.Single(next.Lines);
        Assert.Equal((StatementLineKind.Adjustment, 2_600m), (line.Kind, line.Paid));
        Assert.Equal([B.DealId], line.Restatement!.AddedDealIds);
    }

    [Fact]
    public void A_period_can_be_restated_from_what_was_kept_when_it_was_paid()
    {
        var restatement = CommissionEngine.Restate(Q1, 5_100m, [A.DealId, B.DealId, C.DealId], Compute(Plan(), A, C));

        Assert.Equal(-2_600m, restatement.Difference);
        Assert.Equal([B.DealId], restatement.ReversedDealIds);
    }

    [Fact]
    public void An_unchanged_restatement_adds_no_line()
    {
        var restatement = CommissionEngine.Restate(Compute(Plan(), A, B), Compute(Plan(), A, B));

        var next = CommissionEngine.Compute(new StatementRequest(Plan(), Quota, Q2, []) { Restatements = [restatement] });

        Assert.Empty(next.Lines);
    }

    [Fact]
    public void Restating_needs_the_same_period()
    {
        var q2 = CommissionEngine.Compute(new StatementRequest(Plan(), Quota, Q2, []));

        Assert.Throws<ArgumentException>(() => CommissionEngine.Restate(Compute(Plan(), A), q2));
    }

    [Fact]
    public void Manual_adjustments_may_be_negative_are_rounded_to_the_cent_and_are_not_capped()
    {
        var request = Request(Plan(capMultiple: 1.25m), A, B, C) with
        {
            Adjustments = [new ManualAdjustment("Split with solutions engineer", -250.555m), new ManualAdjustment("Spot award", 100m)],
        };

        var statement = CommissionEngine.Compute(request);

        var adjustments = statement.Lines.Where(l => l.Kind == StatementLineKind.Adjustment).ToList();
        Assert.Equal([-250.56m, 100m], adjustments.Select(l => l.Paid));
        Assert.Equal("Split with solutions engineer", adjustments[0].Label);
        Assert.Equal(4_375m, statement.Earned);
        Assert.Equal(4_224.44m, statement.Total);
        AssertAddsUp(statement);
    }

    [Fact]
    public void Without_a_quota_attainment_is_undefined_and_revenue_pays_the_base_rate()
    {
        var request = new StatementRequest(Plan(capMultiple: 1.25m), 0m, Q1, [A, B, C]);

        var statement = CommissionEngine.Compute(request);

        Assert.Null(statement.AttainmentPercent);
        Assert.Equal(new RateTier(0m, 2m), statement.ReachedTier);
        Assert.Equal(0m, statement.OnTargetCommission);
        Assert.Null(statement.CapLimit);
        Assert.Equal(2_400m, statement.Total);
    }

    [Fact]
    public void Without_a_quota_a_cap_amount_still_applies()
    {
        var statement = CommissionEngine.Compute(new StatementRequest(Plan(capAmount: 1_000m), 0m, Q1, [A, B, C]));

        Assert.Equal(1_000m, statement.Total);
    }

    [Fact]
    public void No_deals_pay_nothing_at_zero_attainment()
    {
        var statement = Compute(Plan(capMultiple: 1.25m));

        Assert.Empty(statement.Lines);
        Assert.Equal(0m, statement.Total);
        Assert.Equal(0m, statement.AttainmentPercent);
        Assert.Equal(new RateTier(0m, 2m), statement.ReachedTier);
    }

    [Fact]
    public void Deals_are_paid_in_order_of_close_whatever_order_they_come_in()
    {
        var statement = Compute(Plan(), C, A, B);

        Assert.Equal([A.DealId, B.DealId, C.DealId], statement.CreditedDealIds);
        Assert.Equal([600m, 1_400m, 3_100m], statement.Lines.Select(l => l.Paid));
    }

    [Fact]
    public void Deals_closed_the_same_day_keep_the_order_given()
    {
        var day = A.ClosedOn;

        var statement = Compute(Plan(), A with { ClosedOn = day }, B with { ClosedOn = day });

        Assert.Equal([A.DealId, B.DealId], statement.CreditedDealIds);
        Assert.Equal(1_400m, statement.Lines[1].Paid);
    }

    [Fact]
    public void Deals_outside_the_period_or_the_plans_dates_are_listed_as_excluded_not_paid()
    {
        var plan = Plan() with { EffectiveFrom = new DateOnly(2026, 2, 1) };
        var late = new WonDeal(4, "Late", 5_000m, Q2.Start);

        var statement = Compute(plan, A, B, late);

        Assert.Equal(
            [new ExcludedDeal(A, ExclusionReason.OutsidePlanDates), new ExcludedDeal(late, ExclusionReason.OutsidePeriod)],
            statement.Excluded);
        Assert.Equal(40_000m, statement.CreditedRevenue);
        Assert.Equal(800m, statement.Total); // B now starts the period at 0
    }

    [Fact]
    public void A_zero_amount_deal_is_listed_and_pays_nothing()
    {
        var statement = Compute(Plan(PayoutMode.Retroactive), new WonDeal(5, "Free pilot", 0m, A.ClosedOn));

        var line = Assert.Single(statement.Lines);
        Assert.Equal(0m, line.Paid);
        Assert.Empty(line.Slices);
        Assert.Null(line.BlendedRatePercent);
    }

    [Fact]
    public void A_negative_deal_amount_or_quota_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Compute(Plan(), A with { Amount = -1m }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommissionEngine.Compute(new StatementRequest(Plan(), -1m, Q1, [A])));
    }

    [Fact]
    public void An_invalid_plan_is_refused_rather_than_paid()
    {
        var unordered = Plan() with { Tiers = [new(0m, 2m), new(100m, 8m), new(50m, 5m)] };

        var error = Assert.Throws<ArgumentException>(() => Compute(unordered, A));
        Assert.Contains("tiers[2].threshold", error.Message);
    }
}
