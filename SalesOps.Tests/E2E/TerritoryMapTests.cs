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
        await Expect(map.Map).ToHaveAttributeAsync("data-marker-count", accounts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(map.Legend(californiaTerritory)).ToBeVisibleAsync();

        await E2EFixture.ScreenshotAsync(page, "territory-map.png");
        Assert.Empty(foreign);
    }
}

[Collection(E2EGroup.Name)]
public class TerritoryBalancerTests(E2EFixture fixture)
{
    [Fact]
    public async Task A_vp_asks_for_a_balanced_plan_sees_it_against_the_bound_and_opens_it_as_a_draft()
    {
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        await TerritoryPage.OpenAsync(page);

        await page.GetByTestId("balancer").GetByText("Suggest a balanced plan", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("suggest").ClickAsync();
        var plan = page.GetByTestId("balance-plan");
        await plan.WaitForAsync();
        var moves = int.Parse((await plan.GetAttributeAsync("data-moves"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(moves, 1, 20);
        double Value(string? v) => double.Parse(v!, System.Globalization.CultureInfo.InvariantCulture);
        var before = Value(await page.GetByTestId("imbalance-before").GetAttributeAsync("data-value"));
        var after = Value(await page.GetByTestId("imbalance-after").GetAttributeAsync("data-value"));
        var bound = Value(await page.GetByTestId("imbalance-bound").GetAttributeAsync("data-value"));
        Assert.True(after < before && bound <= after + 1e-9, $"before {before}, after {after}, bound {bound}");
        await Expect(page.Locator(".plan-moves li").First).ToContainTextAsync("Moves ");
        await E2EFixture.ScreenshotAsync(page, "territory-balancer.png");

        await page.GetByTestId("open-as-plan").ClickAsync();
        await page.WaitForURLAsync("**/territories/plans?plan=*");
        var draft = page.Locator("[data-plan-id][data-status='Draft']");
        await Expect(draft.GetByTestId("plan-moves")).ToHaveAttributeAsync("data-value", moves.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(draft.Locator("li[data-conflicted='false']")).ToHaveCountAsync(moves);
        await E2EFixture.ScreenshotAsync(page, "territory-plan.png", fullPage: true);
    }
}
