using Microsoft.Extensions.Localization;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Resources;

namespace SalesOps.Web.Shell;

/// <summary>
/// Names that come from data (stages, lost reasons) in the user's language. The built-in ones have translations
/// ("Data.Stage.Won", "Data.LostReason.NoDecision"); names a company added itself show as they were typed.
/// </summary>
public static class DataText
{
    public static string Stage(this IStringLocalizer<Strings> l, string? name) => Translate(l, "Data.Stage.", name);

    public static string LostReason(this IStringLocalizer<Strings> l, string? reason) => Translate(l, "Data.LostReason.", reason);

    /// <summary>"Q4 2026" in English, "T4 2026" in Romanian.</summary>
    public static string Quarter(this IStringLocalizer<Strings> l, Period quarter) =>
        l["Data.Quarter", (quarter.Start.Month - 1) / 3 + 1, quarter.Start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>The resource key a data name translates under: its letters only ("No decision" → "NoDecision").</summary>
    public static string KeyOf(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]).SelectMany(w => w.Where(char.IsAsciiLetter)));

    private static string Translate(IStringLocalizer<Strings> l, string prefix, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return name ?? "";
        }

        var text = l[prefix + KeyOf(name)];
        return text.ResourceNotFound ? name : text.Value;
    }
}
