using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Insights;

/// <summary>The insights page and its CSV on the real app: the same figures as the API, for the roles it is for.</summary>
public class InsightsPageTests : AppTest
{
    private const string Year = "from=2026-01-01&to=2026-12-31";

    [Fact]
    public async Task The_page_shows_the_apis_figures_as_raw_data_values_and_each_drills_to_the_pipeline()
    {
        using var analyst = await SignedInClientAsync(DemoCompany.AnalystEmail);
        var api = JsonDocument.Parse(await analyst.GetStringAsync("/api/kpis?" + Year, TestContext.Current.CancellationToken)).RootElement.GetProperty("total");

        var html = await analyst.GetStringAsync("/insights?" + Year + "&groupBy=team", TestContext.Current.CancellationToken);

        Assert.Contains($"data-kpi=\"winRate\" data-value=\"{api.GetProperty("winRate").GetDouble().ToString("R", CultureInfo.InvariantCulture)}\"", html);
        Assert.Contains($"data-kpi=\"wonRevenue\" data-value=\"{api.GetProperty("wonRevenue").GetDecimal().ToString(CultureInfo.InvariantCulture)}\"", html);
        Assert.Contains($"data-kpi=\"medianWonCycleDays\" data-value=\"{api.GetProperty("medianWonCycleDays").GetDouble().ToString("R", CultureInfo.InvariantCulture)}\"", html);
        Assert.Contains("href=\"pipeline?from=2026-01-01&amp;to=2026-12-31\"", html);
        var teamId = await QueryAsync(db => db.Teams.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        Assert.Contains($"href=\"pipeline?team={teamId}&amp;from=2026-01-01&amp;to=2026-12-31\"", html);
        Assert.Contains("data-stage-id=\"1\"", html);
    }

    [Fact]
    public async Task Reps_do_not_open_the_insights_page_or_its_csv()
    {
        using var rep = await SignedInClientAsync(DemoCompany.RepEmail);

        var page = await rep.GetAsync("/insights", TestContext.Current.CancellationToken);
        var csv = await rep.GetAsync("/insights/kpis.csv", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/denied", page.Headers.Location!.ToString());
        Assert.NotEqual(HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task The_csv_has_the_grid_with_raw_values_and_defuses_formulas_in_names()
    {
        var repId = await QueryAsync(db => db.Reps.Where(r => r.Email == DemoCompany.RepEmail).Select(r => r.Id).SingleAsync());
        await QueryAsync(db => db.Reps.Where(r => r.Id == repId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "=HYPERLINK(\"http://x\")")));
        using var manager = await SignedInClientAsync(DemoCompany.ManagerEmail);

        var response = await manager.GetAsync("/insights/kpis.csv?" + Year + "&groupBy=rep", TestContext.Current.CancellationToken);
        var csv = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("key,name,deals,won,lost,winRate,wonRevenue,avgWonDeal,avgWonCycleDays,medianWonCycleDays,openPipeline,weightedPipeline", lines[0]);
        Assert.StartsWith("total,Total,", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith($"{repId},\"'=HYPERLINK(\"\"http://x\"\")\",", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",=", StringComparison.Ordinal));
    }
}
