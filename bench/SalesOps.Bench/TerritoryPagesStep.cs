using System.Text.Json;
using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Bench;

/// <param name="Boards">Open territory boards watched.</param>
/// <param name="Maps">Open territory maps watched.</param>
public sealed record TerritoryPageSettings(int Boards, int Maps, int Moves, int IntervalMs, TimingPlan Render, int Warmup = 2, int Shuttles = 3);

/// <summary>
/// Parts <c>render</c> and <c>browsers</c> of <c>territories</c>, on the app's own demo company (a new database it
/// seeds, with users to sign in as). render: <c>GET /territories</c> and <c>GET /territories/map</c> with a signed-in
/// cookie, i.e. the server-side first render (the prerender reads the data and writes the whole page). browsers: an
/// account moved with "Move to…" on a VP's board reaching open territory boards and maps in headless Chromium.
/// </summary>
public sealed class TerritoryPagesStep(string webDll, TerritoryPageSettings settings, TimeSpan startTimeout)
{
    private const string Password = "SalesOps-demo-1";
    private const string BoardReady = "section[data-territory-id] article[data-account-id]";
    private const string MapReady = "[data-testid='territory-map'][data-ready='true']";
    private static readonly LatencyGoal RenderGoal = new("p95", 300);
    private static readonly LatencyGoal MoveGoal = new("p95", 300);

    public async Task AddToAsync(Report report, string tempDirectory, bool render, bool browsers, CancellationToken cancellationToken)
    {
        Console.WriteLine("Territory pages: starting the app on a new demo company…");
        var data = Directory.CreateDirectory(Path.Combine(tempDirectory, "territory-app"));
        var environment = AppProcess.EnvironmentForBrowsers(webDll);
        if (environment != AppProcess.ProductionEnvironment)
        {
            report.Note($"Territory pages: the app ran in the {environment} environment ({Path.GetFileName(webDll)} is a build output without wwwroot; see the pipeline's browser part).");
        }

        var (app, startTime) = await AppProcess.StartAsync(
            webDll, data.FullName, Path.Combine(data.FullName, "salesops.db"), seedDemoCompany: true, environment, startTimeout, cancellationToken);
        await using (app)
        {
            report.Value("Territory pages: app start with a new demo company → first `GET /account/login` 200", Report.Ms(startTime));
            await using var chromium = await BoardBrowsers.LaunchAsync();
            if (render)
            {
                await RenderAsync(report, app.BaseAddress, chromium, cancellationToken);
            }

            if (browsers)
            {
                await MovesAsync(report, app, chromium, cancellationToken);
            }
        }
    }

    private async Task RenderAsync(Report report, Uri baseAddress, BoardBrowsers chromium, CancellationToken cancellationToken)
    {
        report.Context($"Territory first render: `GET` of the page with a signed-in cookie, whole body read (the prerender loads the data and renders the page); " +
            $"{settings.Render.Iterations} requests per case after {settings.Render.Warmup} warm-ups, one at a time");
        (string Role, string Email)[] users = [("VP", DemoCompany.VpEmail), ("manager", DemoCompany.ManagerEmail), ("rep", DemoCompany.RepEmail)];
        foreach (var (role, email) in users)
        {
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add("Cookie", CookieHeader(await chromium.SignInAsync(baseAddress, email, Password)));
            foreach (var path in (string[])["/territories", "/territories/map"])
            {
                Console.WriteLine($"  GET {path} as the {role}…");
                var timing = await CallTiming.MeasureAsync(ct => GetPageAsync(http, path, ct), settings.Render, cancellationToken);
                report.Latency($"First render server-side, `GET {path}`, {role}", timing, RenderGoal);
            }
        }
    }

