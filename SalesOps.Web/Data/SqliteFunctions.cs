namespace SalesOps.Web.Data;

/// <summary>SQLite functions EF Core does not map by itself, registered on the model in <see cref="SalesOpsDbContext"/>.</summary>
public static class SqliteFunctions
{
    /// <summary>SQLite's <c>julianday(date)</c>: days since noon on 24 November 4714 BC, so differences are day counts.</summary>
    public static double JulianDay(DateOnly date) => throw new NotSupportedException("Only for use in EF Core queries.");
}
