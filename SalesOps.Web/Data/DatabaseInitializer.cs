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
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    /// <summary>What a real company runs first; logged when the app starts with nobody able to sign in.</summary>
    public const string FirstAdminCommand = "dotnet run --project SalesOps.Web -- users add <email> --role Admin";

    /// <summary>The demo company's users share a published password, so only a developer's machine gets them unasked.</summary>
    public bool SeedsDemoCompany => options.Value.SeedDemoCompany ?? environment.IsDevelopment();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);

        if (SeedsDemoCompany)
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
            if (!await db.Users.AnyAsync(cancellationToken))
            {
                logger.NobodyCanSignIn(FirstAdminCommand);
            }
        }

        await stages.LoadAsync(cancellationToken);
    }

    /// <summary>Brings the schema up to date; the command line runs this too before it touches the database.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets readers (every open screen) run while one writer commits.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static partial class DatabaseInitializerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Nobody can sign in yet: the database has no users. Create the first admin with `{Command}` " +
        "(from a published app: `dotnet SalesOps.Web.dll users add <email> --role Admin`); the password comes from " +
        "the SALESOPS_PASSWORD environment variable or a prompt. Try the demo company instead with SalesOps:SeedDemoCompany=true.")]
    public static partial void NobodyCanSignIn(this ILogger logger, string command);
}
