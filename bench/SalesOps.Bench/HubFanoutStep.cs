using System.Globalization;
using System.Net.Http.Json;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Bench;

/// <summary>
/// Part 2 of <c>pipeline</c>: a stage move (<c>PATCH /api/deals/{id}</c>) fanned out by the app to many hub
/// clients, next to a <see cref="BareSignalRServer"/> broadcasting the same number of events to the same number of
/// clients, interleaved in the same window; the goal is app p99 within 1.5× of bare.
/// </summary>
public sealed class HubFanoutStep(string dbPath, string webDll, FanoutSettings settings, TimeSpan startTimeout)
{
    private const double RatioGoal = 1.5;
    private const string Negotiation = "Negotiation";
    private static readonly int Proposal = SalesOpsDbContext.DefaultStages.Single(s => s.Name == "Proposal").Id;

    public async Task AddToAsync(Report report, string tempDirectory, CancellationToken cancellationToken)
    {
        var database = new BenchDatabase(dbPath);
        if (!await database.HasApiKeyAsync(DemoCompany.IngestKey))
        {
            throw new InvalidOperationException($"{dbPath} has no API key '{DemoCompany.IngestKey}'; use a database made by `generate`.");
        }

        var deals = (await database.OpenDealsInStageAsync(Proposal, settings.Warmup + settings.Moves)).Select(id => (int)id).ToList();
        report.Context($"Hub fan-out: {Report.Count(settings.Clients)} hub clients per server in {settings.ClientProcesses} listener processes each ({settings.ConnectBatch} connecting at a time); " +
            $"{settings.Moves} triggers per server after {settings.Warmup} unmeasured, {settings.IntervalMs} ms apart, app and bare interleaved half an interval apart. " +
            "App: `PATCH /api/deals/{id}` Proposal → Negotiation (a different open deal each time, moved back afterwards). " +
            "Bare: `POST /broadcast/{id}` on a minimal SignalR server in the bench process, `Clients.All.SendAsync` of a LiveEvent with a deal snapshot payload");

        Console.WriteLine($"Hub fan-out: the app on {Path.GetFileName(dbPath)} and a bare SignalR server…");
        var appData = Directory.CreateDirectory(Path.Combine(tempDirectory, "hub-app"));
        var (app, startTime) = await AppProcess.StartAsync(
            webDll, appData.FullName, dbPath, seedDemoCompany: false, AppProcess.ProductionEnvironment, startTimeout, cancellationToken);
        IReadOnlyList<FanoutResult> results;
        await using (app)
        {
            report.Value($"Hub fan-out: app start on {Path.GetFileName(dbPath)} → first `GET /account/login` 200", Report.Ms(startTime));
            try
            {
                await using var bare = await BareSignalRServer.StartAsync(cancellationToken);
                var fanout = new FanoutLatency(settings);
                results = await fanout.RunAsync(
                [
                    new FanoutTarget("app (stage move)", app.BaseAddress, DemoCompany.IngestKey, deals, MoveTo(Negotiation)),
                    new FanoutTarget("bare SignalR broadcast", bare.BaseAddress, DemoCompany.IngestKey, Enumerable.Range(1, deals.Count).ToList(),
                        id => new HttpRequestMessage(HttpMethod.Post, BareSignalRServer.BroadcastPath(id))),
                ], cancellationToken);
                report.Value($"Hub fan-out: {Report.Count(2 * settings.Clients)} clients connected in", Report.Ms(fanout.ConnectTime));
                report.Value($"Hub fan-out: app RSS with {Report.Count(settings.Clients)} hub clients after the run", app.ReadMemory() is { } m ? Report.MiB(m.RssMiB) : "n/a");
            }
            finally
            {
                await RestoreAsync(app.BaseAddress, deals, cancellationToken);
            }
        }

        foreach (var result in results)
        {
            Add(report, result);
        }

        var (appResult, bareResult) = (results[0], results[1]);
        var ratio = appResult.Latency.P99 / bareResult.Latency.P99;
        report.Value("Hub fan-out: app p99 / bare p99",
            string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}× (goal ≤ {RatioGoal}×: {(ratio <= RatioGoal ? "met" : "missed")})"));
        report.Value("Hub fan-out: app p50 / bare p50", string.Create(CultureInfo.InvariantCulture, $"{appResult.Latency.P50 / bareResult.Latency.P50:0.00}×"));
        report.Value("Hub fan-out: bare payload (deal snapshot JSON)", $"{BareSignalRServer.Payload(deals[0]).Length} chars");
    }

    private static void Add(Report report, FanoutResult result)
    {
        var label = result.Target.Label;
        report.Latency($"Hub fan-out, {label}: send → event at each client", result.Latency);
        report.Latency($"Hub fan-out, {label}: send → event at the last client, per trigger", result.LastClient);
        report.Latency($"Hub fan-out, {label}: HTTP round trip", result.RoundTrip);
        report.Value($"Hub fan-out, {label}: triggers measured / failed / events missing", $"{result.Sent} / {result.Failed} / {Report.Count(result.Missing)}");
        report.Value($"Hub fan-out, {label}: listener processes' RSS", Report.MiB(result.ListenerRssMiB));
        if (result.FirstError is { } error)
        {
            report.Note($"Hub fan-out, {label}: first failed trigger: {error.ReplaceLineEndings(" ")}");
        }
    }

    private static Func<int, HttpRequestMessage> MoveTo(string stage) =>
        id => new HttpRequestMessage(HttpMethod.Patch, $"/api/deals/{id}") { Content = JsonContent.Create(new { stage }) };

    /// <summary>Moves the deals back to Proposal, so a reused database keeps its shape for the next run.</summary>
    private static async Task RestoreAsync(Uri baseAddress, IReadOnlyList<int> deals, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoCompany.IngestKey);
        var back = MoveTo("Proposal");
        foreach (var id in deals)
        {
            using var request = back(id);
            using var response = await http.SendAsync(request, cancellationToken);
        }
    }
}
