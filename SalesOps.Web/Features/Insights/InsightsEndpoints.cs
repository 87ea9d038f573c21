using System.Text;
using SalesOps.Shared.Export;
using SalesOps.Web.Auth;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Insights;

/// <summary>The insights grids as CSV files, behind the same roles and deal scope as the pages.</summary>
public static class InsightsEndpoints
{
    public static IEndpointRouteBuilder MapInsightsEndpoints(this IEndpointRouteBuilder app)
    {
        // Cookie users (the fallback policy); BI tools read the same figures from /api/kpis.
        app.MapGet("/insights/kpis.csv", async (string? from, string? to, string? groupBy, HttpContext http, KpiService kpis) =>
            {
                var clock = http.RequestServices.GetRequiredService<UserClock>();
                clock.Use(http.Request.Cookies[UserClock.CookieName]);
                if (!KpiApi.TryParse(from, to, groupBy, clock.Today, out var period, out var grouping, out var error))
                {
                    return Results.Problem(title: error, statusCode: StatusCodes.Status400BadRequest);
                }

                var report = await kpis.LoadAsync(ActorFactory.From(http.User), period, grouping, http.RequestAborted);
                var name = $"kpis-{InsightsPeriods.Iso(period.Start)}-{InsightsPeriods.Iso(period.End)}-{grouping.ToString().ToLowerInvariant()}.csv";
                return Results.File(Encoding.UTF8.GetBytes(ToCsv(report)), "text/csv; charset=utf-8", name);
            })
            .RequireAuthorization(p => p.RequireRole(InsightsAccess.PageRoleList));
        return app;
    }

    /// <summary>One row per group (then the total), the columns of the grid with the API's names, raw invariant values.</summary>
    public static string ToCsv(KpiReport report)
    {
        var rows = report.Groups.Select(g => Row(g.Key, g.Name, g.Figures))
            .Append(Row("total", "Total", report.Total));
        return CsvText.Build(["key", "name", .. KpiGroupGrid.Columns], rows);
    }

    private static string?[] Row(string key, string name, Shared.Kpis.KpiFigures f) =>
    [
        key, name, CsvText.Number(f.Deals), CsvText.Number(f.Won), CsvText.Number(f.Lost), CsvText.Number(f.WinRate),
        CsvText.Number(f.WonRevenue), CsvText.Number(f.AvgWonDeal), CsvText.Number(f.AvgWonCycleDays), CsvText.Number(f.MedianWonCycleDays),
        CsvText.Number(f.OpenPipeline), CsvText.Number(f.WeightedPipeline),
    ];
}
