using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;

namespace SalesOps.Tests.Incentives;

public class LeaderboardRankingTests
{
    [Fact]
    public void Equal_values_share_a_rank_and_the_next_rank_skips()
    {
        var rows = LeaderboardRanking.Rank(
        [
            new(1, "Dana", 50_000m, 3),
            new(2, "Cole", 80_000m, 4),
            new(3, "Bea", 80_000m, 2),
            new(4, "Ada", 90_000m, 5),
            new(5, "Eli", 10_000m, 1),
        ], LeaderboardMetric.WonRevenue);

        Assert.Equal([4, 3, 2, 1, 5], rows.Select(r => r.RepId));
        Assert.Equal([1, 2, 2, 4, 5], rows.Select(r => r.Rank!.Value));
        Assert.Equal([90_000m, 80_000m, 80_000m, 50_000m, 10_000m], rows.Select(r => r.Value!.Value));
    }

    [Fact]
    public void Ties_are_listed_by_name_then_id_without_changing_the_rank()
    {
        var rows = LeaderboardRanking.Rank(
        [
            new(7, "zoe", 0m, 2),
            new(3, "Adam", 0m, 2),
            new(9, "Adam", 0m, 2),
            new(1, "Max", 0m, 3),
        ], LeaderboardMetric.DealsWon);

        Assert.Equal([1, 3, 9, 7], rows.Select(r => r.RepId));
        Assert.Equal([1, 2, 2, 2], rows.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void Attainment_ranks_revenue_over_quota_and_leaves_reps_without_a_quota_unranked()
    {
        var rows = LeaderboardRanking.Rank(
        [
            new(1, "Ann", 50_000m, 1, Quota: 150_000m),
            new(2, "Ben", 100_000m, 1, Quota: 300_000m),
            new(3, "Cat", 120_000m, 1, Quota: 100_000m),
            new(4, "Abe", 500_000m, 9, Quota: 0m),
        ], LeaderboardMetric.Attainment);

        Assert.Equal([3, 1, 2, 4], rows.Select(r => r.RepId));
        Assert.Equal([1, 2, 2, null], rows.Select(r => r.Rank));
        Assert.Equal(120m, rows[0].Value);
        Assert.Equal(rows[1].Value, rows[2].Value); // 1/3 either way: equal ratios tie exactly
        Assert.Null(rows[3].Value);
    }

    [Fact]
    public void Average_won_deal_is_undefined_without_won_deals()
    {
        var rows = LeaderboardRanking.Rank(
        [
            new(1, "Ann", 0m, 0),
            new(2, "Ben", 100m, 3),
            new(3, "Cat", 200m, 6),
            new(4, "Dan", 90_000m, 2),
        ], LeaderboardMetric.AverageWonDeal);

        Assert.Equal([4, 2, 3, 1], rows.Select(r => r.RepId));
        Assert.Equal([1, 2, 2, null], rows.Select(r => r.Rank));
        Assert.Equal(45_000m, rows[0].Value);
    }

    [Fact]
    public void Movement_is_the_rank_at_the_start_of_the_day_minus_the_rank_now()
    {
        RepStanding[] startOfDay = [new(1, "Ann", 90m, 1), new(2, "Ben", 80m, 1), new(3, "Cat", 70m, 1)];
        RepStanding[] now = [new(1, "Ann", 90m, 1), new(2, "Ben", 80m, 1), new(3, "Cat", 170m, 2), new(4, "Dan", 5m, 1)];

        var rows = LeaderboardRanking.Rank(now, LeaderboardMetric.WonRevenue, startOfDay);

        Assert.Equal([3, 1, 2, 4], rows.Select(r => r.RepId));
        Assert.Equal([2, -1, -1, null], rows.Select(r => r.Movement));
    }

    [Fact]
    public void Without_start_of_day_standings_there_is_no_movement()
    {
        var rows = LeaderboardRanking.Rank([new(1, "Ann", 90m, 1)], LeaderboardMetric.WonRevenue);

        Assert.Null(Assert.Single(rows).Movement);
    }

    [Fact]
    public void A_rep_who_joins_a_tie_moves_by_the_shared_rank()
    {
        RepStanding[] startOfDay = [new(1, "Ann", 100m, 1), new(2, "Ben", 50m, 1), new(3, "Cat", 10m, 1)];
        RepStanding[] now = [new(1, "Ann", 100m, 1), new(2, "Ben", 50m, 1), new(3, "Cat", 100m, 2)];

        var rows = LeaderboardRanking.Rank(now, LeaderboardMetric.WonRevenue, startOfDay);

        Assert.Equal([(1, 1, 0), (3, 1, 2), (2, 3, -1)], rows.Select(r => (r.RepId, r.Rank!.Value, r.Movement!.Value)));
    }

    [Fact]
    public void Fair_mode_measures_each_rep_against_a_quota_scaled_to_territory_potential()
    {
        // Average potential of the ranked reps: (300 + 100 + 200) / 3 = 200. Dan has no territory potential:
        // unranked and left out of the average.
        RepStanding[] standings =
        [
            new(1, "Xena", 120_000m, 4, Quota: 100_000m, TerritoryPotential: 300m),
            new(2, "Yuri", 90_000m, 3, Quota: 100_000m, TerritoryPotential: 100m),
            new(3, "Zara", 80_000m, 2, Quota: 100_000m, TerritoryPotential: 200m),
            new(4, "Dan", 200_000m, 9, Quota: 100_000m, TerritoryPotential: 0m),
        ];

        var plain = LeaderboardRanking.Rank(standings, LeaderboardMetric.Attainment);
        var fair = LeaderboardRanking.Rank(standings, LeaderboardMetric.FairAttainment);

        Assert.Equal([4, 1, 2, 3], plain.Select(r => r.RepId));
        Assert.Equal([2, 1, 3, 4], fair.Select(r => r.RepId));
        Assert.Equal([1, 2, 2, null], fair.Select(r => r.Rank));
        Assert.Equal([180m, 80m, 80m, null], fair.Select(r => r.Value));
        Assert.Equal([50_000m, 150_000m, 100_000m, null], fair.Select(r => r.ScaledQuota));
    }

    [Fact]
    public void Fair_mode_with_equal_potentials_ranks_like_plain_attainment()
    {
        RepStanding[] standings =
        [
            new(1, "Ann", 70_000m, 1, Quota: 100_000m, TerritoryPotential: 40m),
            new(2, "Ben", 90_000m, 1, Quota: 120_000m, TerritoryPotential: 40m),
        ];

        var fair = LeaderboardRanking.Rank(standings, LeaderboardMetric.FairAttainment);
        var plain = LeaderboardRanking.Rank(standings, LeaderboardMetric.Attainment);

        Assert.Equal(plain.Select(r => (r.RepId, r.Rank, r.Value)), fair.Select(r => (r.RepId, r.Rank, r.Value)));
    }

    [Fact]
    public void A_contest_ranks_on_its_own_metric()
    {
        var metric = LeaderboardRanking.For(ContestMetric.NewPipeline);
        RepStanding[] standings = [new(1, "Ann", 90m, 9) { NewPipeline = 10m }, new(2, "Ben", 0m, 0) { NewPipeline = 500m }];

        var rows = LeaderboardRanking.Rank(standings, metric);

        Assert.Equal(LeaderboardMetric.NewPipeline, metric);
        Assert.Equal([2, 1], rows.Select(r => r.RepId));
        Assert.Equal(LeaderboardMetric.WonRevenue, LeaderboardRanking.For(ContestMetric.WonRevenue));
        Assert.Equal(LeaderboardMetric.DealsWon, LeaderboardRanking.For(ContestMetric.DealsWon));
    }

    [Fact]
    public void An_empty_board_has_no_rows()
    {
        Assert.Empty(LeaderboardRanking.Rank([], LeaderboardMetric.FairAttainment));
    }
}
