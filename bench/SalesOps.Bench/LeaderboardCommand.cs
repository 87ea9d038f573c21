namespace SalesOps.Bench;

/// <summary>
/// <c>leaderboard [--deals 1000000] [--reps 1000] [--db PATH] …</c>: the incentive leaderboard. 1) a quarter's board
/// in process on a generated company, next to the raw SQL it rests on (same file, same index, calls alternating);
/// 2) a deal won (and reopened) reaching open browser leaderboards.
/// </summary>
public static class LeaderboardCommand
{
    private static readonly string[] AllParts = ["queries", "browsers"];

    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var deals = args.Number("deals", 1, SalesOps.Web.Data.Seeding.CompanySize.MaxDeals) ?? 1_000_000;
        var reps = args.Number("reps", 1, 100_000) ?? 1_000;
        var dbArgument = args.Text("db");
        var plan = new TimingPlan(args.Number("iterations", 1, 100_000) ?? 100, args.Number("warmup", 0, 10_000) ?? 10, args.Number("budget", 1, 3_600) ?? 60);
        var browsers = new BoardSettings(args.Number("pages", 1, 50) ?? 10, args.Number("board-moves", 1, 1_000) ?? 30, args.Number("board-interval", 100, 60_000) ?? 1_000,
            ReducedMotion: args.Flag("reduced-motion"));
        var startTimeout = TimeSpan.FromSeconds(args.Number("start-timeout", 1, 600) ?? 180);
        var webDll = Path.GetFullPath(args.Text("app") ?? BenchPaths.WebDll);
        var partsText = args.Text("parts");
        args.EnsureAllRead();
        var parts = (partsText ?? string.Join(',', AllParts)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (parts.Except(AllParts).ToList() is { Count: > 0 } unknown)
        {
            throw new UsageException($"--parts takes {string.Join(", ", AllParts)}; unknown: {string.Join(", ", unknown)}.");
        }

        var report = new Report("SalesOps incentive leaderboard").WithMachine();
        var temp = Directory.CreateTempSubdirectory("salesops-leaderboard-");
        try
        {
            if (parts.Contains("queries"))
            {
                var db = await PipelineCommand.CompanyAsync(report, dbArgument ?? Path.Combine(temp.FullName, "leaderboard.db"), deals, cancellationToken, reps);
                await new LeaderboardQueryStep(db, plan).AddToAsync(report, cancellationToken);
            }

            if (parts.Contains("browsers"))
            {
                await new LeaderboardBrowserStep(webDll, browsers, startTimeout).AddToAsync(report, temp.FullName, cancellationToken);
            }
        }
        finally
        {
            RunCommand.DeleteQuietly(temp);
        }

        await report.PublishAsync(BenchPaths.Results("leaderboard-latest.md"));
        return 0;
    }
}
