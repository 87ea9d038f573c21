using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Shared.Access;
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

        await using var provider = await InProcessServices.BuildAsync(dbPath, s => s.AddSingleton<HomeDashboardService>(), configureContext: null, cancellationToken);
        var dashboard = provider.GetRequiredService<HomeDashboardService>();
        var today = InProcessServices.Today(provider);

        var first = Stopwatch.StartNew();
        await dashboard.LoadAsync(actors[0].Actor, today, cancellationToken);
        FirstCall = first.Elapsed;

        List<DashboardTimingResult> results = [];
        foreach (var (label, actor) in actors)
        {
            results.Add(new DashboardTimingResult(label, actor, await TimeAsync(dashboard, actor, today, cancellationToken)));
        }

        return results;
    }

    private Task<Percentiles> TimeAsync(HomeDashboardService dashboard, Actor actor, DateOnly today, CancellationToken cancellationToken) =>
        CallTiming.MeasureAsync(ct => dashboard.LoadAsync(actor, today, ct), new TimingPlan(iterations, warmup, budgetSecondsPerRole), cancellationToken);
}
