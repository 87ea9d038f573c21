using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Kpis;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Cli;
using SalesOps.Web.Data;

namespace SalesOps.Tests.DataImport;

/// <summary>
/// <c>import</c> of the real CRM export (copied into the tests from the public "CRM + Sales + Opportunities" sample)
/// into a brand-new database, as a company starting from its own export would run it.
/// </summary>
public class ImportCommandTests : IAsyncLifetime
{
    private readonly string _directory = TestDatabase.NewDirectory();

    public static string ExportFolder => Path.Combine(AppContext.BaseDirectory, "Data", "crm-sales-opportunities");

    private string DatabasePath => Path.Combine(_directory, "company.db");

    [Fact]
    public async Task The_real_export_imports_and_its_won_revenue_win_rate_and_cycle_match_a_spreadsheet()
    {
        var run = await RunAsync(["import", ExportFolder]);

        AssertSucceeded(run);
        Assert.Contains("8,800 deals added", run.Output);
        Assert.Contains("Left out data_dictionary.csv", run.Output);
        var expected = Spreadsheet.FromPipeline(File.ReadLines(Path.Combine(ExportFolder, "sales_pipeline.csv")));

        await using var db = Db();
        var ct = TestContext.Current.CancellationToken;
        var won = await db.Stages.Where(s => s.IsWon).Select(s => s.Id).SingleAsync(ct);
        var closed = await db.Deals.Where(d => d.ClosedOn != null)
            .Select(d => new ClosedDeal(d.Amount, d.StageId == won, d.CreatedOn, d.EngagedOn, d.ClosedOn!.Value)).ToListAsync(ct);
        var kpis = KpiCalculator.Summarize(closed);

        Assert.Equal(expected.WonRevenue, kpis.WonAmount);
        Assert.Equal(expected.Won, kpis.Won);
        Assert.Equal(expected.Lost, kpis.Lost);
        Assert.Equal(expected.WinRate, kpis.WinRate!.Value, 12);
        Assert.Equal(expected.AverageWonCycleDays, kpis.AverageCycleDays!.Value, 9);
        Assert.Equal(8800, await db.Deals.CountAsync(ct));
        Assert.Equal(1425, await db.Deals.CountAsync(d => d.AccountId == null, ct));
        Assert.Equal(35, await db.Reps.CountAsync(ct));
        Assert.Equal(85, await db.Accounts.CountAsync(ct));
        // Names match ignoring case and spaces: "GTXPro" on deals is "GTX Pro" of products.csv.
        Assert.Equal(7, await db.Products.CountAsync(ct));
        Assert.Equal(1480, await db.Deals.CountAsync(d => d.Product!.Name == "GTX Pro", ct));
        Assert.Equal("Dustin Brinkmann (Central)", (await db.Reps.Include(r => r.Team).SingleAsync(r => r.Name == "Anna Snelling", ct)).Team!.Name);
        var acme = await db.Accounts.SingleAsync(a => a.Name == "Acme Corporation", ct);
        Assert.Equal(("US", 1_100_040_000m, 2822, "technolgy"), (acme.RegionCode, acme.AnnualRevenue, acme.Employees, acme.Industry));
    }

    [Fact]
    public async Task Importing_the_same_export_again_updates_and_never_duplicates()
    {
        var first = await RunAsync(["import", ExportFolder]);
        var again = await RunAsync(["import", ExportFolder]);

        AssertSucceeded(first);
        AssertSucceeded(again);
        Assert.Contains("0 deals added, 0 updated, 8,800 unchanged", again.Output);
        await using var db = Db();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal((8800, 85, 35, 7), (await db.Deals.CountAsync(ct), await db.Accounts.CountAsync(ct), await db.Reps.CountAsync(ct), await db.Products.CountAsync(ct)));
        Assert.Equal(0, await db.Deals.CountAsync(d => d.Version != 0, ct));
    }

