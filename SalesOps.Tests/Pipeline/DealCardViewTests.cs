using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Pipeline;

namespace SalesOps.Tests.Pipeline;

public class DealCardViewTests : BunitTest
{
    private static readonly DealCard Card = new(
        Id: 42,
        Name: "Northwind Traders – Growth Suite",
        Account: "Northwind Traders",
        Owner: "Robert Chen",
        OwnerRepId: 1,
        TeamId: 1,
        StageId: 3,
        Amount: 48_250m,
        Probability: 50,
        ExpectedClose: new DateOnly(2026, 12, 15),
        ClosedOn: null,
        DaysInStage: 12,
        IsStale: false,
        Version: 4);

    [Fact]
    public void A_card_shows_account_compact_amount_owner_expected_close_and_days_in_stage()
    {
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card));

        Assert.Equal("Northwind Traders", cut.Find(".deal-account").TextContent);
        Assert.Equal("$48.3K", cut.Find(".deal-amount").TextContent);
        Assert.Equal("Robert Chen", cut.Find(".owner").TextContent);
        Assert.Equal("12/15/2026", cut.Find("span[title='Expected close']").TextContent);
        Assert.Equal("12 d in stage", cut.Find("[data-testid=days-in-stage]").TextContent);
        Assert.Equal("deal", cut.Find("[role=button]").GetAttribute("aria-roledescription"));
    }

    [Fact]
    public void A_closed_card_shows_its_close_date_instead_of_the_expected_one()
    {
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card with { StageId = 5, ClosedOn = new DateOnly(2026, 11, 20) }));

        Assert.Equal("11/20/2026", cut.Find("span[title='Close date']").TextContent);
        Assert.Empty(cut.FindAll("span[title='Expected close']"));
    }

    [Fact]
    public void A_fresh_card_has_no_stale_mark()
    {
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card));

        Assert.Empty(cut.FindAll("[data-testid=stale]"));
        Assert.DoesNotContain("stale", cut.Find("article").ClassList);
    }

    [Fact]
    public void A_stale_card_shows_the_stale_mark()
    {
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card with { IsStale = true }));

        Assert.Contains("Stale", cut.Find("[data-testid=stale]").TextContent);
        Assert.Contains("stale", cut.Find("article").ClassList);
    }

    [Fact]
    public void A_name_that_starts_with_the_account_shows_only_the_product_part()
    {
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card));

        var name = cut.Find(".deal-name");
        Assert.Equal("Growth Suite", name.TextContent);
        Assert.Equal("Northwind Traders – Growth Suite", name.GetAttribute("title"));
    }

    [Fact]
    public void A_name_that_does_not_start_with_the_account_is_shown_whole()
    {
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card with { Name = "Renewal 2027 – Northwind Traders" }));

        Assert.Equal("Renewal 2027 – Northwind Traders", cut.Find(".deal-name").TextContent);
    }

    [Fact]
    public void Clicking_the_card_opens_it()
    {
        DealCard? opened = null;
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card).Add(c => c.OnOpen, (DealCard c) => opened = c));

        cut.Find("article").Click();

        Assert.Equal(Card, opened);
    }

    [Fact]
    public void Enter_on_the_focused_card_opens_it()
    {
        DealCard? opened = null;
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card).Add(c => c.OnOpen, (DealCard c) => opened = c));

        cut.Find("article").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(Card, opened);
    }

    [Fact]
    public void Other_keys_on_the_card_do_not_open_it()
    {
        var opened = 0;
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card).Add(c => c.OnOpen, (DealCard _) => opened++));

        cut.Find("article").KeyDown(new KeyboardEventArgs { Key = "a" });
        cut.Find("article").KeyDown(new KeyboardEventArgs { Key = "Tab" });

        Assert.Equal(0, opened);
    }
}

public class DealCardViewMoreTests : BunitTest
{
    private static readonly DealCard Card = new(
        Id: 7, Name: "Acme – Suite", Account: "Acme", Owner: "Robert Chen", OwnerRepId: 1, TeamId: 1, StageId: 5, Amount: 1_000m,
        Probability: 100, ExpectedClose: new DateOnly(2026, 12, 1), ClosedOn: new DateOnly(2026, 11, 20), DaysInStage: 0, IsStale: false,
        Version: 2, CycleDays: 41);

    public DealCardViewMoreTests()
    {
        JSInterop.Setup<int>("mudpopoverHelper.countProviders").SetResult(1);
    }

    [Fact]
    public void A_closed_card_shows_its_cycle_instead_of_days_in_stage()
    {
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card));

        Assert.Equal("41", cut.Find("[data-testid=cycle]").GetAttribute("data-value"));
        Assert.Equal("41 d cycle", cut.Find("[data-testid=cycle]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=days-in-stage]"));
    }

    [Fact]
    public void A_rep_s_own_board_leaves_the_owner_out()
    {
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card).Add(c => c.ShowOwner, false));

        Assert.Empty(cut.FindAll(".owner"));
        Assert.Equal("1", cut.Find("article").GetAttribute("data-owner-id"));
    }

    [Fact]
    public void A_card_the_user_cannot_move_is_marked_read_only()
    {
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card).Add(c => c.CanMove, false));

        Assert.Contains("read-only", cut.Find("article").ClassList);
    }

    private static readonly Stage[] OtherStages =
    [
        new() { Id = 1, Name = "Prospecting", Order = 1 },
        new() { Id = 6, Name = "Lost", Order = 6, IsLost = true },
    ];

    [Fact]
    public void Move_to_lists_the_stages_it_was_given_and_reports_the_one_chosen()
    {
        (DealCard Card, Stage Target)? chosen = null;
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card).Add(c => c.Targets, OtherStages)
            .Add(c => c.OnMoveTo, ((DealCard Card, Stage Target) move) => chosen = move));

        Assert.Equal("Move Acme – Suite to…", cut.Find("[data-testid=move-to] button").GetAttribute("aria-label"));
        cut.Find("[data-testid=move-to] button").Click();
        var items = popovers.FindAll("[role=menuitem][data-stage-id]");
        Assert.Equal(["1", "6"], items.Select(i => i.GetAttribute("data-stage-id")));
        items[1].Click();

        Assert.Equal(6, chosen?.Target.Id);
        Assert.Equal(Card.Id, chosen?.Card.Id);
    }

    [Fact]
    public void A_card_without_targets_has_no_move_to()
    {
        var cut = Render<DealCardView>(p => p.Add(c => c.Card, Card).Add(c => c.CanMove, false));

        Assert.Empty(cut.FindAll("[data-testid=move-to]"));
    }
}
