using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace SalesOps.Bench;

/// <param name="Latency">Win sent → celebration in the page, one sample per page and win.</param>
/// <param name="LastPage">Per win, send → the last page to show it.</param>
/// <param name="Missing">(page, win) pairs whose celebration never showed within the drain time.</param>
public sealed record CelebrationResult(Percentiles Latency, Percentiles LastPage, Percentiles RoundTrip, int Sent, int Failed, int Missing, string? FirstError);

/// <summary>
/// Wins open deals through the ingest API (<c>PATCH /api/deals/{id}</c> → Won) and measures, in every open display
/// page, the time until that deal's celebration slide (<c>[data-celebration-deal-id]</c>) appears: the page's
/// <c>Date.now()</c> minus the bench's clock at send. Each win is reversed (back to its stage) after
/// <paramref name="holdMs"/>, which withdraws the celebration, so the next win shows at once instead of queueing
/// behind an 8 s celebration, and the company ends as it began.
/// </summary>
public sealed class CelebrationLatency(IReadOnlyList<IPage> pages, int holdMs)
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(15);

    public async Task<CelebrationResult> RunAsync(HttpClient api, IReadOnlyList<int> deals, string backToStage, int warmup, int intervalMs, CancellationToken cancellationToken)
    {
        var sent = new Dictionary<string, double>();
        var roundTrips = new List<double>();
        var (failed, firstError) = (0, (string?)null);
        var schedule = Stopwatch.StartNew();
        for (var i = 0; i < deals.Count; i++)
        {
            var due = TimeSpan.FromMilliseconds((double)i * intervalMs);
            if (due > schedule.Elapsed)
            {
                await Task.Delay(due - schedule.Elapsed, cancellationToken);
            }

            var token = $"win-{deals[i]}";
            await Task.WhenAll(pages.Select(p => p.EvaluateAsync<bool>(BoardObserverScript.Watch, new object[] { token, CelebrationSelector(deals[i]) })));
            var sentAt = LiveChangeLatency.UnixMs();
            var start = Stopwatch.GetTimestamp();
            var error = await MoveAsync(api, deals[i], "Won", cancellationToken);
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

            await Task.Delay(holdMs, cancellationToken);
            if (await MoveAsync(api, deals[i], backToStage, cancellationToken) is { } undo)
            {
                firstError ??= undo;
            }
        }

        var seen = await LiveChangeLatency.DrainAsync(pages, sent, Drain, cancellationToken);
        var latencies = new List<double>();
        var last = new Dictionary<string, double>();
        foreach (var page in seen)
        {
            foreach (var (token, at) in sent.Where(s => page.ContainsKey(s.Key)).Select(s => (s.Key, page[s.Key] - s.Value)))
            {
                latencies.Add(at);
                last[token] = Math.Max(at, last.GetValueOrDefault(token));
            }
        }

        return new CelebrationResult(Percentiles.Of(latencies), Percentiles.Of(last.Values), Percentiles.Of(roundTrips), sent.Count, failed,
            sent.Count * pages.Count - latencies.Count, firstError);
    }

    public static string CelebrationSelector(int dealId) => $"[data-celebration-deal-id=\"{dealId}\"]";

    /// <summary>Moves a deal to a stage through the ingest API; the error, or null.</summary>
    public static async Task<string?> MoveAsync(HttpClient api, int dealId, string stage, CancellationToken cancellationToken)
    {
        using var response = await api.PatchAsJsonAsync($"/api/deals/{dealId}", new { stage }, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return $"PATCH /api/deals/{dealId} {stage} → {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}";
    }
}
