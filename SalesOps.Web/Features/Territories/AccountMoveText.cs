using Microsoft.Extensions.Localization;
using SalesOps.Shared.Territories;
using SalesOps.Web.Resources;

namespace SalesOps.Web.Features.Territories;

/// <summary>What a move's outcome means, in the user's language (the service's own messages are English, for logs).</summary>
public static class AccountMoveText
{
    public static string Describe(IStringLocalizer<Strings> l, AccountMoveOutcome outcome, string accountName) => outcome switch
    {
        { Status: AccountMoveStatus.Ok } => l["Territories.Moved", accountName, outcome.TerritoryName ?? ""],
        { Status: AccountMoveStatus.Conflict } => l["Territories.Conflict", outcome.ChangedBy ?? l["Territories.SomeoneElse"], outcome.TerritoryName ?? "?"],
        { Refusal: MoveRefusal.SameTerritory } => l["Territories.SameTerritory", outcome.TerritoryName ?? ""],
        { Refusal: MoveRefusal.TargetNotEditable } => l["Territories.TargetNotEditable", outcome.TerritoryName ?? ""],
        { Refusal: MoveRefusal.SourceNotEditable } => l["Territories.SourceNotEditable", outcome.TerritoryName ?? ""],
        { Status: AccountMoveStatus.NotFound } => l["Territories.NotFound"],
        _ => l["Territories.UnknownTerritory"],
    };
}
