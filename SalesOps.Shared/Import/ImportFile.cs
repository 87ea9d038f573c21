using CsvHelper;

namespace SalesOps.Shared.Import;

/// <summary>
/// One CSV file of an import, read a record at a time from its stream (never whole into memory). Fields are asked
/// for by our names (<see cref="ImportFields"/>) and found through the mapping's column headers.
/// </summary>
public sealed class ImportFile : IAsyncDisposable
{
    /// <summary>The longest record accepted: a stray quote must not make the reader buffer a whole upload.</summary>
    public const int MaxRecordBytes = 64 * 1024;

    private readonly CsvReader _reader;
    private readonly Dictionary<string, int> _fieldIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fieldHeader = new(StringComparer.Ordinal);

    private ImportFile(string name, CsvReader reader)
    {
        Name = name;
        _reader = reader;
    }

    public string Name { get; }

    public ImportFileKind? Kind { get; private set; }

    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>The 1-based data row just read (the header is not counted).</summary>
    public long Row { get; private set; }

    /// <summary>How far into the file the reader is, for progress.</summary>
    public long BytesRead => _reader.ByteOffset;

    /// <summary>Reads the header and recognises the file's kind (null when it is none of ours: left out of the import).</summary>
    /// <param name="kind">Forces the kind (a single file named on the command line, a file the user said is of a kind).</param>
    public static async Task<ImportFile> OpenAsync(string name, Stream stream, ImportMapping mapping, ImportFileKind? kind, CancellationToken cancellationToken)
    {
        var reader = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',', MaxRecordSize = MaxRecordBytes, TrimWhitespace = true }, leaveOpen: true);
        var file = new ImportFile(name, reader);
        await reader.ReadHeaderAsync(cancellationToken);
        file.Headers = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        file.Kind = kind ?? mapping.Recognize(file.Headers);
        if (file.Kind is { } known)
        {
            foreach (var field in ImportFields.ByKind[known])
            {
                if (mapping.Column(known, field) is { } header)
                {
                    var index = IndexOf(file.Headers, header);
                    if (index >= 0)
                    {
                        file._fieldIndex[field] = index;
                        file._fieldHeader[field] = file.Headers[index];
                    }
                }
            }
        }

        return file;
    }

    /// <summary>The required columns the file lacks, as problems of the whole file.</summary>
    public IEnumerable<ImportProblem> MissingColumns(ImportMapping mapping) => Kind is not { } kind ? [] :
        ImportFields.Required[kind].Where(f => !_fieldIndex.ContainsKey(f)).Select(f =>
            new ImportProblem(Name, 0, mapping.Column(kind, f), $"The column for '{f}' ({mapping.Column(kind, f) ?? "not mapped"}) is missing."));

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await _reader.ReadAsync(cancellationToken))
        {
            return false;
        }

        Row = _reader.RowNumber;
        return true;
    }

    /// <summary>The field's value, trimmed; null when the column is not mapped, absent from the record or empty.</summary>
    public string? Get(string field)
    {
        if (!_fieldIndex.TryGetValue(field, out var index) || index >= _reader.FieldCount)
        {
            return null;
        }

        var value = _reader.GetString(index);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>The column header a field was read from, for problems.</summary>
    public string ColumnOf(string field) => _fieldHeader.GetValueOrDefault(field, field);

    /// <summary>The current record's values as the file has them, for the preview.</summary>
    public IReadOnlyList<string> RawValues() => Enumerable.Range(0, _reader.FieldCount).Select(i => _reader.GetString(i)).ToList();

    public ImportProblem Problem(string field, string message) => new(Name, Row, ColumnOf(field), message);

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    private static int IndexOf(IReadOnlyList<string> headers, string header)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], header.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
