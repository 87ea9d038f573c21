using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

/// <summary>The incentive leaderboard and statement pages as a person reads them.</summary>
public sealed class LeaderboardPage(IPage page)
{
    public static async Task<LeaderboardPage> OpenAsync(IPage page, string query = "")
    {
        await page.GotoAsync("/incentives/leaderboard" + query);
        await new HomePage(page).WaitUntilInteractiveAsync();
        var board = new LeaderboardPage(page);
        await board.Rows.First.WaitForAsync();
        return board;
    }

    public ILocator Rows => page.Locator("li[data-rep-id]");

    public ILocator Row(int repId) => page.Locator($"li[data-rep-id='{repId}']");

    public ILocator Celebration(int dealId) => page.Locator($"[data-celebration-deal-id='{dealId}']");

    public ILocator Celebrations => page.Locator("[data-celebration-deal-id]");
}

[Collection(E2EGroup.Name)]
public class LeaderboardTests(E2EFixture fixture)
{
    [Fact]
    public async Task A_deal_won_elsewhere_re_ranks_the_reps_leaderboard_and_celebrates_until_it_is_reversed()
    {
        var rep = await fixture.QueryAsync(db => db.Reps.Where(r => r.Email == DemoCompany.RepEmail).Select(r => new { r.Id, r.Name }).SingleAsync());
        var deal = await fixture.QueryAsync(db => db.Deals
            .Where(d => d.OwnerRepId == rep.Id && !d.Stage!.IsWon && !d.Stage.IsLost)
            .OrderByDescending(d => d.Amount)
            .Select(d => new { d.Id, d.Version, d.Amount, Account = d.Account!.Name })
            .FirstAsync());

        var repPage = await fixture.NewPageAsync();
        await LoginPage.AsAsync(repPage, DemoCompany.RepEmail);
        var board = await LeaderboardPage.OpenAsync(repPage, "?metric=WonRevenue");
        var row = board.Row(rep.Id);
        var before = decimal.Parse((await row.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
        var expected = before + deal.Amount;
        var reps = await board.Rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.value ?? '')");
        var expectedRank = 1 + reps.Count(v => v.Length > 0 && decimal.Parse(v, CultureInfo.InvariantCulture) > expected);

        // The manager, in another browser, marks the deal won on the pipeline board's API path (the integration's).
        var managerPage = await fixture.NewPageAsync();
        await LoginPage.AsAsync(managerPage, DemoCompany.ManagerEmail);
        using (var api = fixture.ApiClient())
        {
            (await api.PatchAsJsonAsync($"/api/deals/{deal.Id}", new { stage = "Won", version = deal.Version }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        await Expect(row).ToHaveAttributeAsync("data-value", expected.ToString(CultureInfo.InvariantCulture));
        await Expect(row).ToHaveAttributeAsync("data-rank", expectedRank.ToString(CultureInfo.InvariantCulture));
        await Expect(board.Celebration(deal.Id)).ToBeVisibleAsync();
        await Expect(board.Celebration(deal.Id)).ToContainTextAsync(deal.Account);
        // For a person to look at under TestResults; not one of the README's pictures.
        await repPage.ScreenshotAsync(new() { Path = Path.Combine(E2EFixture.ScreenshotDirectory, "leaderboard-celebration.png") });

        // Reversed: the celebration goes and the score goes back.
        var version = await fixture.QueryAsync(db => db.Deals.Where(d => d.Id == deal.Id).Select(d => d.Version).SingleAsync());
        using (var api = fixture.ApiClient())
        {
            (await api.PatchAsJsonAsync($"/api/deals/{deal.Id}", new { stage = "Negotiation", version }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        await Expect(board.Celebration(deal.Id)).ToHaveCountAsync(0);
        await Expect(row).ToHaveAttributeAsync("data-value", before.ToString(CultureInfo.InvariantCulture));
        await repPage.Context.CloseAsync();
        await managerPage.Context.CloseAsync();
    }

    [Fact]
    public async Task A_rep_cannot_open_another_reps_statement_by_url()
    {
        var other = await fixture.QueryAsync(db => db.Reps.Where(r => r.Email != DemoCompany.RepEmail).OrderBy(r => r.Id).Select(r => new { r.Id, r.Name }).FirstAsync());
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.RepEmail);

        await page.GotoAsync($"/incentives/statements/{other.Id}/current");

        await Expect(page.Locator("[data-status='Refused']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-statement-rep-id]")).ToHaveCountAsync(0);
        await Expect(page.GetByText(other.Name)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_leaderboard_and_statement_screenshots_for_the_readme()
    {
        var rep = await fixture.QueryAsync(db => db.Reps.Where(r => r.Email == DemoCompany.RepEmail).Select(r => r.Id).SingleAsync());
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1600, 900);
        await LoginPage.AsAsync(page, DemoCompany.VpEmail);

        var board = await LeaderboardPage.OpenAsync(page);
        await Expect(board.Rows.First).ToHaveAttributeAsync("data-rank", "1");
        await page.GetByRole(AriaRole.Button, new() { Name = "How fair mode works" }).ClickAsync();
        await Expect(page.GetByTestId("fair-formula")).ToContainTextAsync("scaled quota = quota × potential ÷ average potential");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("fair-formula")).ToHaveCountAsync(0);

        var leaderboard = await E2EFixture.ScreenshotAsync(page, "leaderboard.png");

        await page.GotoAsync($"/incentives/statements/{rep}/current");
        await Expect(page.Locator($"[data-statement-rep-id='{rep}']")).ToBeVisibleAsync();
        var statement = await E2EFixture.ScreenshotAsync(page, "statement.png");

        // A phone in the dark theme, for a person to look at (not one of the README's pictures).
        await page.SetViewportSizeAsync(390, 844);
        await LeaderboardPage.OpenAsync(page, "?metric=FairAttainment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).ClickAsync();
        var phone = new FileInfo(Path.Combine(E2EFixture.ScreenshotDirectory, "leaderboard-phone-dark.png"));
        await page.ScreenshotAsync(new() { Path = phone.FullName, Animations = ScreenshotAnimations.Disabled });
        phone.Refresh();

        Assert.True(leaderboard.Length > 10_000);
        Assert.True(statement.Length > 10_000);
        Assert.True(phone.Length > 10_000);
        await page.Context.CloseAsync();
    }
}
