using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

/// <summary>A contest's board as a person reads it.</summary>
public sealed class ContestBoardPage(IPage page)
{
    public static async Task<ContestBoardPage> OpenAsync(IPage page, int contestId)
    {
        await page.GotoAsync($"/incentives/contests/{contestId}");
        await new HomePage(page).WaitUntilInteractiveAsync();
        var board = new ContestBoardPage(page);
        await board.Rows.First.WaitForAsync();
        return board;
    }

    public ILocator Board => page.Locator("[data-contest-id][data-contest-status]");

    public ILocator Rows => page.Locator("li[data-rep-id]");

    public ILocator Row(int repId) => page.Locator($"li[data-rep-id='{repId}']");

    public ILocator Countdown => page.Locator("[data-countdown-state]");

    public async Task<decimal> ValueOfAsync(int repId) =>
        decimal.Parse((await Row(repId).GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);

    /// <summary>The rank a value would take on this board now: one more than the rows strictly above it.</summary>
    public async Task<int> RankOfAsync(decimal value, int exceptRepId)
    {
        var values = await Rows.EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.repId, r.dataset.value ?? ''])");
        return 1 + values.Count(v => v[0] != exceptRepId.ToString(CultureInfo.InvariantCulture) && v[1].Length > 0
            && decimal.Parse(v[1], CultureInfo.InvariantCulture) > value);
    }
}

[Collection(E2EGroup.Name)]
public class ContestTests(E2EFixture fixture)
{
    /// <summary>The demo company's quarter-long, company-wide won-revenue race.</summary>
    private const int RevenueRace = 1;

    private const int Negotiation = 4, Won = 5;

    [Fact]
    public async Task A_deal_won_in_the_managers_browser_re_ranks_a_reps_contest_board_and_leaderboard_without_reload()
    {
        var repPage = await fixture.NewPageAsync();
        await LoginPage.AsAsync(repPage, DemoCompany.RepEmail);
        var contest = await ContestBoardPage.OpenAsync(repPage, RevenueRace);
        var boardPage = await repPage.Context.NewPageAsync();
        var leaderboard = await LeaderboardPage.OpenAsync(boardPage, "?metric=WonRevenue");

        var managerPage = await fixture.NewPageAsync();
        await LoginPage.AsAsync(managerPage, DemoCompany.ManagerEmail);
        var pipeline = await PipelineBoardPage.OpenAsync(managerPage);
        var dealId = await pipeline.FirstDealIdAsync(Negotiation);
        var deal = await fixture.QueryAsync(db => db.Deals.Where(d => d.Id == dealId).Select(d => new { d.OwnerRepId, d.Amount }).SingleAsync());
        var before = await contest.ValueOfAsync(deal.OwnerRepId);
        var expected = before + deal.Amount;
        var expectedRank = await contest.RankOfAsync(expected, deal.OwnerRepId);

        await pipeline.DragAsync(dealId, Negotiation, Won);
        await managerPage.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Mark as won" }).ClickAsync();
        await Expect(pipeline.Card(Won, dealId)).ToBeVisibleAsync();

        var row = contest.Row(deal.OwnerRepId);
        await Expect(row).ToHaveAttributeAsync("data-value", expected.ToString(CultureInfo.InvariantCulture));
        await Expect(row).ToHaveAttributeAsync("data-rank", expectedRank.ToString(CultureInfo.InvariantCulture));
        await Expect(leaderboard.Row(deal.OwnerRepId)).ToHaveAttributeAsync("data-value", expected.ToString(CultureInfo.InvariantCulture));
        await Expect(contest.Board).ToHaveAttributeAsync("data-contest-status", "Running");
        await repPage.Context.CloseAsync();
        await managerPage.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_creates_a_contest_for_their_team_and_lands_on_its_running_board()
    {
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.ManagerEmail);
        await page.GotoAsync("/incentives/contests");
        await new HomePage(page).WaitUntilInteractiveAsync();

        await page.GetByTestId("new-contest").ClickAsync();
        await Expect(page.GetByTestId("save-contest")).ToBeDisabledAsync();
        await page.GetByLabel("Name").FillAsync("Friday phone blitz");
        await page.GetByLabel("Prize").FillAsync("Lunch on the VP");
        await page.GetByTestId("save-contest").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/incentives/contests/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Friday phone blitz");
        await Expect(page.Locator("[data-contest-status]").First).ToHaveAttributeAsync("data-contest-status", "Running");
        await Expect(page.Locator("[data-countdown-state]")).ToHaveAttributeAsync("data-countdown-state", "Running");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390, false)]
    [InlineData(1280, true)]
    [InlineData(1600, false)]
    public async Task The_contest_board_reads_at_every_width_and_theme(int width, bool dark)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        var board = await ContestBoardPage.OpenAsync(page, RevenueRace);
        if (dark)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Light theme" })).ToBeVisibleAsync();
        }

        await Expect(board.Rows.First).ToHaveAttributeAsync("data-rank", "1");
        await Expect(board.Countdown).ToContainTextAsync("Ends in");
        // No sideways scrolling on a phone.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        var shot = width == 1600 && !dark
            ? await E2EFixture.ScreenshotAsync(page, "contest-board.png")
            : await ShotAsync(page, $"contest-board-{width}{(dark ? "-dark" : "")}.png");
        Assert.True(shot.Length > 10_000);

        await page.GotoAsync("/incentives/contests");
        await Expect(page.Locator($"li[data-contest-id='{RevenueRace}']")).ToHaveAttributeAsync("data-contest-status", "Running");
        await ShotAsync(page, $"contests-{width}{(dark ? "-dark" : "")}.png");
        await page.Context.CloseAsync();
    }

    private static async Task<FileInfo> ShotAsync(IPage page, string name)
    {
        var file = new FileInfo(Path.Combine(E2EFixture.ScreenshotDirectory, name));
        Directory.CreateDirectory(E2EFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = file.FullName, Animations = ScreenshotAnimations.Disabled });
        file.Refresh();
        return file;
    }
}
