namespace SalesOps.Shared.Domain;

public class Stage
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
    public int DefaultProbability { get; set; }
    public bool IsWon { get; set; }
    public bool IsLost { get; set; }
    public bool IsClosed => IsWon || IsLost;
}

public class Deal : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? AccountId { get; set; }
    public Account? Account { get; set; }
    public int OwnerRepId { get; set; }
    public Rep? OwnerRep { get; set; }

    /// <summary>The owner's team when the deal was last assigned; kept on the deal so team boards are one index seek.</summary>
    public int TeamId { get; set; }
    public int? ProductId { get; set; }
    public Product? Product { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "USD";
    public int StageId { get; set; }
    public Stage? Stage { get; set; }

    /// <summary>Win probability in percent (0–100).</summary>
    public int Probability { get; set; }
    public ForecastCategory ForecastCategory { get; set; }
    public DateOnly CreatedOn { get; set; }
    public DateOnly? EngagedOn { get; set; }
    public DateOnly ExpectedClose { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? LostReason { get; set; }
    public SalesChannel Channel { get; set; }
    public DateTime StageEnteredAt { get; set; }
    public string? ExternalId { get; set; }
    public int Version { get; set; }
    public List<DealStageChange> StageHistory { get; set; } = [];
}

public class DealStageChange
{
    public long Id { get; set; }
    public int DealId { get; set; }
    public int? FromStageId { get; set; }
    public int ToStageId { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
}
