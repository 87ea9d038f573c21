using SalesOps.Shared.Incentives;
using static SalesOps.Tests.Incentives.IncentiveExamples;

namespace SalesOps.Tests.Incentives;

public class PlanPreviewTests
{
    [Fact]
    public void Marginal_plan_at_50_100_and_150_percent()
    {
        var preview = PlanPreview.At(Plan(), Quota);

        Assert.Equal([50m, 100m, 150m], preview.Select(p => p.AttainmentPercent));
        Assert.Equal([50_000m, 100_000m, 150_000m], preview.Select(p => p.Revenue));
        Assert.Equal([1_000m, 3_500m, 7_500m], preview.Select(p => p.Total));
        Assert.Equal([5m, 8m, 8m], preview.Select(p => p.ReachedTier.RatePercent));
    }

    [Fact]
    public void Retroactive_plan_at_50_100_and_150_percent()
    {
        var preview = PlanPreview.At(Plan(PayoutMode.Retroactive), Quota);

        Assert.Equal([2_500m, 8_000m, 12_000m], preview.Select(p => p.Total));
    }

    [Fact]
    public void The_preview_shows_what_the_cap_takes_off()
    {
        var top = PlanPreview.At(Plan(capMultiple: 1.25m), Quota)[^1];

        Assert.Equal((7_500m, -3_125m, 4_375m), (top.Commission, top.CapReduction, top.Total));
    }

    [Fact]
    public void Spifs_are_left_out_and_other_attainments_can_be_asked_for()
    {
        var plan = Plan() with { Spifs = [new SpifRule("Any product", null, 1_000m, Q1.Start, Q1.End)] };

        var preview = PlanPreview.At(plan, 1_000m, [0m, 75.5m]);

        Assert.Equal([0m, 755m], preview.Select(p => p.Revenue));
        Assert.Equal([0m, 22.75m], preview.Select(p => p.Total)); // 500 × 2% + 255 × 5%
    }
}
