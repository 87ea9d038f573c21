using System.Globalization;
using SalesOps.Shared.Territories;

namespace SalesOps.Web.Features.Territories;

public enum AccountSort { Potential, Name }

/// <summary>Which account cards a territory board shows; the balance figures never depend on it.</summary>
/// <param name="Search">Part of the account's name.</param>
/// <param name="Region">A region code ("US-CA", "DE").</param>
/// <param name="MinPotential">Lowest potential score (0–100) shown.</param>
public sealed record TerritoryFilter(
    string? Search = null,
    string? Region = null,
    string? Industry = null,
    int? MinPotential = null,
    AccountSort Sort = AccountSort.Potential)
{
    public const int MaxSearchLength = 100;

    public static readonly TerritoryFilter Default = new();

    public bool IsDefault => this == Default;

    /// <summary>Trimmed, capped and normalized: what the URL or the browser sent can never widen a query.</summary>
    public TerritoryFilter Sanitized() => new(
        string.IsNullOrWhiteSpace(Search) ? null : Search.Trim()[..Math.Min(Search.Trim().Length, MaxSearchLength)],
        RegionCodes.TryNormalize(Region, out var region) ? region : null,
        string.IsNullOrWhiteSpace(Industry) ? null : Industry.Trim()[..Math.Min(Industry.Trim().Length, MaxSearchLength)],
        MinPotential is { } min ? Math.Clamp(min, 0, 100) : null,
        Enum.IsDefined(Sort) ? Sort : AccountSort.Potential);
}

/// <summary>The territory filter as URL query parameters, so a filtered board is a link someone can share.</summary>
public static class TerritoryFilterQuery
{
    public static IReadOnlyDictionary<string, object?> ToQuery(TerritoryFilter f) => new Dictionary<string, object?>
    {
        ["q"] = f.Search,
        ["region"] = f.Region,
        ["industry"] = f.Industry,
        ["potential"] = f.MinPotential,
        ["sort"] = f.Sort == AccountSort.Potential ? null : f.Sort.ToString(),
    };

    /// <summary>Reads a filter from query values; anything unreadable is ignored rather than refused.</summary>
    public static TerritoryFilter FromQuery(string? q, string? region, string? industry, string? potential, string? sort) =>
        new TerritoryFilter(
            q,
            region,
            industry,
            int.TryParse(potential, NumberStyles.None, CultureInfo.InvariantCulture, out var min) ? min : null,
            Enum.TryParse<AccountSort>(sort, ignoreCase: true, out var s) ? s : AccountSort.Potential).Sanitized();
}
