using System.Globalization;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;
using SalesOps.Shared.Pipeline;
using SalesOps.Web.Features.Pipeline;

namespace SalesOps.Web.Features.Insights;

/// <summary>Who opens the insights pages, and the links from a number to the deals behind it.</summary>
public static class InsightsAccess
{
    /// <summary>The roles of the insights pages (reps read their own figures through the API and their home page).</summary>
    public const string PageRoles = Roles.Analyst + "," + Roles.VP + "," + Roles.Admin + "," + Roles.Manager;

    public static readonly string[] PageRoleList = [Roles.Analyst, Roles.VP, Roles.Admin, Roles.Manager];

    /// <summary>The pipeline board filtered to a group's deals of the period: where every number drills to.</summary>
    public static string PipelineLink(KpiGrouping groupBy, string? key, Period period)
    {
        int? id = key is null ? null : BoardFilterQuery.Id(key);
        if (groupBy == KpiGrouping.Month && key is not null
            && DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            period = Period.MonthOf(month);
        }

        var filter = new BoardFilter(
            TeamId: groupBy == KpiGrouping.Team ? id : null,
            RepId: groupBy == KpiGrouping.Rep ? id : null,
            TerritoryId: groupBy == KpiGrouping.Territory ? id : null,
            ProductId: groupBy == KpiGrouping.Product ? id : null,
            Channel: groupBy == KpiGrouping.Channel && Enum.TryParse<SalesChannel>(key, out var channel) ? channel : null,
            CloseFrom: period.Start,
            CloseTo: period.End);
        var query = BoardFilterQuery.ToQuery(filter)
            .Where(p => p.Value is not null)
            .Select(p => p.Key + "=" + Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!));
        return "pipeline?" + string.Join('&', query);
    }
}

/// <summary>The periods the insights pages offer; <see cref="Custom"/> takes the dates from the URL.</summary>
public enum InsightsPeriod { ThisQuarter, LastQuarter, ThisYear, Last12Months, Custom }

public static class InsightsPeriods
{
    /// <param name="today">The user's today.</param>
    public static Period Of(InsightsPeriod preset, DateOnly today) => preset switch
    {
        InsightsPeriod.LastQuarter => Period.QuarterOf(today).Previous(),
        InsightsPeriod.ThisYear => Period.YearOf(today),
        InsightsPeriod.Last12Months => new Period(Period.MonthOf(today).Start.AddMonths(-11), Period.MonthOf(today).End),
        _ => Period.QuarterOf(today),
    };

    /// <summary>The preset a period is, or <see cref="InsightsPeriod.Custom"/>.</summary>
    public static InsightsPeriod Match(Period period, DateOnly today) =>
        Enum.GetValues<InsightsPeriod>().Where(p => p != InsightsPeriod.Custom).Cast<InsightsPeriod?>()
            .FirstOrDefault(p => Of(p!.Value, today) == period) ?? InsightsPeriod.Custom;

    /// <summary>The twelve months that end with the period's last month: the trend behind its figures.</summary>
    public static Period TrendOf(Period period) => new(Period.MonthOf(period.End).Start.AddMonths(-11), Period.MonthOf(period.End).End);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
