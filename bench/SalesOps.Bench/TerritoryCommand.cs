namespace SalesOps.Bench;

/// <summary>
/// <c>territories [--db PATH] [--accounts 100000] [--deals 300000] [--parts figures,render,browsers] …</c>: the
/// "Territory board and map" measurements. figures: balance figures, first board load and map data in process on a
/// large company; render: the pages' server-side first render on the demo company; browsers: an account move
/// reaching open boards and maps.
/// </summary>
public static class TerritoryCommand
{
    private static readonly string[] AllParts = ["figures", "render", "browsers"];

    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var accounts = args.Number("accounts", 200, 5_000_000) ?? 100_000;
        var deals = args.Number("deals", 1, 50_000_000) ?? 6 * accounts;
        var dbArgument = args.Text("db");
        var plan = new TimingPlan(args.Number("iterations", 1, 100_000) ?? 100, args.Number("warmup", 0, 10_000) ?? 10, args.Number("budget", 1, 3_600) ?? 30);
        var pages = new TerritoryPageSettings(
            args.Number("boards", 0, 50) ?? 5,
            args.Number("maps", 0, 50) ?? 5,
            args.Number("moves", 1, 1_000) ?? 30,
            args.Number("interval", 100, 60_000) ?? 1_000,
            new TimingPlan(args.Number("render-iterations", 1, 10_000) ?? 50, 5, plan.BudgetSeconds));
        var startTimeout = TimeSpan.FromSeconds(args.Number("start-timeout", 1, 600) ?? 180);
        var webDll = Path.GetFullPath(args.Text("app") ?? BenchPaths.WebDll);
        var parts = (args.Text("parts") ?? string.Join(',', AllParts)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (parts.Except(AllParts).ToList() is { Count: > 0 } unknown)
        {
            throw new UsageException($"--parts takes {string.Join(", ", AllParts)}; unknown: {string.Join(", ", unknown)}.");
        }

        args.EnsureAllRead();

        var report = new Report("SalesOps territory board and map").WithMachine();
        var temp = Directory.CreateTempSubdirectory("salesops-territories-");
        try
        {
            if (parts.Contains("figures"))
            {
                var db = Path.GetFullPath(dbArgument ?? Path.Combine(temp.FullName, "territories.db"));
                if (File.Exists(db))
                {
                    Console.WriteLine($"Reusing {db}.");
                }
                else
                {
                    Console.WriteLine($"Generating {accounts:N0} accounts and {deals:N0} deals into {db}…");
                    var generated = await CompanyFile.GenerateAsync(db, CompanyRequest.For(deals, accounts), fresh: true, cancellationToken);
                    report.Context($"Company: generated {Report.Count(accounts)} accounts, {Report.Count(deals)} deals ({Report.Count(generated.Rows)} rows, " +
                        $"{Report.Count((long)generated.RowsPerSecond)} rows/s) into {db}");
                }

                await new TerritoryFiguresStep(db, plan).AddToAsync(report, cancellationToken);
            }

            if (parts.Contains("render") || parts.Contains("browsers"))
            {
                await new TerritoryPagesStep(webDll, pages, startTimeout).AddToAsync(report, temp.FullName, parts.Contains("render"), parts.Contains("browsers"), cancellationToken);
            }
        }
        finally
        {
            RunCommand.DeleteQuietly(temp);
        }

        await report.PublishAsync(BenchPaths.Results("territories-latest.md"));
        return 0;
    }
}
