using SalesOps.Shared.Access;

namespace SalesOps.Shared.Territories;

/// <summary>A territory as a move needs it: who owns it and whose team it belongs to (null when unowned).</summary>
public sealed record MoveSide(int TerritoryId, int? OwnerRepId, int? TeamId);

public enum MoveRefusal
{
    None,

    /// <summary>The account is in the target territory already.</summary>
    SameTerritory,

    /// <summary>The actor may not edit the territory the account would join.</summary>
    TargetNotEditable,

    /// <summary>The actor may not edit the territory the account would leave.</summary>
    SourceNotEditable,
}

/// <summary>
/// The rules of moving an account between territories. The account follows the new territory's owner when it has
/// one; its open deals follow the account's new owner, while closed deals stay with whoever closed them, so credit
/// and pay already earned never change hands.
/// </summary>
public static class AccountMoveRules
{
    /// <summary>Why the actor may not move an account from <paramref name="from"/> (null: in no territory) to <paramref name="to"/>.</summary>
    public static MoveRefusal Check(Actor actor, MoveSide? from, MoveSide to)
    {
        if (!actor.CanEditTerritory(to.TeamId))
        {
            return MoveRefusal.TargetNotEditable;
        }

        // An account in no territory is anyone's to place, for whoever may edit the target.
        if (from is not null && !actor.CanEditTerritory(from.TeamId))
        {
            return MoveRefusal.SourceNotEditable;
        }

        return from?.TerritoryId == to.TerritoryId ? MoveRefusal.SameTerritory : MoveRefusal.None;
    }

    /// <summary>The account's owner after the move: the territory's owner, or the current one when the territory has none.</summary>
    public static int? NewOwner(int? currentOwnerRepId, MoveSide to) => to.OwnerRepId ?? currentOwnerRepId;

    /// <summary>Whether a deal of the account changes hands: only open deals not already with the new owner.</summary>
    public static bool DealFollows(bool dealIsClosed, int dealOwnerRepId, int? newOwnerRepId) =>
        !dealIsClosed && newOwnerRepId is { } owner && owner != dealOwnerRepId;
}
