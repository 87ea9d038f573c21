using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Import;
using SalesOps.Shared.Kpis;
using SalesOps.Web;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Data;
using SalesOps.Web.Features.Insights;
using SalesOps.Web.Live;

namespace SalesOps.Bench;

/// <summary>
/// <c>data [--deals 1000000] [--db PATH] [--parts import,insights] [--iterations 20] [--warmup 3] [--budget 60]</c>:
/// the "Data &amp; insights" numbers. import: the company's deals exported as the four-file CRM export (accounts,
/// products, sales teams, pipeline) and imported into a new database through the app's <see cref="ImportService"/>,
/// RSS sampled throughout; then the same number of deal rows through the app's raw bulk insert into another new
/// database, for comparison. insights: what /insights reads (KPIs by team, the 12-month trend, the funnel, the
/// quota) and the forecast, in process, for a VP.
/// </summary>
public static class DataCommand
{
    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var deals = args.Number("deals", 1_000, 5_000_000) ?? 1_000_000;
        var dbArgument = args.Text("db");
        var parts = (args.Text("parts") ?? "import,insights").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var plan = new TimingPlan(args.Number("iterations", 1, 10_000) ?? 20, args.Number("warmup", 0, 1_000) ?? 3, args.Number("budget", 1, 3_600) ?? 60);
        args.EnsureAllRead();

        var report = new Report("SalesOps data import and insights").WithMachine();
        var temp = Directory.CreateTempSubdirectory("salesops-bench-data");
        try
        {
            var db = await PipelineCommand.CompanyAsync(report, dbArgument ?? Path.Combine(temp.FullName, "company.db"), deals, cancellationToken);
            await CompanyFile.MigrateAsync(db, cancellationToken);
            if (parts.Contains("import"))
            {
                await ImportAsync(report, db, temp.FullName, cancellationToken);
            }

            if (parts.Contains("insights"))
            {
                await InsightsAsync(report, db, plan, cancellationToken);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            RunCommand.DeleteQuietly(temp);
        }

        await report.PublishAsync(BenchPaths.Results("data-latest.md"));
        return 0;
    }

