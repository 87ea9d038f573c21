using System.Diagnostics;
using Microsoft.Playwright;

namespace SalesOps.Bench;

/// <summary>
/// One measured change: what each watched page should come to show (a selector or a map target, see
/// <see cref="BoardObserverScript"/>), and how to make the change; <see cref="SendAsync"/> returns null when the change
/// was made, else why not. <see cref="PrepareAsync"/> runs before the clock starts (e.g. opening a menu).
/// </summary>
public sealed record LiveChange(Func<IPage, object> Target, Func<CancellationToken, Task<string?>> SendAsync, Func<CancellationToken, Task>? PrepareAsync = null);

/// <summary>
/// Makes changes one per interval and measures, in every watched page, the time until the page shows it: the page's
/// <c>Date.now()</c> when it appeared minus the bench's clock at send (same machine, same wall clock). The pipeline's
/// stage moves and the territories' account moves both run through it.
/// </summary>
public sealed class LiveChangeLatency(IReadOnlyList<IPage> pages, int warmup, int changes, int intervalMs)
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    /// <param name="next">The change to make as the i-th (warm-ups first).</param>
    public async Task<BoardMoveResult> RunAsync(Func<int, LiveChange> next, CancellationToken cancellationToken)
    {
        var sent = new Dictionary<string, double>();
        var roundTrips = new List<double>();
        var failed = 0;
        string? firstError = null;
        var schedule = Stopwatch.StartNew();
        for (var i = 0; i < warmup + changes; i++)
        {
            var due = TimeSpan.FromMilliseconds((double)i * intervalMs);
            if (due > schedule.Elapsed)
            {
                await Task.Delay(due - schedule.Elapsed, cancellationToken);
            }

            var change = next(i);
            if (change.PrepareAsync is { } prepare)
            {
                await prepare(cancellationToken);
            }

            var token = $"change-{i}";
            await Task.WhenAll(pages.Select(p => p.EvaluateAsync<bool>(BoardObserverScript.Watch, new object[] { token, change.Target(p) })));

            var sentAt = UnixMs();
            var start = Stopwatch.GetTimestamp();
            var error = await change.SendAsync(cancellationToken);
            var roundTrip = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (error is not null)
            {
                failed++;
                firstError ??= error;
                continue;
            }

            if (i >= warmup)
            {
                sent[token] = sentAt;
                roundTrips.Add(roundTrip);
            }
        }

        var seen = await DrainAsync(pages, sent, Drain, cancellationToken);
        var latencies = seen.SelectMany(page => sent.Where(s => page.ContainsKey(s.Key)).Select(s => page[s.Key] - s.Value)).ToList();
        return new BoardMoveResult(Percentiles.Of(latencies), Percentiles.Of(roundTrips), sent.Count, failed, sent.Count * pages.Count - latencies.Count, firstError);
    }

    /// <summary>Reads every page's appearance times until all changes showed everywhere, at most <paramref name="drain"/>.</summary>
    internal static async Task<IReadOnlyList<Dictionary<string, double>>> DrainAsync(IReadOnlyList<IPage> pages, Dictionary<string, double> sent, TimeSpan drain, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var seen = await Task.WhenAll(pages.Select(p => p.EvaluateAsync<Dictionary<string, double>>(BoardObserverScript.Seen)));
            if (deadline.Elapsed > drain || seen.All(page => sent.Keys.All(page.ContainsKey)))
            {
                return seen;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>The wall clock the pages' <c>Date.now()</c> reads, in ms.</summary>
    internal static double UnixMs() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;
}
