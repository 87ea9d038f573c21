using System.Diagnostics;

namespace SalesOps.Bench;

/// <param name="Clients">Hub connections per target, spread over <paramref name="ClientProcesses"/> listener processes.</param>
/// <param name="Moves">Measured triggers per target, one every <paramref name="IntervalMs"/>.</param>
/// <param name="Warmup">Unmeasured triggers first (JIT on both sides, first queries).</param>
public sealed record FanoutSettings(int Clients, int ClientProcesses, int Moves, int IntervalMs, int Warmup = 3, int ConnectBatch = 50);

/// <summary>A server to fan out through: where its hub is, and the request that makes it send one event about an id.</summary>
/// <param name="Ids">One id per trigger, warm-ups first: at least Warmup + Moves. Each event must name its id, so it is told apart from the others.</param>
/// <param name="Trigger">The request that causes the event for an id; must answer 2xx.</param>
public sealed record FanoutTarget(string Label, Uri BaseAddress, string ApiKey, IReadOnlyList<int> Ids, Func<int, HttpRequestMessage> Trigger);

/// <param name="Latency">Trigger sent → event at a client, one sample per client and trigger.</param>
/// <param name="LastClient">Per trigger, send → the last client to get it: one sample per trigger, shows whether a tail is a few slow triggers or all of them.</param>
/// <param name="RoundTrip">Trigger sent → HTTP response read.</param>
/// <param name="Missing">(client, trigger) pairs whose event never arrived within the drain time.</param>
public sealed record FanoutResult(
    FanoutTarget Target, Percentiles Latency, Percentiles LastClient, Percentiles RoundTrip, int Sent, int Failed, long Missing, string? FirstError, double ListenerRssMiB);

/// <summary>
/// One HTTP request per tick causes one event at every hub client of a target; measures send → arrival at each
/// client. Several targets run interleaved in the same window (target k fires at k/n of each interval), so the
/// machine's background load falls on all of them alike. The clients live in <see cref="HubListenerProcess"/>
/// children, so the bench process only sends and the listeners have their own cores.
/// </summary>
public sealed class FanoutLatency(FanoutSettings settings)
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(15);

    /// <summary>How long connecting every target's clients took.</summary>
    public TimeSpan ConnectTime { get; private set; }

    public async Task<IReadOnlyList<FanoutResult>> RunAsync(IReadOnlyList<FanoutTarget> targets, CancellationToken cancellationToken)
    {
        var triggers = settings.Warmup + settings.Moves;
        if (targets.FirstOrDefault(t => t.Ids.Count < triggers) is { } lacking)
        {
            throw new ArgumentException($"{lacking.Label}: need {triggers} ids, got {lacking.Ids.Count}.", nameof(targets));
        }

        var connect = Stopwatch.StartNew();
        var runs = targets.Select(t => new TargetRun(t, StartListeners(t))).ToList();
        try
        {
            await Task.WhenAll(runs.SelectMany(r => r.Listeners).Select(l => l.WaitReadyAsync(TimeSpan.FromSeconds(300), cancellationToken)));
            ConnectTime = connect.Elapsed;
            Console.WriteLine($"  {settings.Clients:N0} hub clients per target connected in {ConnectTime.TotalSeconds:0.0} s; " +
                $"{triggers} triggers per target, {settings.IntervalMs} ms apart, interleaved: {string.Join(", ", targets.Select(t => t.Label))}…");

            var schedule = Stopwatch.StartNew();
            for (var i = 0; i < triggers; i++)
            {
                for (var k = 0; k < runs.Count; k++)
                {
                    var due = TimeSpan.FromMilliseconds(((double)i + (double)k / runs.Count) * settings.IntervalMs);
                    if (due > schedule.Elapsed)
                    {
                        await Task.Delay(due - schedule.Elapsed, cancellationToken);
                    }

                    await runs[k].SendAsync(i, measured: i >= settings.Warmup, cancellationToken);
                }
            }

            List<FanoutResult> results = [];
            foreach (var run in runs)
            {
                results.Add(await CollectAsync(run, cancellationToken));
            }

            return results;
        }
        finally
        {
            await Task.WhenAll(runs.SelectMany(r => r.Listeners).Select(l => l.DisposeAsync().AsTask()));
            foreach (var run in runs)
            {
                run.Dispose();
            }
        }
    }

    private List<HubListenerProcess> StartListeners(FanoutTarget target) =>
        Enumerable.Range(0, settings.ClientProcesses)
            .Select(p => settings.Clients / settings.ClientProcesses + (p < settings.Clients % settings.ClientProcesses ? 1 : 0))
            .Where(n => n > 0)
            .Select(n => HubListenerProcess.Start(target.BaseAddress, target.ApiKey, n, settings.ConnectBatch))
            .ToList();

    private async Task<FanoutResult> CollectAsync(TargetRun run, CancellationToken cancellationToken)
    {
        await DrainAsync(run.Listeners, run.Succeeded, cancellationToken);
        var latencies = new List<double>(run.Sent.Count * settings.Clients);
        var last = new Dictionary<int, double>();
        foreach (var listener in run.Listeners)
        {
            foreach (var arrival in await listener.DumpAsync(cancellationToken))
            {
                if (run.Sent.TryGetValue(arrival.DealId, out var sentAt))
                {
                    var latency = Stopwatch.GetElapsedTime(sentAt, arrival.At).TotalMilliseconds;
                    latencies.Add(latency);
                    last[arrival.DealId] = Math.Max(latency, last.GetValueOrDefault(arrival.DealId));
                }
            }
        }

        return new FanoutResult(run.Target, Percentiles.Of(latencies), Percentiles.Of(last.Values), Percentiles.Of(run.RoundTrips), run.Sent.Count, run.Failed,
            (long)run.Sent.Count * settings.Clients - latencies.Count, run.FirstError, run.Listeners.Sum(l => l.RssMiB() ?? 0));
    }

    /// <summary>Waits, at most <see cref="Drain"/>, until every client has the events of every successful trigger.</summary>
    private async Task DrainAsync(List<HubListenerProcess> listeners, int triggers, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Drain)
        {
            long received = 0;
            foreach (var listener in listeners)
            {
                received += await listener.CountAsync(cancellationToken);
            }

            if (received >= (long)triggers * settings.Clients)
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>One target's listeners, HTTP client and the triggers sent so far.</summary>
    private sealed class TargetRun(FanoutTarget target, List<HubListenerProcess> listeners) : IDisposable
    {
        private readonly HttpClient _http = Client(target);

        public FanoutTarget Target => target;
        public List<HubListenerProcess> Listeners => listeners;
        public Dictionary<int, long> Sent { get; } = [];
        public List<double> RoundTrips { get; } = [];
        public int Succeeded { get; private set; }
        public int Failed { get; private set; }
        public string? FirstError { get; private set; }

        public async Task SendAsync(int index, bool measured, CancellationToken cancellationToken)
        {
            var id = target.Ids[index];
            using var request = target.Trigger(id);
            var sentAt = Stopwatch.GetTimestamp();
            using var response = await _http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var roundTrip = Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                Failed++;
                FirstError ??= $"{request.Method} {request.RequestUri} → {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}";
                return;
            }

            Succeeded++;
            if (measured)
            {
                Sent[id] = sentAt;
                RoundTrips.Add(roundTrip);
            }
        }

        public void Dispose() => _http.Dispose();

        private static HttpClient Client(FanoutTarget target)
        {
            var http = new HttpClient { BaseAddress = target.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add("X-Api-Key", target.ApiKey);
            return http;
        }
    }
}
