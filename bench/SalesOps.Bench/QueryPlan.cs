using System.Text;
using Microsoft.Data.Sqlite;

namespace SalesOps.Bench;

/// <summary>SQLite's <c>EXPLAIN QUERY PLAN</c> for a captured query, as the indented tree the sqlite3 shell prints.</summary>
public static class QueryPlan
{
    public static async Task<string> ExplainAsync(string dbPath, CapturedSql query, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query.Text;
        foreach (var (name, value) in query.Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        // Rows are (id, parent, notused, detail); a row's depth is its parent's depth + 1.
        var depth = new Dictionary<long, int> { [0] = -1 };
        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            var level = depth.GetValueOrDefault(reader.GetInt64(1), -1) + 1;
            depth[id] = level;
            plan.Append(' ', level * 2).Append("- ").AppendLine(reader.GetString(3));
        }

        return plan.ToString();
    }

    /// <summary>Each query, readable, followed by its plan: what a report shows for a case over its goal.</summary>
    public static async Task<string> ExplainAllAsync(string dbPath, IReadOnlyList<CapturedSql> queries, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var query in queries)
        {
            text.AppendLine(Readable(query).ReplaceLineEndings(Environment.NewLine + "    ").Insert(0, "    "));
            text.AppendLine(await ExplainAsync(dbPath, query, cancellationToken));
        }

        return text.ToString();
    }

    /// <summary>The SQL with its parameter values written in, for a human to read (longest names first, so @p1 does not clobber @p10).</summary>
    public static string Readable(CapturedSql query) =>
        query.Parameters.OrderByDescending(p => p.Name.Length).Aggregate(query.Text, (sql, p) => sql.Replace(Prefixed(p.Name), Literal(p.Value), StringComparison.Ordinal));

    /// <summary>EF names some parameters with their prefix ("@__p_0") and some without ("p0", written "@p0" in the SQL).</summary>
    private static string Prefixed(string name) => name.Length > 0 && name[0] is '@' or '$' or ':' ? name : "@" + name;

    private static string Literal(object value) => value switch
    {
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        DateOnly d => "'" + SqliteText.Date(d) + "'",
        DateTime t => "'" + SqliteText.DateTime(t) + "'",
        DBNull => "NULL",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "NULL",
    };
}
