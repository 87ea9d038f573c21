using SalesOps.Web.Data.Seeding;

namespace SalesOps.Bench;

/// <summary>
/// <c>pipeline [--deals 1000000] [--db PATH] …</c>: the "Live pipeline board" measurements. 1) column totals and the
/// board's first page in process on a generated company; 2) a stage move fanned out to many hub clients, next to a
/// bare SignalR broadcast of the same size; 3) a stage move reaching open browser boards.
/// </summary>
public static class PipelineCommand
{
    private static readonly string[] AllParts = ["queries", "hub", "browsers"];

    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var deals = args.Number("deals", 1, CompanySize.MaxDeals) ?? 1_000_000;
        var dbArgument = args.Text("db");
        var plan = new TimingPlan(args.Number("iterations", 1, 100_000) ?? 100, args.Number("warmup", 0, 10_000) ?? 10, args.Number("budget", 1, 3_600) ?? 30);
        var indexes = args.Text("index");
        var allPlans = args.Flag("plans");
        var hub = new FanoutSettings(
            args.Number("clients", 1, 10_000) ?? 1_000,
            args.Number("client-processes", 1, 16) ?? 2,
            args.Number("moves", 1, 3_600) ?? 60,
            args.Number("interval", 50, 60_000) ?? 1_000);
        var browsers = new BoardSettings(args.Number("pages", 1, 50) ?? 10, args.Number("board-moves", 1, 1_000) ?? 30, args.Number("board-interval", 100, 60_000) ?? 1_000);
        var startTimeout = TimeSpan.FromSeconds(args.Number("start-timeout", 1, 600) ?? 180);
        var webDll = Path.GetFullPath(args.Text("app") ?? BenchPaths.WebDll);
        var parts = Parts(args.Text("parts"));
        args.EnsureAllRead();

        var report = new Report("SalesOps pipeline board").WithMachine();
        var temp = Directory.CreateTempSubdirectory("salesops-pipeline-");
        try
        {
            var db = await CompanyAsync(report, dbArgument ?? Path.Combine(temp.FullName, "pipeline.db"), deals, cancellationToken);
            if (parts.Contains("queries"))
            {
                await new PipelineQueryStep(db, plan, indexes, browsers.Pages, allPlans).AddToAsync(report, cancellationToken);
            }

            if (parts.Contains("hub"))
            {
                await new HubFanoutStep(db, webDll, hub, startTimeout).AddToAsync(report, temp.FullName, cancellationToken);
            }

            if (parts.Contains("browsers"))
            {
                await new BoardBrowserStep(webDll, browsers, startTimeout).AddToAsync(report, temp.FullName, cancellationToken);
            }
        }
        finally
        {
            RunCommand.DeleteQuietly(temp);
        }

        await report.PublishAsync(BenchPaths.Results("pipeline-latest.md"));
        return 0;
    }

    /// <summary>Reuses the file at <paramref name="db"/> when there is one; otherwise generates a company of <paramref name="deals"/> deals into it.</summary>
    internal static async Task<string> CompanyAsync(Report report, string db, int deals, CancellationToken cancellationToken)
    {
        db = Path.GetFullPath(db);
        if (File.Exists(db))
        {
            var existing = await new BenchDatabase(db).CountAsync("Deals");
            Console.WriteLine($"Reusing {db} ({existing:N0} deals).");
            report.Context($"Company: existing file {db}, {Report.Count(existing)} deals");
            return db;
        }

        Console.WriteLine($"Generating {deals:N0} deals into {db}…");
        var generated = await CompanyFile.GenerateAsync(db, CompanyRequest.For(deals), fresh: true, cancellationToken);
        report.Context($"Company: generated {Report.Count(deals)} deals ({Report.Count(generated.Rows)} rows, {Report.Count((long)generated.RowsPerSecond)} rows/s) into {db}");
        return db;
    }

    private static HashSet<string> Parts(string? text)
    {
        var parts = (text ?? string.Join(',', AllParts)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = parts.Except(AllParts).ToList();
        return unknown.Count == 0 ? parts : throw new UsageException($"--parts takes {string.Join(", ", AllParts)}; unknown: {string.Join(", ", unknown)}.");
    }
}
