using System.Globalization;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;
using static SalesOps.Web.Features.Pipeline.BoardFilterQuery;

namespace SalesOps.Web.Features.Incentives;

/// <summary>The leaderboard filter as URL query parameters, so a board on a wall screen or in a chat is a link.</summary>
public static class LeaderboardQuery
{
    public static IReadOnlyDictionary<string, object?> ToQuery(LeaderboardFilter f) => new Dictionary<string, object?>
    {
        ["metric"] = f.Metric == LeaderboardMetric.Attainment ? null : f.Metric.ToString(),
        ["period"] = f.Period == LeaderboardPeriod.Quarter ? null : f.Period.ToString(),
        ["from"] = f.Period == LeaderboardPeriod.Custom ? f.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        ["to"] = f.Period == LeaderboardPeriod.Custom ? f.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        ["team"] = f.TeamId,
        ["territory"] = f.TerritoryId,
        ["channel"] = f.Channel?.ToString(),
        ["contest"] = f.ContestId,
    };

    /// <summary>Reads a filter from query values; anything unreadable falls back to the default rather than failing.</summary>
    public static LeaderboardFilter FromQuery(string? metric, string? period, string? from, string? to, string? team, string? territory, string? channel, string? contest = null) =>
        new(
            Enum.TryParse<LeaderboardMetric>(metric, ignoreCase: true, out var m) && Enum.IsDefined(m) ? m : LeaderboardMetric.Attainment,
            Enum.TryParse<LeaderboardPeriod>(period, ignoreCase: true, out var p) && Enum.IsDefined(p) ? p : LeaderboardPeriod.Quarter,
            Date(from),
            Date(to),
            Id(team),
            Id(territory),
            Enum.TryParse<SalesChannel>(channel, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : null,
            Id(contest));
}
