using System.Globalization;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Bench;

/// <summary><c>generate --deals N [--accounts A] [--reps R] [--months M] [--seed S] [--anchor yyyy-MM-dd] --db PATH</c></summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var deals = args.Number("deals", 1, CompanySize.MaxDeals) ?? throw new UsageException("--deals is required.");
        var request = CompanyRequest.For(
            deals, args.Number("accounts", 200, 10_000_000), args.Number("reps", CompanySize.Demo.Reps, 1_000_000), args.Number("months", 3, 120),
            args.Number("seed", 0, int.MaxValue), args.Date("anchor"));
        var db = args.RequiredText("db");
        args.EnsureAllRead();

        var size = request.Size;
        Console.WriteLine(
            $"Generating {size.Deals:N0} deals, {size.Accounts:N0} accounts, {size.Reps:N0} reps (seed {request.Seed}, {size.Months} months of quotas " +
            $"up to {request.Anchor:yyyy-MM-dd}) into {Path.GetFullPath(db)}");
        var result = await CompanyFile.GenerateAsync(db, request, fresh: true, cancellationToken);

        foreach (var (table, rows) in result.RowsByTable)
        {
            Console.WriteLine($"  {table,-18} {rows,12:N0}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Inserted {result.Rows:N0} rows in {result.InsertTime.TotalSeconds:0.00} s: {result.RowsPerSecond:N0} rows/s " +
            $"(migrations {result.MigrateTime.TotalSeconds:0.00} s; file {new FileInfo(db).Length / 1048576.0:N0} MiB)"));
        Console.WriteLine($"The ingest API key for this database is '{DemoCompany.IngestKey}'; every rep signs in with the demo password.");
        return 0;
    }
}
