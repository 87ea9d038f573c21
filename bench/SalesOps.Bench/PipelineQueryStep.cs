namespace SalesOps.Bench;

/// <summary>
/// Part 1 of <c>pipeline</c>: the board's column totals and first page, in process, with the query plans of every
/// case that misses its goal. With <c>--index</c>, a copy of the database gets the candidate SQL and every case is
/// timed on both files in turn (call by call), so the comparison is not skewed by the machine's load changing.
/// </summary>
/// <param name="boards">Boards reloading at once in the refresh cases (the browser part's page count).</param>
/// <param name="allPlans">Query plans for every case, not only those over their goal.</param>
public sealed class PipelineQueryStep(string dbPath, TimingPlan plan, string? candidateIndexes, int boards, bool allPlans)
{
    private const string TrialSuffix = " — with candidate indexes";

    public async Task AddToAsync(Report report, CancellationToken cancellationToken)
    {
        var database = new BenchDatabase(dbPath);
        report.Context($"Board queries: `PipelineBoardService` in process on {Report.Count(await database.CountAsync("Deals"))} deals ({Path.GetFileName(dbPath)}), " +
            $"after the app's start-up steps (its EF migrations, then `{IndexTrial.AppStatistics}`); {plan.Iterations} calls per case after {plan.Warmup} warm-ups, " +
            $"at most {plan.BudgetSeconds} s per case{(candidateIndexes is null ? "" : " (shared by the two files, whose calls alternate)")}");
        // What the app does at every start, so the schema and statistics are the ones it would query.
        await CompanyFile.MigrateAsync(dbPath, cancellationToken);
        await database.ExecuteAsync(IndexTrial.AppStatistics, cancellationToken);
        var cases = await PipelineCases.ForAsync(database, boards);

        var copy = Path.Combine(Path.GetTempPath(), $"salesops-index-trial-{Environment.ProcessId}.db");
        try
        {
            List<(string Suffix, string Path)> files = [("", dbPath)];
            if (candidateIndexes is not null)
            {
                Console.WriteLine($"Candidate indexes on a copy ({copy}): {candidateIndexes}");
                var (build, withoutStatistics) = await IndexTrial.CreateAsync(dbPath, copy, candidateIndexes, cancellationToken);
                report.Context($"Candidate indexes, tried on a copy of the database: `{candidateIndexes}`");
                report.Value("Candidate indexes: build time on the copy", Report.Ms(build));
                report.Value("Candidate indexes: file size before → after", $"{Report.MiB(new FileInfo(dbPath).Length / 1048576.0)} → {Report.MiB(new FileInfo(copy).Length / 1048576.0)}");
                if (withoutStatistics.Count > 0)
                {
                    report.Note($"After the app's statistics step these Deals indexes have no `sqlite_stat1` row: {string.Join(", ", withoutStatistics)}.");
                }

                files.Add((TrialSuffix, copy));
            }

            await TimeAsync(report, cases, files, cancellationToken);
        }
        finally
        {
            CompanyFile.DeleteDatabase(copy);
        }
    }

    private async Task TimeAsync(Report report, IReadOnlyList<PipelineCase> cases, List<(string Suffix, string Path)> files, CancellationToken cancellationToken)
    {
        Console.WriteLine("Timing the pipeline board queries…");
        List<PipelineTiming> timings = [];
        try
        {
            foreach (var file in files)
            {
                timings.Add(await PipelineTiming.OpenAsync(file.Path, cancellationToken));
            }

            var cold = timings[0].Cold;
            report.Value("Board: first totals call (EF model build + query compile)", Report.Ms(cold.FirstTotals));
            report.Value("Board: first page load, cold (computes the staleness medians, cached 1 h; compiles the card queries)", Report.Ms(cold.ColdLoad));
            report.Value("Board: staleness medians alone, computed again on a new cache", Report.Ms(cold.Staleness));

            foreach (var @case in cases)
            {
                Console.WriteLine($"  {@case.Measure}…");
                var sql = new List<IReadOnlyList<CapturedSql>>();
                foreach (var timing in timings)
                {
                    sql.Add(await timing.CaptureAsync(@case, cancellationToken));
                }

                var results = await CallTiming.MeasureInterleavedAsync(timings.Select(t => t.Call(@case)).ToList(), plan, cancellationToken);
                for (var f = 0; f < files.Count; f++)
                {
                    await AddAsync(report, @case, results[f], files[f], sql[f], cancellationToken);
                }
            }
        }
        finally
        {
            foreach (var timing in timings)
            {
                await timing.DisposeAsync();
            }

            // EF's pooled connections would keep the deleted trial copy's disk space until the bench exits.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private async Task AddAsync(
        Report report, PipelineCase @case, Percentiles timing, (string Suffix, string Path) file, IReadOnlyList<CapturedSql> sql, CancellationToken cancellationToken)
    {
        report.Latency(@case.Measure + file.Suffix, timing, @case.Goal);
        if (@case.Call != PipelineCall.Refresh && (allPlans || timing.Count == 0 || !@case.Goal.IsMetBy(timing)))
        {
            report.Detail($"Query plans: {@case.Measure}{file.Suffix} ({@case.Goal.Describe(timing)})", await QueryPlan.ExplainAllAsync(file.Path, sql, cancellationToken));
        }
    }
}
