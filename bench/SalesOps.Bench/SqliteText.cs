using System.Globalization;

namespace SalesOps.Bench;

/// <summary>The text forms EF Core's SQLite provider reads and writes, so rows inserted here read back like the app's own.</summary>
public static class SqliteText
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
