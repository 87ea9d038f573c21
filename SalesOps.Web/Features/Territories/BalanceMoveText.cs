using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesOps.Shared.Territories;
using SalesOps.Web.Resources;

namespace SalesOps.Web.Features.Territories;

/// <summary>A suggested move explained in the user's language (the balancer's own <see cref="BalanceMove.Explanation"/> is English).</summary>
public static class BalanceMoveText
{
    public static string Describe(IStringLocalizer<Strings> l, BalanceMove move)
    {
        var percent = Math.Abs(move.DriverPercentFromAverage).ToString(Math.Abs(move.DriverPercentFromAverage) < 1 ? "0.##" : "0.#", CultureInfo.CurrentCulture);
        var over = move.DriverPercentFromAverage >= 0;
        var why = move.Reason == MoveReason.AccountCount
            ? l[over ? "Territories.Balance.WhyMoreAccounts" : "Territories.Balance.WhyFewerAccounts", move.DriverTerritoryName, percent]
            : l[over ? "Territories.Balance.WhyOver" : "Territories.Balance.WhyUnder", move.DriverTerritoryName, percent];
        var text = move.SwappedWithAccountName is { } other
            ? l["Territories.Balance.MoveSwap", move.AccountName, move.FromTerritoryName, move.ToTerritoryName, other, why]
            : l["Territories.Balance.Move", move.AccountName, move.FromTerritoryName, move.ToTerritoryName, why];
        return move.Contiguity switch
        {
            ContiguityEffect.JoinsRegionTerritory => text + " " + l["Territories.Balance.Joins", move.AccountName],
            ContiguityEffect.LeavesRegionTerritory => text + " " + l["Territories.Balance.Leaves", move.AccountName],
            _ => text,
        };
    }

    /// <summary>An imbalance (a fraction of the average) as a percentage.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.CurrentCulture) + "%";
}
