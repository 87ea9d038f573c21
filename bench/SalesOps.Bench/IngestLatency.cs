using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesOps.Shared.Domain;

namespace SalesOps.Bench;

/// <param name="Events">Measured requests, alternating create and a stage change of the deal just created.</param>
/// <param name="Warmup">Requests sent first and not measured (JIT, first queries, connection set-up).</param>
/// <param name="Pause">Between requests, so the measure is latency, not throughput.</param>
/// <param name="Budget">The sending stops when this is spent, whatever <paramref name="Events"/> says.</param>
public sealed record IngestSettings(int Events, int Clients, int AccountId, string ApiKey, int Warmup = 20, int PauseMs = 5, int BudgetSeconds = 180);

/// <param name="Latency">Request sent → matching event at a hub client, one sample per client and event.</param>
/// <param name="RoundTrip">Request sent → HTTP response read.</param>
/// <param name="Missing">Events (per client) that never arrived within the drain time.</param>
public sealed record IngestResult(Percentiles Latency, Percentiles RoundTrip, int Sent, int Failed, int Missing, int EventsReceived, TimeSpan Elapsed, string? FirstError);

/// <summary>
/// Ingest → SignalR latency: hub clients listen while deals are created (<c>POST /api/deals</c>) and moved
/// (<c>PATCH /api/deals/{id}</c>) one request at a time. A request's send time is kept by the deal id and event
/// kind it causes; a create's event can arrive before its response names the id, so the two tables are joined at the end.
/// </summary>
public sealed class IngestLatency(Uri baseAddress, IngestSettings settings)
{
    private const string CreateStage = "Proposal";
    private const string MoveStage = "Negotiation";
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    public async Task<IngestResult> RunAsync(CancellationToken cancellationToken)
    {
        var clients = await ConnectAsync(cancellationToken);
        try
        {
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add("X-Api-Key", settings.ApiKey);

            var clock = Stopwatch.StartNew();
            var sent = new List<(EventKey Key, long SentAt)>(settings.Events);
            var roundTrips = new List<double>(settings.Events);
            var failed = 0;
            string? firstError = null;
            int? created = null;
            var budget = TimeSpan.FromSeconds(settings.BudgetSeconds);
            for (var i = 0; i < settings.Warmup + settings.Events && clock.Elapsed < budget; i++)
            {
                using var request = created is { } id
                    ? new HttpRequestMessage(HttpMethod.Patch, $"/api/deals/{id}") { Content = JsonContent.Create(new { stage = MoveStage }) }
                    : new HttpRequestMessage(HttpMethod.Post, "/api/deals") { Content = JsonContent.Create(NewDeal(i)) };
                var expected = created is null ? HttpStatusCode.Created : HttpStatusCode.OK;
                var kind = created is null ? LiveEventKinds.DealCreated : LiveEventKinds.DealStageChanged;

                var sentAt = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var answeredAt = Stopwatch.GetTimestamp();

                if (response.StatusCode != expected)
                {
                    failed++;
                    firstError ??= $"{request.Method} {request.RequestUri} → {(int)response.StatusCode}: {Truncate(body)}";
                    created = null;
                    if (failed >= 10 && failed == i + 1)
                    {
                        break; // nothing works: no point sending the rest
                    }

                    continue;
                }

                var dealId = created ?? IdOf(body);
                created = created is null ? dealId : null;
                if (i >= settings.Warmup)
                {
                    sent.Add((new EventKey(dealId, kind), sentAt));
                    roundTrips.Add(Stopwatch.GetElapsedTime(sentAt, answeredAt).TotalMilliseconds);
                }

                await Task.Delay(settings.PauseMs, cancellationToken);
            }

            var elapsed = clock.Elapsed;
            await DrainAsync(clients, sent, cancellationToken);
            var latencies = new List<double>(sent.Count * clients.Count);
            var missing = 0;
            foreach (var client in clients)
            {
                foreach (var (key, sentAt) in sent)
                {
                    if (client.TryGetArrival(key, out var arrivedAt))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(sentAt, arrivedAt).TotalMilliseconds);
                    }
                    else
                    {
                        missing++;
                    }
                }
            }

            return new IngestResult(Percentiles.Of(latencies), Percentiles.Of(roundTrips), sent.Count, failed, missing,
                clients.Sum(c => c.Received), elapsed, firstError);
        }
        finally
        {
            await LiveClient.DisposeAllAsync(clients);
        }
    }

    private object NewDeal(int i) => new
    {
        name = $"Bench deal {i}",
        accountId = settings.AccountId,
        amount = 12_345.67m,
        stage = CreateStage,
        expectedClose = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private Task<List<LiveClient>> ConnectAsync(CancellationToken cancellationToken) =>
        LiveClient.ConnectManyAsync(baseAddress, settings.ApiKey, settings.Clients, batch: 50, cancellationToken);

    /// <summary>Waits, at most <see cref="Drain"/>, until every client has every expected event.</summary>
    private static async Task DrainAsync(List<LiveClient> clients, List<(EventKey Key, long SentAt)> sent, CancellationToken cancellationToken)
    {
        var waiting = clients.ToList();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Drain)
        {
            waiting.RemoveAll(c => sent.TrueForAll(s => c.TryGetArrival(s.Key, out _)));
            if (waiting.Count == 0)
            {
                return;
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private static int IdOf(string snapshot)
    {
        using var json = JsonDocument.Parse(snapshot);
        return json.RootElement.GetProperty("id").GetInt32();
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
