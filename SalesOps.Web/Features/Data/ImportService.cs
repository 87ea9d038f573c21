using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Import;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Data;

/// <summary>
/// Imports a CRM export: accounts, products, reps (with their managers' teams) and deals, keyed by the export's
/// ids so a re-import updates instead of duplicating. The files stream through once inside one transaction; any
/// problem rolls it all back unless the caller chose to skip the bad rows.
/// </summary>
public sealed class ImportService(LiveWriter writer, StageCatalog stages, TimeProvider clock, IOptions<SalesOpsOptions> options)
{
    public const int MaxListedProblems = 500;
    public const int PreviewRows = 10;
    public const string ImportedKind = "data.imported";

    /// <summary>The team of reps an export names on deals but not in a sales-teams file.</summary>
    private const string UnassignedTeamKey = "IMPORTEDREPS";

    private static readonly ImportFileKind[] Order = [ImportFileKind.Reps, ImportFileKind.Accounts, ImportFileKind.Products, ImportFileKind.Deals];

    public static bool MayImport(Actor actor) => actor.Role is Roles.Admin or Roles.VP or Roles.Analyst;

    /// <summary>Each file's header and the kind it was recognised as (or forced to), for the column-mapping step.</summary>
    public async Task<IReadOnlyList<(string File, ImportFileKind? Kind, IReadOnlyList<string> Headers)>> InspectAsync(
        IReadOnlyList<ImportSourceFile> files, ImportMapping mapping, CancellationToken cancellationToken)
    {
        var found = new List<(string, ImportFileKind?, IReadOnlyList<string>)>();
        foreach (var source in files)
        {
            await using var stream = await source.OpenAsync(cancellationToken);
            await using var file = await ImportFile.OpenAsync(source.Name, stream, mapping, source.Kind, cancellationToken);
            found.Add((source.Name, file.Kind, file.Headers));
        }

        return found;
    }

    /// <summary>The stage-mapping step reads this many rows of a deals file for its stage names; the preview checks every row.</summary>
    public const int StageScanRows = 100_000;

    /// <summary>The stage-mapping step lists at most this many different names (an export has a handful).</summary>
    public const int MaxStageNames = 50;

    /// <summary>
    /// The different stage names a deals file uses (from its first <see cref="StageScanRows"/> rows), each with the
    /// stage of ours it maps to now (null: not mapped, the preview would refuse those rows).
    /// </summary>
    public async Task<IReadOnlyList<(string Name, string? Ours)>> StageNamesAsync(ImportSourceFile source, ImportMapping mapping, CancellationToken cancellationToken)
    {
        await EnsureStagesAsync(cancellationToken);
        await using var stream = await source.OpenAsync(cancellationToken);
        await using var file = await ImportFile.OpenAsync(source.Name, stream, mapping, ImportFileKind.Deals, cancellationToken);
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        while (names.Count < MaxStageNames && file.Row < StageScanRows && await file.ReadAsync(cancellationToken))
        {
            if (file.Get(ImportFields.Stage) is { } name)
            {
                names.Add(name);
            }
        }

        var ours = new StageNames(stages.All.Select(s => (s.Id, s.Name)), mapping.Stages);
        return names.Select(n => (n, ours.Find(n) is { } id ? stages.Find(id)?.Name : null)).ToList();
    }

    /// <summary>Reads every file and lists its problems and first rows; writes nothing.</summary>
    public async Task<ImportResult> PreviewAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await EnsureStagesAsync(cancellationToken);
        var run = new Run(request, stages, progress);
        await using (var files = await run.OpenAsync(cancellationToken))
        {
            foreach (var file in files.Ordered)
            {
                // Every row is read as the import would read it, so the preview lists the problems the import would refuse.
                await run.ReadAllAsync(file, (f, problems) =>
                {
                    switch (f.Kind)
                    {
                        case ImportFileKind.Reps: ImportRows.Rep(f, problems); break;
                        case ImportFileKind.Accounts: ImportRows.Account(f, run.Request.Mapping, problems); break;
                        case ImportFileKind.Products: ImportRows.Product(f, problems); break;
                        default: run.Deal(f, problems); break;
                    }

                    return Task.CompletedTask;
                }, cancellationToken);
            }
        }

