using System.Text.Json;
using SalesOps.Shared.Access;
using SalesOps.Shared.Import;
using SalesOps.Web.Features.Data;

namespace SalesOps.Web.Cli;

/// <summary><c>import</c>: a CRM export into the configured database, by the same service (and audit) as the /data page.</summary>
public sealed class ImportCommand : CliCommand
{
    private static readonly Actor CommandLine = new("command line", Roles.Admin);

    public override string Group => "import";

    public override string Verb => "";

    public override IReadOnlyCollection<string> Flags => ["skip-bad-rows"];

    public override string Usage => """
        import <folder-or-file> [--mapping <file>] [--skip-bad-rows]
            Imports a CRM export: a folder of CSV files (accounts, products, sales teams, deals — recognised by their
            headers; other files are left out) or one CSV file. Re-importing the same export updates what it brought
            before and never duplicates it (deals are keyed by their ids in the export).
            All or nothing: any problem (listed by file, data row — 1 is the first row under the header — and column)
            means nothing is written and the exit code is 1.
            --mapping        a JSON mapping of the export's columns and stage names onto ours (saved from the /data
                             page, or written by hand); the default reads the four-file CRM export format
            --skip-bad-rows  import the good rows and leave out the listed bad ones
        """;

    public override async Task<int> RunAsync(CliArguments args, CliConsole console, CliHost host, CancellationToken cancellationToken)
    {
        var path = args.OnlyPositional("folder or file");
        var mappingPath = args.Option("mapping");
        var skipBadRows = args.Flag("skip-bad-rows");
        args.EnsureAllRead();

        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.csv").Order(StringComparer.Ordinal).Select(f => ImportSourceFile.FromPath(f)).ToList()
            : File.Exists(path) ? [ImportSourceFile.FromPath(path)]
            : throw new CliUsageException($"'{path}' is neither a folder nor a file.");
        if (files.Count == 0)
        {
            throw new CliUsageException($"'{path}' holds no .csv files.");
        }

        ImportMapping mapping;
        try
        {
            mapping = mappingPath is null ? ImportMapping.CrmExport() : ImportMapping.FromJson(await File.ReadAllTextAsync(mappingPath, cancellationToken));
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"The mapping '{mappingPath}' could not be read: {ex.Message}");
        }

        var services = await host.ServicesAsync(cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await services.GetRequiredService<ImportService>().ImportAsync(CommandLine, new ImportRequest(files, mapping, skipBadRows), null, cancellationToken);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        foreach (var ignored in result.IgnoredFiles)
        {
            console.Out.WriteLine($"Left out {ignored}: its columns are none of accounts, products, sales teams or deals.");
        }

        foreach (var problem in result.Problems)
        {
            console.Error.WriteLine(problem);
        }

        if (result.ProblemCount > result.Problems.Count)
        {
            console.Error.WriteLine($"… and {result.ProblemCount - result.Problems.Count:N0} more problems.");
        }

        if (!result.Imported)
        {
            console.Error.WriteLine($"Nothing was imported: {result.ProblemCount:N0} problem(s). Rows are data rows (1 = the first row under the header). " +
                "Fix them, or run again with --skip-bad-rows to leave those rows out.");
            return 1;
        }

        var c = result.Counts;
        console.Out.WriteLine(
            $"Imported in {elapsed.TotalSeconds:N1} s: {c.DealsAdded:N0} deals added, {c.DealsUpdated:N0} updated, {c.DealsUnchanged:N0} unchanged; " +
            $"new: {c.Accounts:N0} accounts, {c.Products:N0} products, {c.Reps:N0} reps, {c.Teams:N0} teams" +
            (c.RowsSkipped > 0 ? $"; {c.RowsSkipped:N0} bad rows left out." : "."));
        return 0;
    }
}
