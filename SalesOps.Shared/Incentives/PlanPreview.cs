namespace SalesOps.Shared.Incentives;

/// <summary>What a sample rep would earn under a plan at one attainment.</summary>
/// <param name="Revenue">Quota × attainment ÷ 100, to the cent.</param>
/// <param name="CapReduction">Zero or negative: what the cap takes off.</param>
public sealed record PreviewPoint(decimal AttainmentPercent, decimal Revenue, decimal Commission, decimal CapReduction, decimal Total, RateTier ReachedTier);

/// <summary>
/// The plan editor's preview. SPIFs are left out (they depend on which products the rep sells); commission and cap
/// are worked out by <see cref="CommissionEngine"/> itself, so the preview cannot disagree with statements. Thanks
/// to running-total rounding the figure does not depend on how the revenue is split into deals.
/// </summary>
public static class PlanPreview
{
    public static IReadOnlyList<decimal> StandardAttainments { get; } = [50m, 100m, 150m];

    /// <summary>Throws for a plan <see cref="CompPlanValidator"/> refuses: validate the draft first.</summary>
    public static IReadOnlyList<PreviewPoint> At(CompPlanTerms plan, decimal sampleQuota, IReadOnlyList<decimal>? attainments = null)
    {
        var day = plan.EffectiveFrom;
        var withoutSpifs = plan with { Spifs = [] };
        return (attainments ?? StandardAttainments)
            .Select(attainment =>
            {
                var revenue = decimal.Round(sampleQuota * attainment / 100, 2, MidpointRounding.AwayFromZero);
                var statement = CommissionEngine.Compute(new StatementRequest(
                    withoutSpifs, sampleQuota, new(day, day), [new WonDeal(0, "Sample revenue", revenue, day)]));
                return new PreviewPoint(attainment, revenue, statement.Commission, statement.CapReduction, statement.Total, statement.ReachedTier);
            })
            .ToList();
    }
}
