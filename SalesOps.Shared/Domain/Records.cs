namespace SalesOps.Shared.Domain;

/// <summary>Who changed what, when, from which value to which.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>A change pushed to live screens; <see cref="Sequence"/> grows by one per committed change.</summary>
public class LiveEvent
{
    public long Sequence { get; set; }
    public DateTime At { get; set; }
    public required string Kind { get; set; }
    public int? EntityId { get; set; }
    public int? TeamId { get; set; }
    public int? RepId { get; set; }
    public string? Payload { get; set; }
}

public static class LiveEventKinds
{
    public const string DealCreated = "deal.created";
    public const string DealUpdated = "deal.updated";
    public const string DealStageChanged = "deal.stage-changed";
    public const string AccountMoved = "account.moved";
    public const string AccountCreated = "account.created";
    public const string TerritoryChanged = "territory.changed";

    /// <summary>A draft what-if plan's moves changed (nothing live did): boards and maps open on that draft re-read it.</summary>
    public const string TerritoryPlanChanged = "territory-plan.changed";
    public const string UserChanged = "user.changed";
}

public class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>First characters of the key, shown so admins can tell keys apart; the key itself is never stored.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }

    /// <summary>A read-only key hears and replays live events but may not create or change deals.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>The teams whose deals the key sees and changes; null for the whole company.</summary>
    public List<int>? TeamIds { get; set; }
}
