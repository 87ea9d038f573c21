using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;

namespace SalesOps.Web.Features.Territories;

public enum RuleRefusal { None, UnknownRegion, UnknownTerritory, NotGeographic, SameTerritory, Forbidden, Conflicts }

/// <summary>
/// The outcome of a change to the assignment rules. <see cref="Problems"/> lists why the rules would not stand (e.g.
/// a region claimed by two territories, both named); <see cref="Message"/> is English, for logs and the API.
/// </summary>
public sealed record RuleChangeOutcome(
    bool Succeeded,
    RuleRefusal Refusal = RuleRefusal.None,
    string? TerritoryName = null,
    int AccountsMoved = 0,
    string? Message = null,
    IReadOnlyList<RuleProblem>? Problems = null)
{
    public bool IsNotFound { get; private init; }

    public static RuleChangeOutcome Ok(string territory, int accountsMoved) => new(true, TerritoryName: territory, AccountsMoved: accountsMoved);
    public static RuleChangeOutcome Invalid(RuleRefusal refusal, string message, string? territory = null) => new(false, refusal, territory, Message: message);
    public static RuleChangeOutcome Forbidden(string territory, string message) => new(false, RuleRefusal.Forbidden, territory, Message: message);
    public static RuleChangeOutcome Refused(IReadOnlyList<RuleProblem> problems) =>
        new(false, RuleRefusal.Conflicts, Message: string.Join(" ", problems.Select(p => p.Message)), Problems: problems);
    public static readonly RuleChangeOutcome NotFound = new(false, RuleRefusal.UnknownTerritory, Message: "No such territory.") { IsNotFound = true };
}

/// <summary>The regions a territory claims, as audit entries record them.</summary>
public sealed record RegionsSnapshot(int Id, string Name, IReadOnlyList<string> Regions, int Version)
{
    public static RegionsSnapshot Of(Territory t) => new(t.Id, t.Name, [.. t.Regions], t.Version);
}

/// <summary>The payload of a territory.changed event when a region changes hands.</summary>
public sealed record RegionGiven(string RegionCode, int? FromTerritoryId, int ToTerritoryId, int AccountsMoved);

public sealed record UncoveredAccount(int Id, string Name, string RegionCode, int? TerritoryId, string? TerritoryName);

/// <param name="Total">How many accounts no rule covers; <see cref="Accounts"/> holds the first of them.</param>
public sealed record UncoveredAccounts(int Total, IReadOnlyList<UncoveredAccount> Accounts);

/// <summary>An account to add; its territory and owner come from the assignment rules.</summary>
public sealed record NewAccount(string Name, string Industry, string RegionCode, double Latitude, double Longitude, decimal AnnualRevenue, int Employees, int PotentialScore);

/// <summary>An added account: where the rules put it and why (<see cref="AssignmentReason"/>).</summary>
public sealed record AccountCreated(int Id, string Name, string RegionCode, int? TerritoryId, string? TerritoryName, int? OwnerRepId, AssignmentReason Reason, int Version);

public sealed record AccountCreateOutcome(AccountCreated? Created, string? Message = null);
