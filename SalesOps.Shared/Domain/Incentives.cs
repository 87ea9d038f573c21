using SalesOps.Shared.Incentives;

namespace SalesOps.Shared.Domain;

public class Quota : IVersioned
{
    public int Id { get; set; }
    public int? RepId { get; set; }
    public Rep? Rep { get; set; }
    public int? TeamId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal Amount { get; set; }
    public QuotaMetric Metric { get; set; }
    public int Version { get; set; }
}

public class CompPlan : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }

    /// <summary>Marginal (each slice at its tier's rate) or retroactive (the whole period at the reached tier's rate).</summary>
    public PayoutMode Mode { get; set; }

    /// <summary>Highest payout in one period, as a multiple of the on-target commission; null means uncapped.</summary>
    public decimal? CapMultiple { get; set; }

    /// <summary>Highest payout in one period in money; null means none. With both caps the lower one applies.</summary>
    public decimal? CapAmount { get; set; }

    /// <summary>Whether SPIF bonuses count toward the cap (by default they are paid on top).</summary>
    public bool CapIncludesSpifs { get; set; }
    public List<CompPlanTier> Tiers { get; set; } = [];
    public List<Spif> Spifs { get; set; } = [];

    /// <summary>The reps the plan pays. A plan assigned to nobody is the company's default for reps without a plan of their own.</summary>
    public List<CompPlanAssignment> Assignments { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>A rep paid under a plan (while the plan is in effect).</summary>
public class CompPlanAssignment
{
    public int Id { get; set; }
    public int CompPlanId { get; set; }
    public int RepId { get; set; }
}

/// <summary>Commission rate paid on the revenue that falls between this tier's attainment floor and the next one's.</summary>
public class CompPlanTier
{
    public int Id { get; set; }
    public int CompPlanId { get; set; }

    /// <summary>Attainment (percent of quota) where this tier starts.</summary>
    public int FromAttainment { get; set; }

    /// <summary>Commission rate in percent of won revenue.</summary>
    public decimal RatePercent { get; set; }
}

public class Spif
{
    public int Id { get; set; }
    public int CompPlanId { get; set; }
    public required string Name { get; set; }
    public int? ProductId { get; set; }
    public decimal BonusPerDeal { get; set; }

    /// <summary>First day a won deal earns the bonus; null (older plans) means the plan's start.</summary>
    public DateOnly? StartsOn { get; set; }

    /// <summary>Last day a won deal earns the bonus; null (older plans) means the plan's end.</summary>
    public DateOnly? EndsOn { get; set; }
}

public class Contest : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ContestMetric Metric { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>Null means every active rep takes part.</summary>
    public int? TeamId { get; set; }

    /// <summary>Named participants; when empty, the team's reps (or everyone's) take part.</summary>
    public List<int> RepIds { get; set; } = [];
    public required string Prize { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; }
}
