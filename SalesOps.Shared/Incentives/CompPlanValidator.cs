namespace SalesOps.Shared.Incentives;

/// <summary>
/// Refuses plans the engine could not pay fairly. Errors are keyed by the field an editor shows them on, in the
/// plan's own shape: <c>name</c>, <c>tiers</c>, <c>tiers[1].threshold</c>, <c>tiers[0].ratePercent</c>,
/// <c>effectiveTo</c>, <c>capMultiple</c>, <c>capAmount</c>, <c>spifs[0].name</c>, <c>spifs[0].bonusPerDeal</c>,
/// <c>spifs[0].from</c>, <c>spifs[0].to</c>. One message per field: the first problem found.
/// </summary>
public static class CompPlanValidator
{
    public static IReadOnlyDictionary<string, string> Validate(CompPlanTerms plan)
    {
        var errors = new Dictionary<string, string>();
        void Refuse(string field, string message) => errors.TryAdd(field, message);

        if (string.IsNullOrWhiteSpace(plan.Name))
            Refuse("name", "The plan needs a name.");
        if (plan.EffectiveTo is { } to && to < plan.EffectiveFrom)
            Refuse("effectiveTo", "The plan cannot end before it starts.");
        if (plan.CapMultiple is <= 0)
            Refuse("capMultiple", "A cap multiple must be more than zero.");
        if (plan.CapAmount is { } capAmount)
        {
            if (capAmount <= 0)
                Refuse("capAmount", "A cap amount must be more than zero.");
            else if (!IsWholeCents(capAmount))
                Refuse("capAmount", "A cap amount is paid in whole cents.");
        }

        ValidateTiers(plan.Tiers, Refuse);
        ValidateSpifs(plan.Spifs, Refuse);
        return errors;
    }

    public static bool IsValid(CompPlanTerms plan) => Validate(plan).Count == 0;

    /// <summary>Tiers are read by threshold alone (each runs to the next one's), so they must start at 0% and climb.</summary>
    private static void ValidateTiers(IReadOnlyList<RateTier> tiers, Action<string, string> refuse)
    {
        if (tiers.Count == 0)
        {
            refuse("tiers", "The plan needs at least one rate tier.");
            return;
        }

        for (var i = 0; i < tiers.Count; i++)
        {
            var threshold = $"tiers[{i}].threshold";
            if (i == 0 && tiers[0].Threshold != 0)
                refuse(threshold, "The first tier must start at 0% attainment, or revenue below it would pay nothing by accident.");
            else if (i > 0 && tiers[i].Threshold == tiers[i - 1].Threshold)
                refuse(threshold, $"Overlaps tier {i}: both start at {tiers[i].Threshold}%.");
            else if (i > 0 && tiers[i].Threshold < tiers[i - 1].Threshold)
                refuse(threshold, $"Tiers must be in order: this one starts below the previous tier's {tiers[i - 1].Threshold}%.");

            var rate = $"tiers[{i}].ratePercent";
            if (tiers[i].RatePercent < 0)
                refuse(rate, "A rate cannot be negative.");
            else if (tiers[i].RatePercent > 100)
                refuse(rate, "A rate cannot be more than 100%.");
        }
    }

    private static void ValidateSpifs(IReadOnlyList<SpifRule> spifs, Action<string, string> refuse)
    {
        for (var i = 0; i < spifs.Count; i++)
        {
            var spif = spifs[i];
            if (string.IsNullOrWhiteSpace(spif.Name))
                refuse($"spifs[{i}].name", "A SPIF needs a name.");
            if (spif.BonusPerDeal <= 0)
                refuse($"spifs[{i}].bonusPerDeal", "A SPIF bonus must be more than zero.");
            else if (!IsWholeCents(spif.BonusPerDeal))
                refuse($"spifs[{i}].bonusPerDeal", "A SPIF bonus is paid in whole cents.");
            if (spif.From is null)
                refuse($"spifs[{i}].from", "A SPIF needs a start date.");
            if (spif.To is null)
                refuse($"spifs[{i}].to", "A SPIF needs an end date.");
            else if (spif.From is { } from && spif.To < from)
                refuse($"spifs[{i}].to", "A SPIF cannot end before it starts.");
        }
    }

    private static bool IsWholeCents(decimal amount) => decimal.Round(amount, 2) == amount;
}
