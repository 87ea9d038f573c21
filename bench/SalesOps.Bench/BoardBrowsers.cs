using Microsoft.Playwright;

namespace SalesOps.Bench;

/// <summary>
/// One headless system Chromium with several pages (signed-in pipeline boards, territory boards and maps, or display
/// links that need no sign-in), each its own Blazor circuit, with <see cref="BoardObserverScript"/> installed.
/// </summary>
public sealed class BoardBrowsers : IAsyncDisposable
{
    public const string BoardPath = "/pipeline";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _consoleErrors = new();

    private BoardBrowsers(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    private bool _reducedMotion;

    public List<IPage> Pages { get; } = [];

    /// <param name="reducedMotion">Every page asks for reduced motion (see <see cref="BoardSettings.ReducedMotion"/>).</param>
    public static async Task<BoardBrowsers> LaunchAsync(bool reducedMotion = false)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("SALESOPS_CHROMIUM") ?? "/usr/bin/chromium",
                Headless = true,
                Args = ChromiumArgs,
            });
            return new BoardBrowsers(playwright, browser) { _reducedMotion = reducedMotion };
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>What shows that the pipeline board has drawn its cards.</summary>
    public const string PipelineCards = "section[data-stage-id] article[data-deal-id]";

    /// <summary>Signs in once through the login form, then opens <paramref name="count"/> boards with that session's cookie.</summary>
    /// <param name="path">The page to open (the pipeline board unless said otherwise).</param>
    /// <param name="ready">A selector that shows the page has drawn what the bench watches.</param>
    public async Task OpenBoardsAsync(Uri baseAddress, string email, string password, int count, string path = BoardPath, string ready = PipelineCards) =>
        await OpenPagesAsync(baseAddress, await SignInAsync(baseAddress, email, password), count, path, ready);

    /// <summary>Signs in through the login form; the returned storage state (cookies) opens signed-in pages.</summary>
    public async Task<string> SignInAsync(Uri baseAddress, string email, string password)
    {
        var login = await NewContextAsync(baseAddress, storageState: null);
        var page = await login.NewPageAsync();
        Watch(page);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitAsync(page, "signed in, the interactive marker", p => WaitInteractiveAsync(p));
        var session = await login.StorageStateAsync();
        await login.CloseAsync();
        return session;
    }

    /// <summary>Signs in once, then opens <paramref name="count"/> pages at <paramref name="path"/> with that session.</summary>
    public async Task<IReadOnlyList<IPage>> OpenSignedInAsync(Uri baseAddress, string email, string password, string path, string ready, int count) =>
        await OpenPagesAsync(baseAddress, await SignInAsync(baseAddress, email, password), count, path, ready);

    /// <summary>Opens <paramref name="count"/> watched pages (<see cref="Pages"/>), each in its own context and circuit.</summary>
    public async Task<IReadOnlyList<IPage>> OpenPagesAsync(Uri baseAddress, string session, int count, string path, string ready)
    {
        List<IPage> opened = [];
        for (var i = 0; i < count; i++)
        {
            opened.Add(await OpenPageAsync(baseAddress, session, path, ready));
        }

        Pages.AddRange(opened);
        return opened;
    }

    /// <summary>
    /// Opens <paramref name="count"/> pages at <paramref name="path"/> with no sign-in (a TV's display link),
    /// <paramref name="pagesPerContext"/> to a context, <paramref name="parallel"/> loading at once; each is ready
    /// when <paramref name="ready"/> is attached.
    /// </summary>
    public async Task<IReadOnlyList<IPage>> OpenAnonymousAsync(Uri baseAddress, string path, string ready, int count, int pagesPerContext, int parallel)
    {
        List<IPage> opened = [];
        IBrowserContext? context = null;
        for (var first = 0; first < count; first += parallel)
        {
            List<Task<IPage>> batch = [];
            for (var i = first; i < Math.Min(count, first + parallel); i++)
            {
                if (i % pagesPerContext == 0 || context is null)
                {
                    context = await NewContextAsync(baseAddress, storageState: null);
                }

                batch.Add(OpenInAsync(context, path, ready, interactive: false));
            }

            opened.AddRange(await Task.WhenAll(batch));
        }

        Pages.AddRange(opened);
        return opened;
    }

    /// <summary>One signed-in page in its own context, interactive, showing <paramref name="ready"/>, with the observer installed.</summary>
    public async Task<IPage> OpenPageAsync(Uri baseAddress, string session, string path, string ready) =>
        await OpenInAsync(await NewContextAsync(baseAddress, session), path, ready, interactive: true);

    private async Task<IPage> OpenInAsync(IBrowserContext context, string path, string ready, bool interactive)
    {
        var page = await context.NewPageAsync();
        Watch(page);
        await page.GotoAsync(path);
        if (interactive)
        {
            await WaitAsync(page, "the page's interactive marker", p => WaitInteractiveAsync(p));
        }

        await WaitAsync(page, $"'{ready}'", p => p.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Attached }));
        await page.EvaluateAsync(BoardObserverScript.Install);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>The layout renders this marker once the circuit is interactive; before that a click or an update does nothing.</summary>
    private static Task WaitInteractiveAsync(IPage page) =>
        page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Keeps the first console errors and failed requests: they say why a circuit never became interactive.</summary>
    private void Watch(IPage page)
    {
        page.Console += (_, message) => Keep(message.Type == "error" ? message.Text : null);
        page.RequestFailed += (_, request) => Keep($"{request.Method} {request.Url} failed: {request.Failure}");
        page.Response += (_, response) => Keep(response.Status >= 400 ? $"{response.Request.Method} {response.Url} → {response.Status}" : null);
    }

    private void Keep(string? problem)
    {
        if (problem is not null && _consoleErrors.Count < 10)
        {
            _consoleErrors.Enqueue(problem);
        }
    }

    /// <summary>Runs a wait; on a timeout, says what was awaited, what the page showed instead and the console errors.</summary>
    private async Task WaitAsync(IPage page, string what, Func<IPage, Task> wait)
    {
        try
        {
            await wait(page);
        }
        catch (TimeoutException ex)
        {
            var blazor = await page.EvaluateAsync<bool>("() => typeof window.Blazor !== 'undefined'");
            var text = string.Join(' ', (await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 })).Split((char[])['\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
            throw new TimeoutException($"No {what} at {page.Url} ({ex.Message.Split('\n')[0]}); the page says: {text[..Math.Min(300, text.Length)]}; console errors: {(_consoleErrors.IsEmpty ? "none" : string.Join(" | ", _consoleErrors))}; " +
                $"Blazor's script {(blazor ? "ran" : "did not run (window.Blazor is undefined)")}", ex);
        }
    }

    private async Task<IBrowserContext> NewContextAsync(Uri baseAddress, string? storageState)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-US",
            TimezoneId = "UTC",
            StorageState = storageState,
            ReducedMotion = _reducedMotion ? ReducedMotion.Reduce : null,
        });
        // Generous: on a shared 2-core machine a first Development page load can take most of a minute.
        context.SetDefaultTimeout(120_000);
        return context;
    }
}
