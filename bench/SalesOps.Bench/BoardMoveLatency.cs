using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesOps.Web.Data;

namespace SalesOps.Bench;

/// <param name="Pages">Open boards, each its own browser context and circuit.</param>
/// <param name="Moves">Measured moves, one every <paramref name="IntervalMs"/>.</param>
/// <param name="Warmup">Unmeasured moves first.</param>
public sealed record BoardSettings(int Pages, int Moves, int IntervalMs, int Warmup = 2, int Shuttles = 4);

/// <param name="Latency">PATCH sent → card in the target column, one sample per page and move.</param>
/// <param name="Missing">(page, move) pairs where the card never showed up within the drain time.</param>
public sealed record BoardMoveResult(Percentiles Latency, Percentiles RoundTrip, int Sent, int Failed, int Missing, string? FirstError);

/// <summary>
/// Moves deals between open columns through the ingest API and measures, in every open board, the time until the
/// card shows in its new column (through <see cref="LiveChangeLatency"/>).
/// </summary>
public sealed class BoardMoveLatency(BoardSettings settings, IReadOnlyList<IPage> pages, IReadOnlyList<BoardShuttle> shuttles)
{
    public async Task<BoardMoveResult> RunAsync(Uri baseAddress, string apiKey, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var where = shuttles.ToDictionary(s => s.DealId, s => s.HomeStageId);
        return await new LiveChangeLatency(pages, settings.Warmup, settings.Moves, settings.IntervalMs).RunAsync(i =>
        {
            var shuttle = shuttles[i % shuttles.Count];
            var target = where[shuttle.DealId] == shuttle.HomeStageId ? shuttle.AwayStageId : shuttle.HomeStageId;
            var selector = BoardObserverScript.CardSelector(target, shuttle.DealId);
            return new LiveChange(_ => selector, async ct =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/deals/{shuttle.DealId}")
                {
                    Content = JsonContent.Create(new { stage = StageName(target) }),
                };
                using var response = await http.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode)
                {
                    return $"PATCH /api/deals/{shuttle.DealId} → {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}";
                }

                where[shuttle.DealId] = target;
                return null;
            });
        }, cancellationToken);
    }

    private static string StageName(int stageId) => SalesOpsDbContext.DefaultStages.Single(s => s.Id == stageId).Name;
}
