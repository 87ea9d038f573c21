namespace SalesOps.Shared.Kpis;

/// <summary>Won deals of one group that took the same number of days: the grain the database sums to.</summary>
/// <param name="CycleDays">Days from engaged (or created, when never engaged) to close; never negative.</param>
public readonly record struct WonBucket(int CycleDays, int Count, decimal Amount);

/// <summary>Open deals of one group at one probability: the grain weighted pipeline is summed from.</summary>
public readonly record struct OpenSlice(int Probability, int Count, decimal Amount);

/// <summary>
/// The figures sales ops is judged by, over the deals of a period (and a group). A deal belongs to a period by its
/// close date: the actual one for won and lost deals, the expected one for open deals.
/// </summary>
/// <param name="Deals">Won + lost + open deals of the period.</param>
/// <param name="WinRate">Won ÷ (won + lost), 0–1; null when nothing closed.</param>
/// <param name="AvgWonCycleDays">Mean days from engaged to closed over won deals; null when nothing was won.</param>
/// <param name="MedianWonCycleDays">Median of the same days (the mean of the middle two for an even count).</param>
/// <param name="AvgWonDeal">Won revenue ÷ won deals, to the cent.</param>
/// <param name="OpenPipeline">Amount of the open deals expected to close in the period.</param>
/// <param name="WeightedPipeline">Σ amount × probability ÷ 100 over those open deals, to the cent.</param>
public sealed record KpiFigures(
    int Deals,
    int Won,
    int Lost,
    decimal WonRevenue,
    double? WinRate,
    double? AvgWonCycleDays,
    double? MedianWonCycleDays,
    decimal? AvgWonDeal,
    int OpenDeals,
    decimal OpenPipeline,
    decimal WeightedPipeline)
{
    public static readonly KpiFigures Empty = KpiCalculator.Figures([], 0, []);

    /// <summary>Sales velocity: revenue the open deals are expected to bring per day (see <see cref="KpiCalculator.Velocity"/>).</summary>
    public decimal? VelocityPerDay => KpiCalculator.Velocity(OpenDeals, WinRate, AvgWonDeal, AvgWonCycleDays);
}

public static partial class KpiCalculator
{
    /// <summary>The figures of one group from what the database summed: won buckets, the lost count and open slices.</summary>
    public static KpiFigures Figures(IEnumerable<WonBucket> won, int lost, IEnumerable<OpenSlice> open)
    {
        var buckets = won.Where(b => b.Count > 0).OrderBy(b => b.CycleDays).ToList();
        var wonCount = buckets.Sum(b => b.Count);
        var wonRevenue = buckets.Sum(b => b.Amount);
        long cycleDays = buckets.Sum(b => (long)b.CycleDays * b.Count);

        int openCount = 0;
        decimal openAmount = 0, weighted = 0;
        foreach (var slice in open)
        {
            openCount += slice.Count;
            openAmount += slice.Amount;
            weighted += slice.Amount * Math.Clamp(slice.Probability, 0, 100) / 100m;
        }

        var closed = wonCount + lost;
        return new KpiFigures(
            wonCount + lost + openCount,
            wonCount,
            lost,
            wonRevenue,
            closed == 0 ? null : (double)wonCount / closed,
            wonCount == 0 ? null : (double)cycleDays / wonCount,
            Median(buckets),
            wonCount == 0 ? null : decimal.Round(wonRevenue / wonCount, 2, MidpointRounding.AwayFromZero),
            openCount,
            openAmount,
            decimal.Round(weighted, 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>The median cycle of bucketed won deals; null when there are none.</summary>
    public static double? Median(IReadOnlyList<WonBucket> bucketsByDays)
    {
        var count = bucketsByDays.Sum(b => b.Count);
        if (count == 0)
        {
            return null;
        }

        // 0-based positions of the middle one (odd count) or two (even count).
        var low = (count - 1) / 2;
        var high = count / 2;
        int? lowDays = null;
        var seen = 0;
        foreach (var bucket in bucketsByDays.OrderBy(b => b.CycleDays))
        {
            seen += bucket.Count;
            if (lowDays is null && seen > low)
            {
                lowDays = bucket.CycleDays;
            }

            if (seen > high)
            {
                return (lowDays!.Value + bucket.CycleDays) / 2.0;
            }
        }

        return lowDays;
    }

    /// <summary>
    /// Pipeline coverage: open weighted pipeline ÷ quota still to win (quota − won so far). Null when there is no
    /// quota or it is already met (coverage of nothing is not a number).
    /// </summary>
    public static double? Coverage(decimal weightedPipeline, decimal? quota, decimal wonSoFar)
    {
        var remaining = (quota ?? 0) - wonSoFar;
        return quota is null || remaining <= 0 ? null : (double)(weightedPipeline / remaining);
    }

    /// <summary>
    /// Sales velocity: (open deals × win rate × average won deal) ÷ average won cycle in days — the revenue the pipeline
    /// brings per day. Null when any part is unknown or the cycle is zero.
    /// </summary>
    public static decimal? Velocity(int openDeals, double? winRate, decimal? avgWonDeal, double? avgCycleDays) =>
        winRate is { } rate && avgWonDeal is { } deal && avgCycleDays is { } cycle && cycle > 0
            ? decimal.Round(openDeals * (decimal)rate * deal / (decimal)cycle, 2, MidpointRounding.AwayFromZero)
            : null;
}
