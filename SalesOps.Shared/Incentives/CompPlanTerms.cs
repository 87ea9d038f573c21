using SalesOps.Shared.Domain;

namespace SalesOps.Shared.Incentives;

/// <summary>How tier rates apply to a period's revenue.</summary>
public enum PayoutMode
{
    /// <summary>Each slice of revenue is paid at the rate of the tier it falls in (an accelerator).</summary>
    Marginal,

    /// <summary>The whole period's revenue is paid at the rate of the highest tier reached.</summary>
    Retroactive,
}

/// <summary>A rate that applies from <see cref="Threshold"/> percent of quota up to the next tier's threshold.</summary>
public sealed record RateTier(decimal Threshold, decimal RatePercent);

/// <summary>
/// A bonus per won deal of a product (every product when <see cref="ProductId"/> is null), for deals closed between
/// <see cref="From"/> and <see cref="To"/> inclusive. The dates are nullable only so an editor can hold a draft;
/// <see cref="CompPlanValidator"/> refuses a SPIF without them.
/// </summary>
public sealed record SpifRule(string Name, int? ProductId, decimal BonusPerDeal, DateOnly? From, DateOnly? To)
{
    public bool Pays(WonDeal deal) =>
        (ProductId is null || deal.ProductId == ProductId)
        && From is { } from && deal.ClosedOn >= from
        && To is { } to && deal.ClosedOn <= to;
}

/// <summary>
/// A comp plan as the commission engine reads it. Deals closed outside <see cref="EffectiveFrom"/> –
/// <see cref="EffectiveTo"/> are not paid under the plan.
/// </summary>
/// <param name="CapMultiple">Highest payout in a period as a multiple of the on-target commission; null: none.</param>
/// <param name="CapAmount">Highest payout in a period in money; null: none. With both, the lower limit applies.</param>
/// <param name="CapIncludesSpifs">Whether SPIF bonuses count toward the cap; by default they are paid on top.</param>
public sealed record CompPlanTerms(
    string Name,
    PayoutMode Mode,
    IReadOnlyList<RateTier> Tiers,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo = null,
    decimal? CapMultiple = null,
    decimal? CapAmount = null,
    bool CapIncludesSpifs = false)
{
    public IReadOnlyList<SpifRule> Spifs { get; init; } = [];

    public bool InEffectOn(DateOnly day) => day >= EffectiveFrom && (EffectiveTo is not { } to || day <= to);

    /// <summary>
    /// The terms of a stored plan. A SPIF stored without dates (plans saved before SPIFs had them) runs over the
    /// plan's effective dates (to the end of time for an open-ended plan).
    /// </summary>
    public static CompPlanTerms From(CompPlan plan) =>
        new(
            plan.Name,
            plan.Mode,
            plan.Tiers.OrderBy(t => t.FromAttainment).Select(t => new RateTier(t.FromAttainment, t.RatePercent)).ToList(),
            plan.EffectiveFrom,
            plan.EffectiveTo,
            plan.CapMultiple,
            plan.CapAmount,
            plan.CapIncludesSpifs)
        {
            Spifs = plan.Spifs
                .Select(s => new SpifRule(s.Name, s.ProductId, s.BonusPerDeal, s.StartsOn ?? plan.EffectiveFrom, s.EndsOn ?? plan.EffectiveTo ?? DateOnly.MaxValue))
                .ToList(),
        };
}
