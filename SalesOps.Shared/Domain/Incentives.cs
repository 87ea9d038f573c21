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

public class CompPlan
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }

    /// <summary>Highest payout in one period, as a multiple of the on-target commission; null means uncapped.</summary>
    public decimal? CapMultiple { get; set; }
    public List<CompPlanTier> Tiers { get; set; } = [];
    public List<Spif> Spifs { get; set; } = [];
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
}

public class Contest
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ContestMetric Metric { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>Null means every active rep takes part.</summary>
    public int? TeamId { get; set; }
    public required string Prize { get; set; }
}
