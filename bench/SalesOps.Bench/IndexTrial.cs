namespace SalesOps.Bench;

/// <summary>
/// A copy of a database with candidate indexes added, to measure what an index would buy before the app's
/// migration gets it. The original file is never changed.
/// </summary>
public static class IndexTrial
{
    /// <summary>What the app runs at every start-up (DatabaseInitializer), so the planner sees the statistics it will see in production.</summary>
    public const string AppStatistics = "PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;";

    /// <summary>Copies <paramref name="dbPath"/> to <paramref name="copyPath"/> and runs <paramref name="statements"/> on the copy.</summary>
    /// <returns>How long the statements took, and the indexes that have no statistics after the app's analyze step.</returns>
    public static async Task<(TimeSpan Build, IReadOnlyList<string> WithoutStatistics)> CreateAsync(
        string dbPath, string copyPath, string statements, CancellationToken cancellationToken)
    {
        var source = new BenchDatabase(dbPath);
        await source.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        CompanyFile.DeleteDatabase(copyPath);
        File.Copy(dbPath, copyPath);

        var copy = new BenchDatabase(copyPath);
        var build = await CallTiming.OnceAsync(ct => copy.ExecuteAsync(statements, ct), cancellationToken);
        await copy.ExecuteAsync(AppStatistics, cancellationToken);
        return (build, await copy.IndexesWithoutStatisticsAsync("Deals"));
    }
}
