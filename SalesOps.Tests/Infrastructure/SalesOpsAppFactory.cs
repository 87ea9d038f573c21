using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SalesOps.Tests.Infrastructure;

/// <summary>The real app on Kestrel (a random loopback port unless one is given) over its own SQLite file.</summary>
/// <param name="seed">SalesOps:SeedDemoCompany; null leaves it unset, so the environment decides.</param>
/// <param name="settings">Further configuration for this app only (e.g. a test's smaller limits).</param>
/// <param name="configure">Runs last, e.g. to start in another environment or capture the logs.</param>
public sealed class SalesOpsAppFactory(string databasePath, string directory, bool? seed = true, int port = 0,
    IReadOnlyDictionary<string, string>? settings = null, Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    public string DatabasePath => databasePath;

    public string ConnectionString => $"Data Source={databasePath}";

    /// <summary>Base address of the running server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

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
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        UseKestrel(port);
        configure?.Invoke(builder);
    }
}
