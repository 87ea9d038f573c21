using System.Globalization;
using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.E2E;

/// <summary>The sign-in page, driven the way a person uses it.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task<HomePage> SignInAsync(string email, string password = "SalesOps-demo-1")
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var home = new HomePage(page);
        await home.WaitUntilInteractiveAsync();
        return home;
    }

    public static Task<HomePage> AsAsync(IPage page, string email = DemoCompany.VpEmail) => new LoginPage(page).SignInAsync(email);
}

/// <summary>The role's home dashboard: KPI tiles, the won-by-month chart, the shell around them.</summary>
public sealed class HomePage(IPage page)
{
    public IPage Page => page;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Tile(string kpi) => page.Locator($"[data-kpi='{kpi}']");

    public ILocator TileValue(string kpi) => Tile(kpi).GetByTestId("kpi-value");

    /// <summary>The tile's unformatted value (its <c>data-value</c>), never the rounded text.</summary>
    public async Task<decimal> TileRawValueAsync(string kpi) =>
        decimal.Parse((await TileValue(kpi).GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);

    public ILocator Chart => page.GetByRole(AriaRole.Img, new() { Name = "Won revenue by month" });

    /// <summary>The circuit is live once the layout renders its interactive marker.</summary>
    public Task WaitUntilInteractiveAsync() =>
        page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}

/// <summary>The pipeline board: one column per stage, cards inside, totals in each column head.</summary>
public sealed class PipelineBoardPage(IPage page)
{
    public IPage Page => page;

    public static async Task<PipelineBoardPage> OpenAsync(IPage page, string query = "")
    {
        await page.GotoAsync("/pipeline" + query);
        await new HomePage(page).WaitUntilInteractiveAsync();
        var board = new PipelineBoardPage(page);
        await board.Column(1).WaitForAsync();
        return board;
    }

    public ILocator Column(int stageId) => page.Locator($"section[data-stage-id='{stageId}']");

    public ILocator Cards(int stageId) => Column(stageId).Locator("article[data-deal-id]");

    public ILocator Card(int stageId, int dealId) => Column(stageId).Locator($"article[data-deal-id='{dealId}']");

    public ILocator Count(int stageId) => Column(stageId).GetByTestId("column-count");

    public ILocator Amount(int stageId) => Column(stageId).GetByTestId("column-amount");

    /// <summary>The column's deal count as the page holds it (<c>data-count</c>), not as it is displayed.</summary>
    public async Task<int> CountOfAsync(int stageId) =>
        int.Parse((await Count(stageId).GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);

    /// <summary>The column's exact total (<c>data-value</c>), not the compact "$12.6M" it shows.</summary>
    public async Task<decimal> AmountOfAsync(int stageId) =>
        decimal.Parse((await Amount(stageId).GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);

    public async Task<int> FirstDealIdAsync(int stageId) =>
        int.Parse((await Cards(stageId).First.GetAttributeAsync("data-deal-id"))!, CultureInfo.InvariantCulture);

    /// <summary>Drops near the top of the target column, as a person would, so the page need not scroll mid-drag.</summary>
    public Task DragAsync(int dealId, int fromStageId, int toStageId) =>
        Card(fromStageId, dealId).DragToAsync(Column(toStageId).Locator(".mud-drop-zone"), new() { TargetPosition = new() { X = 30, Y = 10 } });
}

/// <summary>The territory board: one column per territory with its balance figures, account cards inside.</summary>
public sealed class TerritoryPage(IPage page)
{
    public IPage Page => page;

    public static async Task<TerritoryPage> OpenAsync(IPage page, string query = "")
    {
        await page.GotoAsync("/territories" + query);
        await new HomePage(page).WaitUntilInteractiveAsync();
        var board = new TerritoryPage(page);
        await board.Columns.First.WaitForAsync();
        return board;
    }

    public ILocator Columns => page.Locator("section[data-territory-id]");

    public ILocator Column(int territoryId) => page.Locator($"section[data-territory-id='{territoryId}']");

    public ILocator Card(int territoryId, int accountId) => Column(territoryId).Locator($"article[data-account-id='{accountId}']");

    public ILocator AnyCard(int accountId) => page.Locator($"article[data-account-id='{accountId}']");

    public ILocator Figure(int territoryId, string figure) => Column(territoryId).Locator($"[data-figure='{figure}']");

    public ILocator ReadOnlyNote => page.GetByTestId("read-only");

    public ILocator MoveMenus => page.GetByRole(AriaRole.Button, new() { Name = "Move to…" });

    /// <summary>Drops near the top of the target column, as a person would, so the page need not scroll mid-drag.</summary>
    public Task DragAsync(int accountId, int fromTerritoryId, int toTerritoryId) =>
        Card(fromTerritoryId, accountId).DragToAsync(Column(toTerritoryId).Locator(".mud-drop-zone"), new() { TargetPosition = new() { X = 30, Y = 10 } });
}

public sealed class TerritoryMapPage(IPage page)
{
    public IPage Page => page;

    /// <summary>Opens the map and waits until it has drawn its regions and markers (data-ready on the map element).</summary>
    public static async Task<TerritoryMapPage> OpenAsync(IPage page, string query = "")
    {
        await page.GotoAsync("/territories/map" + query);
        await new HomePage(page).WaitUntilInteractiveAsync();
        var map = new TerritoryMapPage(page);
        await map.Map.And(page.Locator("[data-ready='true']")).WaitForAsync();
        return map;
    }

    public ILocator Map => page.GetByTestId("territory-map");

    public ILocator Region(string code) => Map.Locator($"path[data-region-code='{code}']");

    public ILocator Markers => Map.Locator(".tm-marker[data-account-id]");

    public ILocator Clusters => Map.Locator("[data-cluster-count]");

    public ILocator Legend(int territoryId) => page.GetByTestId("map-legend").Locator($"li[data-territory-id='{territoryId}']");

    public ILocator LegendFigure(int territoryId, string figure) => Legend(territoryId).Locator($"[data-figure='{figure}']");

    /// <summary>The territory the account's marker shows (asked of the map: clustered markers are not in the DOM).</summary>
    public Task<int?> TerritoryOfAsync(int accountId) =>
        page.EvaluateAsync<int?>("id => document.querySelector(\"[data-testid='territory-map']\").territoryMap.territoryOf(id) ?? null", accountId);

    /// <summary>Waits until the account's marker shows that territory (no reload: the map redraws in place).</summary>
    public Task WaitForTerritoryAsync(int accountId, int territoryId) =>
        page.WaitForFunctionAsync("([id, t]) => document.querySelector(\"[data-testid='territory-map']\")?.territoryMap?.territoryOf(id) === t", new[] { accountId, territoryId });
}
