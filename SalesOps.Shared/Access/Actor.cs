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
    public bool SeesEverything => Role is Roles.Analyst or Roles.VP or Roles.Admin or Roles.Integration;

    public DealScope DealScope => Role switch
    {
        Roles.Rep => new DealScope(RepId ?? -1, null),
        Roles.Manager => new DealScope(null, TeamId ?? -1),
        _ when SeesEverything => DealScope.Everything,
        _ => DealScope.Nothing,
    };

    public bool CanView(int ownerRepId, int teamId) => DealScope.Includes(ownerRepId, teamId);

    /// <summary>Analysts read everything and change nothing; everyone else changes what they can see.</summary>
    public bool CanChangeDeal(int ownerRepId, int teamId) =>
        Role is not Roles.Analyst && CanView(ownerRepId, teamId);

    public bool CanChangeDeal(Deal deal) => CanChangeDeal(deal.OwnerRepId, deal.TeamId);

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

/// <summary>Which deals an actor sees: one rep's, one team's, all or none.</summary>
public sealed record DealScope(int? RepId, int? TeamId, bool All = false)
{
    public static readonly DealScope Everything = new(null, null, true);
    public static readonly DealScope Nothing = new(-1, -1);

    public bool Includes(int ownerRepId, int teamId) =>
        All || (RepId is { } rep ? rep == ownerRepId && (TeamId is null || TeamId == teamId) : TeamId == teamId);
}
