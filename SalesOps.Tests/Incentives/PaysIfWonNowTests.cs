using SalesOps.Shared.Incentives;
using static SalesOps.Tests.Incentives.IncentiveExamples;

namespace SalesOps.Tests.Incentives;

public class PaysIfWonNowTests
{
    private static readonly WonDeal Open = new(10, "Open deal", 50_000m, new DateOnly(2026, 3, 20));

    [Fact]
    public void Marginal_plan_pays_the_open_deals_own_slices()
    {
        var whatIf = CommissionEngine.PaysIfWonNow(Request(Plan(), A, B), Open);

        Assert.Equal(3_100m, whatIf.Pays);
        Assert.Equal(3_100m, whatIf.Commission);
        Assert.Equal(0m, whatIf.EarlierDealsUplift);
        Assert.Equal([(70_000m, 100_000m, 5m, 1_500m), (100_000m, 120_000m, 8m, 1_600m)],
            whatIf.Slices.Select(s => (s.From, s.To, s.RatePercent, s.Paid)));
        Assert.Equal((70m, 120m), (whatIf.AttainmentBefore, whatIf.AttainmentAfter));
        Assert.Null(whatIf.Excluded);
    }

    [Fact]
    public void Retroactive_plan_counts_the_uplift_on_deals_already_won()
    {
        // Now: 70,000 at 5% = 3,500. Won: 120,000 at 8% = 9,600.
        var whatIf = CommissionEngine.PaysIfWonNow(Request(Plan(PayoutMode.Retroactive), A, B), Open);

        Assert.Equal(6_100m, whatIf.Pays);
        Assert.Equal(4_000m, whatIf.Commission);
        Assert.Equal(2_100m, whatIf.EarlierDealsUplift);
    }

    [Fact]
    public void The_cap_takes_back_what_goes_over_it()
    {
        var whatIf = CommissionEngine.PaysIfWonNow(Request(Plan(capMultiple: 1.25m), A, B), Open);

        Assert.Equal(2_375m, whatIf.Pays); // 4,375 capped − 2,000 now
        Assert.Equal(-725m, whatIf.CapEffect);
        Assert.Equal(whatIf.Commission + whatIf.SpifBonuses + whatIf.EarlierDealsUplift + whatIf.CapEffect, whatIf.Pays);
    }

    [Fact]
    public void A_rep_already_over_the_cap_earns_only_the_spif()
    {
        var plan = Plan(capMultiple: 1.25m) with { Spifs = [Spif()] };

        var whatIf = CommissionEngine.PaysIfWonNow(Request(plan, A, B, C), Open with { ProductId = SpifProduct });

        Assert.Equal(1_000m, whatIf.Pays);
        Assert.Equal(1_000m, whatIf.SpifBonuses);
        Assert.Equal(-whatIf.Commission, whatIf.CapEffect);
    }

    [Fact]
    public void A_deal_that_would_close_outside_the_period_pays_nothing_now()
    {
        var whatIf = CommissionEngine.PaysIfWonNow(Request(Plan(), A, B), Open with { ClosedOn = Q2.Start });

        Assert.Equal(0m, whatIf.Pays);
        Assert.Equal(ExclusionReason.OutsidePeriod, whatIf.Excluded);
    }

    [Fact]
    public void Corrections_from_other_periods_do_not_change_the_figure()
    {
        var request = Request(Plan(), A, B) with { Adjustments = [new ManualAdjustment("Spot award", 500m)] };

        Assert.Equal(3_100m, CommissionEngine.PaysIfWonNow(request, Open).Pays);
    }

    [Fact]
    public void A_deal_already_won_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CommissionEngine.PaysIfWonNow(Request(Plan(), A, B), B));
    }
}
