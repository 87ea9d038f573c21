using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

/// <summary>
/// An analyst imports a HubSpot-style deals export through /data: maps its columns and an unknown stage name, sees
/// the bad row named by file, row and column, imports the rest, and /insights shows exactly those figures.
/// </summary>
[Collection(E2EGroup.Name)]
public class DataImportPageTests(E2EFixture fixture)
{
    private const string FileName = "hubspot-deals.csv";

    [Fact]
    public async Task An_analyst_maps_previews_and_imports_a_deals_export_and_insights_shows_its_figures()
    {
        // An existing rep owns the deals, and they closed in 2019, years before the demo company: the year's figures are the file's alone.
        var (repId, rep) = await fixture.QueryAsync(async db => await db.Reps.OrderBy(r => r.Id).Select(r => ValueTuple.Create(r.Id, r.Name)).FirstAsync());
        var reps = await fixture.QueryAsync(db => db.Reps.CountAsync());
        var folder = Directory.CreateTempSubdirectory("salesops-e2e-import");
        var path = Path.Combine(folder.FullName, FileName);
        await File.WriteAllTextAsync(path,
            "Deal ID,Deal owner,Deal stage,Create date,Close date,Amount\n" +
            $"HS-1,{rep},closedwon,01/15/2019,03/01/2019,\"$12,500.50\"\n" +
            $"HS-2,{rep},Signed contract,2019-02-01,2019-05-10,\"$7,000\"\n" +
            $"HS-3,{rep},Closed Lost,2019-01-10,04/02/2019,\"$3,000.00\"\n" +
            $"HS-4,{rep},closedwon,02/30/2019,2019-06-01,$900\n");
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.AnalystEmail);
        await page.GotoAsync("/data");
        await new HomePage(page).WaitUntilInteractiveAsync();

        await page.Locator("input[type=file]").SetInputFilesAsync(path);
        var file = page.Locator($".file-mapping[data-file='{FileName}']");
        await file.WaitForAsync();
        await PickAsync(page, file.GetByLabel("File holds"), "Deals");
        await Expect(file).ToHaveAttributeAsync("data-kind", "Deals");
        await PickAsync(page, file.GetByLabel("Deal id *"), "Deal ID");
        await PickAsync(page, file.GetByLabel("Owner (rep) *"), "Deal owner");
        await PickAsync(page, file.GetByLabel("Created on"), "Create date");
        await PickAsync(page, file.GetByLabel("Closed on"), "Close date");
        await PickAsync(page, file.GetByLabel("Amount"), "Amount");
        await PickAsync(page, file.GetByLabel("Stage *"), "Deal stage");
        // Known names map themselves; the export's own name is mapped by hand.
        var stages = page.GetByTestId("stage-mapping");
        await Expect(stages.GetByLabel("closedwon")).ToContainTextAsync("Won");
        await PickAsync(page, stages.GetByLabel("Signed contract"), "Won");

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var result = page.Locator("[data-import-result=preview]");
        await Expect(result).ToHaveAttributeAsync("data-problems", "1");
        var problem = result.Locator("tr[data-problem-row]");
        await Expect(problem).ToHaveAttributeAsync("data-problem-file", FileName);
        await Expect(problem).ToHaveAttributeAsync("data-problem-row", "4");
        await Expect(problem).ToHaveAttributeAsync("data-problem-column", "Create date");
        await Expect(result.Locator($"[data-preview-file='{FileName}']")).ToHaveAttributeAsync("data-rows", "4");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true })).ToBeDisabledAsync();
        await E2EFixture.ScreenshotAsync(page, "import-preview.png", fullPage: true);

        // The progress bar is noted the moment it appears, however short the import.
        await page.EvaluateAsync(
            "() => { window.progressSeen = false; new MutationObserver(() => { if (document.querySelector('[data-progress]')) window.progressSeen = true; })" +
            ".observe(document.body, { childList: true, subtree: true, attributes: true }); }");
        await page.GetByLabel("Skip the rows listed with problems and import the rest").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        var imported = page.Locator("[data-import-result=imported]");
        // One transaction through the app's single writer: on a loaded machine it may take a while.
        await Expect(imported.Locator("[data-deals-added]")).ToHaveAttributeAsync("data-deals-added", "3", new() { Timeout = 60_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.progressSeen"));
        // The export's owner is the company's own rep, not a namesake made for the import.
        Assert.Equal([repId], await fixture.QueryAsync(db => db.Deals.Where(d => d.ExternalId!.StartsWith("HS-")).Select(d => d.OwnerRepId).Distinct().ToListAsync()));
        Assert.Equal(reps, await fixture.QueryAsync(db => db.Reps.CountAsync()));

        await page.GotoAsync("/insights?from=2019-01-01&to=2019-12-31");
        await new HomePage(page).WaitUntilInteractiveAsync();
        Assert.Equal(19_500.5m, await KpiAsync(page, "wonRevenue"));
        Assert.Equal(2m / 3m, await KpiAsync(page, "winRate"), 12);
        // Won cycles: 15 Jan → 1 Mar is 45 days, 1 Feb → 10 May is 98 days.
        Assert.Equal(71.5m, await KpiAsync(page, "avgWonCycleDays"));
        Assert.Equal(9_750.25m, await KpiAsync(page, "avgWonDeal"));
        await E2EFixture.ScreenshotAsync(page, "insights.png", fullPage: true);
        await page.Context.CloseAsync();
        folder.Delete(recursive: true);
    }

    private static async Task PickAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(select).ToContainTextAsync(option);
    }

    private static async Task<decimal> KpiAsync(IPage page, string kpi) =>
        decimal.Parse((await page.Locator($"[data-kpi='{kpi}']").First.GetAttributeAsync("data-value"))!, NumberStyles.Float, CultureInfo.InvariantCulture);
}
