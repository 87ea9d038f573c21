using System.Net.Http.Json;
using Microsoft.Playwright;

namespace SalesOps.Bench;

/// <param name="Pages">Open boards, each its own browser context and circuit.</param>
/// <param name="Moves">Measured moves, one every <paramref name="IntervalMs"/>.</param>
/// <param name="Warmup">Unmeasured moves first.</param>
/// <param name="ReducedMotion">
/// The pages ask for reduced motion (no confetti, no animations): the bench's browsers share the app's 2 cores,
/// which real viewers' browsers never do, so this shows what the drawing in 10 browsers costs the measured latency.
/// </param>
public sealed record BoardSettings(int Pages, int Moves, int IntervalMs, int Warmup = 2, int Shuttles = 4, bool ReducedMotion = false);

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
/// (a card in its new column, a leaderboard row with its new value), through <see cref="LiveChangeLatency"/>.
/// </summary>
public sealed class BoardMoveLatency(BoardSettings settings, IReadOnlyList<IPage> pages, IBoardMoves moves)
{
    public async Task<BoardMoveResult> RunAsync(Uri baseAddress, string apiKey, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return await new LiveChangeLatency(pages, settings.Warmup, settings.Moves, settings.IntervalMs).RunAsync(i =>
        {
            var move = moves.Next(i);
            return new LiveChange(_ => move.Selector, async ct =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/deals/{move.DealId}")
                {
                    Content = JsonContent.Create(new { stage = move.Stage }),
                };
                using var response = await http.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode)
                {
                    return $"PATCH /api/deals/{move.DealId} → {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}";
                }

                moves.Moved(move);
                return null;
            });
        }, cancellationToken);
    }
}
