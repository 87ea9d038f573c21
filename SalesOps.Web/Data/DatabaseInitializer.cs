using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Web.Data;

/// <summary>Applies migrations, switches SQLite to WAL and seeds the demo company before the app takes requests.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<SalesOpsDbContext> factory,
    IServiceScopeFactory scopes,
    StageCatalog stages,
    IOptions<SalesOpsOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
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
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoCompanySeeder>().SeedIfEmptyAsync(cancellationToken);
            if (seeded)
            {
                logger.LogInformation("Seeded the demo company");
            }
        }

        await stages.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
