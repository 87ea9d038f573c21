using Microsoft.Extensions.DependencyInjection;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Features.Territories;

namespace SalesOps.Bench;

/// <summary>
/// Part <c>figures</c> of <c>territories</c>: the territory board's balance figures (every territory summed over all
/// its accounts and their deals), the board's first load and the map's data, in process on a large company, with the
/// query plans of every case over its goal.
/// </summary>
public sealed class TerritoryFiguresStep(string dbPath, TimingPlan plan)
{
    private static readonly LatencyGoal FiguresGoal = new("p95", 50);
    private static readonly LatencyGoal FirstLoadGoal = new("p95", 300);

    public async Task AddToAsync(Report report, CancellationToken cancellationToken)
    {
        var database = new BenchDatabase(dbPath);
        report.Context($"Territory queries: `TerritoryBoardService` / `TerritoryMapService` in process on {Report.Count(await database.CountAsync("Accounts"))} accounts, " +
            $"{Report.Count(await database.CountAsync("Territories"))} territories and {Report.Count(await database.CountAsync("Deals"))} deals ({Path.GetFileName(dbPath)}), " +
            $"after the app's start-up steps; {plan.Iterations} calls per case after {plan.Warmup} warm-ups, at most {plan.BudgetSeconds} s per case");
        await CompanyFile.MigrateAsync(dbPath, cancellationToken);
        await database.ExecuteAsync(IndexTrial.AppStatistics, cancellationToken);

        var capture = new SqlCapture();
        await using var provider = await InProcessServices.BuildAsync(
            dbPath,
            s => s.AddSingleton<TerritoryBoardService>().AddSingleton<TerritoryMapService>(),
            o => o.AddInterceptors(capture),
            cancellationToken);
        var board = provider.GetRequiredService<TerritoryBoardService>();
        var map = provider.GetRequiredService<TerritoryMapService>();
        var today = InProcessServices.Today(provider);
        var vp = new Actor("bench", Roles.VP);

        (string Measure, LatencyGoal Goal, Func<CancellationToken, Task> Call)[] cases =
        [
            ("Balance figures of every territory (`BalanceAsync`)", FiguresGoal, ct => board.BalanceAsync(today, cancellationToken: ct)),
            ("Board first load, VP: figures + first 20 cards of every column (`LoadAsync`)", FirstLoadGoal, ct => board.LoadAsync(vp, TerritoryFilter.Default, today, cancellationToken: ct)),
            ("Map data, VP: figures, regions, markers (`TerritoryMapService.LoadAsync`)", FirstLoadGoal, ct => map.LoadAsync(vp, today, cancellationToken: ct)),
        ];
        report.Value("Territory queries: first call, cold (EF model build + query compile)",
            Report.Ms(await CallTiming.OnceAsync(ct => board.BalanceAsync(today, cancellationToken: ct), cancellationToken)));
        foreach (var (measure, goal, call) in cases)
        {
            Console.WriteLine($"  {measure}…");
            capture.Take();
            capture.Capturing = true;
            await call(cancellationToken);
            capture.Capturing = false;
            var sql = capture.Take();
            var timing = await CallTiming.MeasureAsync(call, plan, cancellationToken);
            report.Latency(measure, timing, goal);
            if (!goal.IsMetBy(timing))
            {
                report.Detail($"Query plans: {measure} ({goal.Describe(timing)})", await QueryPlan.ExplainAllAsync(dbPath, sql, cancellationToken));
            }
        }
    }
}
