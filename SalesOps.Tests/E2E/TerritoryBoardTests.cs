using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

[Collection(E2EGroup.Name)]
public class TerritoryBoardTests(E2EFixture fixture)
{
    private sealed record Candidate(int AccountId, string Name, int From, int To, int OpenDeals);

    /// <summary>
    /// An account of the demo manager's team (team 1) with open deals, in a territory of that team, and another of its
    /// territories; <paramref name="skip"/> picks a different account per test, so tests sharing the app do not collide.
    /// </summary>
    private Task<Candidate> WestAccountWithOpenDealsAsync(int skip) => fixture.QueryAsync(async db =>
    {
        var openIds = fixture.App.Service<StageCatalog>().OpenIds;
        var west = await db.Territories.Where(t => t.OwnerRep!.TeamId == 1).OrderBy(t => t.Id).Select(t => new { t.Id, t.OwnerRepId }).ToListAsync();
        var westIds = west.Select(t => (int?)t.Id).ToList();
        var account = await db.Accounts.Where(a => westIds.Contains(a.TerritoryId) && db.Deals.Any(d => d.AccountId == a.Id && openIds.Contains(d.StageId)))
            .OrderBy(a => a.Id).Skip(skip).Select(a => new { a.Id, a.Name, a.TerritoryId, a.OwnerRepId }).FirstAsync();
        var to = west.First(t => t.Id != account.TerritoryId && t.OwnerRepId != account.OwnerRepId);
        var open = await db.Deals.CountAsync(d => d.AccountId == account.Id && openIds.Contains(d.StageId));
        return new Candidate(account.Id, account.Name, account.TerritoryId!.Value, to.Id, open);
    });

    private Task<int?> TerritoryOfAsync(int accountId) =>
        fixture.QueryAsync(db => db.Accounts.Where(a => a.Id == accountId).Select(a => a.TerritoryId).SingleAsync());

    private static string Search(string accountName) => "?q=" + Uri.EscapeDataString(accountName);

    [Fact]
    public async Task A_manager_drags_an_account_and_another_browser_sees_the_board_and_the_map_change_without_reload()
    {
        var move = await WestAccountWithOpenDealsAsync(skip: 0);
        var managerPage = await fixture.NewPageAsync();
        await LoginPage.AsAsync(managerPage, DemoCompany.ManagerEmail);
        var manager = await TerritoryPage.OpenAsync(managerPage, Search(move.Name));
        var vpPage = await fixture.NewPageAsync();
        await LoginPage.AsAsync(vpPage, DemoCompany.VpEmail);
        var vp = await TerritoryPage.OpenAsync(vpPage, Search(move.Name));
        var vpMap = await TerritoryMapPage.OpenAsync(await vpPage.Context.NewPageAsync());
        await vpPage.EvaluateAsync("window.__sameDocument = true");
        await vpMap.Page.EvaluateAsync("window.__sameDocument = true");
        var accountsBefore = await vp.Figure(move.To, "Accounts").GetAttributeAsync("data-value");
        var legendBefore = await vpMap.LegendFigure(move.To, "Accounts").GetAttributeAsync("data-value");
        Assert.Equal(move.From, await vpMap.TerritoryOfAsync(move.AccountId));

        await manager.DragAsync(move.AccountId, move.From, move.To);
        // Open deals would change hands, so the drop asks first and says how many.
        var dialog = managerPage.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"{move.OpenDeals} open deals");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();

