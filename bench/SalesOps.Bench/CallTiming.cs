using System.Diagnostics;

namespace SalesOps.Bench;

/// <param name="Iterations">Measured calls.</param>
/// <param name="Warmup">Unmeasured calls first (JIT, query compilation, page cache); at most a quarter of the budget.</param>
/// <param name="BudgetSeconds">The calls stop when this is spent, so a slow case reports fewer samples instead of running for hours.</param>
public sealed record TimingPlan(int Iterations, int Warmup, int BudgetSeconds);

/// <summary>Times async calls repeatedly, one at a time, in process.</summary>
public static class CallTiming
{
    public static async Task<Percentiles> MeasureAsync(Func<CancellationToken, Task> call, TimingPlan plan, CancellationToken cancellationToken) =>
        (await MeasureInterleavedAsync([call], plan, cancellationToken))[0];

    /// <summary>
    /// Times several variants of a call in turn (A, B, A, B…), so a machine that gets busier or quieter meanwhile
    /// weighs on all of them alike: the way to compare, say, a database with and without an index. The budget is
    /// shared.
    /// </summary>
    public static async Task<IReadOnlyList<Percentiles>> MeasureInterleavedAsync(
        IReadOnlyList<Func<CancellationToken, Task>> calls, TimingPlan plan, CancellationToken cancellationToken)
    {
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < plan.Warmup && budget.Elapsed.TotalSeconds < plan.BudgetSeconds / 4.0; i++)
        {
            foreach (var call in calls)
            {
                await call(cancellationToken);
            }
        }

        var samples = calls.Select(_ => new List<double>(plan.Iterations)).ToList();
        for (var i = 0; i < plan.Iterations && budget.Elapsed.TotalSeconds < plan.BudgetSeconds; i++)
        {
            for (var c = 0; c < calls.Count; c++)
            {
                var start = Stopwatch.GetTimestamp();
                await calls[c](cancellationToken);
                samples[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return samples.Select(Percentiles.Of).ToList();
    }

    /// <summary>One call, timed: for the first (cold) call of something.</summary>
    public static async Task<TimeSpan> OnceAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await call(cancellationToken);
        return Stopwatch.GetElapsedTime(start);
    }
}
