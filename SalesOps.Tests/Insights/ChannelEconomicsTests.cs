using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;

namespace SalesOps.Tests.Insights;

public class ChannelEconomicsTests
{
    [Fact]
    public void Revenue_deals_and_cost_are_per_rep_and_month()
    {
        // 6 won (60,000) and 6 lost by 4 reps over 3 months at 9,000 a rep a month.
        var figures = KpiCalculator.Figures([new WonBucket(20, 6, 60_000m)], lost: 6, []);
        var field = new ChannelEconomics(SalesChannel.Field, figures, Reps: 4, Months: 3, MonthlyCostPerRep: 9_000m);

        Assert.Equal(15_000m, field.RevenuePerRep);
        Assert.Equal(1.0, field.DealsPerRepPerMonth);
        Assert.Equal(18_000m, field.CostPerWonDeal);
        Assert.Null((field with { MonthlyCostPerRep = null }).CostPerWonDeal);
        Assert.Null((field with { Reps = 0 }).RevenuePerRep);
    }

    [Fact]
    public void A_quarter_is_about_three_months()
    {
        Assert.Equal(92 / ChannelEconomics.DaysPerMonth, ChannelEconomics.MonthsIn(Period.QuarterOf(new DateOnly(2026, 11, 1))));
        Assert.InRange(ChannelEconomics.MonthsIn(Period.YearOf(new DateOnly(2024, 1, 1))), 12.0, 12.05);
    }
}
