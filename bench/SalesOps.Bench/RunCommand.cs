using SalesOps.Web.Data.Seeding;

namespace SalesOps.Bench;

/// <summary>
/// <c>run [--deals N] [--events 1000] [--clients 1] …</c>: the end-to-end measurement behind the README's
/// Performance table. Cold start (new database) → idle memory → warm start (same database) → ingest-to-hub latency
/// → home dashboard query, all against a throw-away data folder that is deleted at the end.
/// </summary>
public static class RunCommand
{
    /// <summary>The demo company's size, used when the app seeded nothing and the bench builds a stand-in.</summary>
    private static readonly int DemoDeals = CompanySize.Demo.Deals;

    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var deals = args.Number("deals", 1, CompanySize.MaxDeals);
        var events = args.Number("events", 1, 100_000) ?? 1000;
        var clients = args.Number("clients", 1, 10_000) ?? 1;
        var warmupEvents = args.Number("warmup-events", 0, 10_000) ?? 20;
        var pause = args.Number("pause", 0, 1_000) ?? 5;
        var idle = args.Number("idle", 0, 120) ?? 5;
        var iterations = args.Number("iterations", 1, 100_000) ?? 200;
        var startTimeout = TimeSpan.FromSeconds(args.Number("start-timeout", 1, 600) ?? 120);
        var webDll = Path.GetFullPath(args.Text("app") ?? BenchPaths.WebDll);
        args.EnsureAllRead();

        var report = new Report("SalesOps performance").WithMachine();
        report.Context($"App: `dotnet {Path.GetFileName(webDll)}` from {Path.GetRelativePath(BenchPaths.RepoRoot, Path.GetDirectoryName(webDll)!)}, Production environment, SQLite in a temp folder");
        var data = Directory.CreateTempSubdirectory("salesops-bench-");
        try
        {
            // 1. Cold start: no database file, so the app migrates and seeds the demo company before it listens.
            Console.WriteLine($"Cold start of {webDll}…");
            var (cold, coldStart) = await AppProcess.StartAsync(webDll, data.FullName, seedDemoCompany: true, startTimeout, cancellationToken);
            await using (cold)
            {
                report.Value("Cold start: new database (migrate + seed demo) → first `GET /account/login` 200", Report.Ms(coldStart));
                await IdleAsync(idle, cancellationToken);
                AddMemory(report, $"Idle RSS after cold start ({idle} s idle)", cold.ReadMemory());
            }

            var database = new BenchDatabase(Path.Combine(data.FullName, "salesops.db"));
            var seeded = await database.CountAsync("Deals");
            Console.WriteLine($"The app seeded {seeded:N0} deals.");
            var seedOnWarmStart = true;
            if (deals is not null || seeded == 0)
            {
                var size = deals ?? DemoDeals;
                if (deals is null)
                {
                    report.Note($"The app seeded no deals on its first start, so the bench generated a stand-in company of {size:N0} deals " +
                        "for the warm start, ingest and dashboard steps (the cold start above still measured the app's own start-up).");
                }

                Console.WriteLine($"Generating {size:N0} deals for the warm start…");
                var generated = await CompanyFile.GenerateAsync(database.DbPath, CompanyRequest.For(size), fresh: deals is not null, cancellationToken);
                report.Value($"Generated {Report.Count(generated.Rows)} rows for the later steps", $"{Report.Count((long)generated.RowsPerSecond)} rows/s");
                seedOnWarmStart = false; // the generated company is the data; the seeder must not add to it
            }

            // The demo company and a generated one come from the same seeder, with the same key.
            var apiKey = await database.HasApiKeyAsync(DemoCompany.IngestKey) ? DemoCompany.IngestKey
                : throw new InvalidOperationException($"The database has no demo API key '{DemoCompany.IngestKey}'.");
            var account = await database.FirstOwnedAccountAsync()
                ?? throw new InvalidOperationException("The database has no account with an owner to create deals on.");
            report.Context($"Database for the warm start, ingest and dashboard: {(seedOnWarmStart ? "the app's demo company" : "generated")}, {Report.Count(await database.CountAsync("Deals"))} deals, " +
                $"{Report.Count(await database.CountAsync("Accounts"))} accounts, {Report.Count(await database.CountAsync("Reps"))} reps");

            // 2. Warm start on the same database, then the ingest → hub latency while it runs.
            Console.WriteLine("Warm start…");
            var (warm, warmStart) = await AppProcess.StartAsync(webDll, data.FullName, seedOnWarmStart, startTimeout, cancellationToken);
            await using (warm)
            {
                report.Value("Warm start: existing database → first `GET /account/login` 200", Report.Ms(warmStart));
                await IdleAsync(idle, cancellationToken);
                AddMemory(report, $"Idle RSS after warm start ({idle} s idle)", warm.ReadMemory());

                Console.WriteLine($"Ingest: {events:N0} requests, {Clients(clients)}, key '{apiKey}', account {account}…");
                var settings = new IngestSettings(events, clients, (int)account, apiKey, warmupEvents, pause);
                var ingest = await new IngestLatency(warm.BaseAddress, settings).RunAsync(cancellationToken);
                AddIngest(report, ingest, settings);
                AddMemory(report, "RSS after the ingest run", warm.ReadMemory());
            }

            // 3. The home dashboard query, in process, with the app stopped so it has both cores.
            await DashboardCommand.AddDashboardAsync(report, database.DbPath, iterations, warmup: 20, budgetSeconds: 60, cancellationToken);
        }
        finally
        {
            DeleteQuietly(data);
        }

        await report.PublishAsync(BenchPaths.Results("latest.md"));
        return 0;
    }

    private static void AddIngest(Report report, IngestResult ingest, IngestSettings settings)
    {
        report.Context($"Ingest: {settings.Events:N0} requests one at a time (create, then move that deal to Negotiation), {settings.PauseMs} ms apart, " +
            $"after {settings.Warmup} unmeasured; {Clients(settings.Clients)} in the bench process");
        report.Latency($"Ingest request → SignalR event at the client ({Clients(settings.Clients)})", ingest.Latency);
        report.Latency("Ingest HTTP round trip (POST/PATCH /api/deals)", ingest.RoundTrip);
        report.Value("Ingest requests measured / failed / events missing", $"{ingest.Sent:N0} / {ingest.Failed:N0} / {ingest.Missing:N0}");
        if (ingest.Sent < settings.Events)
        {
            report.Note($"Only {ingest.Sent:N0} of {settings.Events:N0} ingest requests were measured (failures or the time budget).");
        }

        if (ingest.FirstError is { } error)
        {
            report.Note($"First failed ingest request: {error.ReplaceLineEndings(" ")}");
        }

        if (ingest.Missing > 0)
        {
            report.Note($"{ingest.Missing:N0} expected hub events never arrived (waited 10 s after the last request).");
        }
    }

    private static string Clients(int n) => n == 1 ? "1 hub client" : $"{n:N0} hub clients";

    private static void AddMemory(Report report, string measure, MemoryUse? memory) =>
        report.Value(measure, memory is null ? "n/a (no /proc)" : $"{Report.MiB(memory.RssMiB)} (peak {Report.MiB(memory.PeakRssMiB)})");

    private static async Task IdleAsync(int seconds, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Idle for {seconds} s…");
        await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
    }

    internal static void DeleteQuietly(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not delete {directory.FullName}: {ex.Message}");
        }
    }
}
