using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Shared.Access;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Home;

namespace SalesOps.Bench;

public sealed record DashboardTimingResult(string Label, Actor Actor, Percentiles Timing);

/// <summary>
/// Times the home dashboard's server-side query in process: the app's own <see cref="HomeDashboardService"/> wired
/// as the app wires it (a DbContext factory over the same SQLite file), for a VP, a manager and a rep.
/// </summary>
public sealed class DashboardTiming(string dbPath, int iterations = 200, int warmup = 20, int budgetSecondsPerRole = 60)
{
    /// <summary>The first call of all, which also builds the EF model and compiles the queries.</summary>
    public TimeSpan FirstCall { get; private set; }

    public async Task<IReadOnlyList<DashboardTimingResult>> RunAsync(CancellationToken cancellationToken)
    {
        var database = new BenchDatabase(dbPath);
        var team = await database.TeamWithDealsAsync(1) ?? 1;
        var rep = await database.BusiestRepAsync() ?? 1;
        (string Label, Actor Actor)[] actors =
        [
            ("VP (all deals)", new Actor("bench", Roles.VP)),
            ($"Manager (team {team})", new Actor("bench", Roles.Manager, TeamId: (int)team)),
            ($"Rep (rep {rep}, most deals)", new Actor("bench", Roles.Rep, RepId: (int)rep)),
        ];

        var services = new ServiceCollection();
        var connectionString = DataExtensions.ResolveSqlitePath($"Data Source={Path.GetFullPath(dbPath)}", Directory.GetCurrentDirectory());
        services.AddDbContextFactory<SalesOpsDbContext>(o => o.UseSqlite(connectionString));
        services.AddSingleton<StageCatalog>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<HomeDashboardService>();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StageCatalog>().LoadAsync(cancellationToken);
        var dashboard = provider.GetRequiredService<HomeDashboardService>();

        var first = Stopwatch.StartNew();
        await dashboard.LoadAsync(actors[0].Actor, cancellationToken);
        FirstCall = first.Elapsed;

        List<DashboardTimingResult> results = [];
        foreach (var (label, actor) in actors)
        {
            results.Add(new DashboardTimingResult(label, actor, await TimeAsync(dashboard, actor, cancellationToken)));
        }

        return results;
    }

    private async Task<Percentiles> TimeAsync(HomeDashboardService dashboard, Actor actor, CancellationToken cancellationToken)
    {
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < warmup && budget.Elapsed.TotalSeconds < budgetSecondsPerRole / 4.0; i++)
        {
            await dashboard.LoadAsync(actor, cancellationToken);
        }

        var samples = new List<double>(iterations);
        while (samples.Count < iterations && budget.Elapsed.TotalSeconds < budgetSecondsPerRole)
        {
            var start = Stopwatch.GetTimestamp();
            await dashboard.LoadAsync(actor, cancellationToken);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return Percentiles.Of(samples);
    }
}
