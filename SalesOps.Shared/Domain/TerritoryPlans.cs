namespace SalesOps.Shared.Domain;

public enum TerritoryPlanStatus { Draft, Published }

/// <summary>
/// A what-if territory plan: account moves kept as a draft, evaluated before anything changes, and published in one
/// transaction. Each move remembers where the account was and its version when drafted, so publishing can tell
/// which moves the live data has overtaken since.
/// </summary>
public class TerritoryPlan : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public TerritoryPlanStatus Status { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public List<TerritoryPlanMove> Moves { get; set; } = [];
    public int Version { get; set; }
}

public class TerritoryPlanMove
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }

    /// <summary>The account's territory when the move was drafted.</summary>
    public int? FromTerritoryId { get; set; }
    public int ToTerritoryId { get; set; }

    /// <summary>The account's version when the move was drafted; publishing refuses the move if it changed.</summary>
    public int AccountVersion { get; set; }

    /// <summary>Why the move is in the plan (e.g. the balancer's explanation), at most 500 characters.</summary>
    public string? Note { get; set; }
}
