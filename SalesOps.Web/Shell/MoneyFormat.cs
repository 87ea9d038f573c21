using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace SalesOps.Web.Shell;

/// <summary>
/// Formats the company's money in the user's culture: the culture decides separators and symbol placement,
/// the company's currency decides the symbol ($1,234.50 in en-US; 1.234,50 $ in ro-RO).
/// </summary>
public sealed class MoneyFormat(IOptions<SalesOpsOptions> options)
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD"] = "$", ["EUR"] = "€", ["GBP"] = "£", ["RON"] = "lei",
    };

    public string Currency => options.Value.Currency;

    /// <summary>The currency's symbol as amounts show it ("$", "€", "lei"), e.g. in money input fields.</summary>
    public string Symbol => Symbols.GetValueOrDefault(Currency, Currency);

    public string Format(decimal amount, int decimals = 0) => amount.ToString("C" + decimals, NumberFormat());

    /// <summary>Short form for tiles, cards and axes: $9,999, $10.0K, $850K, $1.2M, $100M; in Romanian 10,0 K $, 1,2 mil. $, 2,5 mld. $.</summary>
    /// <remarks>
    /// Rounds first, then picks the unit, so a value never shows as "$1,000K" or "$100.0M": 999,950 is "$1.0M" and
    /// 99,960,000 is "$100M". Under 100 of a unit shows one decimal, from 100 on none; plain amounts up to 9,999.
    /// The unit names are the culture's compact (CLDR short) ones, as the browser's Intl compact notation writes
    /// them, so the charts and the tiles read the same.
    /// </remarks>
    public string Compact(decimal amount)
    {
        var (value, decimals, unit) = Shorten(Math.Abs(amount));
        var suffix = unit < 0 ? "" : UnitNames(CultureInfo.CurrentCulture)[unit];
        var format = NumberFormat();
        var text = (Math.Sign(amount) * value).ToString("C" + decimals, format);
        if (suffix.Length == 0)
        {
            return text;
        }

        // Put the suffix right after the number, before a trailing symbol when the culture writes one.
        var symbolAtEnd = format.CurrencyPositivePattern is 1 or 3;
        return symbolAtEnd
            ? text.Replace(format.CurrencySymbol, "").TrimEnd() + suffix + " " + format.CurrencySymbol
            : text + suffix;
    }

    /// <summary>An amount as a <c>data-</c> attribute carries it: raw, invariant, for scripts and tests.</summary>
    public static string Raw(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static readonly (decimal Divisor, decimal Below, int Unit)[] Units =
    [
        (1m, 10_000m, -1), (1_000m, 1_000m, 0), (1_000_000m, 1_000m, 1), (1_000_000_000m, decimal.MaxValue, 2),
    ];

    /// <summary>Thousands, millions, billions in a language's compact form; English's for languages not listed.</summary>
    private static readonly Dictionary<string, string[]> CompactUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ["K", "M", "B"],
        ["ro"] = [" K", " mil.", " mld."],
    };

    /// <summary>The compact unit names (thousand, million, billion) of a culture.</summary>
    public static IReadOnlyList<string> UnitNames(CultureInfo culture) =>
        CompactUnits.GetValueOrDefault(culture.TwoLetterISOLanguageName) ?? CompactUnits["en"];

    private static (decimal Value, int Decimals, int Unit) Shorten(decimal magnitude)
    {
        foreach (var (divisor, below, suffix) in Units)
        {
            var value = magnitude / divisor;
            var decimals = suffix >= 0 && value < 100 ? 1 : 0;
            var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
            if (rounded >= 100 && decimals > 0)
            {
                // 99.96 rounds up to 100, which shows without a decimal.
                (decimals, rounded) = (0, Math.Round(value, 0, MidpointRounding.AwayFromZero));
            }

            if (rounded < below)
            {
                return (rounded, decimals, suffix);
            }
        }

        throw new UnreachableException();
    }

    /// <summary>
    /// The culture's number format with the company's symbol, made once per culture and symbol: boards and maps format
    /// thousands of amounts per render, and a clone per amount showed up in their profiles.
    /// </summary>
    private NumberFormatInfo NumberFormat()
    {
        var culture = CultureInfo.CurrentCulture;
        return Formats.GetOrAdd((culture, Symbols.GetValueOrDefault(Currency, Currency)), static key =>
        {
            var format = (NumberFormatInfo)key.Culture.NumberFormat.Clone();
            format.CurrencySymbol = key.Symbol;
            return NumberFormatInfo.ReadOnly(format);
        });
    }

    private static readonly ConcurrentDictionary<(CultureInfo Culture, string Symbol), NumberFormatInfo> Formats = new();
}
