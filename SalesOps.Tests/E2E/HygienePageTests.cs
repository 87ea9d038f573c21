using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

/// <summary>An analyst reads /data/hygiene: the counts match the database, and a listed deal opens in the drawer.</summary>
[Collection(E2EGroup.Name)]
public class HygienePageTests(E2EFixture fixture)
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    [InlineData(1600)]
    public async Task The_past_due_count_matches_the_database_and_a_listed_deal_opens_in_the_drawer(int width)
    {
        var stages = fixture.App.Services.GetService(typeof(StageCatalog)) as StageCatalog;
        var today = TestClock.Today;
        var pastDue = await fixture.QueryAsync(db => db.Deals.Open(stages!).CountAsync(d => d.ExpectedClose < today));
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await LoginPage.AsAsync(page, DemoCompany.AnalystEmail);

        await page.GotoAsync("/data/hygiene");
        await new HomePage(page).WaitUntilInteractiveAsync();

        await Expect(page.Locator("a[data-issue=PastDue]")).ToHaveAttributeAsync("data-count", pastDue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"), "the page scrolls sideways");
        await E2EFixture.ScreenshotAsync(page, width == 1280 ? "hygiene.png" : $"hygiene-{width}.png");
        var row = page.Locator("[data-issue-list=PastDue] tr[data-deal-id]").First;
        var dealId = await row.GetAttributeAsync("data-deal-id");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByTestId("deal-drawer")).ToHaveAttributeAsync("data-deal-id", dealId!, new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }
}
