using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Incentives;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Features.Incentives;

namespace SalesOps.Tests.Integration;

/// <summary>The leaderboard's numbers come from the database and follow a win and its reversal exactly.</summary>
public class LeaderboardServiceTests : AppTest
{
    private static DateOnly Today(SalesOpsAppFactory app) => DateOnly.FromDateTime(app.Service<TimeProvider>().GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_win_today_adds_to_the_reps_numbers_and_moves_them_against_the_start_of_the_day_and_a_reversal_takes_it_back()
    {
        var service = App.Service<LeaderboardService>();
        var filter = new LeaderboardFilter(LeaderboardMetric.WonRevenue);
        var today = Today(App);
        var deal = await QueryAsync(db => db.Deals
            .Where(d => !d.Stage!.IsWon && !d.Stage.IsLost && d.OwnerRep!.Active)
            .OrderByDescending(d => d.Amount)
            .Select(d => new { d.Id, d.OwnerRepId, d.Amount })
            .FirstAsync());
        var before = (await service.LoadAsync(filter, today)).Entries.Single(e => e.RepId == deal.OwnerRepId);
        var vp = new Actor("Victoria", Roles.VP);

        Assert.True((await App.Service<DealService>().ChangeAsync(vp, deal.Id, new DealChange(Stage: "Won"))).Succeeded);
        var after = (await service.LoadAsync(filter, today)).Entries.Single(e => e.RepId == deal.OwnerRepId);

        Assert.Equal(before.WonRevenue + deal.Amount, after.WonRevenue);
        Assert.Equal(before.DealsWon + 1, after.DealsWon);
        Assert.Equal(after.WonRevenue, after.Row.Value);
        // The start of the day leaves today's wins out, so it is the same before and after this one.
        Assert.Equal(before.Row.Rank + before.Row.Movement - after.Row.Rank, after.Row.Movement);

        Assert.True((await App.Service<DealService>().ChangeAsync(vp, deal.Id, new DealChange(Stage: "Negotiation"))).Succeeded);
        var reversed = (await service.LoadAsync(filter, today)).Entries.Single(e => e.RepId == deal.OwnerRepId);
        Assert.Equal(before.WonRevenue, reversed.WonRevenue);
        Assert.Equal(before.Row.Rank, reversed.Row.Rank);
        Assert.Null(await service.CelebrationAsync(deal.Id));
    }

    [Fact]
    public async Task A_team_filter_lists_that_teams_active_reps_and_no_one_else()
    {
        var team = await QueryAsync(db => db.Teams.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var expected = await QueryAsync(db => db.Reps.Where(r => r.TeamId == team && r.Active).Select(r => r.Id).OrderBy(id => id).ToListAsync());

        var board = await App.Service<LeaderboardService>().LoadAsync(new LeaderboardFilter(TeamId: team), Today(App));

        Assert.Equal(expected, board.Entries.Select(e => e.RepId).OrderBy(id => id));
    }

    [Fact]
    public void A_leaderboard_link_reads_back_as_the_same_filter_and_a_mangled_one_as_the_default()
    {
        var filter = new LeaderboardFilter(LeaderboardMetric.FairAttainment, LeaderboardPeriod.Custom, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 15), 2, 3, SalesOps.Shared.Domain.SalesChannel.Phone);
        var query = LeaderboardQuery.ToQuery(filter);

        var read = LeaderboardQuery.FromQuery(
            (string?)query["metric"], (string?)query["period"], (string?)query["from"], (string?)query["to"],
            query["team"]?.ToString(), query["territory"]?.ToString(), (string?)query["channel"]);

        Assert.Equal(filter, read);
        Assert.Equal(LeaderboardFilter.Default, LeaderboardQuery.FromQuery("999", "Weekly", "x", "y", "-1", "abc", "Telepathy"));
    }
}
