using SalesOps.Shared.Kpis;

namespace SalesOps.Tests.Shared;

public class KpiCalculatorTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    [Fact]
    public void Win_rate_is_won_over_won_plus_lost()
    {
        var kpis = KpiCalculator.Summarize(
        [
            Won(1000, Jan1, null, Jan1.AddDays(10)),
            Won(3000, Jan1, null, Jan1.AddDays(30)),
            Lost(500, Jan1, Jan1.AddDays(5)),
            Lost(700, Jan1, Jan1.AddDays(5)),
            Lost(900, Jan1, Jan1.AddDays(5)),
        ]);

        Assert.Equal(2, kpis.Won);
        Assert.Equal(3, kpis.Lost);
        Assert.Equal(0.4, kpis.WinRate);
        Assert.Equal(4000m, kpis.WonAmount);
    }

    [Fact]
    public void Average_cycle_counts_from_engagement_when_known_and_only_over_won_deals()
    {
        var kpis = KpiCalculator.Summarize(
        [
            Won(100, Jan1, Jan1.AddDays(20), Jan1.AddDays(50)), // 30 days from engagement
            Won(100, Jan1, null, Jan1.AddDays(60)),             // 60 days from creation
            Lost(100, Jan1, Jan1.AddDays(400)),                 // ignored
        ]);

        Assert.Equal(45, kpis.AverageCycleDays);
    }

    [Fact]
    public void Average_deal_size_is_the_mean_won_amount_rounded_to_cents()
    {
        var kpis = KpiCalculator.Summarize([Won(100, Jan1, null, Jan1), Won(100, Jan1, null, Jan1), Won(101, Jan1, null, Jan1)]);

        Assert.Equal(100.33m, kpis.AverageDealSize);
    }

    [Fact]
    public void Nothing_closed_gives_no_rates_rather_than_zero()
    {
        var kpis = KpiCalculator.Summarize([]);

        Assert.Null(kpis.WinRate);
        Assert.Null(kpis.AverageCycleDays);
        Assert.Null(kpis.AverageDealSize);
        Assert.Equal(0m, kpis.WonAmount);
    }

    [Fact]
    public void A_close_date_before_the_start_date_counts_as_zero_days_not_negative()
    {
        Assert.Equal(0, KpiCalculator.CycleDays(Won(1, Jan1.AddDays(10), null, Jan1)));
    }

    private static ClosedDeal Won(decimal amount, DateOnly created, DateOnly? engaged, DateOnly closed) => new(amount, true, created, engaged, closed);

    private static ClosedDeal Lost(decimal amount, DateOnly created, DateOnly closed) => new(amount, false, created, null, closed);
}
