using System.Globalization;

namespace SalesOps.Bench;

/// <summary><c>generate --deals N [--accounts A] [--reps R] [--seed S] [--anchor yyyy-MM-dd] --db PATH</c></summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var deals = args.Int("deals", 1, 50_000_000) ?? throw new UsageException("--deals is required.");
        var options = GeneratorOptions.For(deals, args.Int("accounts", 1, 10_000_000), args.Int("reps", 1, 1_000_000), args.Int("seed", 0, int.MaxValue), args.Date("anchor"));
        var db = args.RequiredString("db");
        args.EnsureAllRead();

        Console.WriteLine(
            $"Generating {options.Deals:N0} deals, {options.Accounts:N0} accounts, {options.Reps:N0} reps in {options.Teams:N0} teams " +
            $"(seed {options.Seed}, 18 months up to {options.Anchor:yyyy-MM-dd}) into {Path.GetFullPath(db)}");
        var result = await new Generator(options).GenerateAsync(db, fresh: true, cancellationToken);

        foreach (var (table, rows) in result.RowsByTable)
        {
            Console.WriteLine($"  {table,-18} {rows,12:N0}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Inserted {result.Rows:N0} rows in {result.InsertTime.TotalSeconds:0.00} s: {result.RowsPerSecond:N0} rows/s " +
            $"(migrations {result.MigrateTime.TotalSeconds:0.00} s; file {new FileInfo(db).Length / 1048576.0:N0} MiB)"));
        Console.WriteLine($"The ingest API key for this database is '{Generator.IngestKey}'.");
        return 0;
    }
}
