using Microsoft.Extensions.Localization;
using SalesOps.Shared.Territories;
using SalesOps.Web.Resources;

namespace SalesOps.Web.Features.Territories;

/// <summary>What a change to the assignment rules came to, in the user's language.</summary>
public static class RuleChangeText
{
    public static string Describe(IStringLocalizer<Strings> l, RuleChangeOutcome outcome, string regionName) => outcome switch
    {
        { Succeeded: true } => l["Territories.Map.Given", regionName, outcome.TerritoryName ?? "", outcome.AccountsMoved],
        { Refusal: RuleRefusal.Forbidden } => l["Territories.TargetNotEditable", outcome.TerritoryName ?? ""],
        { Refusal: RuleRefusal.SameTerritory } => l["Territories.Map.RegionSame", regionName, outcome.TerritoryName ?? ""],
        { Refusal: RuleRefusal.NotGeographic } => l["Territories.Map.NotGeographic", outcome.TerritoryName ?? ""],
        { Problems: { Count: > 0 } problems } => string.Join(" ", problems.Select(p => Problem(l, p))),
        _ => l["Territories.UnknownTerritory"],
    };

    public static string Problem(IStringLocalizer<Strings> l, RuleProblem p) => p.Kind switch
    {
        RuleProblemKind.RegionClaimedTwice => l["Territories.Rules.ClaimedTwice", p.RegionCode ?? "", p.OtherTerritoryName ?? "", p.TerritoryName],
        RuleProblemKind.AccountNamedTwice => l["Territories.Rules.NamedTwice", p.AccountId ?? 0, p.OtherTerritoryName ?? "", p.TerritoryName],
        _ => l["Territories.Rules.UnknownRegion", p.RegionCode ?? "", p.TerritoryName],
    };
}
