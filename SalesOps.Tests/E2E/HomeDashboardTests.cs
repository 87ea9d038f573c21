using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

[Collection(E2EGroup.Name)]
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
        var before = await home.TileRawValueAsync("open-pipeline");
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
            expectedClose = TestClock.Today.AddMonths(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        response.EnsureSuccessStatusCode();

        await Expect(home.TileValue("open-pipeline")).Not.ToHaveAttributeAsync("data-value", before.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(before + 250_000m, await home.TileRawValueAsync("open-pipeline"));
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "the page reloaded");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_home_dashboard_screenshot_for_the_readme()
    {
        var page = await fixture.NewPageAsync();
        var home = await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        await Expect(home.Chart).ToHaveAttributeAsync("data-settled", "true");

        var screenshot = await E2EFixture.ScreenshotAsync(page, "home-dashboard.png", fullPage: true);

        Assert.True(screenshot.Length > 10_000);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Each_month_of_the_chart_links_to_its_deals_the_running_month_is_marked_and_the_funnel_fills_the_lower_half()
    {
        var page = await fixture.NewPageAsync();
        var home = await new LoginPage(page).SignInAsync(DemoCompany.VpEmail);
        var months = page.Locator("nav.month-links a[data-month]");
        var thisMonth = TestClock.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var monthEnd = new DateOnly(TestClock.Today.Year, TestClock.Today.Month, 1).AddMonths(1).AddDays(-1);

        await Expect(months.Last).ToHaveAttributeAsync("data-month", thisMonth);
        await Expect(page.Locator("nav.month-links a[data-partial='true']")).ToHaveCountAsync(1);
        await Expect(months.Last).ToHaveAttributeAsync("data-partial", "true");
        await Expect(months.Last).ToHaveAttributeAsync("href",
            $"pipeline?from={thisMonth}-01&to={monthEnd:yyyy-MM-dd}");
        await Expect(page.GetByTestId("home-funnel").Locator("tr[data-stage-id]").First).ToHaveAttributeAsync("data-stage-id", "1");

        // A bar is a link too: the running month's bar opens the same board.
        await Expect(home.Chart).ToHaveAttributeAsync("data-settled", "true");
        await home.Chart.Locator(".apexcharts-bar-area").Last.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($@"/pipeline\?from={thisMonth}-01&to={monthEnd:yyyy-MM-dd}$"));
        await page.Context.CloseAsync();
    }
}
