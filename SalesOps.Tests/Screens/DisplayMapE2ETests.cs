using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;
using SalesOps.Tests.E2E;
using SalesOps.Web.Features.Screens;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.Screens;

[Collection(E2EGroup.Name)]
public class DisplayMapE2ETests(E2EFixture fixture)
{
    private static readonly Actor Ops = new("Ana Radu", Roles.Analyst);
    private static readonly Actor Vp = new("Victoria Popescu", Roles.VP);

    [Fact]
    public async Task A_display_link_with_a_map_slide_draws_region_shapes_and_markers_and_follows_a_move_live()
    {
        var created = await fixture.App.Service<ScreenService>().CreateAsync(Ops, new ScreenSpec("E2E map", ScreenTheme.Dark,
            [new SlideSpec(SlideKind.TerritoryMap, ScreenRules.MaxSeconds)]));
        Assert.True(created.Succeeded);
        var (accounts, account, to) = await fixture.QueryAsync(async db =>
        {
            var moved = await db.Accounts.Where(a => a.TerritoryId != null).OrderByDescending(a => a.PotentialScore).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.TerritoryId, a.Version }).FirstAsync();
            var target = await db.Territories.Where(t => t.Id != moved.TerritoryId).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            return (await db.Accounts.CountAsync(), moved, target);
        });
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1920, 1080);
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        var foreign = new List<string>();
        var appHost = fixture.App.BaseAddress.Authority;
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ws" or "wss" && uri.Authority != appHost)
            {
                foreign.Add(request.Url);
            }
        };

        var display = await DisplayPageObject.OpenAsync(page, created.Token!);
        await Expect(display.Root).ToHaveAttributeAsync("data-slide-kind", "TerritoryMap");
        var map = new TerritoryMapPage(page);
        await map.Map.And(page.Locator("[data-ready='true']")).WaitForAsync();
        // Every account goes to the map; markers (and clusters of them) are drawn in chunks, so one drawn is awaited.
        await Expect(map.Map).ToHaveAttributeAsync("data-account-count", accounts.ToString(CultureInfo.InvariantCulture));
        await Expect(map.Clusters.Or(map.Markers).First).ToBeVisibleAsync();
        Assert.True(await map.Map.Locator("path[data-region-code]").CountAsync() > 50, "region shapes are drawn");
        Assert.Equal(account.TerritoryId, await map.TerritoryOfAsync(account.Id));
        // Read-only and still: no zoom buttons on a TV, and no zoom or fade animation when the TV asks for reduced motion.
        await Expect(page.Locator(".leaflet-control-zoom")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("""
            () => {
                const options = document.querySelector("[data-testid='territory-map']").territoryMap.map.options;
                return !options.zoomAnimation && !options.fadeAnimation && !options.markerZoomAnimation;
            }
            """), "the map animates although the TV asks for reduced motion");
        var legendAccounts = page.GetByTestId("map-slide-legend").Locator($"tr[data-territory-id='{to}'] [data-figure='Accounts']");
        var before = int.Parse((await legendAccounts.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
        await E2EFixture.ScreenshotAsync(page, "screen-territory-map.png");

        // Someone moves the account anywhere: the TV re-colors it without a reload.
        var territories = fixture.App.Service<SalesOps.Web.Features.Territories.TerritoryService>();
        Assert.True((await territories.MoveAccountAsync(Vp, account.Id, to, account.Version)).Succeeded);
        await map.WaitForTerritoryAsync(account.Id, to);
        await Expect(legendAccounts).ToHaveAttributeAsync("data-value", (before + 1).ToString(CultureInfo.InvariantCulture));
        Assert.Empty(foreign);

        var version = await fixture.QueryAsync(db => db.Accounts.Where(a => a.Id == account.Id).Select(a => a.Version).SingleAsync());
        Assert.True((await territories.MoveAccountAsync(Vp, account.Id, account.TerritoryId!.Value, version)).Succeeded);
        await page.Context.CloseAsync();
    }
}
