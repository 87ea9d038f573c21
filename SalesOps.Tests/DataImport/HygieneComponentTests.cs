using Bunit;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Data;

namespace SalesOps.Tests.DataImport;

public class HygieneComponentTests : BunitTest
{
    [Fact]
    public void Merge_hands_over_the_kept_account_and_the_others_with_the_versions_read()
    {
        AccountMerge? merged = null;
        var group = new List<AccountNameRow> { new(7, "Acme Corp", 12, 3), new(9, "ACME Corporation", 2, 5), new(11, "The Acme Co.", 0, 1) };

        var cut = Render<DuplicateAccountsPanel>(p => p
            .Add(c => c.Groups, [group])
            .Add(c => c.OnMerge, m => merged = m));
        cut.Find("button[data-action=merge]").Click();

        Assert.NotNull(merged);
        Assert.Equal(group[0], merged.Keep);
        Assert.Equal([group[1], group[2]], merged.Merged);
        Assert.Equal("7", cut.Find("[data-keep-id]").GetAttribute("data-keep-id"));
        Assert.Equal("Merge into Acme Corp", cut.Find("button[data-action=merge]").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_busy_panel_offers_no_merge()
    {
        var cut = Render<DuplicateAccountsPanel>(p => p
            .Add(c => c.Groups, [[new(1, "Acme", 1, 0), new(2, "ACME Inc", 1, 0)]])
            .Add(c => c.Busy, true));

        Assert.True(cut.Find("button[data-action=merge]").HasAttribute("disabled"));
    }

    [Fact]
    public void Scores_carry_raw_values_and_link_to_the_reps_board()
    {
        var cut = Render<HygieneScoreTable>(p => p
            .Add(c => c.Title, "Reps")
            .Add(c => c.Kind, "rep")
            .Add(c => c.Rows, [new HygieneScore(4, "Ana Pop", 40, 9, 78)]));

        var row = cut.Find("tr[data-score-id='4']");
        Assert.Equal(("78", "40", "9"), (row.GetAttribute("data-score"), row.GetAttribute("data-open"), row.GetAttribute("data-issues")));
        Assert.Equal("pipeline?rep=4", row.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_deal_in_a_list_opens_its_drawer_and_the_list_says_how_many_more_there_are()
    {
        var opened = 0;
        var deal = new DealCardRow(42, "Acme – Suite", "Acme", "Ana Pop", 4, 1, 3, 12_500.5m, 50, new DateOnly(2026, 9, 30), null,
            new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), SalesChannel.Field, 1, new DateOnly(2026, 5, 1));

        var cut = Render<HygieneDealList>(p => p
            .Add(c => c.Issue, HygieneIssue.PastDue)
            .Add(c => c.Deals, [deal])
            .Add(c => c.Count, 31)
            .Add(c => c.BoardHref, "pipeline?to=2026-11-26")
            .Add(c => c.OnOpen, id => opened = id));
        cut.Find("tr[data-deal-id='42'] button").Click();

        Assert.Equal(42, opened);
        Assert.Equal("31", cut.Find("[data-issue-list]").GetAttribute("data-count"));
        Assert.Equal("12500.5", cut.Find("td[data-value]").GetAttribute("data-value"));
        Assert.Contains("30 more deals", cut.Markup);
        Assert.Equal("pipeline?to=2026-11-26", cut.Find("a[href^=pipeline]").GetAttribute("href"));
    }
}
