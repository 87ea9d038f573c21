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

    public string Format(decimal amount, int decimals = 0) => amount.ToString("C" + decimals, NumberFormat());

    /// <summary>Short form for tiles and axes: $1.2M, $850K.</summary>
    public string Compact(decimal amount)
    {
        var (value, suffix) = Math.Abs(amount) switch
        {
            >= 1_000_000_000m => (amount / 1_000_000_000m, "B"),
            >= 1_000_000m => (amount / 1_000_000m, "M"),
            >= 10_000m => (amount / 1_000m, "K"),
            _ => (amount, ""),
        };
        var decimals = suffix.Length > 0 && Math.Abs(value) < 100 ? 1 : 0;
        var format = NumberFormat();
        var text = value.ToString("C" + decimals, format);
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

    private NumberFormatInfo NumberFormat()
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = Symbols.GetValueOrDefault(Currency, Currency);
        return format;
    }
}
