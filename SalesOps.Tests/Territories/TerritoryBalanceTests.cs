using SalesOps.Shared.Territories;

namespace SalesOps.Tests.Territories;

public class TerritoryBalanceTests
{
    private static readonly TerritoryFigures[] Territories =
    [
        new(1, "West 1", Accounts: 10, Potential: 800, OpenPipeline: 100_000, WeightedPipeline: 40_000, WonLast12Months: 90_000, Reps: 2),
        new(2, "West 2", Accounts: 20, Potential: 1_180, OpenPipeline: 100_000, WeightedPipeline: 50_000, WonLast12Months: 110_000, Reps: 2),
        new(3, "West 3", Accounts: 30, Potential: 1_020, OpenPipeline: 100_000, WeightedPipeline: 60_000, WonLast12Months: 100_000, Reps: 2),
    ];

    [Fact]
    public void Each_figure_is_compared_with_the_average_of_all_territories()
    {
        var rows = TerritoryBalance.Compare(Territories);

        var west2 = rows[1];
        Assert.Equal(new FigureDeviation(BalanceFigure.Accounts, 20, 20, 0, false), west2[BalanceFigure.Accounts]);
        Assert.Equal(new FigureDeviation(BalanceFigure.Potential, 1_180, 1_000, 18, true), west2[BalanceFigure.Potential]);
        Assert.Equal(new FigureDeviation(BalanceFigure.WonLast12Months, 110_000, 100_000, 10, false), west2[BalanceFigure.WonLast12Months]);
        Assert.Equal(-50m, rows[0][BalanceFigure.Accounts].PercentFromAverage);
        Assert.Equal(20m, rows[2][BalanceFigure.WeightedPipeline].PercentFromAverage);
        Assert.Equal(0m, rows[2][BalanceFigure.Reps].PercentFromAverage);
    }

    [Fact]
    public void The_band_decides_what_is_marked()
    {
        var narrow = TerritoryBalance.Compare(Territories, bandPercent: 15);
        var wide = TerritoryBalance.Compare(Territories, bandPercent: 50);

        Assert.Equal([true, true, true], narrow.Select(r => r.AnyOutOfBand));
        Assert.True(narrow[0][BalanceFigure.WeightedPipeline].OutOfBand); // −20%
        Assert.False(narrow[1][BalanceFigure.WeightedPipeline].OutOfBand); // 0%
        Assert.Equal([false, false, false], wide.Select(r => r.AnyOutOfBand)); // ±50% is on the band, not outside it
    }

    [Fact]
    public void Figures_averaging_zero_are_not_off_balance()
    {
        var rows = TerritoryBalance.Compare([new(1, "A", 0, 0, 0, 0, 0, 0), new(2, "B", 0, 0, 0, 0, 0, 0)]);

        Assert.All(rows.SelectMany(r => r.Deviations), d => Assert.Equal((0m, false), (d.PercentFromAverage, d.OutOfBand)));
    }
}
