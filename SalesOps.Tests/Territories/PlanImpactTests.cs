using SalesOps.Shared.Territories;

namespace SalesOps.Tests.Territories;

public class PlanImpactTests
{
    private static TerritoryFigures Figures(int id, int accounts, decimal potential, decimal open = 0) =>
        new(id, $"T{id}", accounts, potential, open, open / 2, 0, 1);

    [Fact]
    public void Figures_travel_with_the_moved_accounts_and_totals_stay_the_same()
    {
        IReadOnlyList<TerritoryFigures> before = [Figures(1, 10, 500, 1_000), Figures(2, 4, 100, 200), Figures(3, 6, 300)];

        var after = PlanImpact.FiguresAfter(before, [new AccountShift(1, 2, 80, 300, 150, 40), new AccountShift(1, 3, 20, 0, 0, 0), new AccountShift(3, 3, 99, 9, 9, 9)]);

        Assert.Equal([1, 2, 3], after.Select(f => f.TerritoryId));
        Assert.Equal((8, 400m, 700m, 350m, -40m), (after[0].Accounts, after[0].Potential, after[0].OpenPipeline, after[0].WeightedPipeline, after[0].WonLast12Months));
        Assert.Equal((5, 180m, 500m), (after[1].Accounts, after[1].Potential, after[1].OpenPipeline));
        Assert.Equal((7, 320m), (after[2].Accounts, after[2].Potential));
        Assert.Equal(before.Sum(f => f.Potential), after.Sum(f => f.Potential));
        Assert.Equal(before.Sum(f => f.Accounts), after.Sum(f => f.Accounts));
    }

    [Fact]
    public void Coverage_is_open_pipeline_over_remaining_quota_before_and_after_for_every_rep_who_gives_or_gets_a_deal()
    {
        var reps = new Dictionary<int, RepQuotaPosition>
        {
            [1] = new(1, "Ana", 300_000, 100_000),
            [2] = new(2, "Bogdan", 50_000, 200_000),
            [3] = new(3, "Cora", 10_000, 0),
            [4] = new(4, "Dan", 1, 1),
        };

        var coverage = PlanImpact.Coverage(reps, [new DealShift(1, 2, 100_000), new DealShift(1, 3, 20_000), new DealShift(4, 4, 5)]);

        Assert.Equal(["Ana", "Bogdan", "Cora"], coverage.Select(c => c.Name));
        Assert.Equal((3m, 1.8m), (coverage[0].Before!.Value, coverage[0].After!.Value));
        Assert.Equal((0.25m, 0.75m), (coverage[1].Before!.Value, coverage[1].After!.Value));
        // Nothing left to sell: coverage means nothing, so there is none.
        Assert.Equal((30_000m, (decimal?)null), (coverage[2].OpenAfter, coverage[2].After));
    }
}
