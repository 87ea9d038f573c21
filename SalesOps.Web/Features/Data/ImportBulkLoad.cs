using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SalesOps.Web.Data;

namespace SalesOps.Web.Features.Data;

/// <summary>
/// What a big import changes in how SQLite works, inside the import's own transaction, so it stays all-or-nothing:
/// <list type="bullet">
/// <item>The trigger that adds each new deal to the search index (DealSearch, FTS5) is dropped, and the new deals are
/// indexed with one INSERT … SELECT before the commit, then the trigger is put back as it was. Per row, that trigger
/// cost more than the deal itself. Other connections never see the table without it: the import holds the write
/// lock throughout, and readers see the last commit.</item>
/// <item>Into a company with no deals yet (a first set-up from an export), the Deals indexes other than the unique
/// ones are dropped too and built once at the end: sorting a million rows into an index costs a fraction of
/// inserting them one by one. The unique index on the export's ids stays, since every row is upserted through it.
/// With deals already there the indexes stay, as rebuilding them would cost more than a small import saves.</item>
/// <item>The import's connection gets a page cache big enough to hold the deal indexes it writes into, instead of
/// spilling and re-reading them; the default comes back when the import ends, since the connection returns to the pool.</item>
/// </list>
/// The rename trigger stays: a re-import only fires it for deals whose name or account really changed.
/// </summary>
public sealed class ImportBulkLoad : IAsyncDisposable
{
    /// <summary>The import connection's page cache: 256 MiB (a negative cache_size is KiB), bounded whatever the file's size; the bench's raw insert uses the same.</summary>
    public const string CacheSql = "PRAGMA cache_size = -262144;";

    private const string InsertTrigger = "DealSearch_DealInserted";

    private readonly SalesOpsDbContext _db;
    private readonly long _cacheBefore;
    private readonly string? _triggerSql;
    private readonly long _lastIdBefore;
    private readonly IReadOnlyList<string> _deferredIndexes;

    private ImportBulkLoad(SalesOpsDbContext db, long cacheBefore, string? triggerSql, long lastIdBefore, IReadOnlyList<string> deferredIndexes)
    {
        _deferredIndexes = deferredIndexes;
        _db = db;
        _cacheBefore = cacheBefore;
        _triggerSql = triggerSql;
        _lastIdBefore = lastIdBefore;
    }

    /// <summary>Call inside the import's transaction, before the first deal is written.</summary>
    public static async Task<ImportBulkLoad> BeginAsync(SalesOpsDbContext db, CancellationToken cancellationToken)
    {
        var cacheBefore = Convert.ToInt64(await ScalarAsync(db, "PRAGMA cache_size;", cancellationToken), CultureInfo.InvariantCulture);
        await ScalarAsync(db, CacheSql, cancellationToken);
        var triggerSql = await ScalarAsync(db, $"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = '{InsertTrigger}';", cancellationToken) as string;
        if (triggerSql is not null)
        {
            await ScalarAsync(db, $"DROP TRIGGER \"{InsertTrigger}\";", cancellationToken);
        }

        // Deals.Id is AUTOINCREMENT: every deal the import adds gets an id above the largest there ever was.
        var lastId = Convert.ToInt64(await ScalarAsync(db, "SELECT coalesce(max(\"Id\"), 0) FROM \"Deals\";", cancellationToken), CultureInfo.InvariantCulture);
        var deferred = new List<string>();
        if (lastId == 0)
        {
            await using var command = Command(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Deals' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %';");
            var indexes = new List<(string Name, string Sql)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (name, sql) in indexes)
            {
                await ScalarAsync(db, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\";", cancellationToken);
                deferred.Add(sql);
            }
        }

        return new ImportBulkLoad(db, cacheBefore, triggerSql, lastId, deferred);
    }

    /// <summary>Indexes the deals added since <see cref="BeginAsync"/> for search and puts the trigger back; call before the commit.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        foreach (var index in _deferredIndexes)
        {
            await ScalarAsync(_db, index, cancellationToken);
        }

        if (_triggerSql is null)
        {
            return;
        }

        // The same row the trigger would have written: the deal's name and its account's name (null without an account).
        await _db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO DealSearch(rowid, name, account)
            SELECT d."Id", d."Name", (SELECT a."Name" FROM "Accounts" AS a WHERE a."Id" = d."AccountId")
            FROM "Deals" AS d WHERE d."Id" > {0};
            """,
            [_lastIdBefore], cancellationToken);
        await ScalarAsync(_db, _triggerSql, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // A connection setting, not part of the transaction: it is restored whether the import committed or not.
        if (_db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
        {
            await ScalarAsync(_db, $"PRAGMA cache_size = {_cacheBefore.ToString(CultureInfo.InvariantCulture)};", CancellationToken.None);
        }
    }

    private static async Task<object?> ScalarAsync(SalesOpsDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static DbCommand Command(SalesOpsDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }
}
