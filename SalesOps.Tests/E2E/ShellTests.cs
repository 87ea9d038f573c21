using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

[Collection(E2EGroup.Name)]
public class ShellTests(E2EFixture fixture)
{
    [Fact]
    public async Task The_chosen_theme_is_remembered_by_the_browser()
    {
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.AnalystEmail);

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        await page.ReloadAsync();

        await new HomePage(page).WaitUntilInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Opening_the_app_again_returns_to_the_last_page_visited()
    {
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.AdminEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration" })).ToBeVisibleAsync();

        var again = await page.Context.NewPageAsync();
        await again.GotoAsync("/");

        await Expect(again).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_switches_to_romanian_and_sees_romanian_text_and_formats()
    {
        // The choice is stored on the user, so this test takes a rep no other test signs in as.
        var rep = await fixture.QueryAsync(db => db.Reps.Where(r => r.Email != DemoCompany.RepEmail).OrderByDescending(r => r.Id).FirstAsync());
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, rep.Email);

        await page.GetByRole(AriaRole.Button, new() { Name = rep.Name }).ClickAsync();
        await page.GetByText("Română").ClickAsync();

        await Expect(page.GetByText("Pipeline deschis")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ro");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_from_the_user_menu_ends_the_session()
    {
        // Signing out ends every session of the user, so this test takes a rep no other test signs in as.
        var rep = await fixture.QueryAsync(db => db.Reps.Where(r => r.Email != DemoCompany.RepEmail).OrderByDescending(r => r.Id).Skip(1).FirstAsync());
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, rep.Email);

        await page.GetByRole(AriaRole.Button, new() { Name = rep.Name }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login$"));
        await page.GotoAsync("/pipeline");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_creates_an_api_key_that_is_shown_once()
    {
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.AdminEmail);
        await page.GotoAsync("/admin");
        await new HomePage(page).WaitUntilInteractiveAsync();

        await page.GetByLabel("Name").FillAsync("E2E CRM");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        await Expect(page.GetByTestId("new-key")).ToContainTextAsync("so_");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "E2E CRM", Exact = true })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
