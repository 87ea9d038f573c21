using System.Diagnostics.CodeAnalysis;

namespace SalesOps.Shared.Territories;

public enum RegionKind { Country, UsSubdivision }

/// <summary>
/// A place accounts and territories are coded with. <see cref="MapShapeId"/> is the id of its shape in the map data
/// the app ships: the FIPS state code in us-atlas 3.0.1 for US subdivisions, the ISO 3166-1 numeric code in
/// world-atlas 2.0.2 for countries.
/// </summary>
public sealed record Region(string Code, RegionKind Kind, string Name, string MapShapeId);

/// <summary>
/// The one place region codes are checked and translated. US states and other subdivisions are ISO 3166-2
/// ("US-DE"), countries ISO 3166-1 alpha-2 ("DE"): a bare two-letter code is always a country, never a state, so
/// Delaware and Germany cannot be confused.
/// </summary>
public static partial class RegionCodes
{
    public const string UsPrefix = "US-";

    // Built on first use, after the tables of the other part of this class exist (static field initializers of a
    // partial class run in an order the compiler does not promise across files).
    private static Dictionary<string, Region> ByCode => Lookup.ByCode;

    private static Dictionary<string, Region> ByFips => Lookup.ByFips;

    private static Dictionary<string, Region> ByNumeric => Lookup.ByNumeric;

    public static IReadOnlyList<Region> UsSubdivisions => UsSubdivisionTable;

    public static IReadOnlyList<Region> Countries => CountryTable;

    /// <summary>True only for a code in its canonical form ("US-CA", "DE"); see <see cref="TryNormalize"/> for user input.</summary>
    public static bool IsValid([NotNullWhen(true)] string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>The region of a canonical or normalizable code ("us-ca", " de "), or null when there is none.</summary>
    public static Region? Find(string? code) => TryNormalize(code, out var canonical) ? ByCode[canonical] : null;

    /// <summary>Trims and upper-cases; succeeds only for a known ISO 3166-2 US subdivision or ISO 3166-1 country.</summary>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? code)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var candidate = input.Trim().ToUpperInvariant();
        if (!ByCode.ContainsKey(candidate))
        {
            return false;
        }

        code = candidate;
        return true;
    }

    /// <exception cref="FormatException">The input names no known region; the message says what is expected.</exception>
    public static string Normalize(string? input) => TryNormalize(input, out var code)
        ? code
        : throw new FormatException(
            $"'{input}' is not a region code: use ISO 3166-2 for US states (e.g. \"US-CA\") or ISO 3166-1 alpha-2 for countries (e.g. \"DE\").");

    /// <summary>"DE" (a US postal code) → "US-DE". For converting data that used bare state codes.</summary>
    /// <exception cref="FormatException">No US subdivision has that postal code.</exception>
    public static string UsState(string postalCode)
    {
        var code = UsPrefix + postalCode.Trim().ToUpperInvariant();
        return ByCode.TryGetValue(code, out var region) && region.Kind == RegionKind.UsSubdivision
            ? code
            : throw new FormatException($"'{postalCode}' is not the postal code of a US state, district or territory.");
    }

    /// <summary>The country a region lies in: "US" for "US-CA", the code itself for a country; null for an unknown code.</summary>
    public static string? CountryOf(string? code) => Find(code) switch
    {
        { Kind: RegionKind.UsSubdivision } => "US",
        { } country => country.Code,
        null => null,
    };

    /// <summary>us-atlas state id ("06", also "6") → "US-CA"; null when no subdivision has it.</summary>
    public static string? FromUsAtlasFips(string? fips) =>
        PadDigits(fips, 2) is { } key && ByFips.TryGetValue(key, out var region) ? region.Code : null;

    /// <summary>world-atlas country id ("276", also "4" for "004") → "DE"; null when no country has it.</summary>
    public static string? FromWorldAtlasNumeric(string? numeric) =>
        PadDigits(numeric, 3) is { } key && ByNumeric.TryGetValue(key, out var region) ? region.Code : null;

    /// <summary>"US-CA" → "06"; null for a country or an unknown code.</summary>
    public static string? ToUsAtlasFips(string? code) => Find(code) is { Kind: RegionKind.UsSubdivision } r ? r.MapShapeId : null;

    /// <summary>"DE" → "276"; null for a US subdivision or an unknown code.</summary>
    public static string? ToWorldAtlasNumeric(string? code) => Find(code) is { Kind: RegionKind.Country } r ? r.MapShapeId : null;

    private static string? PadDigits(string? id, int width)
    {
        var trimmed = id?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > width || !trimmed.All(char.IsAsciiDigit) ? null : trimmed.PadLeft(width, '0');
    }

    private static class Lookup
    {
        public static readonly Dictionary<string, Region> ByCode =
            UsSubdivisionTable.Concat(CountryTable).ToDictionary(r => r.Code, StringComparer.Ordinal);

        public static readonly Dictionary<string, Region> ByFips = UsSubdivisionTable.ToDictionary(r => r.MapShapeId, StringComparer.Ordinal);

        public static readonly Dictionary<string, Region> ByNumeric = CountryTable.ToDictionary(r => r.MapShapeId, StringComparer.Ordinal);
    }
}
