using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Bench;

/// <summary>
/// Part 3 of <c>pipeline</c>: a stage move reaching open browser boards. The app runs on its own demo company (a new
/// database it seeds, with users to sign in as); the boards are signed in as the VP, so every deal is on them.
/// </summary>
public sealed class BoardBrowserStep(string webDll, BoardSettings settings, TimeSpan startTimeout)
{
    private const string Password = "SalesOps-demo-1";
    private static readonly LatencyGoal Goal = new("p95", 300);

    public async Task AddToAsync(Report report, string tempDirectory, CancellationToken cancellationToken)
    {
        report.Context($"Browser boards: {settings.Pages} `{BoardBrowsers.BoardPath}` pages (headless system Chromium, one context each, signed in as {DemoCompany.VpEmail}) " +
            $"on the app's demo company; {settings.Moves} moves {settings.IntervalMs} ms apart after {settings.Warmup} unmeasured, {settings.Shuttles} deals shuttled between open columns " +
            "through `PATCH /api/deals/{id}`; latency = send → MutationObserver sees the card in the target column (`Date.now()` in the page)");

        Console.WriteLine("Browser boards: starting the app on a new demo company…");
        var data = Directory.CreateDirectory(Path.Combine(tempDirectory, "board-app"));
        var environment = AppProcess.EnvironmentForBrowsers(webDll);
        if (environment != AppProcess.ProductionEnvironment)
        {
            report.Note($"Browser boards: the app ran in the {environment} environment: {Path.GetFileName(webDll)} is a build output without wwwroot, " +
                "and in Production such an app serves every static asset (blazor.web.js included) as an empty 200, so no circuit starts. Pass a publish output with --app to measure Production.");
        }

        var (app, startTime) = await AppProcess.StartAsync(
            webDll, data.FullName, Path.Combine(data.FullName, "salesops.db"), seedDemoCompany: true, environment, startTimeout, cancellationToken);
        await using (app)
        {
            report.Value("Browser boards: app start with a new demo company → first `GET /account/login` 200", Report.Ms(startTime));
            await using var browsers = await BoardBrowsers.LaunchAsync();
            try
            {
                await browsers.OpenBoardsAsync(app.BaseAddress, DemoCompany.VpEmail, Password, settings.Pages);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                Console.WriteLine($"  Could not open the board: {ex.Message}");
                report.Latency("Stage move → card in its new column on every open board", Percentiles.Of([]), Goal);
                report.Note($"Browser boards not measured: `{BoardBrowsers.BoardPath}` did not show a board with cards " +
                    $"(`section[data-stage-id] article[data-deal-id]`) after signing in: {ex.Message.Split('\n')[0]}");
                return;
            }

            var cards = (await browsers.Pages[0].EvaluateAsync<int[][]>(BoardObserverScript.Cards)).Select(c => (c[0], c[1])).ToList();
            var shuttles = BoardMovePlan.Pick(cards, settings.Shuttles);
            if (shuttles.Count == 0)
            {
                throw new InvalidOperationException($"No card in an open column of the board ({cards.Count} cards in all).");
            }

            Console.WriteLine($"  {settings.Pages} boards open; moving deals {string.Join(", ", shuttles.Select(s => $"{s.DealId} ({s.HomeStageId}↔{s.AwayStageId})"))}…");
            var cpu = CpuUse.Start(app.ProcessId);
            var result = await new BoardMoveLatency(settings, browsers.Pages, new ShuttleMoves(shuttles)).RunAsync(app.BaseAddress, DemoCompany.IngestKey, cancellationToken);
            cpu.AddTo(report, "Browser boards", settings.Warmup + settings.Moves);
            report.Latency($"Stage move → card in its new column on every open board ({settings.Pages} pages)", result.Latency, Goal);
            report.Latency("Stage move: HTTP round trip (PATCH /api/deals/{id})", result.RoundTrip);
            report.Value("Browser boards: moves measured / failed / page updates missing", $"{result.Sent} / {result.Failed} / {result.Missing}");
            report.Value($"Browser boards: app RSS with {settings.Pages} circuits", app.ReadMemory() is { } m ? Report.MiB(m.RssMiB) : "n/a");
            if (result.FirstError is { } error)
            {
                report.Note($"Browser boards: first failed move: {error.ReplaceLineEndings(" ")}");
            }
        }
    }
}
