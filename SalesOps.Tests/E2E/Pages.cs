using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.E2E;

/// <summary>The sign-in page, driven the way a person uses it.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task<HomePage> SignInAsync(string email, string password = "SalesOps-demo-1")
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var home = new HomePage(page);
        await home.WaitUntilInteractiveAsync();
        return home;
    }

    public static Task<HomePage> AsAsync(IPage page, string email = DemoCompany.VpEmail) => new LoginPage(page).SignInAsync(email);
}

/// <summary>The role's home dashboard: KPI tiles, the won-by-month chart, the shell around them.</summary>
public sealed class HomePage(IPage page)
{
    public IPage Page => page;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Tile(string kpi) => page.Locator($"[data-kpi='{kpi}']");

    public ILocator TileValue(string kpi) => Tile(kpi).GetByTestId("kpi-value");

    public ILocator Chart => page.GetByRole(AriaRole.Img, new() { Name = "Won revenue by month" });

    /// <summary>The circuit is live once the layout renders its interactive marker.</summary>
    public Task WaitUntilInteractiveAsync() =>
        page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
