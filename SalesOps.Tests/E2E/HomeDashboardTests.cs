using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

[Collection(E2ECollection.Name)]
public class HomeDashboardTests(E2EFixture fixture)
{
    [Theory]
    [InlineData(DemoCompany.RepEmail, "Your numbers, Robert Chen")]
    [InlineData(DemoCompany.ManagerEmail, "Your team, Mihai Ionescu")]
    [InlineData(DemoCompany.AnalystEmail, "Company numbers, Ana Radu")]
    [InlineData(DemoCompany.VpEmail, "Company numbers, Victoria Popescu")]
    [InlineData(DemoCompany.AdminEmail, "Company numbers, Ada Admin")]
    public async Task Each_role_signs_in_and_sees_its_home_dashboard(string email, string heading)
    {
        var page = await fixture.NewPageAsync();

        var home = await new LoginPage(page).SignInAsync(email);

        await Expect(home.Heading).ToHaveTextAsync(heading);
        foreach (var kpi in new[] { "open-pipeline", "won-quarter", "win-rate", "avg-cycle" })
        {
            await Expect(home.TileValue(kpi)).Not.ToBeEmptyAsync();
        }

        await Expect(home.Chart.Locator(".apexcharts-canvas")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_deal_posted_to_the_ingest_api_changes_the_open_pipeline_tile_without_a_reload()
    {
        var page = await fixture.NewPageAsync();
        var home = await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        var caption = home.Tile("open-pipeline").Locator(".kpi-caption");
        var before = await caption.InnerTextAsync();
        await page.EvaluateAsync("window.__sameDocument = true");

        using var api = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", DemoCompany.IngestKey);
        var accountId = await fixture.QueryAsync(db => db.Accounts.Where(a => a.OwnerRepId != null).Select(a => a.Id).FirstAsync());
        var response = await api.PostAsJsonAsync("/api/deals", new
        {
            name = "Live tile check",
            accountId,
            amount = 250_000,
            stage = "Negotiation",
            expectedClose = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(2)).ToString("yyyy-MM-dd"),
        });
        response.EnsureSuccessStatusCode();

        await Expect(caption).Not.ToHaveTextAsync(before);
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "the page reloaded");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_home_dashboard_screenshot_for_the_readme()
    {
        var page = await fixture.NewPageAsync();
        var home = await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        await Expect(home.Chart).ToHaveAttributeAsync("data-settled", "true");

        Directory.CreateDirectory(E2EFixture.ScreenshotDirectory);
        var path = Path.Combine(E2EFixture.ScreenshotDirectory, "home-dashboard.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });

        Assert.True(new FileInfo(path).Length > 10_000);
        await page.Context.CloseAsync();
    }
}
