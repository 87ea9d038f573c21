using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

/// <summary>The board, the deal drawer and home work on a phone (390 px), a laptop (1280 px) and a wide screen (1600 px).</summary>
[Collection(E2EGroup.Name)]
public class ScreenWidthTests(E2EFixture fixture)
{
    private static readonly int[] Stages = [1, 2, 3, 4, 5, 6];

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    [InlineData(1600)]
    public async Task The_board_fits_the_screen_and_every_column_can_be_reached(int width)
    {
        var page = await NewPageAsync(width);
        await LoginPage.AsAsync(page, DemoCompany.ManagerEmail);
        var board = await PipelineBoardPage.OpenAsync(page);

        Assert.False(await OverflowsAsync(page), "the page scrolls sideways");
        foreach (var stage in Stages)
        {
            if (width < 600)
            {
                // One column at a time: its stage tab brings it in.
                await page.Locator(".stage-tabs button").Nth(stage - 1).ClickAsync();
            }

            await Expect(board.Column(stage)).ToBeInViewportAsync(new() { Ratio = width < 600 ? 0.9f : 1f });
        }

        await E2EFixture.ScreenshotAsync(page, $"pipeline-{width}.png");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    [InlineData(1600)]
    public async Task The_deal_drawer_is_fully_on_screen(int width)
    {
        var page = await NewPageAsync(width);
        await LoginPage.AsAsync(page, DemoCompany.ManagerEmail);
        var board = await PipelineBoardPage.OpenAsync(page);

        await board.Cards(1).First.ClickAsync();
        var drawer = page.GetByTestId("deal-drawer");
        await Expect(drawer).ToBeVisibleAsync();
        await Expect(drawer.Locator("h2")).ToBeInViewportAsync(new() { Ratio = 1 });

        // The drawer's panel, once it has slid in, lies wholly inside the window.
        var panel = page.Locator("aside.mud-drawer").Filter(new() { Has = drawer });
        await Expect(panel).ToBeInViewportAsync(new() { Ratio = 0.99f });
        // Waits out the slide-in: left edge on screen, right edge not past the window.
        await page.WaitForFunctionAsync(
            "el => { const r = el.getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth + 0.5; }",
            await panel.ElementHandleAsync());
        Assert.False(await OverflowsAsync(page), "the page scrolls sideways");
        if (width < 600)
        {
            await E2EFixture.ScreenshotAsync(page, $"drawer-{width}.png");
        }

        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390, DemoCompany.RepEmail)]
    [InlineData(1280, DemoCompany.ManagerEmail)]
    [InlineData(1600, DemoCompany.VpEmail)]
    public async Task Home_fits_the_screen(int width, string email)
    {
        var page = await NewPageAsync(width);
        var home = await LoginPage.AsAsync(page, email);
        await Expect(home.TileValue("open-pipeline")).Not.ToBeEmptyAsync();

        Assert.False(await OverflowsAsync(page), "the page scrolls sideways");
        await E2EFixture.ScreenshotAsync(page, $"home-{width}.png", fullPage: true);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> NewPageAsync(int width)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        return page;
    }

    /// <summary>True when the document is wider than the window: the whole page would scroll sideways.</summary>
    private static Task<bool> OverflowsAsync(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
}
