using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Web.Data;

/// <summary>Applies migrations, switches SQLite to WAL and seeds the demo company before the app takes requests.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<SalesOpsDbContext> factory,
    IServiceScopeFactory scopes,
    StageCatalog stages,
    IOptions<SalesOpsOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets readers (every open screen) run while one writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (options.Value.SeedDemoCompany)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<DemoCompanySeeder>().SeedIfEmptyAsync(cancellationToken))
            {
                // Seeding is a one-off spike of short-lived objects; hand that memory back before the app idles.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }

        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            // Fresh statistics let SQLite pick the right index (e.g. close date over stage for "closed this quarter");
            // cheap when nothing changed, since optimize only re-analyzes tables that grew.
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", cancellationToken);
        }

        await stages.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
