using SalesOps.Shared.Domain;

namespace SalesOps.Shared.Access;

/// <summary>
/// The one place that decides who may see and change which deals. Every handler that changes data asks it,
/// whatever the UI showed.
/// </summary>
/// <param name="Name">Shown in audit entries and conflict messages.</param>
/// <param name="Role">One of <see cref="Roles"/>.</param>
/// <param name="RepId">The rep record of a Rep user.</param>
/// <param name="TeamId">The team a Manager runs (or a Rep belongs to).</param>
public sealed record Actor(string Name, string Role, int? RepId = null, int? TeamId = null)
{
    /// <summary>An API key created read-only: it hears and replays events but changes nothing.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The teams an API key is limited to; null for a key of the whole company.</summary>
    public IReadOnlyList<int>? KeyTeamIds { get; init; }

    public bool SeesEverything => Role is Roles.Analyst or Roles.VP or Roles.Admin || (Role is Roles.Integration && KeyTeamIds is null);

    public DealScope DealScope => Role switch
    {
        Roles.Rep => new DealScope(RepId ?? -1, null),
        Roles.Manager => new DealScope(null, TeamId ?? -1),
        _ when SeesEverything => DealScope.Everything,
        Roles.Integration => DealScope.OfTeams(KeyTeamIds!),
        _ => DealScope.Nothing,
    };

    public bool CanView(int ownerRepId, int teamId) => DealScope.Includes(ownerRepId, teamId);

    /// <summary>Whether this actor may change any deal at all: analysts and read-only keys read only.</summary>
    public bool ChangesDeals => Role is not Roles.Analyst && !ReadOnly && DealScope != DealScope.Nothing;

    /// <summary>Analysts and read-only keys read everything they see and change nothing; everyone else changes what they can see.</summary>
    public bool CanChangeDeal(int ownerRepId, int teamId) => ChangesDeals && CanView(ownerRepId, teamId);

    public bool CanChangeDeal(Deal deal) => CanChangeDeal(deal.OwnerRepId, deal.TeamId);

    /// <summary>
    /// Whether the actor may move accounts into or out of a territory. A territory belongs to its owner rep's team
    /// (<paramref name="territoryTeamId"/>; null when it has no owner): managers edit their team's territories, VPs and
    /// admins every one, reps and analysts none.
    /// </summary>
    public bool CanEditTerritory(int? territoryTeamId) => Role switch
    {
        Roles.VP or Roles.Admin => true,
        Roles.Manager => territoryTeamId is { } team && team == TeamId,
        _ => false,
    };

    /// <summary>
    /// Who runs sales contests: ops (analysts, VPs, admins) for anyone, a manager for their own team only
    /// (<paramref name="contestTeamId"/> null means a company-wide contest).
    /// </summary>
    public bool CanRunContest(int? contestTeamId) => Role switch
    {
        Roles.Analyst or Roles.VP or Roles.Admin => true,
        Roles.Manager => contestTeamId is { } team && team == TeamId,
        _ => false,
    };

    /// <summary>
    /// Whose pay (commission statements) an actor may read: a rep their own, a manager their team's, a VP or an
    /// admin everyone's. Pay is narrower than deals: analysts read every deal but no one's pay.
    /// </summary>
    public bool CanSeePayOf(int repId, int teamId) => Role switch
    {
        Roles.Rep => RepId == repId,
        Roles.Manager => TeamId == teamId,
        Roles.VP or Roles.Admin => true,
        _ => false,
    };
}

/// <summary>Which deals an actor sees: one rep's, one team's (or, for an API key, several teams'), all or none.</summary>
public sealed record DealScope(int? RepId, int? TeamId, bool All = false)
{
    public static readonly DealScope Everything = new(null, null, true);
    public static readonly DealScope Nothing = new(-1, -1);

    /// <summary>Set only for an API key limited to more than one team; <see cref="TeamId"/> is then null.</summary>
    public IReadOnlyList<int>? TeamIds { get; init; }

    /// <summary>One team keeps the shape every manager's scope has, so single-team readers need not know about lists.</summary>
    public static DealScope OfTeams(IReadOnlyList<int> teamIds) => teamIds.Count switch
    {
        0 => Nothing,
        1 => new DealScope(null, teamIds[0]),
        _ => new DealScope(null, null) { TeamIds = teamIds },
    };

    /// <summary>Every team this scope is limited to; empty for a rep's scope or for everything.</summary>
    public IReadOnlyList<int> Teams => TeamIds ?? (RepId is null && TeamId is { } team ? [team] : []);

    public bool Includes(int ownerRepId, int teamId) =>
        All || (RepId is { } rep ? rep == ownerRepId && (TeamId is null || TeamId == teamId) : Teams.Contains(teamId));

    // Compared by value so two reads of the same key's scope share caches keyed by scope.
    public bool Equals(DealScope? other) =>
        other is not null && RepId == other.RepId && TeamId == other.TeamId && All == other.All && Teams.SequenceEqual(other.Teams);

    public override int GetHashCode() => HashCode.Combine(RepId, TeamId, All, Teams.Count);
}
