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
}
