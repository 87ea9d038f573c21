using SalesOps.Shared.Kpis;

namespace SalesOps.Tests.Insights;

public class FunnelCalculatorTests
{
    // Prospecting 1, Qualification 2, Proposal 3, Negotiation 4; Won 5, Lost 6.
    private static readonly int[] Open = [1, 2, 3, 4];
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static StageVisit V(int stage, double day) => new(stage, T0.AddDays(day));

    [Fact]
    public void Conversion_is_the_share_of_deals_that_reached_a_stage_and_got_further()
    {
        var funnel = new FunnelCalculator(Open, wonId: 5);
        funnel.Add([V(1, 0), V(2, 10), V(3, 20), V(4, 30), V(5, 40)]); // won
        funnel.Add([V(1, 0), V(2, 4), V(6, 10)]);                       // lost in qualification
        funnel.Add([V(1, 0), V(6, 2)]);                                 // lost in prospecting
        funnel.Add([V(3, 0), V(5, 8)]);                                 // entered at proposal, won: passed 1 and 2 too

        var stages = funnel.Stages;
        Assert.Equal(4, funnel.Deals);
        Assert.Equal([4, 3, 2, 2], stages.Select(s => s.Reached));
        Assert.Equal([3, 2, 2, 2], stages.Select(s => s.Advanced));
        Assert.Equal(0.75, stages[0].Conversion);
        Assert.Equal(2.0 / 3, stages[1].Conversion);
        Assert.Equal(1.0, stages[2].Conversion);
        Assert.Equal(1.0, stages[3].Conversion);
    }

    [Fact]
    public void Time_in_stage_is_the_mean_of_stays_that_ended()
    {
        var funnel = new FunnelCalculator(Open, wonId: 5);
        funnel.Add([V(1, 0), V(2, 10), V(5, 16)]);
        funnel.Add([V(1, 0), V(2, 20)]); // still in qualification: that stay has not ended

        var stages = funnel.Stages;
        Assert.Equal(15.0, stages[0].AvgDaysInStage);
        Assert.Equal(2, stages[0].Stays);
        Assert.Equal(6.0, stages[1].AvgDaysInStage);
        Assert.Equal(1, stages[1].Stays);
        Assert.Null(stages[2].AvgDaysInStage);
    }
}
