using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Web.Data;
using SalesOps.Tests.Infrastructure;

namespace SalesOps.Tests.E2E;

/// <summary>
/// One running app (its own copy of the demo company) and one headless system Chromium for all E2E tests.
/// Tests isolate themselves with their own browser contexts and their own deals.
/// </summary>
public sealed class E2EFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly string _directory = TestDatabase.NewDirectory();
    private IPlaywright? _playwright;

    public SalesOpsAppFactory App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Set to 1 to copy the screenshots a run takes into docs/screenshots (the README's pictures).</summary>
    public const string UpdateScreenshotsVariable = "SALESOPS_UPDATE_SCREENSHOTS";

    private static string RepositoryRoot => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));

    /// <summary>Where a run's screenshots go: TestResults/screenshots, which git ignores.</summary>
    public static string ScreenshotDirectory => Path.Combine(RepositoryRoot, "TestResults", "screenshots");

    /// <summary>
    /// Saves a screenshot under the test results; only with <see cref="UpdateScreenshotsVariable"/>=1 does it also
    /// replace the README's copy, so an ordinary test run leaves the working tree as it found it.
    /// </summary>
    public static async Task<FileInfo> ScreenshotAsync(IPage page, string fileName, bool fullPage = false)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, fileName);
        // CSS animations finished first: a picture shows where rows and cards settle, not a frame of their slide.
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        if (Environment.GetEnvironmentVariable(UpdateScreenshotsVariable) == "1")
        {
            File.Copy(path, Path.Combine(RepositoryRoot, "docs", "screenshots", fileName), overwrite: true);
        }

        return new FileInfo(path);
    }

    public async ValueTask InitializeAsync()
    {
        App = new SalesOpsAppFactory(await TestDatabase.CopyOfDemoCompanyAsync(_directory), _directory);
        App.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SALESOPS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser profile (cookies, local storage) with the app as its base URL.</summary>
    public async Task<IPage> NewPageAsync(string? locale = null, Uri? baseUrl = null, string timeZone = "UTC")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (baseUrl ?? App.BaseAddress).ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = locale ?? "en-US",
            TimezoneId = timeZone,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>An HTTP client for the ingest API, as an integration would call it.</summary>
    public HttpClient ApiClient()
    {
        var api = new HttpClient { BaseAddress = App.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", SalesOps.Web.Data.Seeding.DemoCompany.IngestKey);
        return api;
    }

    public async Task<T> QueryAsync<T>(Func<SalesOpsDbContext, Task<T>> query)
    {
        await using var db = await App.Service<IDbContextFactory<SalesOpsDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class E2EGroup : ICollectionFixture<E2EFixture>
{
    public const string Name = "E2E";
}
