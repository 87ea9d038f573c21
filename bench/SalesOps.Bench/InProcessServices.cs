using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Web.Data;

namespace SalesOps.Bench;

/// <summary>
/// The app's data services wired as the app wires them (a DbContext factory over a SQLite file, the stage catalog,
/// the system clock), so an app service can be timed in process without Kestrel, auth or circuits around it.
/// </summary>
public static class InProcessServices
{
    /// <param name="addServices">Registers the app services under test.</param>
    /// <param name="configureContext">Extra DbContext options, e.g. an interceptor that captures the SQL.</param>
    /// <summary>The day the bench reads as "today" (UTC: a bench has no browser to ask for a time zone).</summary>
    public static DateOnly Today(IServiceProvider provider) =>
        DateOnly.FromDateTime(provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    public static async Task<ServiceProvider> BuildAsync(
        string dbPath, Action<IServiceCollection> addServices, Action<DbContextOptionsBuilder>? configureContext, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        var connectionString = DataExtensions.ResolveSqlitePath($"Data Source={Path.GetFullPath(dbPath)}", Directory.GetCurrentDirectory());
        services.AddDbContextFactory<SalesOpsDbContext>(o =>
        {
            o.UseSqlite(connectionString);
            configureContext?.Invoke(o);
        });
        services.AddSingleton<StageCatalog>();
        services.AddSingleton(TimeProvider.System);
        addServices(services);
        var provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<StageCatalog>().LoadAsync(cancellationToken);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }
}
