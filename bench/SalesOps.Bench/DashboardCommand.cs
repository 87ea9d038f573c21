namespace SalesOps.Bench;

/// <summary><c>dashboard --db PATH [--iterations 200] [--warmup 20] [--budget 60]</c>: the home dashboard query against an existing database.</summary>
public static class DashboardCommand
{
    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var db = args.RequiredText("db");
        var iterations = args.Number("iterations", 1, 100_000) ?? 200;
        var warmup = args.Number("warmup", 0, 10_000) ?? 20;
        var budget = args.Number("budget", 1, 3_600) ?? 60;
        args.EnsureAllRead();
        if (!File.Exists(db))
        {
            throw new UsageException($"No database at {db}; make one with `generate`.");
        }

        var report = new Report("SalesOps home dashboard query").WithMachine();
        await AddDashboardAsync(report, db, iterations, warmup, budget, cancellationToken);
        await report.PublishAsync(BenchPaths.Results("dashboard-latest.md"));
        return 0;
    }

    /// <summary>Times the dashboard for each role and adds the rows to <paramref name="report"/>; shared with <c>run</c>.</summary>
    public static async Task AddDashboardAsync(Report report, string db, int iterations, int warmup, int budgetSeconds, CancellationToken cancellationToken)
    {
        var deals = await new BenchDatabase(db).CountAsync("Deals");
        report.Context($"Home dashboard: {Report.Count(deals)} deals in {Path.GetFileName(db)}; {iterations} calls per role after {warmup} warm-ups, at most {budgetSeconds} s per role");
        Console.WriteLine($"Timing the home dashboard query on {deals:N0} deals…");
        var timing = new DashboardTiming(db, iterations, warmup, budgetSeconds);
        var results = await timing.RunAsync(cancellationToken);
        report.Value("Home dashboard, first call (EF model build + query compile)", Report.Ms(timing.FirstCall));
        foreach (var result in results)
        {
            report.Latency($"Home dashboard query, {result.Label}", result.Timing);
            if (result.Timing.Count < iterations)
            {
                report.Note($"Home dashboard, {result.Label}: only {result.Timing.Count} of {iterations} calls fit in the {budgetSeconds} s budget.");
            }
        }
    }
}
