using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Kpis;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Home;

namespace SalesOps.Tests.Home;

/// <summary>The dashboard sums in SQL; these check it against the pure calculator over the same rows.</summary>
public class HomeDashboardServiceTests : AppTest
{
    [Fact]
    public async Task A_vp_s_quarter_kpis_match_the_calculator_over_every_closed_deal()
    {
        var dashboard = await App.Service<HomeDashboardService>().LoadAsync(new Actor("VP", Roles.VP), TestClock.Today);

        var expected = await ExpectedAsync(dashboard.Quarter, repId: null);
        Assert.Equal(expected.Won, dashboard.QuarterKpis.Won);
        Assert.Equal(expected.Lost, dashboard.QuarterKpis.Lost);
        Assert.Equal(expected.WonAmount, dashboard.QuarterKpis.WonAmount);
        Assert.Equal(expected.AverageCycleDays!.Value, dashboard.QuarterKpis.AverageCycleDays!.Value, 6);
        Assert.Equal(expected.AverageDealSize, dashboard.QuarterKpis.AverageDealSize);
        Assert.True(dashboard.QuarterKpis.Won > 0);
    }

    [Fact]
    public async Task A_rep_s_dashboard_counts_only_the_rep_s_deals_and_names_no_top_reps()
    {
        var rep = await QueryAsync(db => db.Reps.SingleAsync(r => r.Email == "rep@demo.salesops"));

        var dashboard = await App.Service<HomeDashboardService>().LoadAsync(new Actor(rep.Name, Roles.Rep, rep.Id, rep.TeamId), TestClock.Today);

        var expected = await ExpectedAsync(dashboard.Quarter, rep.Id);
        Assert.Equal((expected.Won, expected.Lost, expected.WonAmount), (dashboard.QuarterKpis.Won, dashboard.QuarterKpis.Lost, dashboard.QuarterKpis.WonAmount));
        Assert.Empty(dashboard.TopReps);
        Assert.NotNull(dashboard.Quota);
    }

    [Fact]
    public async Task Top_reps_are_the_five_with_most_won_this_quarter_in_order()
    {
        var dashboard = await App.Service<HomeDashboardService>().LoadAsync(new Actor("VP", Roles.VP), TestClock.Today);

        var expected = await QueryAsync(db => db.Deals
            .Where(d => d.StageId == 5 && d.ClosedOn >= dashboard.Quarter.Start && d.ClosedOn <= dashboard.Quarter.End)
            .GroupBy(d => d.OwnerRepId)
            .Select(g => new { g.Key, Won = g.Sum(d => d.Amount) })
            .ToListAsync());
        Assert.Equal(expected.OrderByDescending(r => r.Won).Take(5).Select(r => r.Won), dashboard.TopReps.Select(r => r.Won));
    }

    [Fact]
    public async Task The_quarter_is_the_one_of_the_user_s_today()
    {
        var newYear = new DateOnly(TestClock.Today.Year + 1, 1, 1);

        var dashboard = await App.Service<HomeDashboardService>().LoadAsync(new Actor("VP", Roles.VP), newYear);

        Assert.Equal(new Period(newYear, new DateOnly(newYear.Year, 3, 31)), dashboard.Quarter);
        Assert.Equal(new DateOnly(newYear.Year - 1, 2, 1), dashboard.WonByMonth[0].Month);
        Assert.Equal(newYear, dashboard.WonByMonth[^1].Month);
    }

    private Task<ClosedDealKpis> ExpectedAsync(Period quarter, int? repId) => QueryAsync(async db =>
    {
        var rows = await db.Deals
            .Where(d => (d.StageId == 5 || d.StageId == 6) && d.ClosedOn >= quarter.Start && d.ClosedOn <= quarter.End)
            .Where(d => repId == null || d.OwnerRepId == repId)
            .Select(d => new ClosedDeal(d.Amount, d.StageId == 5, d.CreatedOn, d.EngagedOn, d.ClosedOn!.Value))
            .ToListAsync();
        return KpiCalculator.Summarize(rows);
    });
}
