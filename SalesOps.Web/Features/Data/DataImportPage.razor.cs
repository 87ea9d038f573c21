using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using SalesOps.Shared.Access;
using SalesOps.Shared.Import;
using SalesOps.Web.Auth;

namespace SalesOps.Web.Features.Data;

/// <summary>
/// /data: upload an export, map its columns, preview what will be read with every problem, then import with a
/// progress bar. Uploads are copied to a private temporary folder as they stream in and read from there.
/// </summary>
public sealed partial class DataImportPage : IDisposable
{
    public const string DataRoles = $"{Roles.Analyst},{Roles.VP},{Roles.Admin}";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "salesops-uploads", Guid.NewGuid().ToString("N"));
    private readonly List<UploadedFile> _files = [];
    private readonly CancellationTokenSource _closing = new();
    private ImportMapping _mapping = ImportMapping.CrmExport();
    private IReadOnlyList<(string Name, string? Ours)> _stageNames = [];
    private (string File, string? Column)? _stagesReadFrom;
    private ImportResult? _result;
    private string? _uploadError;
    private double? _progress;
    private string? _progressLabel;
    private bool _busy;
    private bool _skipBadRows;

    [Inject] private ImportService Imports { get; set; } = default!;
    [Inject] private ImportMappingStore Mappings { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private MudBlazor.ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _mapping = await Mappings.LoadAsync(_closing.Token);

    private async Task OnFilesChangedAsync(InputFileChangeEventArgs e)
    {
        _uploadError = null;
        _result = null;
        var chosen = e.GetMultipleFiles(ImportLimits.MaxFiles + 1);
        // Refused before a byte is read: the browser reports name and size up front.
        if (chosen.Count > ImportLimits.MaxFiles)
        {
            _uploadError = L["Data.TooManyFiles", ImportLimits.MaxFiles];
            return;
        }

        if (chosen.FirstOrDefault(f => !ImportLimits.IsCsv(f.Name)) is { } notCsv)
        {
            _uploadError = L["Data.NotCsv", notCsv.Name];
            return;
        }

        if (chosen.FirstOrDefault(f => f.Size > ImportLimits.MaxFileBytes) is { } tooBig)
        {
            _uploadError = L["Data.TooBig", tooBig.Name, ImportLimits.MaxFileBytes / (1024 * 1024)];
            return;
        }

        _busy = true;
        try
        {
            ClearFiles();
            Directory.CreateDirectory(_folder);
            var total = chosen.Sum(f => f.Size);
            long done = 0;
            foreach (var file in chosen)
            {
                var path = Path.Combine(_folder, $"{_files.Count}.csv");
                await using (var target = File.Create(path))
                await using (var source = file.OpenReadStream(ImportLimits.MaxFileBytes, _closing.Token))
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await source.ReadAsync(buffer, _closing.Token)) > 0)
                    {
                        await target.WriteAsync(buffer.AsMemory(0, read), _closing.Token);
                        done += read;
                        ShowProgress(L["Data.Uploading"], total == 0 ? 1 : (double)done / total);
                    }
                }

                _files.Add(new UploadedFile(Path.GetFileName(file.Name), path, file.Size));
            }

            await InspectAsync();
        }
        finally
        {
            _busy = false;
            _progress = null;
        }
    }

    private async Task InspectAsync()
    {
        var found = await Imports.InspectAsync(_files.Select(f => f.Source).ToList(), _mapping, _closing.Token);
        for (var i = 0; i < _files.Count; i++)
        {
            _files[i].Headers = found[i].Headers;
            _files[i].Kind ??= found[i].Kind;
        }

        await ReadStageNamesAsync(force: true);
    }

    /// <summary>Lists the deals file's stage names again when the file or its stage column changed (or the stage table did).</summary>
    private async Task ReadStageNamesAsync(bool force)
    {
        var deals = _files.FirstOrDefault(f => f.Kind == ImportFileKind.Deals);
        var column = _mapping.Column(ImportFileKind.Deals, ImportFields.Stage);
        var from = deals is null ? ((string, string?)?)null : (deals.Name, column);
        if (!force && from == _stagesReadFrom)
        {
            return;
        }

        _stagesReadFrom = from;
        _stageNames = deals is null || column is null || !deals.Headers.Contains(column)
            ? []
            : await Imports.StageNamesAsync(deals.Source, _mapping, _closing.Token);
    }

    private async Task OnMappingChangedAsync()
    {
        _result = null;
        await ReadStageNamesAsync(force: false);
    }

    private void OnStagesChanged() => _result = null;

    private void DayFirstChanged(bool dayFirst)
    {
        _mapping = _mapping with { DayFirstDates = dayFirst };
        _result = null;
    }

    private async Task ResetMappingAsync()
    {
        _mapping = ImportMapping.CrmExport();
        foreach (var file in _files)
        {
            file.Kind = null;
        }

        _result = null;
        await InspectAsync();
    }

    private async Task PreviewAsync()
    {
        _busy = true;
        try
        {
            _result = await Imports.PreviewAsync(Request(), Progress(L["Data.Reading"]), _closing.Token);
        }
        finally
        {
            _busy = false;
            _progress = null;
        }
    }

    private async Task ImportAsync()
    {
        var actor = await CurrentActor.GetAsync();
        _busy = true;
        try
        {
            _result = await Imports.ImportAsync(actor, Request(), Progress(L["Data.Importing"]), _closing.Token);
            if (_result.Imported)
            {
                await Mappings.SaveAsync(_mapping, _closing.Token);
                Snackbar.Add(L["Data.Imported"], MudBlazor.Severity.Success);
            }
        }
        catch (UnauthorizedAccessException)
        {
            Snackbar.Add(L["Data.NotAllowed"], MudBlazor.Severity.Error);
        }
        finally
        {
            _busy = false;
            _progress = null;
        }
    }

    private ImportRequest Request() => new(_files.Select(f => f.Source).ToList(), _mapping, _skipBadRows);

    private Progress<ImportProgress> Progress(string label)
    {
        // Progress<T> posts to the circuit's synchronization context; ShowProgress re-renders at most every 1%.
        return new Progress<ImportProgress>(p => ShowProgress(label, p.Fraction));
    }

    private void ShowProgress(string label, double fraction)
    {
        // A report queued before the work finished must not bring the bar back after it.
        if (!_busy)
        {
            return;
        }

        if (_progress is { } shown && fraction - shown < 0.01 && fraction < 1)
        {
            return;
        }

        _progress = fraction;
        _progressLabel = label;
        _ = InvokeAsync(StateHasChanged);
    }

    private void ClearFiles()
    {
        _files.Clear();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
        try
        {
            ClearFiles();
        }
        catch (IOException)
        {
            // A file still open by an import that is being cancelled: the temp cleaner takes it.
        }
    }
}

/// <summary>An uploaded file as the page keeps it: its copy on disk, header and the kind the user chose (or we recognised).</summary>
public sealed class UploadedFile(string name, string path, long length)
{
    public string Name { get; } = name;

    public long Length { get; } = length;

    public IReadOnlyList<string> Headers { get; set; } = [];

    public ImportFileKind? Kind { get; set; }

    public ImportSourceFile Source => new(Name, Length, _ => Task.FromResult<Stream>(File.OpenRead(path)), Kind);
}
