using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;
using SalesOps.Tests.E2E;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Screens;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.Screens;

/// <summary>A wall screen as a TV shows it, driven only by its display link.</summary>
public sealed class DisplayPageObject(IPage page)
{
    public static async Task<DisplayPageObject> OpenAsync(IPage page, string token, string query = "")
    {
        await page.GotoAsync($"/display/{token}{query}");
        var display = new DisplayPageObject(page);
        await Expect(display.Root).ToHaveAttributeAsync("data-interactive", "true");
        return display;
    }

    public ILocator Root => page.Locator("div.display");

    public ILocator Celebration(int dealId) => page.Locator($"[data-celebration-deal-id='{dealId}']");

    public ILocator Blank => page.GetByTestId("display-blank");

    public ILocator StaleBanner => page.GetByTestId("stale-banner");
}

[Collection(E2EGroup.Name)]
public class DisplayE2ETests(E2EFixture fixture)
{
    private static readonly Actor Ops = new("Ana Radu", Roles.Analyst);

    [Fact]
    public async Task A_display_link_rotates_celebrates_a_win_posted_through_the_api_and_goes_blank_when_revoked()
    {
        var screens = fixture.App.Service<ScreenService>();
        var created = await screens.CreateAsync(Ops, new ScreenSpec("E2E rotation", ScreenTheme.Dark,
            [new SlideSpec(SlideKind.Text, ScreenRules.MinSeconds, Text: "Welcome"), new SlideSpec(SlideKind.Kpis, ScreenRules.MinSeconds)]));
        Assert.True(created.Succeeded);
        var deal = await fixture.QueryAsync(db => db.Deals
            .Where(d => !d.Stage!.IsWon && !d.Stage.IsLost)
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Version })
            .FirstAsync());

        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1920, 1080);
        var display = await DisplayPageObject.OpenAsync(page, created.Token!);
        await Expect(display.Root).ToHaveAttributeAsync("data-slide-index", "0");
        // The rotation advances by itself (5 s per slide).
        await Expect(display.Root).ToHaveAttributeAsync("data-slide-index", "1", new() { Timeout = 20_000 });
        await Expect(display.Root).ToHaveAttributeAsync("data-slide-kind", "Kpis");

        using (var api = fixture.ApiClient())
        {
            (await api.PatchAsJsonAsync($"/api/deals/{deal.Id}", new { stage = "Won", version = deal.Version }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        await Expect(display.Celebration(deal.Id)).ToBeVisibleAsync();
        await Expect(display.Root).ToHaveAttributeAsync("data-state", "celebrating");
        await E2EFixture.ScreenshotAsync(page, "screen-celebration.png");

        // Reversed: the celebration is withdrawn and the rotation resumes.
        var version = await fixture.QueryAsync(db => db.Deals.Where(d => d.Id == deal.Id).Select(d => d.Version).SingleAsync());
        using (var api = fixture.ApiClient())
        {
            (await api.PatchAsJsonAsync($"/api/deals/{deal.Id}", new { stage = "Negotiation", version }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        await Expect(display.Celebration(deal.Id)).ToHaveCountAsync(0);
        await Expect(display.Root).ToHaveAttributeAsync("data-state", "rotating");

        Assert.True((await screens.RevokeAsync(Ops, created.Id!.Value)).Succeeded);
        await Expect(display.Blank).ToBeVisibleAsync();
        await Expect(display.Root).ToHaveAttributeAsync("data-state", "inactive");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_demo_screen_is_readable_across_a_room_on_a_1080p_tv()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1920, 1080);
        var display = await DisplayPageObject.OpenAsync(page, DemoScreens.SalesFloorToken);
        await Expect(display.Root).ToHaveAttributeAsync("data-slide-kind", "Leaderboard");
        await Expect(page.Locator("li[data-rep-id]").First).ToBeVisibleAsync();

        // No scrollbars, and no text smaller than 24 px on a 1080p screen.
        var scrolls = await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth");
        Assert.False(scrolls);
        var smallest = await page.EvaluateAsync<double>("""
            () => Math.min(...[...document.querySelectorAll('.display *')]
                .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && e.offsetParent !== null)
                .map(e => parseFloat(getComputedStyle(e).fontSize)))
            """);
        Assert.True(smallest >= 24, $"Smallest text is {smallest.ToString(CultureInfo.InvariantCulture)} px");
        await E2EFixture.ScreenshotAsync(page, "screen-1080p.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_tv_remembers_its_zoom_and_margin_from_the_link_and_another_tv_does_not()
    {
        var tv = await fixture.NewPageAsync();
        var display = await DisplayPageObject.OpenAsync(tv, DemoScreens.SalesFloorToken, "?zoom=1.25&margin=4");
        await Expect(display.Root).ToHaveAttributeAsync("data-zoom", "1.25");
        await Expect(display.Root).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("--display-margin: 4cqmin"));

        // The plain link on the same TV (its browser storage) keeps them; out-of-range values are clamped.
        await DisplayPageObject.OpenAsync(tv, DemoScreens.SalesFloorToken);
        await Expect(display.Root).ToHaveAttributeAsync("data-zoom", "1.25");
        await Expect(display.Root).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("--display-margin: 4cqmin"));
        await DisplayPageObject.OpenAsync(tv, DemoScreens.SalesFloorToken, "?zoom=9&margin=99");
        await Expect(display.Root).ToHaveAttributeAsync("data-zoom", "3");
        await Expect(display.Root).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("--display-margin: 15cqmin"));

        // Another TV (another browser) starts from the defaults.
        var other = await fixture.NewPageAsync();
        var plain = await DisplayPageObject.OpenAsync(other, DemoScreens.SalesFloorToken);
        await Expect(plain.Root).ToHaveAttributeAsync("data-zoom", "1");
        await Expect(plain.Root).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("--display-margin: 2cqmin"));
        await tv.Context.CloseAsync();
        await other.Context.CloseAsync();
    }
}
