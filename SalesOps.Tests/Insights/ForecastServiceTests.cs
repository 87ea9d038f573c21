using System.Net;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Kpis;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Insights;

namespace SalesOps.Tests.Insights;

/// <summary>The forecast over the demo company: closed won and the backtest's actuals equal plain sums; the bands hold their forecast.</summary>
public class ForecastServiceTests : AppTest
{
    [Fact]
    public async Task Forecasts_start_from_what_was_won_and_the_backtest_compares_with_what_really_closed()
    {
        var report = await App.Service<ForecastService>().LoadAsync(new Actor("Vera VP", Roles.VP), TestClock.Today, TestContext.Current.CancellationToken);

        var quarter = Period.QuarterOf(TestClock.Today);
        var deals = await QueryAsync(db => db.Deals.AsNoTracking().Where(d => d.StageId == 5).Select(d => new { d.ClosedOn, d.Amount, d.OwnerRepId }).ToListAsync());
        Assert.Equal(deals.Where(d => quarter.Contains(d.ClosedOn!.Value)).Sum(d => d.Amount), report.ThisQuarter.ClosedWon);
        Assert.Equal(0m, report.NextQuarter.ClosedWon);
        Assert.True(report.ThisQuarter.Commit <= report.ThisQuarter.BestCase);
        Assert.InRange(report.ThisQuarter.History.Expected, report.ThisQuarter.History.Low, report.ThisQuarter.History.High);
        Assert.True(report.LearnedFrom > 100);

        Assert.Equal(ForecastService.BacktestQuarters, report.Backtest.Count);
        Assert.Equal(quarter.Previous(), report.Backtest[^1].Quarter);
        foreach (var q in report.Backtest)
        {
            Assert.Equal(deals.Where(d => q.Quarter.Contains(d.ClosedOn!.Value)).Sum(d => d.Amount), q.Actual);
            Assert.True(q.Weighted > 0 && q.History.Expected > 0, $"{q.Quarter} had open deals on its first day");
            Assert.InRange(q.History.Expected, q.History.Low, q.History.High);
        }

        var first = report.Reps[0];
        Assert.Equal(deals.Where(d => d.OwnerRepId == first.RepId && d.ClosedOn >= report.Backtest[0].Quarter.Start && d.ClosedOn <= report.Backtest[^1].Quarter.End).Sum(d => d.Amount), first.Actual);
        Assert.InRange(first.HistoryAccuracy!.Value, 0, 1);
    }

    [Fact]
    public async Task A_manager_forecasts_their_team_only_and_the_page_shows_it()
    {
        var teamId = await QueryAsync(db => db.Users.Where(u => u.Email == DemoCompany.ManagerEmail).Select(u => u.TeamId!.Value).SingleAsync());
        var teamReps = await QueryAsync(db => db.Reps.Where(r => r.TeamId == teamId).Select(r => r.Id).ToListAsync());

        var report = await App.Service<ForecastService>().LoadAsync(new Actor("Max Manager", Roles.Manager, TeamId: teamId), TestClock.Today, TestContext.Current.CancellationToken);
        Assert.All(report.Reps, r => Assert.Contains(r.RepId, teamReps));

        using var manager = await SignedInClientAsync(DemoCompany.ManagerEmail);
        var html = await manager.GetStringAsync("/insights/forecast", TestContext.Current.CancellationToken);
        Assert.Contains($"data-kpi=\"closedWon\" data-value=\"{report.ThisQuarter.ClosedWon.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"", html);
        Assert.Contains($"data-kpi=\"history\" data-value=\"{report.ThisQuarter.History.Expected.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"", html);
    }
}
