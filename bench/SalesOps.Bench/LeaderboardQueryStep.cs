using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Incentives;

namespace SalesOps.Bench;

/// <summary>
/// Part 1 of <c>leaderboard</c>: <see cref="LeaderboardService.LoadAsync"/> for this quarter, in process as the app
/// wires it, after the app's start-up steps; each case alternates call by call with the raw SQL the won-revenue
/// board rests on (won deals of the quarter summed per rep, on the covering index
/// <c>(StageId, ClosedOn, OwnerRepId, …, Amount)</c>), so the ratio is not skewed by the machine's load changing.
/// </summary>
public sealed class LeaderboardQueryStep(string dbPath, TimingPlan plan)
{
    private static readonly LatencyGoal Goal = new("p95", 50);

    /// <summary>What every won-revenue board needs from the deals: the same filter and grouping the service asks EF for.</summary>
    private const string RawSql =
        "SELECT OwnerRepId, SUM(Amount), COUNT(*) FROM Deals WHERE StageId = $won AND ClosedOn >= $start AND ClosedOn <= $end GROUP BY OwnerRepId";

    public async Task AddToAsync(Report report, CancellationToken cancellationToken)
    {
        var database = new BenchDatabase(dbPath);
        await CompanyFile.MigrateAsync(dbPath, cancellationToken);
        await database.ExecuteAsync(IndexTrial.AppStatistics, cancellationToken);
        var reps = await database.CountAsync("Reps");
        report.Context($"Leaderboard queries: `LeaderboardService.LoadAsync` in process on {Report.Count(await database.CountAsync("Deals"))} deals and {Report.Count(reps)} reps " +
            $"({Path.GetFileName(dbPath)}), after the app's start-up steps; {plan.Iterations} calls per case after {plan.Warmup} warm-ups, alternating with the raw SQL " +
            $"`{RawSql}` on one open connection; at most {plan.BudgetSeconds} s per case");

        await using var services = await InProcessServices.BuildAsync(dbPath, s => s.AddSingleton<LeaderboardService>(), null, cancellationToken);
        var service = services.GetRequiredService<LeaderboardService>();
        var stages = services.GetRequiredService<StageCatalog>();
        var today = InProcessServices.Today(services);
        var quarter = Period.QuarterOf(today);

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var raw = connection.CreateCommand();
        raw.CommandText = RawSql;
        raw.Parameters.AddWithValue("$won", stages.WonId);
        raw.Parameters.AddWithValue("$start", quarter.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        raw.Parameters.AddWithValue("$end", quarter.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        raw.Prepare();
        var rawRows = 0;
        async Task RawAsync(CancellationToken ct)
        {
            rawRows = 0;
            await using var reader = await raw.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rawRows++;
            }
        }

        report.Value("Leaderboard: raw SQL query plan", "`" + await PlanAsync(connection, raw) + "`");
        var cold = await CallTiming.OnceAsync(ct => service.LoadAsync(new LeaderboardFilter(LeaderboardMetric.WonRevenue), today, ct), cancellationToken);
        report.Value("Leaderboard: first call (EF model build, cold caches)", Report.Ms(cold));

        foreach (var metric in new[] { LeaderboardMetric.WonRevenue, LeaderboardMetric.Attainment, LeaderboardMetric.FairAttainment })
        {
            Console.WriteLine($"Timing the {metric} leaderboard for {quarter.Start:yyyy-MM-dd}…{quarter.End:yyyy-MM-dd}…");
            var rows = 0;
            var timings = await CallTiming.MeasureInterleavedAsync(
            [
                async ct => rows = (await service.LoadAsync(new LeaderboardFilter(metric), today, ct)).Entries.Count,
                RawAsync,
            ], plan, cancellationToken);
            report.Latency($"Leaderboard, {metric}, this quarter, {Report.Count(rows)} reps ranked — `LeaderboardService`", timings[0], Goal);
            report.Latency($"Leaderboard, {metric}: the raw SQL alongside ({Report.Count(rawRows)} reps with wins)", timings[1]);
            report.Value($"Leaderboard, {metric}: service p95 ÷ raw SQL p95",
                (timings[0].P95 / timings[1].P95).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "×");
        }
    }

    private static async Task<string> PlanAsync(SqliteConnection connection, SqliteCommand query)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + query.CommandText;
        foreach (SqliteParameter p in query.Parameters)
        {
            explain.Parameters.AddWithValue(p.ParameterName, p.Value);
        }

        List<string> steps = [];
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join("; ", steps);
    }
}
