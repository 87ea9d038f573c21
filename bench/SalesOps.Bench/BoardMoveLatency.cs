using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace SalesOps.Bench;

/// <param name="Pages">Open boards, each its own browser context and circuit.</param>
/// <param name="Moves">Measured moves, one every <paramref name="IntervalMs"/>.</param>
/// <param name="Warmup">Unmeasured moves first.</param>
public sealed record BoardSettings(int Pages, int Moves, int IntervalMs, int Warmup = 2, int Shuttles = 4);

/// <param name="Latency">PATCH sent → card in the target column, one sample per page and move.</param>
/// <param name="Missing">(page, move) pairs where the card never showed up within the drain time.</param>
public sealed record BoardMoveResult(Percentiles Latency, Percentiles RoundTrip, int Sent, int Failed, int Missing, string? FirstError);

/// <summary>One change the bench makes: a deal sent to a stage, and what every open page shows once the change reached it.</summary>
public sealed record BoardMove(int DealId, string Stage, string Selector);

/// <summary>The changes a latency run makes, one after another (deals shuttled between columns, deals won and reopened…).</summary>
public interface IBoardMoves
{
    BoardMove Next(int index);

    /// <summary>The app accepted <paramref name="move"/>: the next one starts from there.</summary>
    void Moved(BoardMove move);
}

/// <summary>
/// Changes deals' stages through the ingest API and measures, in every open page, the time until the change shows
/// (a card in its new column, a leaderboard row with its new value): the page's <c>Date.now()</c> when the
/// move's selector first matched minus the bench's clock at send (same machine, same wall clock).
/// </summary>
public sealed class BoardMoveLatency(BoardSettings settings, IReadOnlyList<IPage> pages, IBoardMoves moves)
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    public async Task<BoardMoveResult> RunAsync(Uri baseAddress, string apiKey, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var sent = new Dictionary<string, double>();
        var roundTrips = new List<double>();
        var failed = 0;
        string? firstError = null;
        var schedule = Stopwatch.StartNew();
        for (var i = 0; i < settings.Warmup + settings.Moves; i++)
        {
            var due = TimeSpan.FromMilliseconds((double)i * settings.IntervalMs);
            if (due > schedule.Elapsed)
            {
                await Task.Delay(due - schedule.Elapsed, cancellationToken);
            }

            var move = moves.Next(i);
            var token = $"move-{i}";
            await Task.WhenAll(pages.Select(p => p.EvaluateAsync<bool>(BoardObserverScript.Watch, new object[] { token, move.Selector })));

            using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/deals/{move.DealId}")
            {
                Content = JsonContent.Create(new { stage = move.Stage }),
            };
            var sentAt = UnixMs();
            var start = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var roundTrip = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                failed++;
                firstError ??= $"PATCH /api/deals/{move.DealId} → {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}";
                continue;
            }

            moves.Moved(move);
            if (i >= settings.Warmup)
            {
                sent[token] = sentAt;
                roundTrips.Add(roundTrip);
            }
        }

        var seen = await DrainAsync(sent, cancellationToken);
        var latencies = seen.SelectMany(page => sent.Where(s => page.ContainsKey(s.Key)).Select(s => page[s.Key] - s.Value)).ToList();
        return new BoardMoveResult(Percentiles.Of(latencies), Percentiles.Of(roundTrips), sent.Count, failed, sent.Count * pages.Count - latencies.Count, firstError);
    }

    /// <summary>Reads every page's appearance times until all moves showed everywhere, at most <see cref="Drain"/>.</summary>
    private async Task<IReadOnlyList<Dictionary<string, double>>> DrainAsync(Dictionary<string, double> sent, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var seen = await Task.WhenAll(pages.Select(p => p.EvaluateAsync<Dictionary<string, double>>(BoardObserverScript.Seen)));
            if (deadline.Elapsed > Drain || seen.All(page => sent.Keys.All(page.ContainsKey)))
            {
                return seen;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private static double UnixMs() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;
}
