using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace SalesOps.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel (a random loopback port unless one is given) over its own SQLite file, on a fake clock
/// pinned to <see cref="TestClock.Today"/> (the day the demo company is seeded around).
/// </summary>
/// <param name="seed">SalesOps:SeedDemoCompany; null leaves it unset, so the environment decides.</param>
/// <param name="configure">Runs last, e.g. to start in another environment or capture the logs.</param>
public sealed class SalesOpsAppFactory(
    string databasePath, string directory, bool? seed = true, int port = 0, Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    public string DatabasePath => databasePath;

    public string ConnectionString => $"Data Source={databasePath}";

    /// <summary>Base address of the running server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>The app's clock: it stands still unless a test advances it.</summary>
    public FakeTimeProvider Clock { get; } = TestClock.New();

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the static web assets (MudBlazor, the linked wwwroot) straight from the build.
        builder.UseEnvironment("Development");
        // UseSetting, not ConfigureAppConfiguration: Program reads these while building, before late sources apply.
        builder.UseSetting("ConnectionStrings:SalesOps", ConnectionString);
        if (seed is { } seedDemo)
        {
            builder.UseSetting("SalesOps:SeedDemoCompany", seedDemo ? "true" : "false");
        }

        builder.UseSetting("SalesOps:DataProtectionKeysPath", Path.Combine(directory, "keys"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("SalesOps:DemoAnchorDate", TestClock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            // The browser expires the sign-in cookie by its own (real) clock: the cookie's dates must come from it too,
            // or a run a fortnight after the pinned day signs nobody in.
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = TimeProvider.System);
            // The security-stamp check compares the cookie's (real) issue time with its own clock: the same one.
            services.PostConfigure<SecurityStampValidatorOptions>(o => o.TimeProvider = TimeProvider.System);
        });
        UseKestrel(port);
        configure?.Invoke(builder);
    }
}
