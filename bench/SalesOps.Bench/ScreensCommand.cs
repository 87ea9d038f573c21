using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Bench;

/// <summary>
/// <c>screens</c>: the "Wall screens" numbers on the app's demo company, with real <c>/display/{token}</c> pages in
/// headless Chromium: memory per display circuit against the signed-in home page, a won deal reaching every open
/// screen, memory over a soak with a deal moved every second, and recovery after the server is SIGKILLed.
/// </summary>
public static class ScreensCommand
{
    private const string Password = "SalesOps-demo-1";
    private const string HomePath = "/";
    private const string HomeReady = "[data-testid=\"updated\"]";
    private const string DisplayReady = "[data-interactive=\"true\"]";
    private static readonly LatencyGoal WinGoal = new("p99", 500);
    private static readonly TimeSpan RecoveryGoal = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var pages = args.Number("pages", 2, 1_000) ?? 200;
        var perContext = args.Number("per-context", 1, 100) ?? 10;
        var parallel = args.Number("parallel", 1, 50) ?? 8;
        var compare = args.Number("compare", 1, 200) ?? 50;
        var wins = args.Number("wins", 1, 500) ?? 20;
        var winInterval = args.Number("win-interval", 500, 60_000) ?? 2_000;
        var hold = args.Number("hold", 100, 30_000) ?? 1_200;
        var soakMinutes = args.Number("soak-minutes", 0, 600) ?? 0;
        var startTimeout = TimeSpan.FromSeconds(args.Number("start-timeout", 1, 600) ?? 180);
        var webDll = Path.GetFullPath(args.Text("app") ?? BenchPaths.WebDll);
        args.EnsureAllRead();
        if (hold >= winInterval)
        {
            throw new UsageException("--hold must be shorter than --win-interval: a win is reversed before the next one.");
        }

        var report = new Report("SalesOps wall screens").WithMachine();
        report.Context($"Load average at start: {LoadAverage()}");
        var temp = Directory.CreateTempSubdirectory("salesops-screens-");
        try
        {
            var environment = AppProcess.EnvironmentForBrowsers(webDll);
            if (environment != AppProcess.ProductionEnvironment)
            {
                report.Note($"The app ran in the {environment} environment: {Path.GetFileName(webDll)} is a build output without wwwroot (see `pipeline`'s browser part).");
            }

            Console.WriteLine("Screens: starting the app on a new demo company…");
            var (app, _) = await AppProcess.StartAsync(
                webDll, temp.FullName, Path.Combine(temp.FullName, "salesops.db"), seedDemoCompany: true, environment, startTimeout, cancellationToken);
            try
            {
                await using var browsers = await BoardBrowsers.LaunchAsync();
                using var api = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
                api.DefaultRequestHeaders.Add("X-Api-Key", DemoCompany.IngestKey);
                var display = $"/display/{DemoScreens.SalesFloorToken}";

                var displays = await MeasureMemoryAsync(report, app, browsers, display, pages, compare, perContext, parallel, cancellationToken);
                var database = new BenchDatabase(app.DatabasePath);
                await MeasureWinsAsync(report, "", api, database, displays, wins, winInterval, hold, cancellationToken);
                if (soakMinutes > 0)
                {
                    await SoakAsync(report, app, api, database, displays.Count, soakMinutes, cancellationToken);
                }

                app = await MeasureRestartAsync(report, app, webDll, environment, startTimeout, displays, cancellationToken);
                await MeasureWinsAsync(report, "after the restart", api, database, displays, 5, winInterval, hold, cancellationToken);
            }
            finally
            {
                await app.DisposeAsync();
            }
        }
        finally
        {
            report.Context($"Load average at the end: {LoadAverage()}");
            RunCommand.DeleteQuietly(temp);
        }

