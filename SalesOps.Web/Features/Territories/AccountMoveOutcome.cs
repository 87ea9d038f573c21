using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;

namespace SalesOps.Web.Features.Territories;

/// <summary>What screens and outside clients are told about an account after a change.</summary>
public sealed record AccountSnapshot(int Id, string Name, int? TerritoryId, int? OwnerRepId, int Version)
{
    public static AccountSnapshot Of(Shared.Domain.Account a) => new(a.Id, a.Name, a.TerritoryId, a.OwnerRepId, a.Version);
}

/// <summary>The payload of an account.moved event: where the account is now, where it came from, and the open deals that followed.</summary>
public sealed record AccountMoved(AccountSnapshot Account, int? FromTerritoryId, int DealsMoved, decimal AmountMoved);

public enum AccountMoveStatus { Ok, Invalid, NotFound, Forbidden, Conflict }

/// <param name="Refusal">Why an invalid or forbidden move was refused, so screens can say it in the user's language.</param>
/// <param name="TerritoryName">The territory the outcome is about: the target when moved, the refused one, or where the account is after a conflict.</param>
/// <param name="ChangedBy">For a conflict: who made the change that won.</param>
public sealed record AccountMoveOutcome(
    AccountMoveStatus Status,
    AccountMoved? Moved = null,
    MoveRefusal Refusal = MoveRefusal.None,
    string? TerritoryName = null,
    string? Message = null,
    string? ChangedBy = null)
{
    public bool Succeeded => Status == AccountMoveStatus.Ok;

    public static AccountMoveOutcome Ok(AccountMoved moved, string territory) => new(AccountMoveStatus.Ok, moved, TerritoryName: territory);
    public static AccountMoveOutcome Invalid(MoveRefusal refusal, string message, string? territory = null) =>
        new(AccountMoveStatus.Invalid, Refusal: refusal, TerritoryName: territory, Message: message);
    public static readonly AccountMoveOutcome NotFound = new(AccountMoveStatus.NotFound, Message: "No such account.");
    public static AccountMoveOutcome Forbidden(MoveRefusal refusal, string territory, string message) =>
        new(AccountMoveStatus.Forbidden, Refusal: refusal, TerritoryName: territory, Message: message);
    public static AccountMoveOutcome Conflict(string? territory, string message, string? changedBy) =>
        new(AccountMoveStatus.Conflict, TerritoryName: territory, Message: message, ChangedBy: changedBy);
}
