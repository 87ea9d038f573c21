using System.Globalization;
using Microsoft.Data.Sqlite;
using SalesOps.Web.Auth;

namespace SalesOps.Bench;

/// <summary>Plain SQL look-ups the bench needs to pick its targets (an account, a rep, a team) in an app database.</summary>
public sealed class BenchDatabase(string dbPath)
{
    public string DbPath => dbPath;

    public Task<long> CountAsync(string table) => ScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\"");

    public async Task<bool> HasApiKeyAsync(string plainKey) =>
        await ScalarAsync<long>("SELECT COUNT(*) FROM ApiKeys WHERE Hash = $hash AND RevokedAt IS NULL", ("$hash", ApiKeyHasher.Hash(plainKey))) > 0;

    /// <summary>Rows whose foreign key points at nothing (SQLite's <c>foreign_key_check</c>).</summary>
    public Task<long> ForeignKeyViolationsAsync() => ScalarAsync<long>("SELECT COUNT(*) FROM pragma_foreign_key_check");

    /// <summary>The first account with an owner: the ingest API gives a new deal to the account's owner.</summary>
    public Task<long?> FirstOwnedAccountAsync() => ScalarAsync<long?>("SELECT MIN(Id) FROM Accounts WHERE OwnerRepId IS NOT NULL");

    /// <summary>The rep with the most deals: the heaviest rep dashboard.</summary>
    public Task<long?> BusiestRepAsync() => ScalarAsync<long?>("SELECT OwnerRepId FROM Deals GROUP BY OwnerRepId ORDER BY COUNT(*) DESC, OwnerRepId LIMIT 1");

    /// <summary><paramref name="preferred"/> when it has deals, else the team with the most.</summary>
    public async Task<long?> TeamWithDealsAsync(long preferred) =>
        await ScalarAsync<long?>("SELECT TeamId FROM Deals WHERE TeamId = $team LIMIT 1", ("$team", preferred))
        ?? await ScalarAsync<long?>("SELECT TeamId FROM Deals GROUP BY TeamId ORDER BY COUNT(*) DESC, TeamId LIMIT 1");

    /// <summary>The name of the account with the lowest id, to cut a search fragment from.</summary>
    public Task<string?> FirstAccountNameAsync() => ScalarAsync<string?>("SELECT Name FROM Accounts ORDER BY Id LIMIT 1");

    /// <summary>Open deals in <paramref name="stageId"/>, newest first: deals to move without touching history.</summary>
    public Task<IReadOnlyList<long>> OpenDealsInStageAsync(int stageId, int count) =>
        ListAsync("SELECT Id FROM Deals WHERE StageId = $stage ORDER BY Id DESC LIMIT $count", ("$stage", stageId), ("$count", count));

    /// <summary>Indexes of <paramref name="table"/> that <c>sqlite_stat1</c> knows nothing about: the planner guesses their selectivity.</summary>
    public async Task<IReadOnlyList<string>> IndexesWithoutStatisticsAsync(string table)
    {
        var hasStats = await ScalarAsync<long>("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'") > 0;
        var sql = "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = $table AND name NOT LIKE 'sqlite_autoindex%'" +
            (hasStats ? " AND name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL)" : "");
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, [("$table", table)]);
        List<string> names = [];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>The first <paramref name="count"/> teams by id.</summary>
    public Task<IReadOnlyList<long>> FirstTeamsAsync(int count) => ListAsync("SELECT Id FROM Teams ORDER BY Id LIMIT $count", ("$count", count));

    /// <summary>Runs statements that change the file (e.g. <c>CREATE INDEX</c>, <c>ANALYZE</c>).</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<long>> ListAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        List<long> values = [];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default! : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        // No pooling: the bench deletes or regenerates the file right after, and must not hold it open.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
