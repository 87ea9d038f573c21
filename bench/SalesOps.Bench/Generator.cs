using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Auth;
using SalesOps.Web.Data;

namespace SalesOps.Bench;

/// <summary>How big a synthetic company to build, and from which seed and day.</summary>
public sealed record GeneratorOptions(int Deals, int Accounts, int Reps, int Seed, DateOnly Anchor)
{
    public const int DefaultSeed = 20261127;

    /// <summary>Defaults scale with the deal count: about 250 deals per rep over 18 months and 10 per account.</summary>
    public static GeneratorOptions For(int deals, int? accounts = null, int? reps = null, int? seed = null, DateOnly? anchor = null) => new(
        deals,
        accounts ?? Math.Max(50, deals / 10),
        reps ?? Math.Max(8, deals / 250),
        seed ?? DefaultSeed,
        anchor ?? DateOnly.FromDateTime(DateTime.UtcNow));

    public int Teams => Math.Max(1, Reps / 10);
}

public sealed record GeneratorResult(IReadOnlyDictionary<string, long> RowsByTable, TimeSpan MigrateTime, TimeSpan InsertTime)
{
    public long Rows => RowsByTable.Values.Sum();

    public double RowsPerSecond => Rows / InsertTime.TotalSeconds;
}

/// <summary>
/// Builds a large, deterministic company straight into SQLite: the app's migrations create the schema, then one
/// transaction of prepared inserts fills it (EF Core change tracking would be two orders of magnitude slower).
/// Deals are spread over the 18 months before <see cref="GeneratorOptions.Anchor"/> and sit in every stage.
/// </summary>
public sealed class Generator(GeneratorOptions options)
{
    public const string IngestKey = "bench-ingest-key";
    private const int HistoryDays = 548;
    private const int WonStage = 5;
    private const int LostStage = 6;
    private const string Actor = "bench";

    private static readonly string[] FirstNames = ["Ana", "Bogdan", "Carla", "Dan", "Elena", "Felix", "Gina", "Horia", "Irina", "Jon", "Karin", "Liviu", "Maria", "Nate", "Olga", "Paul", "Quinn", "Radu", "Sara", "Tudor", "Uma", "Victor", "Wendy", "Xavier", "Yara", "Zack"];
    private static readonly string[] LastNames = ["Anders", "Barbu", "Chen", "Dobre", "Evans", "Florea", "Garcia", "Hughes", "Ionescu", "Jensen", "Kim", "Lupu", "Moreno", "Nistor", "Olsen", "Popa", "Quist", "Rossi", "Stan", "Tanaka", "Ueda", "Vasile", "Walsh", "Young"];
    private static readonly string[] NameStarts = ["Blue", "North", "Silver", "Granite", "Bright", "Summit", "Harbor", "Prairie", "Cedar", "Iron", "Coastal", "Golden", "Pioneer", "Red", "Union", "Evergreen"];
    private static readonly string[] NameEnds = ["Logistics", "Foods", "Health", "Energy", "Systems", "Retail", "Labs", "Manufacturing", "Finance", "Media", "Motors", "Analytics", "Pharma", "Holdings", "Telecom", "Works"];
    private static readonly string[] Industries = ["Manufacturing", "Retail", "Healthcare", "Finance", "Energy", "Technology", "Logistics", "Media", "Education", "Public sector"];
    private static readonly string[] Regions = ["West", "Mountain", "Central", "Midwest", "South", "Southeast", "Northeast", "Mid-Atlantic"];
    private static readonly string[] Colors = ["#1E88E5", "#43A047", "#FB8C00", "#8E24AA", "#E53935", "#00ACC1", "#6D4C41", "#3949AB"];
    private static readonly string[] LostReasons = ["Price", "Chose a competitor", "No budget", "No decision", "Timing", "Missing feature"];
    private static readonly (string Code, double Lat, double Lon)[] States =
    [
        ("CA", 36.8, -119.4), ("OR", 43.8, -120.6), ("WA", 47.4, -120.7), ("NV", 38.8, -116.4), ("AZ", 34.0, -111.1),
        ("CO", 39.1, -105.4), ("UT", 39.3, -111.1), ("TX", 31.0, -99.9), ("OK", 35.6, -97.5), ("IL", 40.6, -89.4),
        ("MN", 46.7, -94.7), ("OH", 40.4, -82.9), ("MI", 44.3, -85.6), ("GA", 32.2, -82.9), ("FL", 27.8, -81.8),
        ("NC", 35.8, -79.0), ("TN", 35.5, -86.6), ("NY", 43.0, -75.0), ("MA", 42.4, -71.4), ("PA", 41.2, -77.2),
        ("NJ", 40.1, -74.4), ("VA", 37.4, -78.7), ("MD", 39.0, -76.6), ("WI", 43.8, -88.8),
    ];
    private static readonly (string Name, string Series, decimal ListPrice)[] Products =
    [
        ("Core Platform", "Platform", 24_000m), ("Core Platform Plus", "Platform", 48_000m), ("Analytics", "Add-ons", 9_000m),
        ("Territory Planner", "Add-ons", 6_500m), ("Incentive Engine", "Add-ons", 12_000m), ("Data Hygiene", "Services", 4_000m),
        ("Onboarding", "Services", 15_000m), ("Premium Support", "Services", 7_500m),
    ];

