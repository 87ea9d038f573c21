namespace SalesOps.Shared.Import;

/// <summary>
/// One thing wrong in an import, where a person can find it: the file, the 1-based data row (the header is not
/// counted, so row 1 is the file's second line) and the column as the file names it.
/// </summary>
/// <param name="Row">1-based data row; 0 for a problem with the file as a whole (a missing column, say).</param>
public sealed record ImportProblem(string File, long Row, string? Column, string Message)
{
    public override string ToString() =>
        Row == 0 ? $"{File}: {Message}" : $"{File}, row {Row}{(Column is null ? "" : $", column {Column}")}: {Message}";
}
