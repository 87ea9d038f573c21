using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;

namespace SalesOps.Tests.Insights;

public class ForecastEngineTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);
    private static readonly Period Q2 = Period.QuarterOf(new DateOnly(2026, 5, 1));

    private static StageVisit Enter(int stage, DateOnly day) => new(stage, day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));

    /// <summary>Four deals passed through Proposal (3): won after 10, 30 and 50 days, and one lost.</summary>
    private static StageHistoryModel Model()
    {
        var model = new StageHistoryModel();
        model.Learn([Enter(3, Jan1)], won: true, Jan1.AddDays(10));
        model.Learn([Enter(3, Jan1)], won: true, Jan1.AddDays(30));
        model.Learn([Enter(3, Jan1)], won: false, Jan1.AddDays(5));
        model.Learn([Enter(2, Jan1.AddDays(-20)), Enter(3, Jan1)], won: true, Jan1.AddDays(50));
        return model;
    }

    [Fact]
    public void The_model_learns_each_stages_win_rate_and_timing_from_closed_deals()
    {
        var model = Model();

        Assert.Equal(0.75, model.WinRate(3));
        Assert.Equal(1.0, model.WinRate(2));
        Assert.Null(model.WinRate(1));
        Assert.Equal(2.0 / 3, model.Timing(3, age: 0, fromDay: 0, toDay: 30));
        // Still open after 20 days: of the wins that waited that long (30, 50), half closed by day 40.
        Assert.Equal(0.5, model.Timing(3, age: 20, fromDay: 20, toDay: 40));
        Assert.Null(model.Timing(3, age: 60, fromDay: 60, toDay: 90));
    }

    [Fact]
    public void Each_method_forecasts_the_quarter_from_closed_won_and_the_open_deals()
    {
        var asOf = Q2.Start;
        OpenDealState[] open =
        [
            new(1, 3, 1_000m, 50, ForecastCategory.Commit, new DateOnly(2026, 5, 15), asOf.AddDays(-10)),
            new(1, 3, 2_000m, 50, ForecastCategory.BestCase, new DateOnly(2026, 8, 1), asOf.AddDays(-30)),
            new(2, 1, 400m, 25, ForecastCategory.Pipeline, new DateOnly(2026, 6, 1), asOf),
        ];

        var forecast = ForecastEngine.Forecast(Q2, asOf, closedWon: 500m, open, Model());

        Assert.Equal(500m, forecast.ClosedWon);
        Assert.Equal(1_500m, forecast.Commit);
        Assert.Equal(1_500m, forecast.BestCase);
        Assert.Equal(1_100m, forecast.Weighted);
        // 500 + 1,000 × 0.75 + 2,000 × 0.75 (history says it closes this quarter whatever its date says) + 400 × 0.25 (no history: its own probability).
        Assert.Equal(2_850m, forecast.History.Expected);
        var spread = decimal.Round((decimal)(1.645 * Math.Sqrt(0.1875 * (1_000_000 + 4_000_000 + 160_000))), 2);
        Assert.Equal(2_850m - spread, forecast.History.Low, 2);
        Assert.Equal(2_850m + spread, forecast.History.High, 2);
    }

    [Fact]
    public void A_deal_that_cannot_close_inside_the_quarter_counts_nothing()
    {
        var late = new OpenDealState(1, 3, 1_000m, 90, ForecastCategory.Commit, new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1));
        Assert.Equal(0, ForecastEngine.HistoryProbability(late, Period.QuarterOf(new DateOnly(2026, 2, 1)), new DateOnly(2026, 7, 1), Model(), expectedInQuarter: false));
    }

    [Fact]
    public void Accuracy_is_one_minus_the_weighted_absolute_error()
    {
        Assert.Equal(0.9, ForecastEngine.Accuracy([(90m, 100m), (110m, 100m)])!.Value, 12);
        Assert.Equal(0.0, ForecastEngine.Accuracy([(500m, 100m)]));
        Assert.Null(ForecastEngine.Accuracy([(10m, 0m)]));
    }
}
