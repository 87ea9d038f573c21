using SalesOps.Shared.Domain;

namespace SalesOps.Shared.Incentives;

public enum LeaderboardMetric
{
    /// <summary>Won revenue ÷ quota × 100.</summary>
    Attainment,

    /// <summary>Won revenue ÷ the quota scaled to the rep's territory potential × 100 (see <see cref="LeaderboardRanking"/>).</summary>
    FairAttainment,
    WonRevenue,
    DealsWon,

    /// <summary>Won revenue ÷ deals won.</summary>
    AverageWonDeal,

    /// <summary>Amount of the deals created in the period (a contest metric).</summary>
    NewPipeline,
}

/// <summary>One rep's numbers for the ranked period (or for the period up to the start of today, for movement).</summary>
/// <param name="Quota">Revenue quota for the period; 0 when none is set.</param>
/// <param name="TerritoryPotential">
/// How much the rep's territory could buy, for fair mode; any non-negative scale, e.g. the sum of the potential
/// scores of the accounts the rep owns. 0 when unknown.
/// </param>
public sealed record RepStanding(int RepId, string Name, decimal WonRevenue, int DealsWon, decimal Quota = 0, decimal TerritoryPotential = 0)
{
    public decimal NewPipeline { get; init; }
}

/// <summary>A rep's place on the board.</summary>
/// <param name="Rank">Competition rank (1, 2, 2, 4); null when the metric is undefined for the rep (no quota, no deals).</param>
/// <param name="Value">The metric, unrounded; null when undefined.</param>
/// <param name="Movement">Rank at the start of the day − rank now: +2 climbed two places; null when unranked then or now.</param>
/// <param name="ScaledQuota">Fair mode only: the quota the rep was measured against.</param>
public sealed record LeaderboardRow(int RepId, string Name, int? Rank, decimal? Value, int? Movement, decimal? ScaledQuota = null);

/// <summary>
/// Ranks reps on one metric, highest first. Equal values share a rank and the next rank skips (1, 2, 2, 4); rows with
/// the same rank are listed by name, then id, which never changes a rank. Reps for whom the metric is undefined (no
/// quota for attainment, no won deal for the average) are unranked and listed last.
/// </summary>
/// <remarks>
/// <b>Fair attainment</b> asks how each rep did against what their territory could give. Each ranked rep's quota is
/// scaled by their territory potential relative to the average potential of the reps on the board:
/// scaled quota = quota × potential ÷ average potential, fair attainment = won revenue ÷ scaled quota × 100. The
/// average is over the reps with both a quota and a potential above zero; the others are unranked. Example: quotas of
/// 100,000 each, potentials 300, 100 and 200 (average 200) give scaled quotas of 150,000, 50,000 and 100,000; won
/// revenue of 120,000, 90,000 and 80,000 then ranks 80%, 180% and 80% — the rep with the thinnest territory first.
/// </remarks>
public static class LeaderboardRanking
{
    public static LeaderboardMetric For(ContestMetric metric) => metric switch
    {
        ContestMetric.WonRevenue => LeaderboardMetric.WonRevenue,
        ContestMetric.DealsWon => LeaderboardMetric.DealsWon,
        ContestMetric.NewPipeline => LeaderboardMetric.NewPipeline,
        ContestMetric.Attainment => LeaderboardMetric.Attainment,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <param name="startOfDay">The same reps' numbers as they stood when the day began; movement is null without it.</param>
    public static IReadOnlyList<LeaderboardRow> Rank(
        IReadOnlyList<RepStanding> standings, LeaderboardMetric metric, IReadOnlyList<RepStanding>? startOfDay = null)
    {
        var now = Score(standings, metric);
        var earlier = startOfDay is null ? null : Score(startOfDay, metric).ToDictionary(s => s.Standing.RepId, s => s.Rank);
        return now
            .OrderBy(s => s.Rank is null)
            .ThenBy(s => s.Rank)
            .ThenBy(s => s.Standing.Name, StringComparer.InvariantCultureIgnoreCase)
            .ThenBy(s => s.Standing.RepId)
            .Select(s => new LeaderboardRow(
                s.Standing.RepId,
                s.Standing.Name,
                s.Rank,
                s.Value,
                earlier is not null && earlier.TryGetValue(s.Standing.RepId, out var then) ? then - s.Rank : null,
                s.ScaledQuota))
            .ToList();
    }

    private sealed record Scored(RepStanding Standing, decimal? Value, decimal? ScaledQuota)
    {
        public int? Rank { get; set; }
    }

    private static List<Scored> Score(IReadOnlyList<RepStanding> standings, LeaderboardMetric metric)
    {
        var scored = metric == LeaderboardMetric.FairAttainment
            ? ScoreFair(standings)
            : standings.Select(s => new Scored(s, ValueOf(s, metric), null)).ToList();

        var values = scored.Where(s => s.Value is not null).Select(s => s.Value!.Value).OrderDescending().ToList();
        foreach (var s in scored.Where(s => s.Value is not null))
            s.Rank = 1 + CountAbove(values, s.Value!.Value);
        return scored;
    }

    private static List<Scored> ScoreFair(IReadOnlyList<RepStanding> standings)
    {
        var eligible = standings.Where(s => s.Quota > 0 && s.TerritoryPotential > 0).ToList();
        if (eligible.Count == 0)
            return standings.Select(s => new Scored(s, null, null)).ToList();

        var totalPotential = eligible.Sum(s => s.TerritoryPotential);
        return standings
            .Select(s =>
            {
                if (s.Quota <= 0 || s.TerritoryPotential <= 0)
                    return new Scored(s, null, null);
                // One division, so reps whose ratios are equal get exactly equal values and share a rank.
                var scaledTimesCount = s.Quota * s.TerritoryPotential * eligible.Count;
                return new Scored(s, s.WonRevenue * totalPotential * 100 / scaledTimesCount, scaledTimesCount / totalPotential);
            })
            .ToList();
    }

    private static decimal? ValueOf(RepStanding s, LeaderboardMetric metric) => metric switch
    {
        LeaderboardMetric.Attainment => s.Quota > 0 ? s.WonRevenue * 100 / s.Quota : null,
        LeaderboardMetric.WonRevenue => s.WonRevenue,
        LeaderboardMetric.DealsWon => s.DealsWon,
        LeaderboardMetric.AverageWonDeal => s.DealsWon > 0 ? s.WonRevenue / s.DealsWon : null,
        LeaderboardMetric.NewPipeline => s.NewPipeline,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary>How many values in the descending list are strictly above <paramref name="value"/>.</summary>
    private static int CountAbove(List<decimal> descending, decimal value)
    {
        int lo = 0, hi = descending.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (descending[mid] > value)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo;
    }
}
