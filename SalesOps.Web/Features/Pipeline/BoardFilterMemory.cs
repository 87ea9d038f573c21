using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using SalesOps.Shared.Pipeline;

namespace SalesOps.Web.Features.Pipeline;

/// <summary>The last board filter used in this browser (ProtectedLocalStorage, like the other preferences).</summary>
public sealed class BoardFilterMemory(ProtectedLocalStorage storage)
{
    private const string Key = "salesops.pipeline.filter";

    public async Task<BoardFilter> LoadAsync()
    {
        try
        {
            var result = await storage.GetAsync<BoardFilter>(Key);
            return result.Success && result.Value is { } filter ? filter.Sanitized() : BoardFilter.Default;
        }
        catch (CryptographicException)
        {
            return BoardFilter.Default;
        }
    }

    public Task SaveAsync(BoardFilter filter) => storage.SetAsync(Key, filter).AsTask();

    private const string SortsKey = "salesops.pipeline.sorts";

    /// <summary>How each column was last sorted in this browser (stage id → sort).</summary>
    public async Task<Dictionary<int, CardSort>> LoadSortsAsync()
    {
        try
        {
            var result = await storage.GetAsync<Dictionary<int, CardSort>>(SortsKey);
            return result.Success && result.Value is { } sorts
                ? sorts.Where(kv => Enum.IsDefined(kv.Value)).Take(64).ToDictionary()
                : [];
        }
        catch (Exception ex) when (ex is CryptographicException or System.Text.Json.JsonException)
        {
            return [];
        }
    }

    public Task SaveSortsAsync(IReadOnlyDictionary<int, CardSort> sorts) => storage.SetAsync(SortsKey, sorts).AsTask();
}