        await Expect(manager.Card(move.To, move.AccountId)).ToBeVisibleAsync();
        await Expect(vp.Card(move.To, move.AccountId)).ToBeVisibleAsync();
        await Expect(vp.Card(move.From, move.AccountId)).ToHaveCountAsync(0);
        await Expect(vp.Figure(move.To, "Accounts")).ToHaveAttributeAsync("data-value", (int.Parse(accountsBefore!, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture));
        await vpMap.WaitForTerritoryAsync(move.AccountId, move.To);
        await Expect(vpMap.LegendFigure(move.To, "Accounts")).ToHaveAttributeAsync("data-value", (int.Parse(legendBefore!, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture));
        Assert.True(await vpPage.EvaluateAsync<bool>("window.__sameDocument === true"), "the other board reloaded");
        Assert.True(await vpMap.Page.EvaluateAsync<bool>("window.__sameDocument === true"), "the map reloaded");
        Assert.Equal(move.To, await TerritoryOfAsync(move.AccountId));
        await managerPage.Context.CloseAsync();
        await vpPage.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_moves_an_account_from_the_keyboard_with_move_to()
    {
        var move = await WestAccountWithOpenDealsAsync(skip: 1);
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.ManagerEmail);
        var board = await TerritoryPage.OpenAsync(page, Search(move.Name));
        var targetName = await board.Column(move.To).GetAttributeAsync("aria-label");

        await board.Card(move.From, move.AccountId).GetByRole(AriaRole.Button, new() { Name = "Move to…" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // The menu lists the other territories the manager may edit in board order; the target is the first.
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = targetName!, Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Move" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(board.Card(move.To, move.AccountId)).ToBeVisibleAsync();
        Assert.Equal(move.To, await TerritoryOfAsync(move.AccountId));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_rep_sees_the_board_read_only_and_a_drag_moves_nothing()
    {
        var move = await WestAccountWithOpenDealsAsync(skip: 2);
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.RepEmail);
        var board = await TerritoryPage.OpenAsync(page, Search(move.Name));

        await Expect(board.ReadOnlyNote).ToBeVisibleAsync();
        await Expect(board.MoveMenus).ToHaveCountAsync(0);
        await Expect(page.Locator("section[data-can-edit='true']")).ToHaveCountAsync(0);
        await board.DragAsync(move.AccountId, move.From, move.To);

        await Expect(board.Card(move.From, move.AccountId)).ToBeVisibleAsync();
        await Expect(board.Card(move.To, move.AccountId)).ToHaveCountAsync(0);
        Assert.Equal(move.From, await TerritoryOfAsync(move.AccountId));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_s_drop_onto_another_team_s_territory_is_refused_with_the_reason()
    {
        var move = await WestAccountWithOpenDealsAsync(skip: 3);
        var foreign = await fixture.QueryAsync(db => db.Territories.Where(t => t.OwnerRep!.TeamId != 1).OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).FirstAsync());
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.ManagerEmail);
        var board = await TerritoryPage.OpenAsync(page, Search(move.Name));
        await Expect(board.Column(foreign.Id)).ToHaveAttributeAsync("data-can-edit", "false");

        await board.DragAsync(move.AccountId, move.From, foreign.Id);

        await Expect(page.GetByText($"You may not move accounts into {foreign.Name}.")).ToBeVisibleAsync();
        await Expect(board.Card(move.From, move.AccountId)).ToBeVisibleAsync();
        await Expect(board.Card(foreign.Id, move.AccountId)).ToHaveCountAsync(0);
        Assert.Equal(move.From, await TerritoryOfAsync(move.AccountId));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_drags_an_account_on_a_draft_plan_s_board_and_its_map_follows_while_the_live_data_stays()
    {
        var move = await WestAccountWithOpenDealsAsync(skip: 4);
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.ManagerEmail);
        await page.GotoAsync("/territories/plans");
        await new HomePage(page).WaitUntilInteractiveAsync();
        await page.GetByLabel("New plan's name").FillAsync("E2E what-if " + move.AccountId.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("new-plan").ClickAsync();
        await page.WaitForURLAsync("**/territories/plans?plan=*");
        var planId = new Uri(page.Url).Query.Split('=')[1];
        var map = await TerritoryMapPage.OpenAsync(await page.Context.NewPageAsync(), "?plan=" + planId);
        await Expect(map.Page.GetByTestId("draft-banner")).ToHaveAttributeAsync("data-plan-id", planId);
        await page.GetByTestId("plan-board").ClickAsync();
        await page.WaitForURLAsync("**/territories?plan=" + planId);
        await page.GotoAsync("/territories?plan=" + planId + "&q=" + Uri.EscapeDataString(move.Name));
        await new HomePage(page).WaitUntilInteractiveAsync();
        var board = new TerritoryPage(page);
        await Expect(page.GetByTestId("draft-banner")).ToHaveAttributeAsync("data-status", "Draft");

        // Nothing live changes, so no deal changes hands and nothing is asked: the card just goes, marked as planned.
        await board.DragAsync(move.AccountId, move.From, move.To);

        await Expect(board.Card(move.To, move.AccountId)).ToHaveAttributeAsync("data-planned", "true");
        await Expect(page.GetByTestId("draft-banner").GetByTestId("plan-moves")).ToHaveAttributeAsync("data-value", "1");
        await map.WaitForTerritoryAsync(move.AccountId, move.To);
        Assert.Equal(move.From, await TerritoryOfAsync(move.AccountId));
        var live = await TerritoryPage.OpenAsync(await page.Context.NewPageAsync(), Search(move.Name));
        await Expect(live.Card(move.From, move.AccountId)).ToHaveAttributeAsync("data-planned", "false");
        await E2EFixture.ScreenshotAsync(page, "territory-draft-board.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_territory_board_screenshot_for_the_readme()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1600, 900);
        await LoginPage.AsAsync(page, DemoCompany.ManagerEmail);
        var board = await TerritoryPage.OpenAsync(page);
        await Expect(board.Columns.First.Locator("article[data-account-id]").First).ToBeVisibleAsync();

        var shot = await E2EFixture.ScreenshotAsync(page, "territory-board.png");

        Assert.True(shot.Length > 10_000);
        await page.Context.CloseAsync();
    }
}
