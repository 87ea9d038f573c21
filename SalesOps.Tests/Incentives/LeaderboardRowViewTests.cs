using Bunit;
using SalesOps.Shared.Incentives;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Incentives;

namespace SalesOps.Tests.Incentives;

public class LeaderboardRowViewTests : BunitTest
{
    private static LeaderboardEntry Entry(int? rank, decimal? value, int? movement, decimal won = 120_000m, decimal quota = 100_000m) =>
        new(new LeaderboardRow(7, "Robert Chen", rank, value, movement), 2, "East Field", won, 3, quota);

    [Fact]
    public void A_row_carries_its_rep_rank_and_exact_metric_value_and_shows_a_climb()
    {
        var cut = Render<LeaderboardRowView>(p => p
            .Add(c => c.Entry, Entry(2, 120.123456m, 2))
            .Add(c => c.Metric, LeaderboardMetric.Attainment));

        var row = cut.Find("li");
        Assert.Equal("7", row.GetAttribute("data-rep-id"));
        Assert.Equal("2", row.GetAttribute("data-rank"));
        Assert.Equal("120.123456", row.GetAttribute("data-value"));
        Assert.Contains("up", row.ClassList);
        Assert.Equal("2", cut.Find(".lb-move").GetAttribute("data-movement"));
        Assert.Equal("▲2", cut.Find(".lb-move span").TextContent);
        Assert.Equal("RC", cut.Find(".lb-avatar").TextContent.Trim());
        Assert.Equal("120", cut.Find("[data-quota-progress]").GetAttribute("data-quota-progress"));
    }

    [Fact]
    public void A_row_that_fell_shows_a_down_arrow_with_the_places_lost()
    {
        var cut = Render<LeaderboardRowView>(p => p
            .Add(c => c.Entry, Entry(4, 50_000m, -3))
            .Add(c => c.Metric, LeaderboardMetric.WonRevenue));

        Assert.Contains("down", cut.Find("li").ClassList);
        Assert.Equal("▼3", cut.Find(".lb-move span").TextContent);
        Assert.Equal("$50.0K", cut.Find(".lb-value").TextContent);
    }

    [Fact]
    public void An_unranked_rep_has_no_rank_value_or_movement_and_no_statement_link_unless_given()
    {
        var cut = Render<LeaderboardRowView>(p => p
            .Add(c => c.Entry, Entry(null, null, null, quota: 0))
            .Add(c => c.Metric, LeaderboardMetric.Attainment));

        var row = cut.Find("li");
        Assert.False(row.HasAttribute("data-rank"));
        Assert.False(row.HasAttribute("data-value"));
        Assert.Empty(cut.FindAll(".lb-move span"));
        Assert.Empty(cut.FindAll("a.lb-name"));
        Assert.Equal("—", cut.Find(".lb-value").TextContent);
    }

    [Fact]
    public void A_viewer_who_may_read_the_reps_pay_gets_a_link_to_the_statement()
    {
        var cut = Render<LeaderboardRowView>(p => p
            .Add(c => c.Entry, Entry(1, 10m, 0))
            .Add(c => c.Metric, LeaderboardMetric.DealsWon)
            .Add(c => c.StatementHref, "incentives/statements/7/current"));

        Assert.Equal("incentives/statements/7/current", cut.Find("a.lb-name").GetAttribute("href"));
    }
}