    /// <summary>Reads the whole page, and checks it is the page (not the sign-in form) with territories on it.</summary>
    private static async Task GetPageAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || !body.Contains("data-territory-id", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GET {path} → {(int)response.StatusCode} without territories: {body[..Math.Min(300, body.Length)]}");
        }
    }

    /// <summary>The cookies of a Playwright storage state, as one Cookie header.</summary>
    private static string CookieHeader(string storageState)
    {
        using var state = JsonDocument.Parse(storageState);
        return string.Join("; ", state.RootElement.GetProperty("cookies").EnumerateArray()
            .Select(c => $"{c.GetProperty("name").GetString()}={c.GetProperty("value").GetString()}"));
    }

    private sealed record Shuttle(int AccountId, int Home, string HomeName, int Away, string AwayName);

    private async Task MovesAsync(Report report, AppProcess app, BoardBrowsers chromium, CancellationToken cancellationToken)
    {
        report.Context($"Territory moves: {settings.Boards} `/territories` boards and {settings.Maps} `/territories/map` maps (headless system Chromium, one context each, " +
            $"signed in as {DemoCompany.VpEmail}) on the app's demo company; a VP's board in another context moves {settings.Shuttles} accounts (no open deals, so no question is asked) " +
            $"back and forth with \"Move to…\", {settings.Moves} moves {settings.IntervalMs} ms apart after {settings.Warmup} unmeasured; latency = the click on the target territory → " +
            "MutationObserver sees the card in its new column (boards) or the map shows the account's marker in its new territory (maps), `Date.now()` in the page");
        var session = await chromium.SignInAsync(app.BaseAddress, DemoCompany.VpEmail, Password);
        IPage mover;
        try
        {
            await chromium.OpenPagesAsync(app.BaseAddress, session, settings.Boards, "/territories", BoardReady);
            await chromium.OpenPagesAsync(app.BaseAddress, session, settings.Maps, "/territories/map", MapReady);
            mover = await chromium.OpenPageAsync(app.BaseAddress, session, "/territories", BoardReady);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            report.Latency("Account move → card moved on every open board and map", Percentiles.Of([]), MoveGoal);
            report.Note($"Territory moves not measured: a page did not open: {ex.Message.Split('\n')[0]}");
            return;
        }

        var shuttles = await PickAsync(mover);
        if (shuttles.Count == 0)
        {
            throw new InvalidOperationException("No account without open deals near the top of a territory column.");
        }

        Console.WriteLine($"  {chromium.Pages.Count} pages open; moving accounts {string.Join(", ", shuttles.Select(s => $"{s.AccountId} ({s.Home}↔{s.Away})"))}…");
        var where = shuttles.ToDictionary(s => s.AccountId, s => s.Home);
        var boards = chromium.Pages.Take(settings.Boards).ToHashSet();
        await CpuUse.AddIdleToAsync(report, "Territory pages", app.ProcessId, TimeSpan.FromSeconds(10), cancellationToken);
        var cpu = CpuUse.Start(app.ProcessId);
        var result = await new LiveChangeLatency(chromium.Pages, settings.Warmup, settings.Moves, settings.IntervalMs).RunAsync(i =>
        {
            var shuttle = shuttles[i % shuttles.Count];
            var from = where[shuttle.AccountId];
            var (to, toName) = from == shuttle.Home ? (shuttle.Away, shuttle.AwayName) : (shuttle.Home, shuttle.HomeName);
            var card = mover.Locator(BoardObserverScript.AccountCardSelector(from, shuttle.AccountId));
            return new LiveChange(
                page => boards.Contains(page) ? BoardObserverScript.AccountCardSelector(to, shuttle.AccountId) : BoardObserverScript.MapTarget(to, shuttle.AccountId),
                async ct =>
                {
                    try
                    {
                        await mover.GetByRole(AriaRole.Menuitem, new() { Name = toName, Exact = true }).ClickAsync();
                        // The next move starts from the mover's own board, so it must show this one first.
                        await mover.Locator(BoardObserverScript.AccountCardSelector(to, shuttle.AccountId)).WaitForAsync(new() { State = WaitForSelectorState.Attached });
                        where[shuttle.AccountId] = to;
                        return null;
                    }
                    catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                    {
                        return $"moving {shuttle.AccountId} to {toName}: {ex.Message.Split('\n')[0]}";
                    }
                },
                async ct => await card.GetByRole(AriaRole.Button, new() { Name = "Move to…" }).ClickAsync());
        }, cancellationToken);
        cpu.AddTo(report, "Territory moves", settings.Warmup + settings.Moves);
        report.Latency($"Account move → card moved on every open board and map ({settings.Boards} boards + {settings.Maps} maps)", result.Latency, MoveGoal);
        report.Latency("Account move: click → the mover's own board shows it", result.RoundTrip);
        report.Value("Territory moves: moves measured / failed / page updates missing", $"{result.Sent} / {result.Failed} / {result.Missing}");
        report.Value($"Territory moves: app RSS with {chromium.Pages.Count + 1} circuits", app.ReadMemory() is { } m ? Report.MiB(m.RssMiB) : "n/a");
        if (result.FirstError is { } error)
        {
            report.Note($"Territory moves: first failed move: {error.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>
    /// Accounts without open pipeline among the first cards of their columns (high potential, so they stay on the first
    /// page of the column they go to), each to shuttle to the next column and back.
    /// </summary>
    private async Task<List<Shuttle>> PickAsync(IPage board)
    {
        var columns = await board.EvaluateAsync<JsonElement>("""
            () => Array.from(document.querySelectorAll('section[data-territory-id]')).map(s => ({
                id: Number(s.dataset.territoryId),
                name: s.getAttribute('aria-label'),
                free: Array.from(s.querySelectorAll('article[data-account-id]')).slice(0, 3)
                    .filter(a => a.querySelector("[data-testid='open-pipeline']")?.dataset.value === '0')
                    .map(a => Number(a.dataset.accountId)),
            }))
            """);
        var list = columns.EnumerateArray().Select(c => (Id: c.GetProperty("id").GetInt32(), Name: c.GetProperty("name").GetString()!,
            Free: c.GetProperty("free").EnumerateArray().Select(f => f.GetInt32()).ToList())).ToList();
        return list.Select((c, i) => (Column: c, Next: list[(i + 1) % list.Count]))
            .Where(p => p.Column.Free.Count > 0)
            .Take(settings.Shuttles)
            .Select(p => new Shuttle(p.Column.Free[0], p.Column.Id, p.Column.Name, p.Next.Id, p.Next.Name))
            .ToList();
    }
}
