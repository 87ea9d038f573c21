using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

[Collection(E2EGroup.Name)]
public class PipelineBoardTests(E2EFixture fixture)
{
    private const int Proposal = 3, Negotiation = 4, Won = 5;

    [Fact]
    public async Task A_manager_drags_a_deal_to_won_and_another_browser_sees_the_card_and_totals_move_without_reload()
    {
        var managerPage = await fixture.NewPageAsync();
        await LoginPage.AsAsync(managerPage, DemoCompany.ManagerEmail);
        var manager = await PipelineBoardPage.OpenAsync(managerPage);
        var vpPage = await fixture.NewPageAsync();
        await LoginPage.AsAsync(vpPage, DemoCompany.VpEmail);
        var vp = await PipelineBoardPage.OpenAsync(vpPage);
        await vpPage.EvaluateAsync("window.__sameDocument = true");
        var dealId = await manager.FirstDealIdAsync(Negotiation);
        var wonCountBefore = await vp.CountOfAsync(Won);

        await manager.DragAsync(dealId, Negotiation, Won);
        var dialog = managerPage.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark as won" }).ClickAsync();

        await Expect(manager.Card(Won, dealId)).ToBeVisibleAsync();
        await Expect(vp.Card(Won, dealId)).ToBeVisibleAsync();
        await Expect(vp.Card(Negotiation, dealId)).ToHaveCountAsync(0);
        // Closed today (the user's today), so it joins this quarter's Won column: exactly one more.
        await Expect(vp.Count(Won)).ToHaveAttributeAsync("data-count", (wonCountBefore + 1).ToString(CultureInfo.InvariantCulture));
        Assert.True(await vpPage.EvaluateAsync<bool>("window.__sameDocument === true"), "the other board reloaded");
        await managerPage.Context.CloseAsync();
        await vpPage.Context.CloseAsync();
    }

    [Fact]
    public async Task Move_to_lost_asks_for_the_reason_like_a_drop_and_every_board_follows()
    {
        const int Lost = 6;
        var managerPage = await fixture.NewPageAsync();
        await LoginPage.AsAsync(managerPage, DemoCompany.ManagerEmail);
        var manager = await PipelineBoardPage.OpenAsync(managerPage);
        var vpPage = await fixture.NewPageAsync();
        await LoginPage.AsAsync(vpPage, DemoCompany.VpEmail);
        var vp = await PipelineBoardPage.OpenAsync(vpPage);
        var dealId = await manager.FirstDealIdAsync(Proposal);

        await managerPage.Locator($"[data-testid=move-to][data-deal-id='{dealId}'] button").ClickAsync();
        await managerPage.Locator($"[role=menuitem][data-stage-id='{Lost}']").ClickAsync();
        var dialog = managerPage.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Lost reason").ClickAsync();
        await managerPage.GetByRole(AriaRole.Option, new() { Name = "Competitor" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark as lost" }).ClickAsync();

        await Expect(manager.Card(Lost, dealId)).ToBeVisibleAsync();
        await Expect(vp.Card(Lost, dealId)).ToBeVisibleAsync();
        await Expect(vp.Card(Proposal, dealId)).ToHaveCountAsync(0);
        await Expect(managerPage.GetByRole(AriaRole.Button, new() { Name = "Undo" })).ToBeVisibleAsync();
        var deal = await fixture.QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == dealId));
        Assert.Equal((Lost, "Competitor"), (deal.StageId, deal.LostReason));
        await managerPage.Context.CloseAsync();
        await vpPage.Context.CloseAsync();
    }