    private readonly Random _random = new(options.Seed);
    private readonly Dictionary<int, string> _dates = [];
    private readonly Stage[] _stages = SalesOpsDbContext.DefaultStages;

    /// <param name="fresh">Delete any file at <paramref name="dbPath"/> first; otherwise the database must have no company yet.</param>
    public async Task<GeneratorResult> GenerateAsync(string dbPath, bool fresh, CancellationToken cancellationToken)
    {
        dbPath = Path.GetFullPath(dbPath);
        if (fresh)
        {
            DeleteDatabase(dbPath);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(dbPath)!);
        var migrate = Stopwatch.StartNew();
        await MigrateAsync(dbPath, cancellationToken);
        migrate.Stop();

        var insert = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=OFF;");
        // Foreign keys are off for speed only: every id the generator writes points at a row it wrote before (checked with them on).
        await EnsureEmptyAsync(connection);

        Dictionary<string, long> rows;
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            rows = Insert(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        insert.Stop();
        // The app switches to WAL at start-up anyway; leave the file the way it will be used.
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;");
        return new GeneratorResult(rows, migrate.Elapsed, insert.Elapsed);
    }

    public static void DeleteDatabase(string dbPath)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(dbPath + suffix);
        }
    }

    /// <summary>The app's EF migrations, as the app applies them at start-up; also brings an older generated file up to date.</summary>
    public static async Task MigrateAsync(string dbPath, CancellationToken cancellationToken)
    {
        var contextOptions = new DbContextOptionsBuilder<SalesOpsDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = dbPath }.ToString())
            .Options;
        await using (var db = new SalesOpsDbContext(contextOptions))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        // Changing the journal mode next needs no other connection open on the file.
        SqliteConnection.ClearAllPools();
    }

    private static async Task EnsureEmptyAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM Teams) + (SELECT COUNT(*) FROM Reps) + (SELECT COUNT(*) FROM Accounts) + (SELECT COUNT(*) FROM Deals)";
        if (Convert.ToInt64(await command.ExecuteScalarAsync()) > 0)
        {
            throw new InvalidOperationException("The database already holds a company; generate into a new file.");
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private Dictionary<string, long> Insert(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var company = new CompanyShape(options.Teams, options.Reps, options.Accounts);
        List<PreparedInsert> inserts = [];
        PreparedInsert Prepare(string table, params string[] columns)
        {
            var insert = new PreparedInsert(connection, transaction, table, columns);
            inserts.Add(insert);
            return insert;
        }

        try
        {
            InsertTeams(Prepare("Teams", "Id", "Name", "Region", "ManagerName"), company);
            InsertReps(Prepare("Reps", "Id", "Name", "Email", "TeamId", "Title", "Channel", "HireDate", "Active"), company);
            InsertTerritories(Prepare("Territories", "Id", "Name", "Kind", "Regions", "OwnerRepId", "Color", "Version"), company);
            InsertAccounts(
                Prepare("Accounts", "Id", "Name", "Industry", "RegionCode", "Latitude", "Longitude", "AnnualRevenue", "Employees", "PotentialScore", "TerritoryId", "OwnerRepId", "ParentAccountId", "Version"),
                company);
            InsertProducts(Prepare("Products", "Id", "Name", "Series", "ListPrice"));
            InsertQuotas(Prepare("Quotas", "RepId", "TeamId", "PeriodStart", "PeriodEnd", "Amount", "Metric", "Version"));
            InsertDeals(
                Prepare("Deals", "Id", "Name", "AccountId", "OwnerRepId", "TeamId", "ProductId", "Amount", "Currency", "StageId", "Probability", "ForecastCategory",
                    "CreatedOn", "EngagedOn", "ExpectedClose", "ClosedOn", "LostReason", "Channel", "StageEnteredAt", "ExternalId", "Version"),
                Prepare("DealStageChanges", "DealId", "FromStageId", "ToStageId", "ChangedAt", "ChangedBy"),
                company,
                cancellationToken);
            Prepare("ApiKeys", "Name", "Prefix", "Hash", "CreatedAt", "CreatedBy", "RevokedAt")
                .Insert("Bench", "bench-", ApiKeyHasher.Hash(IngestKey), SqliteText.DateTime(DateTime.UtcNow), Actor, null);
            return inserts.ToDictionary(i => i.Table, i => i.Rows);
        }
        finally
        {
            inserts.ForEach(i => i.Dispose());
        }
    }

    private void InsertTeams(PreparedInsert teams, CompanyShape company)
    {
        for (var team = 1; team <= company.Teams; team++)
        {
            var region = Regions[(team - 1) % Regions.Length];
            teams.Insert(team, $"{region} {(team - 1) / Regions.Length + 1}", region, PersonName());
        }
    }

    private void InsertReps(PreparedInsert reps, CompanyShape company)
    {
        for (var rep = 1; rep <= company.Reps; rep++)
        {
            var channel = _random.NextDouble() switch
            {
                < 0.50 => SalesChannel.Field,
                < 0.75 => SalesChannel.Phone,
                < 0.90 => SalesChannel.Digital,
                _ => SalesChannel.Partner,
            };
            company.RepChannel[rep] = channel;
            var title = rep % 10 == 1 ? "Senior Account Executive" : "Account Executive";
            reps.Insert(rep, PersonName(), $"rep{rep}@bench.salesops", company.TeamOf(rep), title, channel.ToString(),
                SqliteText.Date(options.Anchor.AddDays(-_random.Next(90, 3000))), 1);
        }
    }

    private void InsertTerritories(PreparedInsert territories, CompanyShape company)
    {
        for (var territory = 1; territory <= company.Territories; territory++)
        {
            var team = company.TeamOfTerritory(territory);
            var first = (territory - 1) * 2 % States.Length;
            var regions = $"{States[first].Code},{States[(first + 1) % States.Length].Code}";
            territories.Insert(territory, $"Territory {territory} ({regions})", nameof(TerritoryKind.Geographic), regions,
                company.RepsOf(team)[0], Colors[(territory - 1) % Colors.Length], 0);
        }
    }

    private void InsertAccounts(PreparedInsert accounts, CompanyShape company)
    {
        for (var account = 1; account <= company.Accounts; account++)
        {
            var territory = _random.Next(1, company.Territories + 1);
            var teamReps = company.RepsOf(company.TeamOfTerritory(territory));
            var owner = teamReps[_random.Next(teamReps.Count)];
            var state = States[((territory - 1) * 2 + _random.Next(2)) % States.Length];
            var name = $"{NameStarts[_random.Next(NameStarts.Length)]} {NameEnds[_random.Next(NameEnds.Length)]} {account}";
            company.AccountOwner[account] = owner;
            company.AccountName[account] = name;
            accounts.Insert(
                account,
                name,
                Industries[_random.Next(Industries.Length)],
                state.Code,
                Math.Round(state.Lat + _random.NextDouble() * 2 - 1, 4),
                Math.Round(state.Lon + _random.NextDouble() * 2 - 1, 4),
                SqliteText.Cents(Math.Round((decimal)LogUniform(1e6, 5e9), 0)),
                (int)LogUniform(10, 50_000),
                _random.Next(0, 101),
                territory,
                owner,
                account > 20 && _random.NextDouble() < 0.05 ? _random.Next(1, account) : null,
                0);
        }
    }

    private static void InsertProducts(PreparedInsert products)
    {
        for (var i = 0; i < Products.Length; i++)
        {
            products.Insert(i + 1, Products[i].Name, Products[i].Series, SqliteText.Cents(Products[i].ListPrice));
        }
    }

    /// <summary>One won-revenue quota per rep per quarter, from the first quarter with deals to the one after the anchor's.</summary>
    private void InsertQuotas(PreparedInsert quotas)
    {
        var first = Period.QuarterOf(options.Anchor.AddDays(-HistoryDays)).Start;
        var last = Period.QuarterOf(options.Anchor).Start.AddMonths(3);
        for (var rep = 1; rep <= options.Reps; rep++)
        {
            for (var start = first; start <= last; start = start.AddMonths(3))
            {
                var amount = _random.Next(150, 401) * 1_000m;
                quotas.Insert(rep, null, SqliteText.Date(start), SqliteText.Date(start.AddMonths(3).AddDays(-1)), SqliteText.Cents(amount), nameof(QuotaMetric.WonRevenue), 0);
            }
        }
    }

    private void InsertDeals(PreparedInsert deals, PreparedInsert history, CompanyShape company, CancellationToken cancellationToken)
    {
        Span<int> path = stackalloc int[6];
        Span<DateTime> enteredAt = stackalloc DateTime[6];
        for (var id = 1; id <= options.Deals; id++)
        {
            if (id % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var account = _random.Next(1, company.Accounts + 1);
            var owner = company.AccountOwner[account];
            if (_random.NextDouble() < 0.1)
            {
                // Some deals are worked by a teammate rather than the account owner.
                var teamReps = company.RepsOf(company.TeamOf(owner));
                owner = teamReps[_random.Next(teamReps.Count)];
            }

            var productIndex = _random.Next(Products.Length);
            var created = options.Anchor.AddDays(-_random.Next(0, HistoryDays + 1));
            var cycle = 14 + (int)(_random.NextDouble() * _random.NextDouble() * 300);
            var close = created.AddDays(cycle);

            // The stages the deal went through, in order; closed deals end in Won or Lost.
            int steps;
            DateOnly lastStep;
            if (close <= options.Anchor)
            {
                var won = _random.NextDouble() < 0.38;
                var reached = won ? 4 : _random.Next(1, 5);
                for (var s = 0; s < reached; s++)
                {
                    path[s] = s + 1;
                }

                path[reached] = won ? WonStage : LostStage;
                steps = reached + 1;
                lastStep = close;
            }
            else
            {
                var progress = options.Anchor.DayNumber - created.DayNumber;
                steps = Math.Clamp(1 + progress * 4 / cycle, 1, 4);
                for (var s = 0; s < steps; s++)
                {
                    path[s] = s + 1;
                }

                lastStep = created.AddDays(cycle * (steps - 1) / 4);
            }

            var stage = _stages[path[steps - 1] - 1];
            var probability = stage.IsClosed ? stage.DefaultProbability : Math.Clamp(stage.DefaultProbability + _random.Next(-5, 6), 0, 100);
            DateOnly? engaged = null;
            for (var s = 0; s < steps; s++)
            {
                var day = s == steps - 1 ? lastStep : created.AddDays((lastStep.DayNumber - created.DayNumber) * s / Math.Max(1, steps - 1));
                enteredAt[s] = day.ToDateTime(new TimeOnly(8, 0)).AddSeconds(_random.Next(0, 10 * 3600));
                if (path[s] == 2)
                {
                    engaged = day;
                }
            }

            deals.Insert(
                id,
                $"{company.AccountName[account]} - {Products[productIndex].Name}",
                account,
                owner,
                company.TeamOf(owner),
                productIndex + 1,
                SqliteText.Cents(Math.Round((decimal)LogUniform(2_000, 250_000), 2)),
                "USD",
                stage.Id,
                probability,
                DealRules.DefaultForecastCategory(stage, probability).ToString(),
                Date(created),
                engaged is { } e ? Date(e) : null,
                Date(close),
                stage.IsClosed ? Date(close) : null,
                stage.IsLost ? LostReasons[_random.Next(LostReasons.Length)] : null,
                company.RepChannel[owner].ToString(),
                SqliteText.DateTime(enteredAt[steps - 1]),
                null,
                0);

            for (var s = 0; s < steps; s++)
            {
                history.Insert(id, s == 0 ? null : path[s - 1], path[s], SqliteText.DateTime(enteredAt[s]), Actor);
            }
        }
    }

    /// <summary>Deals reuse a few hundred distinct days; format each once.</summary>
    private string Date(DateOnly date)
    {
        if (!_dates.TryGetValue(date.DayNumber, out var text))
        {
            text = SqliteText.Date(date);
            _dates[date.DayNumber] = text;
        }

        return text;
    }

    private string PersonName() => $"{FirstNames[_random.Next(FirstNames.Length)]} {LastNames[_random.Next(LastNames.Length)]}";

    private double LogUniform(double min, double max) => Math.Exp(Math.Log(min) + _random.NextDouble() * (Math.Log(max) - Math.Log(min)));
}