    [Fact]
    public async Task Imported_deals_are_searchable_once_each_and_the_search_trigger_is_back_for_later_deals()
    {
        AssertSucceeded(await RunAsync(["import", ExportFolder]));
        AssertSucceeded(await RunAsync(["import", ExportFolder]));

        await using var db = Db();
        var ct = TestContext.Current.CancellationToken;
        // The import indexes its deals in one statement, not through the per-row trigger: each deal once, with its account.
        Assert.Equal(8800, await ScalarAsync(db, "SELECT count(*) AS Value FROM DealSearch", ct));
        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) AS Value FROM Deals AS d WHERE NOT EXISTS (SELECT 1 FROM DealSearch AS s WHERE s.rowid = d.Id)", ct));
        var acmeDeals = await db.Deals.CountAsync(d => d.Account!.Name == "Acme Corporation", ct);
        Assert.True(acmeDeals > 0);
        Assert.Equal(acmeDeals, await ScalarAsync(db, "SELECT count(*) AS Value FROM DealSearch WHERE DealSearch MATCH 'account:\"acme corporation\"'", ct));
        Assert.Equal(1, await ScalarAsync(db, "SELECT count(*) AS Value FROM sqlite_master WHERE type = 'trigger' AND name = 'DealSearch_DealInserted'", ct));
        // The first import into an empty company built the Deals indexes at the end: every one of the model's is there.
        var expected = db.Model.FindEntityType(typeof(SalesOps.Shared.Domain.Deal))!.GetIndexes().Select(i => i.GetDatabaseName()!).Order().ToList();
        var actual = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Deals' AND sql IS NOT NULL").ToListAsync(ct);
        Assert.Equal(expected, actual.Order().ToList());
    }

    [Fact]
    public async Task One_bad_row_refuses_the_whole_import_and_names_file_row_and_column()
    {
        var folder = CopyExport(lines => lines[3] = lines[3].Replace(",Won,", ",Maybe,", StringComparison.Ordinal).Replace("2017-03-07", "2017-13-07", StringComparison.Ordinal));

        var run = await RunAsync(["import", folder]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("sales_pipeline.csv, row 3, column deal_stage: 'Maybe' is not a stage", run.Error);
        Assert.Contains("Nothing was imported", run.Error);
        await using var db = Db();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal((0, 0, 0), (await db.Deals.CountAsync(ct), await db.Accounts.CountAsync(ct), await db.Reps.CountAsync(ct)));
        Assert.Equal(0, await db.AuditEntries.CountAsync(ct));
        // The search trigger the import dropped inside its transaction came back with the rollback.
        Assert.Equal(1, await ScalarAsync(db, "SELECT count(*) AS Value FROM sqlite_master WHERE type = 'trigger' AND name = 'DealSearch_DealInserted'", ct));
    }

    [Fact]
    public async Task Skipping_bad_rows_imports_the_rest()
    {
        var folder = CopyExport(lines => lines[3] = lines[3].Replace(",Won,", ",Maybe,", StringComparison.Ordinal));

        var run = await RunAsync(["import", folder, "--skip-bad-rows"]);

        AssertSucceeded(run);
        Assert.Contains("1 bad rows left out", run.Output);
        await using var db = Db();
        Assert.Equal(8799, await db.Deals.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_generic_deal_file_imports_with_a_mapping_file()
    {
        var file = Path.Combine(_directory, "hubspot-deals.csv");
        await File.WriteAllLinesAsync(file,
        [
            "Deal ID,Deal owner,Company,Deal stage,Create date,Close date,Amount",
            "H-1,Ana Pop,\"Acme, Inc.\",closedwon,3/15/2024,4/2/2024,\"$12,500.00\"",
            "H-2,Ana Pop,,appointmentscheduled,2024-04-01,,",
        ], TestContext.Current.CancellationToken);
        var mapping = Path.Combine(_directory, "hubspot.json");
        await File.WriteAllTextAsync(mapping, """
            { "columns": { "Deals": { "id": "Deal ID", "rep": "Deal owner", "account": "Company", "stage": "Deal stage",
              "createdOn": "Create date", "closedOn": "Close date", "amount": "Amount" } } }
            """, TestContext.Current.CancellationToken);

        var run = await RunAsync(["import", file, "--mapping", mapping]);

        AssertSucceeded(run);
        await using var db = Db();
        var deals = await db.Deals.Include(d => d.Account).OrderBy(d => d.ExternalId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("Acme, Inc.", 12500m, new DateOnly(2024, 4, 2), 5), (deals[0].Account!.Name, deals[0].Amount, deals[0].ClosedOn!.Value, deals[0].StageId));
        Assert.Equal((null, 1), (deals[1].AccountId, deals[1].StageId));
    }

    [Fact]
    public async Task A_missing_folder_is_a_usage_error()
    {
        var run = await RunAsync(["import", Path.Combine(_directory, "nowhere")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("neither a folder nor a file", run.Error);
    }

    private static void AssertSucceeded((int ExitCode, string Output, string Error) run) =>
        Assert.True(run.ExitCode == 0, $"Exit code {run.ExitCode}: {run.Error}\n{run.Output}");

    private string CopyExport(Action<string[]> changePipeline)
    {
        var folder = Path.Combine(_directory, "export");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(ExportFolder))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var pipeline = Path.Combine(folder, "sales_pipeline.csv");
        var lines = File.ReadAllLines(pipeline);
        changePipeline(lines);
        File.WriteAllLines(pipeline, lines);
        return folder;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var console = new CliConsole(output, error, _ => null, null);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:SalesOps"] = $"Data Source={DatabasePath}",
            ["SalesOps:DataProtectionKeysPath"] = Path.Combine(_directory, "keys"),
        };
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var exitCode = await SalesOpsCli.RunAsync(args, console, settings, TestContext.Current.CancellationToken);
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static Task<int> ScalarAsync(SalesOpsDbContext db, string sql, CancellationToken ct) => db.Database.SqlQueryRaw<int>(sql).SingleAsync(ct);

    private SalesOpsDbContext Db() =>
        new(new DbContextOptionsBuilder<SalesOpsDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>What a spreadsheet computes from sales_pipeline.csv: SUMIF, COUNTIF and AVERAGE over close − engage.</summary>
internal sealed record Spreadsheet(int Won, int Lost, decimal WonRevenue, double WinRate, double AverageWonCycleDays)
{
    public static Spreadsheet FromPipeline(IEnumerable<string> lines)
    {
        int won = 0, lost = 0;
        decimal revenue = 0;
        double cycleDays = 0;
        foreach (var line in lines.Skip(1))
        {
            // The export has no quoted fields: a plain split is what a spreadsheet's text-to-columns does.
            var cells = line.Split(',');
            switch (cells[4])
            {
                case "Won":
                    won++;
                    revenue += decimal.Parse(cells[7], CultureInfo.InvariantCulture);
                    cycleDays += (DateTime.Parse(cells[6], CultureInfo.InvariantCulture) - DateTime.Parse(cells[5], CultureInfo.InvariantCulture)).TotalDays;
                    break;
                case "Lost":
                    lost++;
                    break;
            }
        }

        return new Spreadsheet(won, lost, revenue, (double)won / (won + lost), cycleDays / won);
    }
}
