using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;

namespace SalesOps.Web.Features.Incentives;

/// <summary>A comp plan as the editor holds it while the VP works on it; <see cref="ToTerms"/> is what gets validated and previewed.</summary>
public sealed class PlanDraft
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public PayoutMode Mode { get; set; }
    public DateTime? EffectiveFrom { get; set; }
    public DateTime? EffectiveTo { get; set; }
    public decimal? CapMultiple { get; set; }
    public decimal? CapAmount { get; set; }
    public bool CapIncludesSpifs { get; set; }
    public List<TierDraft> Tiers { get; set; } = [];
    public List<SpifDraft> Spifs { get; set; } = [];
    public List<int> RepIds { get; set; } = [];

    public sealed class TierDraft
    {
        public decimal Threshold { get; set; }
        public decimal RatePercent { get; set; }
    }

    public sealed class SpifDraft
    {
        public string Name { get; set; } = "";
        public int? ProductId { get; set; }
        public decimal BonusPerDeal { get; set; }
        public DateTime? From { get; set; }
        public DateTime? To { get; set; }
    }

    public static PlanDraft New(DateOnly today) => new()
    {
        EffectiveFrom = new DateTime(today.Year, (today.Month - 1) / 3 * 3 + 1, 1),
        Tiers = [new() { Threshold = 0, RatePercent = 5 }, new() { Threshold = 100, RatePercent = 8 }],
    };

    public static PlanDraft From(CompPlan plan) => new()
    {
        Id = plan.Id,
        Version = plan.Version,
        Name = plan.Name,
        Mode = plan.Mode,
        EffectiveFrom = plan.EffectiveFrom.ToDateTime(TimeOnly.MinValue),
        EffectiveTo = plan.EffectiveTo?.ToDateTime(TimeOnly.MinValue),
        CapMultiple = plan.CapMultiple,
        CapAmount = plan.CapAmount,
        CapIncludesSpifs = plan.CapIncludesSpifs,
        Tiers = plan.Tiers.OrderBy(t => t.FromAttainment).Select(t => new TierDraft { Threshold = t.FromAttainment, RatePercent = t.RatePercent }).ToList(),
        Spifs = plan.Spifs.OrderBy(s => s.Id).Select(s => new SpifDraft
        {
            Name = s.Name,
            ProductId = s.ProductId,
            BonusPerDeal = s.BonusPerDeal,
            From = (s.StartsOn ?? plan.EffectiveFrom).ToDateTime(TimeOnly.MinValue),
            To = (s.EndsOn ?? plan.EffectiveTo)?.ToDateTime(TimeOnly.MinValue),
        }).ToList(),
        RepIds = plan.Assignments.Select(a => a.RepId).Order().ToList(),
    };

    public CompPlanTerms ToTerms() =>
        new(Name.Trim(), Mode, Tiers.Select(t => new RateTier(t.Threshold, t.RatePercent)).ToList(), Day(EffectiveFrom) ?? DateOnly.MinValue, Day(EffectiveTo),
            CapMultiple, CapAmount, CapIncludesSpifs)
        {
            Spifs = Spifs.Select(s => new SpifRule(s.Name.Trim(), s.ProductId, s.BonusPerDeal, Day(s.From), Day(s.To))).ToList(),
        };

    /// <summary>
    /// Everything <see cref="CompPlanValidator"/> checks, plus what storing needs: a start date, whole-percent tier
    /// thresholds (stored as integers), and sane sizes. Keyed by field as the validator keys them.
    /// </summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(CompPlanValidator.Validate(ToTerms()));
        if (EffectiveFrom is null)
        {
            errors.TryAdd("effectiveFrom", "The plan needs a start date.");
        }

        if (Name.Length > 200)
        {
            errors.TryAdd("name", "At most 200 characters.");
        }

        if (Tiers.Count > 20)
        {
            errors.TryAdd("tiers", "At most 20 tiers.");
        }

        if (Spifs.Count > 50)
        {
            errors.TryAdd("spifs", "At most 50 SPIFs.");
        }

        for (var i = 0; i < Tiers.Count; i++)
        {
            if (decimal.Truncate(Tiers[i].Threshold) != Tiers[i].Threshold || Tiers[i].Threshold > 1000)
            {
                errors.TryAdd($"tiers[{i}].threshold", "A tier starts at a whole percent of quota, up to 1000%.");
            }
        }

        if (CapMultiple is > 100)
        {
            errors.TryAdd("capMultiple", "A cap multiple above 100 is no cap; leave it empty instead.");
        }

        return errors;
    }

    private static DateOnly? Day(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;
}
