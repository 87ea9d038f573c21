using System.Globalization;

namespace SalesOps.Bench;

/// <summary>A latency target from an issue, e.g. "p95 ≤ 50 ms".</summary>
public sealed record LatencyGoal(string Percentile, double LimitMs)
{
    public double ValueOf(Percentiles timing) => Percentile switch
    {
        "p50" => timing.P50,
        "p95" => timing.P95,
        "p99" => timing.P99,
        "max" => timing.Max,
        _ => throw new InvalidOperationException($"Unknown percentile '{Percentile}'."),
    };

    public bool IsMetBy(Percentiles timing) => ValueOf(timing) <= LimitMs;

    /// <summary>How far over (or under) the goal: 2.0 means twice the limit.</summary>
    public double Ratio(Percentiles timing) => ValueOf(timing) / LimitMs;

    public string Describe(Percentiles timing) =>
        timing.Count == 0 ? $"{this}: not measured"
        : string.Create(CultureInfo.InvariantCulture, $"{this}: {(IsMetBy(timing) ? "met" : $"missed ({Ratio(timing):0.#}×)")}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Percentile} ≤ {LimitMs:0.##} ms");
}
