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

    private ImportBulkLoad(SalesOpsDbContext db, long cacheBefore, string? triggerSql, long lastIdBefore)
    {
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
        return new ImportBulkLoad(db, cacheBefore, triggerSql, lastId);
    }

    /// <summary>Indexes the deals added since <see cref="BeginAsync"/> for search and puts the trigger back; call before the commit.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
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
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
