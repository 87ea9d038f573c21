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

    /// <summary>The first account with an owner: the ingest API gives a new deal to the account's owner.</summary>
    public Task<long?> FirstOwnedAccountAsync() => ScalarAsync<long?>("SELECT MIN(Id) FROM Accounts WHERE OwnerRepId IS NOT NULL");

    /// <summary>The rep with the most deals: the heaviest rep dashboard.</summary>
    public Task<long?> BusiestRepAsync() => ScalarAsync<long?>("SELECT OwnerRepId FROM Deals GROUP BY OwnerRepId ORDER BY COUNT(*) DESC, OwnerRepId LIMIT 1");

    /// <summary><paramref name="preferred"/> when it has deals, else the team with the most.</summary>
    public async Task<long?> TeamWithDealsAsync(long preferred) =>
        await ScalarAsync<long?>("SELECT TeamId FROM Deals WHERE TeamId = $team LIMIT 1", ("$team", preferred))
        ?? await ScalarAsync<long?>("SELECT TeamId FROM Deals GROUP BY TeamId ORDER BY COUNT(*) DESC, TeamId LIMIT 1");

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        // No pooling: the bench deletes or regenerates the file right after, and must not hold it open.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default! : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }
}
