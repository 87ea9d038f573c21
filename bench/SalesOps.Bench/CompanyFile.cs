using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Web;
using SalesOps.Web.Auth;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Bench;

/// <summary>How big a company to build, from which seed, as of which day.</summary>
public sealed record CompanyRequest(CompanySize Size, int Seed, DateOnly Anchor)
{
    /// <summary>The demo's proportions at <paramref name="deals"/> deals, as of today unless an anchor is given.</summary>
    public static CompanyRequest For(int deals, int? accounts = null, int? reps = null, int? months = null, int? seed = null, DateOnly? anchor = null) => new(
        CompanySize.ForDeals(deals, accounts, reps, months),
        seed ?? DemoCompany.Seed,
        anchor ?? DateOnly.FromDateTime(DateTime.UtcNow));
}

public sealed record GeneratorResult(IReadOnlyDictionary<string, long> RowsByTable, TimeSpan MigrateTime, TimeSpan InsertTime)
{
    public long Rows => RowsByTable.Values.Sum();

    public double RowsPerSecond => Rows / InsertTime.TotalSeconds;
}

/// <summary>
/// A SQLite file holding a company made the way the app makes its demo company: the app's EF migrations, then the
/// app's seeder (<see cref="DemoCompanySeeder"/>: the one generator, the one bulk-insert path) at the requested size.
/// Only the connection settings differ: a bulk load into a new file needs no WAL and no fsync.
/// </summary>
public static class CompanyFile
{
    private static readonly string[] Tables =
        ["Teams", "Reps", "Territories", "Accounts", "Products", "Quotas", "Deals", "DealStageChanges", "AspNetUsers", "AspNetUserRoles", "ApiKeys"];

    /// <param name="fresh">Delete any file at <paramref name="dbPath"/> first; otherwise the database must have no company, users or keys yet.</param>
    public static async Task<GeneratorResult> GenerateAsync(string dbPath, CompanyRequest request, bool fresh, CancellationToken cancellationToken)
    {
        dbPath = Path.GetFullPath(dbPath);
        if (fresh)
        {
            DeleteDatabase(dbPath);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(dbPath)!);
        var migrate = Stopwatch.StartNew();
        await MigrateAsync(dbPath, cancellationToken);
        migrate.Stop();

        var insert = Stopwatch.StartNew();
        await using (var services = await InProcessServices.BuildAsync(dbPath, AddSeeder, o => o.AddInterceptors(new BulkLoadPragmas()), cancellationToken))
        {
            await using var scope = services.CreateAsyncScope();
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoCompanySeeder>()
                .SeedIfEmptyAsync(request.Size, request.Anchor, request.Seed, cancellationToken);
            if (!seeded)
            {
                throw new InvalidOperationException("The database already holds a company; generate into a new file.");
            }
        }

        insert.Stop();
        SqliteConnection.ClearAllPools();
        var database = new BenchDatabase(dbPath);
        // The load ran without foreign key checks; the app's own seeding runs with them, and this proves the big file as well.
        if (await database.ForeignKeyViolationsAsync() is > 0 and var violations)
        {
            throw new InvalidOperationException($"The generated company breaks {violations:N0} foreign keys.");
        }

        // The app switches to WAL at start-up anyway; leave the file the way it will be used.
        await database.ExecuteAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        var rows = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            rows[table] = await database.CountAsync(table);
        }

        return new GeneratorResult(rows, migrate.Elapsed, insert.Elapsed);
    }

    public static void DeleteDatabase(string dbPath)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(dbPath + suffix);
        }
    }

    /// <summary>The app's EF migrations, as the app applies them at start-up; also brings an older generated file up to date.</summary>
    public static async Task MigrateAsync(string dbPath, CancellationToken cancellationToken)
    {
        var contextOptions = new DbContextOptionsBuilder<SalesOpsDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = dbPath }.ToString())
            .Options;
        await using (var db = new SalesOpsDbContext(contextOptions))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        // Changing the journal mode next needs no other connection open on the file.
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The seeder and what it needs, with the app's defaults (demo password, Identity's hasher).</summary>
    private static void AddSeeder(IServiceCollection services)
    {
        services.AddOptions<SalesOpsOptions>();
        services.AddSingleton<IPasswordHasher<AppUser>, PasswordHasher<AppUser>>();
        services.AddLogging();
        services.AddScoped<DemoCompanySeeder>();
    }

    /// <summary>
    /// One big transaction into a new file: an in-memory journal (a crash just means generating again), no fsync, a
    /// cache big enough that index pages are not spilled to disk and read back mid-load, and foreign keys checked once
    /// at the end instead of on each of millions of rows.
    /// </summary>
    private sealed class BulkLoadPragmas : DbConnectionInterceptor
    {
        private const string Pragmas =
            "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=OFF;";

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
