using SalesOps.Shared.Domain;

namespace SalesOps.Shared.Territories;

/// <summary>What the assignment rules need of a territory: the regions it claims and its named accounts.</summary>
public sealed record TerritoryRule(int Id, string Name, TerritoryKind Kind, IReadOnlyCollection<string> Regions, IReadOnlyCollection<int> NamedAccountIds)
{
    public static TerritoryRule Of(Territory territory, IEnumerable<int>? namedAccountIds = null) =>
        new(territory.Id, territory.Name, territory.Kind, territory.Regions, namedAccountIds?.ToList() ?? []);
}

public enum AssignmentReason
{
    /// <summary>The account is a named account of the territory.</summary>
    NamedAccount,

    /// <summary>A geographic territory claims the account's region.</summary>
    Region,

    /// <summary>A geographic territory claims the country of the account's subdivision (e.g. "US" for "US-TX") and
    /// no territory claims the subdivision itself.</summary>
    Country,

    /// <summary>No rule covers the account.</summary>
    Uncovered,
}

public sealed record TerritoryDecision(int? TerritoryId, AssignmentReason Reason)
{
    public bool IsCovered => TerritoryId is not null;
}

public enum RuleProblemKind { RegionClaimedTwice, AccountNamedTwice, UnknownRegion }

/// <summary>
/// A reason the rules cannot be saved. <see cref="Message"/> is English; the other fields let a page say it in the
/// user's language. <see cref="OtherTerritoryId"/>/<see cref="OtherTerritoryName"/> are set for the "twice" kinds.
/// </summary>
public sealed record RuleProblem(
    RuleProblemKind Kind,
    int TerritoryId,
    string TerritoryName,
    int? OtherTerritoryId = null,
    string? OtherTerritoryName = null,
    string? RegionCode = null,
    int? AccountId = null)
{
    public string Message => Kind switch
    {
        RuleProblemKind.RegionClaimedTwice => $"Region {RegionCode} is claimed by both {OtherTerritoryName} and {TerritoryName}; a region belongs to at most one geographic territory.",
        RuleProblemKind.AccountNamedTwice => $"Account {AccountId} is a named account of both {OtherTerritoryName} and {TerritoryName}.",
        _ => $"{TerritoryName} claims '{RegionCode}', which is not a region code (ISO 3166-2 such as \"US-CA\" or ISO 3166-1 alpha-2 such as \"DE\").",
    };
}

public sealed class TerritoryRuleException(IReadOnlyList<RuleProblem> problems)
    : InvalidOperationException(string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<RuleProblem> Problems { get; } = problems;
}

/// <summary>
/// The assignment rules: a named account belongs to the territory that names it; any other account belongs to the
/// geographic territory that claims its region, or, for a US subdivision no territory claims, to the one that claims
/// "US"; otherwise no rule covers it. Only geographic territories claim regions (a channel territory's regions
/// describe its reach, not ownership).
/// </summary>
public sealed class TerritoryAssignment
{
    private readonly Dictionary<string, int> _territoryByRegion;
    private readonly Dictionary<int, int> _territoryByNamedAccount;

    private TerritoryAssignment(Dictionary<string, int> territoryByRegion, Dictionary<int, int> territoryByNamedAccount)
    {
        _territoryByRegion = territoryByRegion;
        _territoryByNamedAccount = territoryByNamedAccount;
    }

    /// <exception cref="TerritoryRuleException">The rules conflict; see <see cref="Validate"/>.</exception>
    public static TerritoryAssignment Create(IEnumerable<TerritoryRule> territories)
    {
        var (byRegion, byAccount, problems) = Index(territories);
        return problems.Count == 0 ? new TerritoryAssignment(byRegion, byAccount) : throw new TerritoryRuleException(problems);
    }

    /// <summary>
    /// Every reason the rules cannot stand, in territory order: a region claimed by two geographic territories (both
    /// named), an account named by two territories, a region code that is not ISO. Empty when the rules are sound.
    /// Call it with the proposed rules before saving a change.
    /// </summary>
    public static IReadOnlyList<RuleProblem> Validate(IEnumerable<TerritoryRule> territories) => Index(territories).Problems;

    /// <summary>
    /// The territory the region rule gives an account of this region (no named account considered): the one
    /// claiming the region, else the one claiming its country; null when neither. This is the territory the balancer
    /// keeps an account close to (<see cref="BalanceAccount.RegionTerritoryId"/>).
    /// </summary>
    public int? TerritoryOfRegion(string? regionCode) => ByRegion(regionCode).TerritoryId;

    public TerritoryDecision Assign(int accountId, string? regionCode) =>
        _territoryByNamedAccount.TryGetValue(accountId, out var named)
            ? new TerritoryDecision(named, AssignmentReason.NamedAccount)
            : ByRegion(regionCode);

    private TerritoryDecision ByRegion(string? regionCode)
    {
        if (!RegionCodes.TryNormalize(regionCode, out var code))
        {
            return new TerritoryDecision(null, AssignmentReason.Uncovered);
        }

        if (_territoryByRegion.TryGetValue(code, out var byRegion))
        {
            return new TerritoryDecision(byRegion, AssignmentReason.Region);
        }

        return RegionCodes.CountryOf(code) is { } country && country != code && _territoryByRegion.TryGetValue(country, out var byCountry)
            ? new TerritoryDecision(byCountry, AssignmentReason.Country)
            : new TerritoryDecision(null, AssignmentReason.Uncovered);
    }

    private static (Dictionary<string, int> ByRegion, Dictionary<int, int> ByAccount, List<RuleProblem> Problems) Index(IEnumerable<TerritoryRule> territories)
    {
        var byRegion = new Dictionary<string, int>(StringComparer.Ordinal);
        var byAccount = new Dictionary<int, int>();
        var names = new Dictionary<int, string>();
        var problems = new List<RuleProblem>();
        foreach (var territory in territories)
        {
            names[territory.Id] = territory.Name;
            if (territory.Kind == TerritoryKind.Geographic)
            {
                foreach (var raw in territory.Regions.Distinct())
                {
                    if (!RegionCodes.TryNormalize(raw, out var code))
                    {
                        problems.Add(new RuleProblem(RuleProblemKind.UnknownRegion, territory.Id, territory.Name, RegionCode: raw));
                    }
                    else if (byRegion.TryGetValue(code, out var other) && other != territory.Id)
                    {
                        problems.Add(new RuleProblem(RuleProblemKind.RegionClaimedTwice, territory.Id, territory.Name, other, names[other], RegionCode: code));
                    }
                    else
                    {
                        byRegion[code] = territory.Id;
                    }
                }
            }

            foreach (var accountId in territory.NamedAccountIds.Distinct())
            {
                if (byAccount.TryGetValue(accountId, out var other) && other != territory.Id)
                {
                    problems.Add(new RuleProblem(RuleProblemKind.AccountNamedTwice, territory.Id, territory.Name, other, names[other], AccountId: accountId));
                }
                else
                {
                    byAccount[accountId] = territory.Id;
                }
            }
        }

        return (byRegion, byAccount, problems);
    }
}