        return run.Result(imported: false, new ImportCounts(0, 0, 0, 0, 0, 0, 0, run.SkippedRows));
    }

    public async Task<ImportResult> ImportAsync(Actor actor, ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (!MayImport(actor))
        {
            throw new UnauthorizedAccessException($"{actor.Name} may not import data.");
        }

        await EnsureStagesAsync(cancellationToken);
        var run = new Run(request, stages, progress);
        try
        {
            return await writer.CommitAsync(async (db, changes) =>
            {
                var counts = await WriteAsync(db, run, cancellationToken);
                if (run.Problems.Total > 0 && !request.SkipBadRows)
                {
                    throw new RefusedException();
                }

                changes.Audit(actor.Name, "Import", string.Join(",", request.Files.Select(f => f.Name)), "imported", null, counts);
                changes.Publish(ImportedKind, null, null, null, counts);
                return run.Result(imported: true, counts);
            }, cancellationToken);
        }
        catch (RefusedException)
        {
            return run.Result(imported: false, new ImportCounts(0, 0, 0, 0, 0, 0, 0, 0));
        }
    }

    /// <summary>The web app loads the stages at start-up; a command-line host never starts, so the first import does.</summary>
    private async Task EnsureStagesAsync(CancellationToken cancellationToken)
    {
        if (stages.All.Count == 0)
        {
            await stages.LoadAsync(cancellationToken);
        }
    }

    private async Task<ImportCounts> WriteAsync(SalesOpsDbContext db, Run run, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var refs = await References.LoadAsync(db, cancellationToken);
        await using var files = await run.OpenAsync(cancellationToken);
        await using var bulk = await ImportBulkLoad.BeginAsync(db, cancellationToken);
        var tally = new Tally();
        var parents = new List<(Shared.Domain.Account Account, string Parent)>();
        foreach (var file in files.Ordered)
        {
            switch (file.Kind)
            {
                case ImportFileKind.Reps:
                    await run.ReadAllAsync(file, (f, problems) =>
                    {
                        if (ImportRows.Rep(f, problems) is { } row)
                        {
                            var team = refs.Team(db, row.Manager ?? row.Team ?? "Imported reps", row.Team ?? "", row.Manager, ref tally.Teams);
                            refs.Rep(db, row.Name, team, today, ref tally.Reps);
                        }

                        return Task.CompletedTask;
                    }, cancellationToken);
                    break;
                case ImportFileKind.Accounts:
                    await run.ReadAllAsync(file, (f, problems) =>
                    {
                        if (ImportRows.Account(f, run.Request.Mapping, problems) is { } row)
                        {
                            var account = refs.Account(db, row.Name, ref tally.Accounts);
                            account.Industry = row.Industry;
                            account.AnnualRevenue = row.Revenue;
                            account.Employees = row.Employees;
                            account.RegionCode = row.RegionCode;
                            if (row.Parent is not null)
                            {
                                parents.Add((account, row.Parent));
                            }
                        }

                        return Task.CompletedTask;
                    }, cancellationToken);
                    break;
                case ImportFileKind.Products:
                    await run.ReadAllAsync(file, (f, problems) =>
                    {
                        if (ImportRows.Product(f, problems) is { } row)
                        {
                            var product = refs.Product(db, row.Name, ref tally.Products);
                            product.Series = row.Series;
                            product.ListPrice = row.ListPrice;
                        }

                        return Task.CompletedTask;
                    }, cancellationToken);
                    break;
                case ImportFileKind.Deals:
                    // Reference rows get their ids before deals point at them.
                    await db.SaveChangesAsync(cancellationToken);
                    foreach (var (account, parent) in parents)
                    {
                        account.ParentAccountId = refs.FindAccount(parent)?.Id;
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    await using (var upsert = await DealUpsert.PrepareAsync(db, cancellationToken))
                    {
                        var deal = new Deal { Name = "" };
                        await run.ReadAllAsync(file, async (f, problems) =>
                        {
                            if (run.Deal(f, problems) is not { } row)
                            {
                                return;
                            }

                            await FillAsync(db, refs, deal, row, today, tally, cancellationToken);
                            switch (await upsert.WriteAsync(deal, cancellationToken))
                            {
                                case UpsertOutcome.Added: tally.Added++; break;
                                case UpsertOutcome.Updated: tally.Updated++; break;
                                default: tally.Unchanged++; break;
                            }
                        }, cancellationToken);
                    }

                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await bulk.FinishAsync(cancellationToken);
        return new ImportCounts(tally.Teams, tally.Reps, tally.Accounts, tally.Products, tally.Added, tally.Updated, tally.Unchanged, run.SkippedRows);
    }

    private async Task FillAsync(
        SalesOpsDbContext db, References refs, Deal deal, DealRow row, DateOnly today, Tally tally, CancellationToken cancellationToken)
    {
        var rep = refs.FindRep(row.Rep);
        if (rep is null)
        {
            var team = refs.Team(db, UnassignedTeamKey, "", null, ref tally.Teams);
            rep = refs.Rep(db, row.Rep, team, today, ref tally.Reps);
        }

        Shared.Domain.Account? account = null;
        if (row.Account is not null)
        {
            account = refs.Account(db, row.Account, ref tally.Accounts);
        }

        Product? product = null;
        if (row.Product is not null)
        {
            product = refs.Product(db, row.Product, ref tally.Products);
        }

        if (refs.Pending)
        {
            await db.SaveChangesAsync(cancellationToken);
            refs.Pending = false;
        }

        var stage = stages.Find(row.StageId)!;
        var created = row.CreatedOn ?? row.EngagedOn ?? row.ClosedOn ?? today;
        deal.Name = row.Name ?? (account is null ? product?.Name ?? row.Id : product is null ? account.Name : $"{account.Name} – {product.Name}");
        deal.AccountId = account?.Id;
        deal.OwnerRepId = rep.Id;
        deal.TeamId = rep.TeamId;
        deal.ProductId = product?.Id;
        deal.Amount = row.Amount ?? 0;
        deal.Currency = options.Value.Currency;
        deal.StageId = stage.Id;
        deal.Probability = stage.DefaultProbability;
        deal.ForecastCategory = DealRules.DefaultForecastCategory(stage, stage.DefaultProbability);
        deal.CreatedOn = created;
        deal.EngagedOn = row.EngagedOn;
        deal.ExpectedClose = row.ExpectedClose ?? today;
        deal.ClosedOn = row.ClosedOn;
        deal.Channel = rep.Channel;
        deal.StageEnteredAt = (row.ClosedOn ?? row.EngagedOn ?? created).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        deal.ExternalId = row.Id;
    }

    private sealed class RefusedException : Exception;

    private sealed class Tally
    {
        public int Teams;
        public int Reps;
        public int Accounts;
        public int Products;
        public long Added;
        public long Updated;
        public long Unchanged;
    }

    /// <summary>State of one import or preview: the request, the problems so far, progress.</summary>
    private sealed class Run(ImportRequest request, StageCatalog catalog, IProgress<ImportProgress>? progress)
    {
        // 64-bit hashes of the deal ids seen: memory stays small at a million rows, and collisions are vanishingly rare.
        private readonly HashSet<ulong> _seenIds = [];
        private readonly List<ImportProblem> _rowProblems = [];
        private readonly List<ImportPreviewFile> _preview = [];
        private readonly List<string> _ignored = [];
        private long _bytesBefore;
        private long _rows;

        public ImportRequest Request => request;

        public ImportProblems Problems { get; } = new(MaxListedProblems);

        public StageNames Stages { get; } = new(catalog.All.Select(s => (s.Id, s.Name)), request.Mapping.Stages);

        public IReadOnlySet<int> ClosedStageIds { get; } = catalog.All.Where(s => s.IsClosed).Select(s => s.Id).ToHashSet();

        public long SkippedRows { get; private set; }

        private long TotalBytes => request.Files.Sum(f => f.Length);

        /// <summary>The current row of a deals file, or null with its problems added: bad values, an overlong id, an id seen before in the file.</summary>
        public DealRow? Deal(ImportFile file, List<ImportProblem> problems)
        {
            if (ImportRows.Deal(file, request.Mapping, Stages, ClosedStageIds, problems) is not { } row)
            {
                return null;
            }

            if (row.Id.Length > DealRules.MaxExternalIdLength)
            {
                problems.Add(file.Problem(ImportFields.Id, $"Longer than {DealRules.MaxExternalIdLength} characters."));
                return null;
            }

            if (!_seenIds.Add(Fnv1a(row.Id)))
            {
                problems.Add(file.Problem(ImportFields.Id, $"'{row.Id}' appears more than once in the file."));
                return null;
            }

            return row;
        }

        public async Task<OpenFiles> OpenAsync(CancellationToken cancellationToken)
        {
            _seenIds.Clear();
            _bytesBefore = 0;
            _rows = 0;
            var open = new OpenFiles();
            try
            {
                foreach (var source in request.Files)
                {
                    var stream = await source.OpenAsync(cancellationToken);
                    open.Streams.Add(stream);
                    var file = await ImportFile.OpenAsync(source.Name, stream, request.Mapping, source.Kind, cancellationToken);
                    open.Files.Add((file, source.Length));
                    if (file.Kind is null)
                    {
                        if (!_ignored.Contains(source.Name))
                        {
                            _ignored.Add(source.Name);
                        }
                    }
                }
            }
            catch
            {
                await open.DisposeAsync();
                throw;
            }

            if (open.Files.Count(f => f.File.Kind == ImportFileKind.Deals) > 1)
            {
                Problems.Add(new ImportProblem(string.Join(", ", open.Files.Where(f => f.File.Kind == ImportFileKind.Deals).Select(f => f.File.Name)), 0, null,
                    "More than one file of deals: import them one at a time."));
            }

            return open;
        }

        /// <summary>Reads the file to its end, handing each record to <paramref name="row"/>; a row that added problems is skipped.</summary>
        public async Task ReadAllAsync(ImportFile file, Func<ImportFile, List<ImportProblem>, Task> row, CancellationToken cancellationToken)
        {
            foreach (var missing in file.MissingColumns(request.Mapping))
            {
                Problems.Add(missing);
            }

            if (Problems.Any(p => p.File == file.Name && p.Row == 0))
            {
                return;
            }

            var previewRows = new List<IReadOnlyList<string>>();
            var length = request.Files.First(f => f.Name == file.Name).Length;
            while (await file.ReadAsync(cancellationToken))
            {
                _rowProblems.Clear();
                if (previewRows.Count < PreviewRows)
                {
                    previewRows.Add(file.RawValues());
                }

                await row(file, _rowProblems);
                if (_rowProblems.Count > 0)
                {
                    SkippedRows++;
                    foreach (var problem in _rowProblems)
                    {
                        Problems.Add(problem);
                    }
                }

                if (++_rows % 2048 == 0)
                {
                    progress?.Report(new ImportProgress(_bytesBefore + file.BytesRead, TotalBytes, _rows));
                }
            }

            _bytesBefore += length;
            progress?.Report(new ImportProgress(_bytesBefore, TotalBytes, _rows));
            if (!_preview.Any(p => p.File == file.Name))
            {
                _preview.Add(new ImportPreviewFile(file.Name, file.Kind!.Value, file.Headers, previewRows, file.Row));
            }
        }

        public ImportResult Result(bool imported, ImportCounts counts) =>
            new(imported, Problems.ToList(), Problems.Total, counts, _ignored, _preview);

        private static ulong Fnv1a(string text)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return hash;
        }
    }

    private sealed class OpenFiles : IAsyncDisposable
    {
        public List<Stream> Streams { get; } = [];

        public List<(ImportFile File, long Length)> Files { get; } = [];

        /// <summary>The files we read, in the order their rows depend on each other.</summary>
        public IEnumerable<ImportFile> Ordered => Files.Select(f => f.File).Where(f => f.Kind is not null).OrderBy(f => Array.IndexOf(Order, f.Kind!.Value));

        public async ValueTask DisposeAsync()
        {
            foreach (var (file, _) in Files)
            {
                await file.DisposeAsync();
            }

            foreach (var stream in Streams)
            {
                await stream.DisposeAsync();
            }
        }
    }
}
