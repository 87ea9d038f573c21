using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace SalesOps.Bench;

/// <summary>Which event a request should cause: the deal it is about and the event kind.</summary>
public readonly record struct EventKey(int DealId, string Kind);

/// <summary>
/// An outside client of the app's live hub, as an integration connects: API key in <c>X-Api-Key</c>, listening to
/// "event". It notes the <see cref="Stopwatch"/> timestamp at which each deal event first arrives.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    public const string HubPath = "/hubs/live";
    public const string EventMethod = "event";

    private readonly HubConnection _connection;
    private readonly ConcurrentDictionary<EventKey, long> _arrivals = new();
    private int _received;

    private LiveClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<JsonElement>(EventMethod, OnEvent);
    }

    /// <summary>Every event received, matched or not.</summary>
    public int Received => Volatile.Read(ref _received);

    public static async Task<LiveClient> ConnectAsync(Uri baseAddress, string apiKey, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, HubPath), o => o.Headers["X-Api-Key"] = apiKey)
            .Build();
        var client = new LiveClient(connection);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await connection.StartAsync(timeout.Token);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public bool TryGetArrival(EventKey key, out long timestamp) => _arrivals.TryGetValue(key, out timestamp);

    /// <summary>Every deal event received so far, with the <see cref="Stopwatch"/> timestamp of its first arrival.</summary>
    public IEnumerable<KeyValuePair<EventKey, long>> Arrivals => _arrivals;

    /// <summary>
    /// Connects <paramref name="count"/> clients, <paramref name="batch"/> at a time so the server's handshakes are
    /// spread out; all or nothing (the ones connected are disposed if one fails).
    /// </summary>
    public static async Task<List<LiveClient>> ConnectManyAsync(Uri baseAddress, string apiKey, int count, int batch, CancellationToken cancellationToken)
    {
        List<LiveClient> clients = [];
        try
        {
            for (var connected = 0; connected < count; connected += batch)
            {
                var next = Enumerable.Range(0, Math.Min(batch, count - connected)).Select(_ => ConnectAsync(baseAddress, apiKey, cancellationToken));
                clients.AddRange(await Task.WhenAll(next));
            }

            return clients;
        }
        catch
        {
            await DisposeAllAsync(clients);
            throw;
        }
    }

    public static async Task DisposeAllAsync(IEnumerable<LiveClient> clients)
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>The argument is a LiveEvent: sequence, at, kind, entityId, teamId, repId and payload (a JSON string of the deal snapshot).</summary>
    private void OnEvent(JsonElement liveEvent)
    {
        var arrived = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _received);
        if (liveEvent.TryGetProperty("kind", out var kind) && kind.GetString() is { } kindName && DealIdOf(liveEvent) is { } dealId)
        {
            _arrivals.TryAdd(new EventKey(dealId, kindName), arrived);
        }
    }

    private static int? DealIdOf(JsonElement liveEvent)
    {
        if (liveEvent.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.String)
        {
            using var snapshot = JsonDocument.Parse(payload.GetString()!);
            if (snapshot.RootElement.TryGetProperty("id", out var id) && id.TryGetInt32(out var value))
            {
                return value;
            }
        }

        return liveEvent.TryGetProperty("entityId", out var entityId) && entityId.TryGetInt32(out var entity) ? entity : null;
    }
}
