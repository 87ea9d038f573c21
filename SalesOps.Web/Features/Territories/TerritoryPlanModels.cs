using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;

namespace SalesOps.Web.Features.Territories;

public sealed record PlanSummary(int Id, string Name, TerritoryPlanStatus Status, string CreatedBy, DateTime CreatedAt, int Moves, DateTime? PublishedAt);

/// <summary>
/// A drafted move as the plan page shows it. <see cref="Conflicted"/>: the account has changed since it was drafted
/// (moved elsewhere or edited), so publishing would refuse the plan until the move is brought up to date or removed.
/// </summary>
public sealed record PlanMoveRow(
    int AccountId, string AccountName, int? FromTerritoryId, string? FromName, int ToTerritoryId, string ToName, string? Note, bool Conflicted, string? NowIn);

/// <summary>
/// What a plan would do, against today's live data: each territory's figures before and after (against the
/// average), the potential imbalance of the geographic territories, and each affected rep's quota coverage.
/// </summary>
public sealed record PlanEvaluation(
    PlanSummary Plan,
    IReadOnlyList<PlanMoveRow> Moves,
    IReadOnlyList<TerritoryBalanceRow> Before,
    IReadOnlyList<TerritoryBalanceRow> After,
    decimal ImbalanceBefore,
    decimal ImbalanceAfter,
    IReadOnlyList<RepCoverage> Coverage)
{
    public int Conflicts => Moves.Count(m => m.Conflicted);

    public bool IsDraft => Plan.Status == TerritoryPlanStatus.Draft;

    /// <summary>The plan as the board and the map show it: where it puts each account it moves, and the figures after.</summary>
    public PlanPlacement Placement() => new(Moves.ToDictionary(m => m.AccountId, m => m.ToTerritoryId), After);
}

/// <summary>
/// A draft plan laid over the live data, for the board and the map: <see cref="TerritoryOf"/> maps each account the
/// plan moves to its planned territory; <see cref="Balance"/> is every territory's figures with the plan applied.
/// </summary>
public sealed record PlanPlacement(IReadOnlyDictionary<int, int> TerritoryOf, IReadOnlyList<TerritoryBalanceRow> Balance)
{
    public IReadOnlyList<int> MovedAccountIds => [.. TerritoryOf.Keys];

    public int? Where(int accountId, int? liveTerritoryId) => TerritoryOf.TryGetValue(accountId, out var planned) ? planned : liveTerritoryId;
}

public enum PlanStatus { Ok, Invalid, NotFound, Forbidden, Conflict }

/// <summary>A move publishing refused because the live data changed since it was drafted; <see cref="ChangedBy"/> from the audit trail.</summary>
public sealed record PlanConflict(int AccountId, string AccountName, string? ExpectedTerritory, string? NowIn, string? ChangedBy);

public sealed record PlanOutcome(PlanStatus Status, int? PlanId = null, string? Message = null, IReadOnlyList<PlanConflict>? Conflicts = null, int Applied = 0)
{
    public bool Succeeded => Status == PlanStatus.Ok;

    public static PlanOutcome Ok(int planId, int applied = 0) => new(PlanStatus.Ok, planId, Applied: applied);
    public static PlanOutcome Invalid(string message) => new(PlanStatus.Invalid, Message: message);
    public static PlanOutcome Forbidden(string message) => new(PlanStatus.Forbidden, Message: message);
    public static readonly PlanOutcome NotFound = new(PlanStatus.NotFound, Message: "No such plan.");
}

/// <summary>A move to put in a new plan (e.g. from the balancer).</summary>
public sealed record PlannedMove(int AccountId, int ToTerritoryId, string? Note = null);

public sealed record AccountOption(int Id, string Name, string RegionCode, int? TerritoryId);
