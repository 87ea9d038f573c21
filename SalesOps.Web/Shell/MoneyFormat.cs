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

    /// <summary>Short form for tiles and axes: $9,999, $10.0K, $850K, $1.2M, $100M.</summary>
    /// <remarks>
    /// Rounds first, then picks the unit, so a value never shows as "$1,000K" or "$100.0M": 999,950 is "$1.0M" and
    /// 99,960,000 is "$100M". Under 100 of a unit shows one decimal, from 100 on none; plain amounts up to 9,999.
    /// </remarks>
    public string Compact(decimal amount)
    {
        var (value, decimals, suffix) = Shorten(Math.Abs(amount));
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

    private static readonly (decimal Divisor, decimal Below, string Suffix)[] Units =
    [
        (1m, 10_000m, ""), (1_000m, 1_000m, "K"), (1_000_000m, 1_000m, "M"), (1_000_000_000m, decimal.MaxValue, "B"),
    ];

    private static (decimal Value, int Decimals, string Suffix) Shorten(decimal magnitude)
    {
        foreach (var (divisor, below, suffix) in Units)
        {
            var value = magnitude / divisor;
            var decimals = suffix.Length > 0 && value < 100 ? 1 : 0;
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

    private NumberFormatInfo NumberFormat()
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = Symbols.GetValueOrDefault(Currency, Currency);
        return format;
    }
}