    private static async Task ImportAsync(Report report, string company, string folder, CancellationToken cancellationToken)
    {
        var export = Path.Combine(folder, "export");
        Console.WriteLine("Writing the company as a CRM export…");
        var written = Stopwatch.StartNew();
        var dealRows = await CrmExportWriter.WriteAsync(company, export, cancellationToken);
        report.Context($"Import: {Report.Count(dealRows)} deal rows in {export}/sales_pipeline.csv " +
            $"({new FileInfo(Path.Combine(export, "sales_pipeline.csv")).Length / (1024.0 * 1024):0} MiB), written in {written.Elapsed.TotalSeconds:0} s");

        var target = Path.Combine(folder, "import.db");
        await CompanyFile.MigrateAsync(target, cancellationToken);
        await using (var services = await InProcessServices.BuildAsync(target, AddImport, AppPragmas, cancellationToken))
        {
            var files = Directory.GetFiles(export, "*.csv").Order().Select(p => ImportSourceFile.FromPath(p)).ToList();
            var request = new ImportRequest(files, ImportMapping.CrmExport());
            using var memory = new RssSampler();
            var rssBefore = RssSampler.CurrentMiB();
            Console.WriteLine($"Importing {dealRows:N0} deals through ImportService…");
            var start = Stopwatch.StartNew();
            var result = await services.GetRequiredService<ImportService>().ImportAsync(
                new Actor("bench", Roles.Admin), request, new Progress<ImportProgress>(p => memory.Note(p.Fraction)), cancellationToken);
            start.Stop();
            memory.Dispose();
            if (!result.Imported)
            {
                throw new InvalidOperationException($"The import was refused: {string.Join("; ", result.Problems.Take(5))}");
            }

            var rate = result.Counts.DealsAdded / start.Elapsed.TotalSeconds;
            report.Value("Import through ImportService (4 files, one transaction), deal rows/s", $"{Report.Count((long)rate)} rows/s ({Report.Count(result.Counts.DealsAdded)} deals + {Report.Count(result.Counts.Accounts)} accounts, {Report.Count(result.Counts.Reps)} reps in {start.Elapsed.TotalSeconds:0.0} s); goal ≥ 50,000: {(rate >= 50_000 ? "met" : "missed")}");
            report.Value("Import RSS: before → peak during → at 25/50/75/100%", $"{Report.MiB(rssBefore)} → {Report.MiB(memory.PeakMiB)} ({memory.Describe()})");

            var raw = await RawInsertAsync(target, Path.Combine(folder, "raw.db"), cancellationToken);
            var rawRate = result.Counts.DealsAdded / raw.TotalSeconds;
            report.Value("Raw bulk insert of the same deal rows (the app's BulkInsert: prepared INSERT, one transaction, all of Deals' indexes, no search trigger), rows/s", $"{Report.Count((long)rawRate)} rows/s ({raw.TotalSeconds:0.0} s)");
            report.Value("Import ÷ raw", $"{rate / rawRate:P0} (goal ≈ 25%)");
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>The app's per-connection settings (synchronous=NORMAL in WAL), so both writes commit as the app's would.</summary>
    private static void AppPragmas(DbContextOptionsBuilder options) => options.AddInterceptors(new SqlitePragmas());

    private static void AddImport(IServiceCollection services)
    {
        services.AddLogging();
        services.AddSingleton(Options.Create(new SalesOpsOptions()));
        services.AddSingleton<LiveEventBus>();
        services.AddSingleton<LiveWriter>();
        services.AddSingleton<ImportService>();
    }

    /// <summary>
    /// The lower bound: the very deal rows the import wrote, read back from its file and inserted with the app's
    /// <see cref="BulkInsert{T}"/> (one prepared INSERT, one transaction) into a new file with the app's schema: the
    /// same Deals table with all its indexes and foreign keys, the same teams, reps, accounts and products, the same
    /// page cache as the import connection. Only the INSERTs and the commit are timed, not the reading. Without the
    /// search trigger: with it, every row also pays an FTS5 insert (the import indexes its rows in one statement instead).
    /// </summary>
    private static async Task<TimeSpan> RawInsertAsync(string imported, string path, CancellationToken cancellationToken)
    {
        await CompanyFile.MigrateAsync(path, cancellationToken);
        var target = new BenchDatabase(path);
        await target.ExecuteAsync(
            $"ATTACH DATABASE '{imported.Replace("'", "''", StringComparison.Ordinal)}' AS src; " +
            "INSERT INTO Teams SELECT * FROM src.Teams; INSERT INTO Reps SELECT * FROM src.Reps; " +
            "INSERT INTO Accounts SELECT * FROM src.Accounts; INSERT INTO Products SELECT * FROM src.Products; " +
            "DROP TRIGGER DealSearch_DealInserted; DETACH DATABASE src;", cancellationToken);
        SqliteConnection.ClearAllPools();

        await using var source = await InProcessServices.BuildAsync(imported, _ => { }, null, cancellationToken);
        await using var services = await InProcessServices.BuildAsync(path, _ => { }, AppPragmas, cancellationToken);
        await using var read = await source.GetRequiredService<IDbContextFactory<SalesOpsDbContext>>().CreateDbContextAsync(cancellationToken);
        await using var db = await services.GetRequiredService<IDbContextFactory<SalesOpsDbContext>>().CreateDbContextAsync(cancellationToken);
        Console.WriteLine("Raw bulk insert of the same deals…");
        var timed = new Stopwatch();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(ImportBulkLoad.CacheSql, cancellationToken);
        await using (var insert = await BulkInsert.PrepareAsync<Deal>(db, cancellationToken))
        {
            await foreach (var deal in read.Deals.AsNoTracking().OrderBy(d => d.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                timed.Start();
                await insert.AddAsync(deal, cancellationToken);
                timed.Stop();
            }
        }

        timed.Start();
        await transaction.CommitAsync(cancellationToken);
        timed.Stop();
        return timed.Elapsed;
    }

    private static async Task InsightsAsync(Report report, string db, TimingPlan plan, CancellationToken cancellationToken)
    {
        var deals = await new BenchDatabase(db).CountAsync("Deals");
        await new BenchDatabase(db).ExecuteAsync(IndexTrial.AppStatistics, cancellationToken);
        await using var services = await InProcessServices.BuildAsync(db, s =>
        {
            s.AddSingleton<KpiService>();
            s.AddSingleton<ForecastService>();
        }, null, cancellationToken);
        var kpis = services.GetRequiredService<KpiService>();
        var forecasts = services.GetRequiredService<ForecastService>();
        var today = InProcessServices.Today(services);
        var vp = new Actor("bench", Roles.VP);
        report.Context($"Insights: {Report.Count(deals)} deals in {db}; today {today:yyyy-MM-dd}; VP (whole company); {plan.Iterations} calls after {plan.Warmup} warm-ups, at most {plan.BudgetSeconds} s each");

        async Task Page(Period period, CancellationToken ct)
        {
            // What InsightsPage.LoadAsync reads, in the same order.
            await kpis.LoadAsync(vp, period, KpiGrouping.Team, ct);
            await kpis.LoadAsync(vp, InsightsPeriods.TrendOf(period), KpiGrouping.Month, ct);
            await kpis.LoadFunnelAsync(vp, period, ct);
            await kpis.LoadQuotaAsync(vp, period, ct);
        }

        var quarter = Period.QuarterOf(today);
        var year = InsightsPeriods.Of(InsightsPeriod.Last12Months, today);
        Console.WriteLine("Timing /insights and the forecast…");
        report.Value("/insights, first call (EF model build + query compile)", Report.Ms(await CallTiming.OnceAsync(ct => Page(quarter, ct), cancellationToken)));
        var goal = new LatencyGoal("p95", 200);
        var quarterTiming = await CallTiming.MeasureAsync(ct => Page(quarter, ct), plan, cancellationToken);
        report.Latency("/insights server-side, this quarter by team (KPIs + 12-month trend + funnel + quota)", quarterTiming, goal);
        var yearTiming = await CallTiming.MeasureAsync(ct => Page(year, ct), plan, cancellationToken);
        report.Latency("/insights server-side, last 12 months by team", yearTiming, goal);
        var forecast = await CallTiming.MeasureAsync(ct => forecasts.LoadAsync(vp, today, ct), plan with { Iterations = Math.Max(3, plan.Iterations / 4) }, cancellationToken);
        report.Latency("/insights/forecast server-side (this + next quarter, history forecast, 4-quarter backtest)", forecast, new LatencyGoal("p95", 1_000));
    }
}

/// <summary>The process's resident memory, noted at each progress report of a long call.</summary>
public sealed class RssSampler : IDisposable
{
    private static readonly double[] Marks = [0.25, 0.5, 0.75, 1.0];

    private readonly List<(double Fraction, double MiB)> _notes = [];
    private readonly Timer _timer;
    private double _peak;

    public RssSampler() => _timer = new Timer(_ => Peak(CurrentMiB()), null, 0, 200);

    public double PeakMiB => Math.Max(_peak, _notes.Count == 0 ? 0 : _notes.Max(n => n.MiB));

    public static double CurrentMiB()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }

    public void Note(double fraction)
    {
        lock (_notes)
        {
            _notes.Add((fraction, CurrentMiB()));
        }
    }

    public void Dispose() => _timer.Dispose();

    public string Describe()
    {
        lock (_notes)
        {
            return string.Join(" / ", Marks.Select(f =>
                _notes.FirstOrDefault(n => n.Fraction >= f) is { MiB: > 0 } n ? Report.MiB(n.MiB) : "–"));
        }
    }

    private void Peak(double mib)
    {
        lock (_notes)
        {
            _peak = Math.Max(_peak, mib);
        }
    }
}
