using System.Text.Json;
using Microsoft.Extensions.Options;
using SalesOps.Shared.Import;

namespace SalesOps.Web.Features.Data;

/// <summary>
/// The column mapping last used on the /data page, kept next to the app's data (App_Data/import-mapping.json) so the
/// next upload of the same export starts from it; the command line reads the same JSON with --mapping.
/// </summary>
public sealed class ImportMappingStore(IOptions<SalesOpsOptions> options, IHostEnvironment environment) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Path => System.IO.Path.Combine(
        System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Value.DataProtectionKeysPath, environment.ContentRootPath))!, "import-mapping.json");

    public void Dispose() => _gate.Dispose();

    public async Task<ImportMapping> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return File.Exists(Path) ? ImportMapping.FromJson(await File.ReadAllTextAsync(Path, cancellationToken)) : ImportMapping.CrmExport();
        }
        catch (JsonException)
        {
            return ImportMapping.CrmExport();
        }
    }

    public async Task SaveAsync(ImportMapping mapping, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await File.WriteAllTextAsync(Path, mapping.ToJson(), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
