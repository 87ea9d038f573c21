using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Shared.Domain;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

[Collection(E2EGroup.Name)]
public class TerritoryMapTests(E2EFixture fixture)
{
    [Fact]
    public async Task The_map_draws_regions_by_territory_and_every_account_without_asking_another_host()
    {
        var page = await fixture.NewPageAsync();
        var foreign = new List<string>();
        var appHost = fixture.App.BaseAddress.Authority;
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ws" or "wss" && uri.Authority != appHost)
            {
                foreign.Add(request.Url);
            }
        };
        await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        var map = await TerritoryMapPage.OpenAsync(page);

        var (accounts, californiaTerritory, germanyTerritory) = await fixture.QueryAsync(async db =>
        {
            var territories = await db.Territories.Where(t => t.Kind == TerritoryKind.Geographic).ToListAsync();
            return (await db.Accounts.CountAsync(), territories.Single(t => t.Regions.Contains("US-CA")).Id, territories.Single(t => t.Regions.Contains("DE")).Id);
        });
        await Expect(map.Map).ToHaveAttributeAsync("data-account-count", accounts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // States by ISO 3166-2, countries by ISO 3166-1: Delaware and Germany are different shapes.
        await Expect(map.Region("US-CA")).ToHaveAttributeAsync("data-territory-id", californiaTerritory.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(map.Region("DE").First).ToHaveAttributeAsync("data-territory-id", germanyTerritory.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(map.Region("US-DE")).ToHaveCountAsync(1);
        Assert.Equal(accounts, await map.AccountsShownAsync());
        await Expect(map.Legend(californiaTerritory)).ToBeVisibleAsync();

        await E2EFixture.ScreenshotAsync(page, "territory-map.png");
        Assert.Empty(foreign);
    }
}
