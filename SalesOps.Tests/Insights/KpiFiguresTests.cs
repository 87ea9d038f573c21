using SalesOps.Shared.Export;
using SalesOps.Shared.Kpis;

namespace SalesOps.Tests.Insights;

public class KpiFiguresTests
{
    [Fact]
    public void Figures_of_a_group_are_summed_from_won_buckets_lost_count_and_open_slices()
    {
        // Won: 3 deals at 10 days (1,000 each), 1 at 40 days (5,000); lost: 2; open: 2 at 50% (3,000), 1 at 25% (1,001).
        var figures = KpiCalculator.Figures(
            [new WonBucket(10, 3, 3_000m), new WonBucket(40, 1, 5_000m)],
            lost: 2,
            [new OpenSlice(50, 2, 3_000m), new OpenSlice(25, 1, 1_001m)]);

        Assert.Equal(9, figures.Deals);
        Assert.Equal(4, figures.Won);
        Assert.Equal(2, figures.Lost);
        Assert.Equal(8_000m, figures.WonRevenue);
        Assert.Equal(4.0 / 6, figures.WinRate);
        Assert.Equal(70.0 / 4, figures.AvgWonCycleDays);
        Assert.Equal(10, figures.MedianWonCycleDays);
        Assert.Equal(2_000m, figures.AvgWonDeal);
        Assert.Equal(3, figures.OpenDeals);
        Assert.Equal(4_001m, figures.OpenPipeline);
        Assert.Equal(1_750.25m, figures.WeightedPipeline);
    }

    [Fact]
    public void Nothing_closed_leaves_rates_and_averages_unknown_rather_than_zero()
    {
        var figures = KpiFigures.Empty;

        Assert.Equal(0, figures.Deals);
        Assert.Null(figures.WinRate);
        Assert.Null(figures.AvgWonCycleDays);
        Assert.Null(figures.MedianWonCycleDays);
        Assert.Null(figures.AvgWonDeal);
        Assert.Null(figures.VelocityPerDay);
    }

    [Theory]
    [InlineData(new[] { 7 }, 7.0)]
    [InlineData(new[] { 3, 9 }, 6.0)]
    [InlineData(new[] { 1, 2, 30 }, 2.0)]
    [InlineData(new[] { 5, 1, 8, 2 }, 3.5)]
    public void Median_is_the_middle_cycle_or_the_mean_of_the_middle_two(int[] days, double expected)
    {
        var buckets = days.GroupBy(d => d).Select(g => new WonBucket(g.Key, g.Count(), 0m)).ToList();
        Assert.Equal(expected, KpiCalculator.Median(buckets));
    }

    [Fact]
    public void Median_counts_every_deal_in_a_bucket()
    {
        // 1,1,1,20 → middle two are 1 and 1.
        Assert.Equal(1.0, KpiCalculator.Median([new WonBucket(20, 1, 0m), new WonBucket(1, 3, 0m)]));
        // 1,20,20,20,20 → 20.
        Assert.Equal(20.0, KpiCalculator.Median([new WonBucket(1, 1, 0m), new WonBucket(20, 4, 0m)]));
        Assert.Null(KpiCalculator.Median([]));
    }

    [Fact]
    public void Coverage_is_weighted_pipeline_over_the_quota_still_to_win()
    {
        Assert.Equal(1.5, KpiCalculator.Coverage(90_000m, 100_000m, 40_000m));
        Assert.Null(KpiCalculator.Coverage(90_000m, 100_000m, 100_000m));
        Assert.Null(KpiCalculator.Coverage(90_000m, null, 0m));
    }

    [Fact]
    public void Velocity_is_open_deals_times_win_rate_times_average_deal_over_cycle()
    {
        // 20 × 0.25 × 12,000 ÷ 30 = 2,000 a day.
        Assert.Equal(2_000m, KpiCalculator.Velocity(20, 0.25, 12_000m, 30));
        Assert.Null(KpiCalculator.Velocity(20, null, 12_000m, 30));
        Assert.Null(KpiCalculator.Velocity(20, 0.25, 12_000m, 0));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-x", "'-x")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\tcalc", "'\tcalc")]
    [InlineData("\rcalc", "\"'\rcalc\"")]
    [InlineData("-1500.25", "-1500.25")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("Smith, J.", "\"Smith, J.\"")]
    public void Csv_cells_are_defused_and_quoted(string value, string expected)
    {
        Assert.Equal(expected, CsvText.Cell(value));
    }

    [Fact]
    public void Csv_text_is_a_header_then_rows_with_crlf()
    {
        Assert.Equal("Rep,Won\r\nAnn,'=5\r\n", CsvText.Build(["Rep", "Won"], [["Ann", "=5"]]));
    }
}
