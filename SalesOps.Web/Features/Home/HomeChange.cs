using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesOps.Web.Resources;

namespace SalesOps.Web.Features.Home;

/// <summary>A tile's change against the last period, as "▲ 12% vs Q3"; nothing when there is nothing to compare with.</summary>
public static class HomeChange
{
    public static string? Percent(IStringLocalizer<Strings> l, decimal current, decimal? previous, string period)
    {
        if (previous is not > 0)
        {
            return null;
        }

        var change = (double)((current - previous.Value) / previous.Value);
        return l["Home.ChangeVs", Arrow(change) + " " + Math.Abs(change).ToString("P0", CultureInfo.CurrentCulture), period].Value;
    }

    /// <summary>A rate's change in percentage points.</summary>
    public static string? Points(IStringLocalizer<Strings> l, double? current, double? previous, string period) =>
        current is { } now && previous is { } then
            ? l["Home.ChangeVs", Arrow(now - then) + " " + l["Home.Points", Math.Abs(Math.Round((now - then) * 100)).ToString("N0", CultureInfo.CurrentCulture)], period].Value
            : null;

    public static string? Days(IStringLocalizer<Strings> l, double? current, double? previous, string period) =>
        current is { } now && previous is { } then
            ? l["Home.ChangeVs", Arrow(now - then) + " " + l["Home.Days", Math.Abs(Math.Round(now - then)).ToString("N0", CultureInfo.CurrentCulture)], period].Value
            : null;

    public static bool? IsUp(decimal? current, decimal? previous) =>
        current is { } now && previous is { } then && now != then ? now > then : null;

    public static bool? IsDown(decimal? current, decimal? previous) => IsUp(current, previous) is { } up ? !up : null;

    private static string Arrow(double change) => change switch { > 0 => "▲", < 0 => "▼", _ => "=" };
}