    [Fact]
    public async Task The_board_shows_the_time_it_was_read_in_the_browser_s_time_zone()
    {
        var page = await fixture.NewPageAsync(timeZone: "Europe/Bucharest");
        await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        await PipelineBoardPage.OpenAsync(page);

        // The app's clock stands still, so the board was read at exactly this instant; Bucharest is UTC+2 or +3.
        var bucharest = TimeZoneInfo.ConvertTime(fixture.App.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Bucharest"));
        await Expect(page.Locator(".asof")).ToContainTextAsync("as of " + bucharest.ToString("T", CultureInfo.GetCultureInfo("en-US")));
        await Expect(page.Locator(".asof")).ToHaveAttributeAsync("data-closed-from", Period.QuarterOf(DateOnly.FromDateTime(bucharest.DateTime)).Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_rep_s_board_holds_only_the_rep_s_own_deals()
    {
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.RepEmail);
        await PipelineBoardPage.OpenAsync(page);

        var rep = await fixture.QueryAsync(db => db.Reps.SingleAsync(r => r.Email == DemoCompany.RepEmail));
        var owners = await page.Locator("article[data-deal-id]").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.ownerId)");

        Assert.NotEmpty(owners);
        Assert.All(owners, owner => Assert.Equal(rep.Id.ToString(CultureInfo.InvariantCulture), owner));
        // Every card is the rep's own, so none repeats the name.
        await Expect(page.Locator("article[data-deal-id] .owner")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_deal_moved_through_the_api_moves_on_an_open_board_and_its_totals_follow()
    {
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        var board = await PipelineBoardPage.OpenAsync(page);
        var dealId = await board.FirstDealIdAsync(Proposal);
        var deal = await fixture.QueryAsync(db => db.Deals.Where(d => d.Id == dealId).Select(d => new { d.Version, d.Amount }).SingleAsync());
        var version = deal.Version;
        var proposalAmount = await board.AmountOfAsync(Proposal);
        var proposalCount = await board.CountOfAsync(Proposal);

        using var api = fixture.ApiClient();
        (await api.PatchAsJsonAsync($"/api/deals/{dealId}", new { stage = "Negotiation", version = deal.Version })).EnsureSuccessStatusCode();

        await Expect(board.Card(Negotiation, dealId)).ToBeVisibleAsync();
        await Expect(board.Card(Proposal, dealId)).ToHaveCountAsync(0);
        // The card and the totals come from one read and one render: once the card is gone, the totals are new.
        await Expect(board.Count(Proposal)).ToHaveAttributeAsync("data-count", (proposalCount - 1).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(proposalAmount - deal.Amount, await board.AmountOfAsync(Proposal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_deal_can_change_stage_from_its_drawer_with_the_keyboard()
    {
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        var board = await PipelineBoardPage.OpenAsync(page);
        var dealId = await board.FirstDealIdAsync(1);

        await board.Card(1, dealId).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var drawer = page.GetByTestId("deal-drawer");
        await Expect(drawer).ToBeVisibleAsync();
        await drawer.GetByLabel("Stage").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Qualification" }).ClickAsync();
        await drawer.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(board.Card(2, dealId)).ToBeVisibleAsync();
        await Expect(drawer.Locator(".history li").First).ToContainTextAsync("Prospecting → Qualification");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_filter_goes_into_the_url_is_shareable_and_is_remembered_by_the_browser()
    {
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        await PipelineBoardPage.OpenAsync(page);

        await page.GetByLabel("Search deal or account").FillAsync("group");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/pipeline\?q=group$"));
        // The URL changes first; the board follows once its read is done, so wait for the cards to match.
        await Expect(NotMatching(page, "group")).ToHaveCountAsync(0);
        await Expect(page.Locator("article[data-deal-id]").First).ToBeVisibleAsync();

        // The same browser opening a plain /pipeline gets its last filter back.
        var again = await page.Context.NewPageAsync();
        await PipelineBoardPage.OpenAsync(again);
        await Expect(again).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"q=group"));

        // Someone else opening the link sees the same filtered board.
        var colleague = await fixture.NewPageAsync();
        await LoginPage.AsAsync(colleague, DemoCompany.AnalystEmail);
        await PipelineBoardPage.OpenAsync(colleague, "?q=group");
        await Expect(colleague.GetByLabel("Search deal or account")).ToHaveValueAsync("group");
        await Expect(colleague.Locator("article[data-deal-id]").First).ToBeVisibleAsync();
        await Expect(NotMatching(colleague, "group")).ToHaveCountAsync(0);
        // The analyst only reads: the board says so and no card offers "Move to…".
        await Expect(colleague.GetByTestId("read-only")).ToBeVisibleAsync();
        await Expect(colleague.GetByTestId("move-to")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("move-to").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
        await colleague.Context.CloseAsync();
    }

    private static ILocator NotMatching(IPage page, string word) =>
        page.Locator("article[data-deal-id]").Filter(new() { HasNotTextRegex = new System.Text.RegularExpressions.Regex(word, System.Text.RegularExpressions.RegexOptions.IgnoreCase) });

    [Fact]
    public async Task The_pipeline_board_screenshot_for_the_readme()
    {
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.ManagerEmail);
        var board = await PipelineBoardPage.OpenAsync(page);
        await Expect(board.Cards(1).First).ToBeVisibleAsync();

        var screenshot = await E2EFixture.ScreenshotAsync(page, "pipeline-board.png");

        Assert.True(screenshot.Length > 10_000);
        await page.Context.CloseAsync();
    }
}
