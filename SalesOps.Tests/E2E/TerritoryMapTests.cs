using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Shared.Access;
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_draft_plan_s_board_and_map_have_no_serious_accessibility_violations(bool dark)
    {
        var vp = new Actor("Victoria Popescu", Roles.VP);
        var (accountId, to) = await fixture.QueryAsync(async db =>
        {
            var account = await db.Accounts.Where(a => a.TerritoryId != null).OrderByDescending(a => a.PotentialScore).Select(a => new { a.Id, a.TerritoryId }).FirstAsync();
            return (account.Id, await db.Territories.Where(t => t.Id != account.TerritoryId).Select(t => t.Id).FirstAsync());
        });
        var plan = await fixture.App.Service<SalesOps.Web.Features.Territories.TerritoryPlanService>()
            .CreateAsync(vp, "Axe draft", [new SalesOps.Web.Features.Territories.PlannedMove(accountId, to)]);
        var page = await fixture.NewPageAsync();
        // Before the map starts: it reads the setting once, and a cluster icon caught mid-fade is two overlapping targets to axe.
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        if (dark)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Light theme" })).ToBeVisibleAsync();
        }

        var board = await TerritoryPage.OpenAsync(page, $"?plan={plan.PlanId}");
        await Expect(board.Card(to, accountId)).ToHaveAttributeAsync("data-planned", "true");
        var problems = await AccessibilityTests.ViolationsAsync(page, "/territories?plan");
        await E2EFixture.ScreenshotAsync(page, dark ? "territory-draft-board-dark.png" : "territory-draft-board.png");
        var map = await TerritoryMapPage.OpenAsync(page, $"?plan={plan.PlanId}");
        await map.WaitForTerritoryAsync(accountId, to);
        problems.AddRange(await AccessibilityTests.ViolationsAsync(page, "/territories/map?plan"));
        await E2EFixture.ScreenshotAsync(page, dark ? "territory-draft-map-dark.png" : "territory-draft-map.png");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
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
