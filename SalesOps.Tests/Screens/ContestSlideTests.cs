using Bunit;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;
using SalesOps.Shared.Screens;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Incentives;
using SalesOps.Web.Features.Screens;

namespace SalesOps.Tests.Screens;

public class ContestSlideTests : BunitTest
{
    private static readonly DateTime At = TestClock.Start.UtcDateTime;

    [Fact]
    public void A_contest_slide_shows_the_standings_with_exact_values_and_the_winner_once_ended()
    {
        var contest = new ContestSummary(1, "Q4 revenue race", ContestMetric.DealsWon, TestClock.Today.AddDays(-30), TestClock.Today.AddDays(-1), null, null, 0, "Lisbon", ContestStatus.Ended);
        var entries = new List<LeaderboardEntry>
        {
            new(new LeaderboardRow(7, "Robert Chen", 1, 6m, null), 1, "East", 60_000m, 6, 0),
            new(new LeaderboardRow(8, "Ana Pop", 1, 6m, null), 1, "East", 50_000m, 6, 0),
            new(new LeaderboardRow(9, "Ion Ilie", 3, 2m, null), 2, "West", 9_000m, 2, 0),
        };
        var board = new ContestBoard(contest, new Leaderboard(At, new Period(contest.StartsOn, contest.EndsOn), LeaderboardMetric.DealsWon, entries), entries.Take(2).ToList());

        var cut = Render<SlideView>(p => p
            .Add(v => v.Slide, new SlideSpec(SlideKind.ContestStandings, 20))
            .Add(v => v.Data, new ContestSlideData(At, board)));

        Assert.Equal("ContestStandings", cut.Find(".slide").GetAttribute("data-kind"));
        Assert.Equal(["1", "1", "3"], cut.FindAll("li[data-rep-id]").Select(r => r.GetAttribute("data-rank")));
        Assert.Equal(["6", "6", "2"], cut.FindAll("li[data-rep-id]").Select(r => r.GetAttribute("data-value")));
        Assert.Equal("7,8", cut.Find("[data-winner-rep-ids]").GetAttribute("data-winner-rep-ids"));
        Assert.Contains("Lisbon", cut.Markup);
    }

    [Fact]
    public void Without_a_contest_the_slide_says_so()
    {
        var cut = Render<SlideView>(p => p
            .Add(v => v.Slide, new SlideSpec(SlideKind.ContestStandings, 20))
            .Add(v => v.Data, new ContestSlideData(At, null)));

        Assert.Equal("No contest is running.", cut.Find("[data-testid=slide-no-contest]").TextContent);
        Assert.Empty(cut.FindAll("li[data-rep-id]"));
    }
}