        await report.PublishAsync(BenchPaths.Results("screens-latest.md"));
        return 0;
    }

    /// <summary>
    /// RSS after a forced GC with one warm page of each kind; then with <paramref name="compare"/> more signed-in home
    /// pages; then with all the display pages. Returns the display pages (the home pages are closed afterwards).
    /// </summary>
    private static async Task<IReadOnlyList<IPage>> MeasureMemoryAsync(
        Report report, AppProcess app, BoardBrowsers browsers, string display, int pages, int compare, int perContext, int parallel, CancellationToken cancellationToken)
    {
        Console.WriteLine("  warming up: one display page and one signed-in home page…");
        var first = await browsers.OpenAnonymousAsync(app.BaseAddress, display, DisplayReady, 1, perContext, 1);
        var warmHome = await browsers.OpenSignedInAsync(app.BaseAddress, DemoCompany.VpEmail, Password, HomePath, HomeReady, 1);
        var bare = await RssAfterGcAsync(app, cancellationToken);

        Console.WriteLine($"  {compare} signed-in home pages…");
        var homes = await browsers.OpenSignedInAsync(app.BaseAddress, DemoCompany.VpEmail, Password, HomePath, HomeReady, compare);
        var withHomes = await RssAfterGcAsync(app, cancellationToken);

        Console.WriteLine($"  {pages - 1} more display pages ({perContext} per browser context, {parallel} loading at once)…");
        var clock = Stopwatch.StartNew();
        var more = await browsers.OpenAnonymousAsync(app.BaseAddress, display, DisplayReady, pages - 1, perContext, parallel);
        var opened = clock.Elapsed;
        var withDisplays = await RssAfterGcAsync(app, cancellationToken);

        var perHome = (withHomes - bare) / compare;
        var perDisplay = (withDisplays - withHomes) / more.Count;
        report.Context($"Memory: RSS of the app (`/proc/<pid>/status` VmRSS) after a forced full GC (EventPipe GCHeapCollect through the diagnostics port), " +
            $"with one warm page of each kind open; then with {compare} more `{HomePath}` pages signed in as {DemoCompany.VpEmail} (MudBlazor KPI tiles and charts: " +
            $"the comparison page); then with {more.Count} more `{display}` pages (demo screen \"Sales floor\"). Per circuit = RSS difference / pages opened");
        report.Value("Memory: RSS after GC, 1 display + 1 home circuit", Report.MiB(bare));
        report.Value($"Memory: RSS after GC, + {compare} home circuits", Report.MiB(withHomes));
        report.Value($"Memory: RSS after GC, + {more.Count} display circuits", Report.MiB(withDisplays));
        report.Value("Memory per signed-in home circuit (comparison)", Mib2(perHome));
        report.Value("Memory per display circuit", string.Create(CultureInfo.InvariantCulture,
            $"{perDisplay:0.00} MiB (goal ≤ the home page's {perHome:0.00} MiB: {(perDisplay <= perHome ? "met" : "missed")})"));
        report.Value($"Display pages: {more.Count} opened in", Report.Ms(opened));
        report.Value("Display pages: Chromium processes' RSS", Report.MiB(ChromiumRssMiB()));

        foreach (var home in warmHome.Concat(homes))
        {
            await home.Context.CloseAsync();
        }

        return [.. first, .. more];
    }

    private static async Task MeasureWinsAsync(
        Report report, string when, HttpClient api, BenchDatabase database, IReadOnlyList<IPage> displays, int wins, int interval, int hold, CancellationToken cancellationToken)
    {
        const int warmup = 2;
        var negotiation = SalesOpsDbContext.DefaultStages.Single(s => s.Name == "Negotiation");
        var deals = (await database.OpenDealsInStageAsync(negotiation.Id, warmup + wins)).Select(id => (int)id).ToList();
        var label = when.Length == 0 ? "" : $" {when}";
        Console.WriteLine($"  {wins} wins{label} → {displays.Count} display pages…");
        var load = LoadAverage();
        var result = await new CelebrationLatency(displays, hold).RunAsync(api, deals, negotiation.Name, warmup, interval, cancellationToken);
        report.Context($"Wins{label}: {wins} open Negotiation deals won through `PATCH /api/deals/{{id}}` {{\"stage\":\"Won\"}} (after {warmup} unmeasured), " +
            $"{interval} ms apart, each moved back to Negotiation {hold} ms later (withdraws the celebration); latency = send → `[data-celebration-deal-id]` " +
            $"appears in the page (MutationObserver, `Date.now()`); load average before: {load}");
        report.Latency($"Won deal → celebration on every open screen ({displays.Count} Chromium display pages){label}", result.Latency, WinGoal);
        report.Latency($"Won deal → celebration on the last screen, per win{label}", result.LastPage);
        report.Value($"Wins{label}: measured / failed / celebrations missing", $"{result.Sent} / {result.Failed} / {result.Missing}");
        if (result.FirstError is { } error)
        {
            report.Note($"Wins{label}: first failed request: {error.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>A deal moved every second (Proposal ↔ Negotiation over a few deals); RSS after a forced GC every minute; the least-squares slope.</summary>
    private static async Task SoakAsync(Report report, AppProcess app, HttpClient api, BenchDatabase database, int displays, int minutes, CancellationToken cancellationToken)
    {
        var proposal = SalesOpsDbContext.DefaultStages.Single(s => s.Name == "Proposal");
        var deals = (await database.OpenDealsInStageAsync(proposal.Id, 10)).Select(id => (int)id).ToList();
        Console.WriteLine($"  soak: {minutes} min, a deal moved every second, RSS after GC every minute…");
        var samples = new List<(double Minute, double RssMiB)> { (0, await RssAfterGcAsync(app, cancellationToken)) };
        var (moves, failed) = (0, 0);
        var clock = Stopwatch.StartNew();
        var nextSample = 1;
        while (clock.Elapsed < TimeSpan.FromMinutes(minutes))
        {
            var deal = deals[moves % deals.Count];
            var stage = moves / deals.Count % 2 == 0 ? "Negotiation" : proposal.Name;
            failed += await CelebrationLatency.MoveAsync(api, deal, stage, cancellationToken) is null ? 0 : 1;
            moves++;
            if (clock.Elapsed >= TimeSpan.FromMinutes(nextSample))
            {
                samples.Add((clock.Elapsed.TotalMinutes, await RssAfterGcAsync(app, cancellationToken)));
                Console.WriteLine($"    {samples[^1].Minute:0.0} min: {samples[^1].RssMiB:0} MiB");
                nextSample++;
            }

            var due = TimeSpan.FromSeconds(moves);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }
        }

        foreach (var deal in deals)
        {
            await CelebrationLatency.MoveAsync(api, deal, proposal.Name, cancellationToken);
        }

        report.Context($"Soak: {minutes} min with {displays} display pages open, one `PATCH /api/deals/{{id}}` stage move per second (10 Proposal deals shuttled to Negotiation and back), RSS after a forced GC every minute");
        report.Value("Soak: RSS after GC, start → end", $"{Report.MiB(samples[0].RssMiB)} → {Report.MiB(samples[^1].RssMiB)}");
        report.Value("Soak: RSS slope (least squares over the per-minute samples)", string.Create(CultureInfo.InvariantCulture, $"{Slope(samples):0.00} MiB/min"));
        report.Value("Soak: moves sent / failed", $"{moves} / {failed}");
        report.Detail("Soak: RSS after GC per minute", string.Join(Environment.NewLine,
            samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Minute:0.0} min: {s.RssMiB:0.0} MiB"))));
    }

    /// <summary>
    /// SIGKILL under the open display pages, wait 5 s (the pages notice), start the app again on the same port and
    /// database, and time from "answers again" until every page is a fresh, live display (reloaded by its script,
    /// interactive, stale banner hidden).
    /// </summary>
    private static async Task<AppProcess> MeasureRestartAsync(
        Report report, AppProcess app, string webDll, string environment, TimeSpan startTimeout, IReadOnlyList<IPage> displays, CancellationToken cancellationToken)
    {
        const string Recovered = """
            () => !window.__salesOpsBench
                && document.querySelector('[data-interactive="true"]') !== null
                && document.getElementById('display-stale')?.hidden === true
            """;
        Console.WriteLine($"  SIGKILL under {displays.Count} display pages, restart…");
        await app.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        var stale = 0;
        foreach (var page in displays)
        {
            stale += await Try(page, "() => document.getElementById('display-stale')?.hidden === false") ? 1 : 0;
        }

        var (restarted, startTime) = await AppProcess.StartAsync(
            webDll, app.DataDirectory, app.DatabasePath, seedDemoCompany: false, environment, startTimeout, cancellationToken, app.BaseAddress);
        var back = Stopwatch.StartNew();
        var recovered = new double?[displays.Count];
        while (back.Elapsed < RecoveryGoal * 4 && recovered.Any(r => r is null))
        {
            for (var i = 0; i < displays.Count; i++)
            {
                if (recovered[i] is null && await Try(displays[i], Recovered))
                {
                    recovered[i] = back.Elapsed.TotalMilliseconds;
                }
            }

            await Task.Delay(250, cancellationToken);
        }

        foreach (var page in displays)
        {
            await page.EvaluateAsync(BoardObserverScript.Install);
        }

        var times = recovered.OfType<double>().ToList();
        report.Context($"Restart: SIGKILL of the app under {displays.Count} open display pages, 5 s down, the app started again on the same port and database; " +
            "time from its first `GET /account/login` 200 until each page is a fresh display (reloaded by display.js, `data-interactive=\"true\"`, stale banner hidden), polled every 250 ms");
        report.Value("Restart: pages showing the stale banner 5 s after the kill", $"{stale} / {displays.Count}");
        report.Value("Restart: app start after the kill", Report.Ms(startTime));
        report.Value("Restart: server back → last screen live again", times.Count == displays.Count
            ? string.Create(CultureInfo.InvariantCulture, $"{times.Max() / 1000:0.0} s (goal ≤ {RecoveryGoal.TotalSeconds:0} s: {(times.Max() <= RecoveryGoal.TotalMilliseconds ? "met" : "missed")})")
            : $"{displays.Count - times.Count} of {displays.Count} pages not live after {RecoveryGoal.TotalSeconds * 4:0} s (goal missed)");
        report.Latency("Restart: server back → screen live again, per page", Percentiles.Of(times));
        return restarted;
    }

    /// <summary>Evaluates a condition; false while the page is between documents (reloading).</summary>
    private static async Task<bool> Try(IPage page, string condition)
    {
        try
        {
            return await page.EvaluateAsync<bool>(condition);
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    private static async Task<double> RssAfterGcAsync(AppProcess app, CancellationToken cancellationToken)
    {
        await ForcedGc.CollectAsync(app.ProcessId, cancellationToken);
        return app.ReadMemory()?.RssMiB ?? double.NaN;
    }

    private static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        var (mx, my) = (points.Average(p => p.X), points.Average(p => p.Y));
        var den = points.Sum(p => (p.X - mx) * (p.X - mx));
        return den == 0 ? double.NaN : points.Sum(p => (p.X - mx) * (p.Y - my)) / den;
    }

    private static string Mib2(double mib) => string.Create(CultureInfo.InvariantCulture, $"{mib:0.00} MiB");

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double ChromiumRssMiB() => CpuTime.DescendantIds(Environment.ProcessId, "chrom")
        .Select(id => $"/proc/{id}/status").Where(File.Exists)
        .Sum(status => File.ReadLines(status).Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => double.Parse(l[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024).FirstOrDefault());
}
