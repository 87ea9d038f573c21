using SalesOps.Shared.Import;

namespace SalesOps.Web.Features.Data;

/// <summary>One file of an import: a name for problems and a way to open it (again) as a stream.</summary>
/// <param name="Kind">Forces what the file holds; null recognises it by its header.</param>
public sealed record ImportSourceFile(string Name, long Length, Func<CancellationToken, Task<Stream>> OpenAsync, ImportFileKind? Kind = null)
{
    public static ImportSourceFile FromPath(string path, ImportFileKind? kind = null) =>
        new(Path.GetFileName(path), new FileInfo(path).Length, _ => Task.FromResult<Stream>(File.OpenRead(path)), kind);
}

/// <param name="SkipBadRows">Import the good rows and leave out the ones with problems, instead of refusing it all.</param>
public sealed record ImportRequest(IReadOnlyList<ImportSourceFile> Files, ImportMapping Mapping, bool SkipBadRows = false);

public readonly record struct ImportProgress(long BytesDone, long BytesTotal, long Rows)
{
    public double Fraction => BytesTotal <= 0 ? 0 : Math.Min(1, (double)BytesDone / BytesTotal);
}

public sealed record ImportCounts(int Teams, int Reps, int Accounts, int Products, long DealsAdded, long DealsUpdated, long DealsUnchanged, long RowsSkipped);

/// <param name="Imported">Whether anything was written: false when a problem refused it (or for a preview).</param>
/// <param name="Problems">The first problems found (at most <see cref="ImportService.MaxListedProblems"/>).</param>
/// <param name="ProblemCount">All problems found, listed or not.</param>
/// <param name="IgnoredFiles">Files that hold none of the kinds we read, such as a data dictionary.</param>
public sealed record ImportResult(
    bool Imported, IReadOnlyList<ImportProblem> Problems, long ProblemCount, ImportCounts Counts, IReadOnlyList<string> IgnoredFiles,
    IReadOnlyList<ImportPreviewFile> Preview)
{
    public bool Refused => !Imported && ProblemCount > 0;
}

/// <summary>The first rows of a file as they will be read.</summary>
public sealed record ImportPreviewFile(string File, ImportFileKind Kind, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, long RowCount);

/// <summary>Problems, listed up to a cap and counted beyond it, so a broken million-row file cannot fill memory.</summary>
public sealed class ImportProblems(int cap) : System.Collections.ObjectModel.Collection<ImportProblem>
{
    public long Total { get; private set; }

    protected override void InsertItem(int index, ImportProblem item)
    {
        Total++;
        if (Count < cap)
        {
            base.InsertItem(index, item);
        }
    }
}
