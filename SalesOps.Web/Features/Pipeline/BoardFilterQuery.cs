using System.Globalization;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Pipeline;

namespace SalesOps.Web.Features.Pipeline;

/// <summary>The board filter as URL query parameters, so a filtered board is a link someone can share.</summary>
public static class BoardFilterQuery
{
    public static IReadOnlyDictionary<string, object?> ToQuery(BoardFilter f) => new Dictionary<string, object?>
    {
        ["team"] = f.TeamId,
        ["rep"] = f.RepId,
        ["territory"] = f.TerritoryId,
        ["product"] = f.ProductId,
        ["channel"] = f.Channel?.ToString(),
        ["from"] = f.CloseFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = f.CloseTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["min"] = f.MinAmount,
        ["max"] = f.MaxAmount,
        ["q"] = f.Search,
        ["closed"] = f.Closed == ClosedWindow.ThisQuarter ? null : f.Closed.ToString(),
    };

    /// <summary>Reads a filter from query values; anything unreadable is ignored rather than refused.</summary>
    public static BoardFilter FromQuery(
        string? team, string? rep, string? territory, string? product, string? channel, string? from, string? to, string? min, string? max, string? q, string? closed) =>
        new BoardFilter(
            Id(team),
            Id(rep),
            Id(territory),
            Id(product),
            Enum.TryParse<SalesChannel>(channel, ignoreCase: true, out var c) ? c : null,
            Date(from),
            Date(to),
            Amount(min),
            Amount(max),
            q,
            Enum.TryParse<ClosedWindow>(closed, ignoreCase: true, out var w) ? w : ClosedWindow.ThisQuarter).Sanitized();

    /// <summary>A non-negative id from a query value; null when unreadable. Shared by every filter that lives in a URL.</summary>
    internal static int? Id(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static decimal? Amount(string? text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? amount : null;

    /// <summary>A yyyy-MM-dd date from a query value; null when unreadable.</summary>
    internal static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
