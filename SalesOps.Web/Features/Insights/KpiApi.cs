using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Auth;

namespace SalesOps.Web.Features.Insights;

/// <summary>
/// <c>GET /api/kpis?from=&amp;to=&amp;groupBy=</c>: the insights page's figures as JSON for BI tools, for an API key
/// (any key reads; a team-limited key reads its teams) or a signed-in user, scoped to the deals the caller may see.
/// </summary>
public static class KpiApi
{
    public const string GroupByValues = "rep, team, territory, product or channel";

    public static IEndpointRouteBuilder MapKpiApi(this IEndpointRouteBuilder app)
    {
        var readers = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName, IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .Build();

        app.MapGet("/api/kpis", async (string? from, string? to, string? groupBy, HttpContext http, KpiService kpis, TimeProvider clock, CancellationToken ct) =>
            {
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                if (!TryParse(from, to, groupBy, today, out var period, out var grouping, out var error))
                {
                    return Results.Problem(title: error, statusCode: StatusCodes.Status400BadRequest);
                }

                var report = await kpis.LoadAsync(ActorFactory.From(http.User), period, grouping, ct);
                return Results.Ok(ToJson(report));
            })
            .RequireAuthorization(readers)
            .Produces<KpiResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithTags("Insights")
            .WithSummary("KPIs of a period (deals closed or expected to close in it), optionally grouped");
        return app;
    }

    /// <summary>
    /// Reads the query: dates as yyyy-MM-dd (from defaults to the start of this quarter, to to its end), at most
    /// <see cref="KpiService.MaxDays"/> days, and a grouping by name. Says exactly what is wrong otherwise.
    /// </summary>
    public static bool TryParse(string? from, string? to, string? groupBy, DateOnly today, out Period period, out KpiGrouping grouping, out string? error)
    {
        period = default;
        grouping = KpiGrouping.None;
        error = null;
        var quarter = Period.QuarterOf(today);
        if (!TryDate(from, quarter.Start, out var start))
        {
            error = $"'from' must be a date as yyyy-MM-dd, such as {quarter.Start:yyyy-MM-dd}.";
            return false;
        }

        if (!TryDate(to, from is null ? quarter.End : Period.QuarterOf(start).End, out var end))
        {
            error = $"'to' must be a date as yyyy-MM-dd, such as {quarter.End:yyyy-MM-dd}.";
            return false;
        }

        if (end < start)
        {
            error = "'to' must not be before 'from'.";
            return false;
        }

        if (end.DayNumber - start.DayNumber + 1 > KpiService.MaxDays)
        {
            error = $"The period may cover at most {KpiService.MaxDays} days.";
            return false;
        }

        if (!string.IsNullOrEmpty(groupBy))
        {
            if (!Enum.TryParse(groupBy, ignoreCase: true, out grouping) || grouping is KpiGrouping.None or KpiGrouping.Month || !Enum.IsDefined(grouping) || int.TryParse(groupBy, out _))
            {
                error = $"'groupBy' must be {GroupByValues}.";
                return false;
            }
        }

        period = new Period(start, end);
        return true;
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrEmpty(text))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static KpiResponse ToJson(KpiReport report) => new(
        report.Period.Start,
        report.Period.End,
        Fields(null, null, report.Total),
        report.Groups.Select(g => Fields(g.Key, g.Name, g.Figures)).ToList());

    private static KpiFields Fields(string? key, string? name, KpiFigures f) => new(
        key, name, f.Deals, f.Won, f.Lost, f.WonRevenue, f.WinRate, f.AvgWonCycleDays, f.MedianWonCycleDays, f.AvgWonDeal, f.OpenPipeline, f.WeightedPipeline);

    public sealed record KpiResponse(DateOnly From, DateOnly To, KpiFields Total, IReadOnlyList<KpiFields> Groups);

    /// <summary>The figures of the total (no key or name) or of one group; rates are fractions, amounts in the company currency.</summary>
    public sealed record KpiFields(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
        int Deals,
        int Won,
        int Lost,
        decimal WonRevenue,
        double? WinRate,
        double? AvgWonCycleDays,
        double? MedianWonCycleDays,
        decimal? AvgWonDeal,
        decimal OpenPipeline,
        decimal WeightedPipeline);
}
