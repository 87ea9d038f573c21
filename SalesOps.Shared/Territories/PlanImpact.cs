namespace SalesOps.Shared.Territories;

/// <summary>An account a plan moves, with the figures it carries from one territory to the other.</summary>
public sealed record AccountShift(int FromTerritoryId, int ToTerritoryId, decimal Potential, decimal OpenPipeline, decimal WeightedPipeline, decimal WonLast12Months);

/// <summary>An open deal a plan hands from one rep to another (as <see cref="AccountMoveRules.DealFollows"/> decides).</summary>
public sealed record DealShift(int FromRepId, int ToRepId, decimal Amount);

/// <summary>A rep's open pipeline and what is left of their current quota (quota − won in its period, never below 0).</summary>
public sealed record RepQuotaPosition(int RepId, string Name, decimal OpenPipeline, decimal RemainingQuota);

/// <summary>
/// Quota coverage before and after a plan: open pipeline ÷ remaining quota (1.0 = the pipeline equals what is left
/// to sell). Null when nothing is left of the quota (met, or no quota), since coverage then means nothing.
/// </summary>
public sealed record RepCoverage(int RepId, string Name, decimal OpenBefore, decimal OpenAfter, decimal RemainingQuota)
{
    public decimal? Before => RemainingQuota > 0 ? OpenBefore / RemainingQuota : null;

    public decimal? After => RemainingQuota > 0 ? OpenAfter / RemainingQuota : null;
}

/// <summary>What a what-if plan would do, computed from today's figures without changing anything.</summary>
public static class PlanImpact
{
    /// <summary>
    /// Each territory's figures after the shifts: accounts, potential, open and weighted pipeline and won in the last
    /// 12 months travel with their accounts. Reps (distinct owners) is left as it is: a plan changes owners only
    /// where the receiving territory has one, and counting them exactly would need every account's owner.
    /// </summary>
    public static IReadOnlyList<TerritoryFigures> FiguresAfter(IReadOnlyList<TerritoryFigures> before, IEnumerable<AccountShift> shifts)
    {
        var after = before.ToDictionary(f => f.TerritoryId);
        foreach (var s in shifts.Where(s => s.FromTerritoryId != s.ToTerritoryId))
        {
            if (after.TryGetValue(s.FromTerritoryId, out var source))
            {
                after[s.FromTerritoryId] = source with
                {
                    Accounts = source.Accounts - 1,
                    Potential = source.Potential - s.Potential,
                    OpenPipeline = source.OpenPipeline - s.OpenPipeline,
                    WeightedPipeline = source.WeightedPipeline - s.WeightedPipeline,
                    WonLast12Months = source.WonLast12Months - s.WonLast12Months,
                };
            }

            if (after.TryGetValue(s.ToTerritoryId, out var target))
            {
                after[s.ToTerritoryId] = target with
                {
                    Accounts = target.Accounts + 1,
                    Potential = target.Potential + s.Potential,
                    OpenPipeline = target.OpenPipeline + s.OpenPipeline,
                    WeightedPipeline = target.WeightedPipeline + s.WeightedPipeline,
                    WonLast12Months = target.WonLast12Months + s.WonLast12Months,
                };
            }
        }

        return before.Select(f => after[f.TerritoryId]).ToList();
    }

    /// <summary>The coverage of every rep who gives or gets an open deal, by rep id; reps missing from <paramref name="reps"/> are skipped.</summary>
    public static IReadOnlyList<RepCoverage> Coverage(IReadOnlyDictionary<int, RepQuotaPosition> reps, IEnumerable<DealShift> deals)
    {
        var delta = new Dictionary<int, decimal>();
        foreach (var d in deals.Where(d => d.FromRepId != d.ToRepId))
        {
            delta[d.FromRepId] = delta.GetValueOrDefault(d.FromRepId) - d.Amount;
            delta[d.ToRepId] = delta.GetValueOrDefault(d.ToRepId) + d.Amount;
        }

        return delta
            .Where(d => reps.ContainsKey(d.Key))
            .Select(d => new RepCoverage(d.Key, reps[d.Key].Name, reps[d.Key].OpenPipeline, reps[d.Key].OpenPipeline + d.Value, reps[d.Key].RemainingQuota))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ThenBy(c => c.RepId)
            .ToList();
    }
}
