using System.Globalization;
using Microsoft.Data.Sqlite;
using SalesOps.Shared.Export;

namespace SalesOps.Bench;

/// <summary>
/// Writes a generated company as the four-file CRM export the app imports (accounts, products, sales_teams,
/// sales_pipeline with the sample's headers), streaming rows straight from SQLite so a million deals need no memory.
/// </summary>
public static class CrmExportWriter
{
    /// <returns>The number of deal rows written.</returns>
    public static async Task<long> WriteAsync(string dbPath, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken);
        await CopyAsync(connection, Path.Combine(folder, "accounts.csv"), "account,sector,revenue,employees,office_location,subsidiary_of",
            "SELECT Name, Industry, AnnualRevenue / 1000000.0, Employees, 'United States', '' FROM Accounts", cancellationToken);
        await CopyAsync(connection, Path.Combine(folder, "products.csv"), "product,series,sales_price",
            "SELECT Name, Series, ListPrice FROM Products", cancellationToken);
        await CopyAsync(connection, Path.Combine(folder, "sales_teams.csv"), "sales_agent,manager,regional_office",
            "SELECT r.Name, COALESCE(t.ManagerName, t.Name), t.Region FROM Reps r JOIN Teams t ON t.Id = r.TeamId", cancellationToken);
        return await CopyAsync(connection, Path.Combine(folder, "sales_pipeline.csv"), "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
            "SELECT 'D' || d.Id, r.Name, COALESCE(p.Name, ''), COALESCE(a.Name, ''), s.Name, COALESCE(d.EngagedOn, d.CreatedOn), COALESCE(d.ClosedOn, ''), d.Amount " +
            "FROM Deals d JOIN Reps r ON r.Id = d.OwnerRepId JOIN Stages s ON s.Id = d.StageId " +
            "LEFT JOIN Products p ON p.Id = d.ProductId LEFT JOIN Accounts a ON a.Id = d.AccountId ORDER BY d.Id", cancellationToken);
    }

    private static async Task<long> CopyAsync(SqliteConnection connection, string path, string header, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync(header);
        long rows = 0;
        var values = new string[reader.FieldCount];
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            await writer.WriteLineAsync(string.Join(",", values.Select(CsvText.Cell)));
            rows++;
        }

        return rows;
    }
}
