using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

/// <summary>A rep who uses only the keyboard signs in, reaches a deal past the menu and moves it.</summary>
[Collection(E2EGroup.Name)]
public class KeyboardTests(E2EFixture fixture)
{
    private const int Prospecting = 1, Qualification = 2;

    [Fact]
    public async Task Sign_in_skip_to_the_board_open_a_deal_move_it_and_come_back_to_the_card()
    {
        var page = await SignInByKeyboardAsync(DemoCompany.ManagerEmail);

        var board = await PipelineBoardPage.OpenAsync(page);
        // The page focuses its heading; the skip link sits before the menu, and lands on the first card past the filters.
        await TabUntilAsync(page, "document.activeElement.classList.contains('skip-link')", "Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        var card = page.Locator("article[data-deal-id]").First;
        await Expect(card).ToBeFocusedAsync();
        var dealId = int.Parse((await card.GetAttributeAsync("data-deal-id"))!, CultureInfo.InvariantCulture);
        Assert.Equal(Prospecting, int.Parse((await card.Locator("xpath=ancestor::section").GetAttributeAsync("data-stage-id"))!, CultureInfo.InvariantCulture));

        await page.Keyboard.PressAsync("Enter");
        var drawer = page.GetByTestId("deal-drawer");
        await Expect(drawer).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => !!document.activeElement.closest('.mud-drawer')");

        // Stage select: open it from the keyboard, pick the next stage, save.
        await TabUntilAsync(page, "document.activeElement.closest('.mud-select') !== null && document.activeElement.closest('.mud-drawer') !== null");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.GetByRole(AriaRole.Option, new() { Name = "Qualification" }).WaitForAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await TabUntilAsync(page, "document.activeElement.innerText?.trim() === 'Save'");
        await page.Keyboard.PressAsync("Enter");
        await Expect(board.Card(Qualification, dealId)).ToBeVisibleAsync();

        // Escape closes the drawer and the focus goes back to the deal's card.
        await page.Keyboard.PressAsync("Escape");
        await Expect(drawer).ToBeHiddenAsync();
        await Expect(board.Card(Qualification, dealId)).ToBeFocusedAsync();
        var deal = await fixture.QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == dealId));
        Assert.Equal(Qualification, deal.StageId);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_only_from_sign_in_to_moving_a_deal_with_move_to()
    {
        var page = await SignInByKeyboardAsync(DemoCompany.ManagerEmail);

        // The menu's Pipeline link, by Tab alone: the page focuses its heading, and the menu sits before the content.
        await TabUntilAsync(page, "document.activeElement.matches('.mud-nav-link[href$=\"pipeline\"]')", "Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        var board = new PipelineBoardPage(page);
        await board.Column(Prospecting).WaitForAsync();
        await TabUntilAsync(page, "document.activeElement.classList.contains('skip-link')", "Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        var card = page.Locator("article[data-deal-id]").First;
        await Expect(card).ToBeFocusedAsync();
        var dealId = int.Parse((await card.GetAttributeAsync("data-deal-id"))!, CultureInfo.InvariantCulture);
        Assert.Equal(Prospecting, int.Parse((await card.Locator("xpath=ancestor::section").GetAttributeAsync("data-stage-id"))!, CultureInfo.InvariantCulture));

        // The next Tab stop is the card's "Move to…"; its menu lists the other stages.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator($"[data-testid=move-to][data-deal-id='{dealId}'] button")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var qualification = page.GetByRole(AriaRole.Menuitem, new() { Name = "Qualification" });
        await qualification.WaitForAsync();
        await TabUntilAsync(page, $"document.activeElement.getAttribute('data-stage-id') === '{Qualification}'", "ArrowDown");
        await page.Keyboard.PressAsync("Enter");

        // The card is in its new column, holds the focus there, and the database agrees.
        await Expect(board.Card(Qualification, dealId)).ToBeVisibleAsync();
        await Expect(board.Card(Prospecting, dealId)).ToHaveCountAsync(0);
        await Expect(board.Card(Qualification, dealId)).ToBeFocusedAsync();
        var deal = await fixture.QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == dealId));
        Assert.Equal(Qualification, deal.StageId);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task After_a_move_the_snackbar_undoes_it()
    {
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        var board = await PipelineBoardPage.OpenAsync(page);
        var dealId = await board.FirstDealIdAsync(Qualification);

        await board.DragAsync(dealId, Qualification, 3);
        await Expect(board.Card(3, dealId)).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();

        await Expect(board.Card(Qualification, dealId)).ToBeVisibleAsync();
        var deal = await fixture.QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == dealId));
        Assert.Equal(Qualification, deal.StageId);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_search_with_no_match_says_so()
    {
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        await PipelineBoardPage.OpenAsync(page, "?q=zzqqxxnomatch");

        await Expect(page.GetByTestId("no-match")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Signs in with the keyboard alone: Tab to the e-mail field, type, Tab, type the password, Enter.</summary>
    private async Task<IPage> SignInByKeyboardAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await TabUntilAsync(page, "document.activeElement.id === 'email'");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("SalesOps-demo-1");
        await page.Keyboard.PressAsync("Enter");
        await new HomePage(page).WaitUntilInteractiveAsync();
        return page;
    }

    /// <summary>Presses Tab until the condition holds (at most 40 times): the way a keyboard user gets somewhere.</summary>
    private static async Task TabUntilAsync(IPage page, string condition, string key = "Tab")
    {
        for (var i = 0; i < 40; i++)
        {
            if (await page.EvaluateAsync<bool>($"() => {{ try {{ return !!({condition}); }} catch {{ return false; }} }}"))
            {
                return;
            }

            // Some keys move the focus only after a round trip to the server (MudBlazor's menus): wait for the move,
            // or the next check sees the old focus and a second key press skips past the target.
            await page.EvaluateAsync("() => { window.__focusBefore = document.activeElement; }");
            await page.Keyboard.PressAsync(key);
            try
            {
                await page.WaitForFunctionAsync("() => document.activeElement !== window.__focusBefore", null, new() { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                // The key moved nothing (the end of a list): the condition decides.
            }
        }

        Assert.Fail($"Tab never reached: {condition}");
    }
}
