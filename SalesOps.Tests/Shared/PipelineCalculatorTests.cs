using SalesOps.Shared.Kpis;

namespace SalesOps.Tests.Shared;

public class PipelineCalculatorTests
{
    [Fact]
    public void Totals_per_stage_sum_counts_amounts_and_probability_weighted_amounts()
    {
        var totals = PipelineCalculator.Summarize(
        [
            new StageSlice(StageId: 1, Probability: 10, Count: 2, Amount: 1000m),
            new StageSlice(StageId: 1, Probability: 20, Count: 1, Amount: 500m),
            new StageSlice(StageId: 3, Probability: 50, Count: 4, Amount: 8000m),
        ], stageOrder: [1, 2, 3]);

        Assert.Collection(totals.Stages,
            s => Assert.Equal(new StageTotals(1, 3, 1500m, 200m), s),
            s => Assert.Equal(new StageTotals(2, 0, 0m, 0m), s),
            s => Assert.Equal(new StageTotals(3, 4, 8000m, 4000m), s));
        Assert.Equal(7, totals.Count);
        Assert.Equal(9500m, totals.Amount);
        Assert.Equal(4200m, totals.WeightedAmount);
    }

    [Fact]
    public void Probabilities_outside_0_to_100_are_clamped_so_dirty_data_cannot_inflate_the_forecast()
    {
        var totals = PipelineCalculator.Summarize([new StageSlice(1, 250, 1, 100m), new StageSlice(1, -5, 1, 100m)], [1]);

        Assert.Equal(100m, totals.WeightedAmount);
    }

    [Fact]
    public void Stages_appear_in_the_given_order_and_unknown_stages_are_left_out()
    {
        var totals = PipelineCalculator.Summarize([new StageSlice(9, 50, 1, 10m), new StageSlice(2, 50, 1, 10m)], [2, 1]);

        Assert.Equal([2, 1], totals.Stages.Select(s => s.StageId));
        Assert.Equal(1, totals.Count);
    }
}
