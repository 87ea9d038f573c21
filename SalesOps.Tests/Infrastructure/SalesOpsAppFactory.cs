using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SalesOps.Tests.Infrastructure;

/// <summary>The real app on Kestrel (random loopback port) over its own SQLite file.</summary>
public sealed class SalesOpsAppFactory(string databasePath, string directory, bool seed = true) : WebApplicationFactory<Program>
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
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:SalesOps"] = ConnectionString,
            ["SalesOps:SeedDemoCompany"] = seed ? "true" : "false",
            ["SalesOps:DataProtectionKeysPath"] = Path.Combine(directory, "keys"),
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        UseKestrel(0);
    }
}
