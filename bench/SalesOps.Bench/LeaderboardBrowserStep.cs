using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Bench;

/// <summary>
/// Part 2 of <c>leaderboard</c>: a deal won reaching every open leaderboard. The app runs on its own demo company
/// (with users to sign in as); <c>--pages</c> leaderboards ranked by won revenue are open, signed in as the VP. The
/// bench wins deals of different reps in Negotiation and reopens them, in turn, through the ingest API, and times
/// until each page shows the rep's row with its new exact value (<c>data-value</c>, set in the same render as
/// <c>data-rank</c>), with <see cref="BoardMoveLatency"/>.
/// </summary>
public sealed class LeaderboardBrowserStep(string webDll, BoardSettings settings, TimeSpan startTimeout)
{
    private const string Password = "SalesOps-demo-1";
    private const string BoardPath = "/incentives/leaderboard?metric=WonRevenue";
    private static readonly LatencyGoal Goal = new("p95", 300);

    public async Task AddToAsync(Report report, string tempDirectory, CancellationToken cancellationToken)
    {
        report.Context($"Browser leaderboards: {settings.Pages} `{BoardPath}` pages (headless system Chromium, one context each, signed in as {DemoCompany.VpEmail}) " +
            $"on the app's demo company; {settings.Moves} changes {settings.IntervalMs} ms apart after {settings.Warmup} unmeasured: {settings.Shuttles} deals of different reps won " +
            "and reopened in turn through `PATCH /api/deals/{id}`; latency = send → MutationObserver sees the rep's row with its new value (`Date.now()` in the page)");

        Console.WriteLine("Browser leaderboards: starting the app on a new demo company…");
        var data = Directory.CreateDirectory(Path.Combine(tempDirectory, "leaderboard-app"));
        var environment = AppProcess.EnvironmentForBrowsers(webDll);
        var (app, startTime) = await AppProcess.StartAsync(
            webDll, data.FullName, Path.Combine(data.FullName, "salesops.db"), seedDemoCompany: true, environment, startTimeout, cancellationToken);
        await using (app)
        {
            report.Value("Browser leaderboards: app start with a new demo company → first `GET /account/login` 200", Report.Ms(startTime));
            if (environment != AppProcess.ProductionEnvironment)
            {
                report.Note($"Browser leaderboards: the app ran in the {environment} environment (a build output has no wwwroot; see the pipeline bench).");
            }

            await using var browsers = await BoardBrowsers.LaunchAsync(settings.ReducedMotion);
            await browsers.OpenBoardsAsync(app.BaseAddress, DemoCompany.VpEmail, Password, settings.Pages, BoardPath, "li[data-rep-id][data-value]");
            var moves = await WinMoves.PickAsync(app.DatabasePath, browsers.Pages[0], settings.Shuttles, cancellationToken);
            Console.WriteLine($"  {settings.Pages} leaderboards open; winning and reopening deals {string.Join(", ", moves.Deals.Select(d => $"{d.DealId} (rep {d.RepId})"))}…");
            await CpuUse.AddIdleToAsync(report, "Browser leaderboards", app.ProcessId, TimeSpan.FromSeconds(10), cancellationToken);
            var cpu = CpuUse.Start(app.ProcessId);
            var result = await new BoardMoveLatency(settings, browsers.Pages, moves).RunAsync(app.BaseAddress, DemoCompany.IngestKey, cancellationToken);
            cpu.AddTo(report, "Browser leaderboards", settings.Warmup + settings.Moves);
            report.Latency($"Deal won or reopened → the rep's new value on every open leaderboard ({settings.Pages} pages)", result.Latency, Goal);
            report.Latency("Deal won or reopened: HTTP round trip (PATCH /api/deals/{id})", result.RoundTrip);
            report.Value("Browser leaderboards: changes measured / failed / page updates missing", $"{result.Sent} / {result.Failed} / {result.Missing}");
            report.Value($"Browser leaderboards: app RSS with {settings.Pages} circuits", app.ReadMemory() is { } m ? Report.MiB(m.RssMiB) : "n/a");
            if (result.FirstError is { } error)
            {
                report.Note($"Browser leaderboards: first failed change: {error.ReplaceLineEndings(" ")}");
            }
        }
    }
}

/// <summary>A deal in Negotiation of a rep on the board, and the rep's won revenue on the board before it is won.</summary>
public sealed record WinShuttle(int DealId, int RepId, decimal Amount, decimal Before);

/// <summary>Wins each deal, then reopens it on its next turn: the rep's row shows before + amount, then before again.</summary>
public sealed class WinMoves(IReadOnlyList<WinShuttle> deals) : IBoardMoves
{
    private readonly HashSet<int> _won = [];

    public IReadOnlyList<WinShuttle> Deals => deals;

    public BoardMove Next(int index)
    {
        var deal = deals[index % deals.Count];
        var win = !_won.Contains(deal.DealId);
        var value = win ? deal.Before + deal.Amount : deal.Before;
        return new BoardMove(deal.DealId, win ? "Won" : "Negotiation",
            $"li[data-rep-id='{deal.RepId}'][data-value='{value.ToString(CultureInfo.InvariantCulture)}']");
    }

    public void Moved(BoardMove move)
    {
        if (move.Stage == "Won")
        {
            _won.Add(move.DealId);
        }
        else
        {
            _won.Remove(move.DealId);
        }
    }

    /// <summary>The largest Negotiation deal of each of <paramref name="count"/> reps on the board, with the rep's value there now.</summary>
    public static async Task<WinMoves> PickAsync(string dbPath, IPage board, int count, CancellationToken cancellationToken)
    {
        var onBoard = (await board.Locator("li[data-rep-id][data-value]").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.repId, r.dataset.value])"))
            .ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => decimal.Parse(r[1], CultureInfo.InvariantCulture));
        await using var services = await InProcessServices.BuildAsync(dbPath, _ => { }, null, cancellationToken);
        await using var db = await services.GetRequiredService<IDbContextFactory<SalesOpsDbContext>>().CreateDbContextAsync(cancellationToken);
        var negotiation = SalesOpsDbContext.DefaultStages.Single(s => s.Name == "Negotiation").Id;
        var candidates = await db.Deals.AsNoTracking()
            .Where(d => d.StageId == negotiation)
            .Select(d => new { d.Id, d.OwnerRepId, d.Amount })
            .ToListAsync(cancellationToken);
        var picked = candidates
            .Where(d => onBoard.ContainsKey(d.OwnerRepId))
            .GroupBy(d => d.OwnerRepId)
            .Select(g => g.OrderByDescending(d => d.Amount).First())
            .Take(count)
            .Select(d => new WinShuttle(d.Id, d.OwnerRepId, d.Amount, onBoard[d.OwnerRepId]))
            .ToList();
        return picked.Count > 0 ? new WinMoves(picked) : throw new InvalidOperationException("No deal in Negotiation of a rep on the leaderboard.");
    }
}
