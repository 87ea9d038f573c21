using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace SalesOps.Web.Shell;

/// <summary>
/// Per-browser preferences (theme, last visited page, time zone) in ProtectedLocalStorage: encrypted with the app's Data
/// Protection keys, so the browser cannot forge them. Only usable once the circuit is interactive.
/// </summary>
public sealed class UserPreferences(ProtectedLocalStorage storage, ILogger<UserPreferences> logger)
{
    private const string Key = "salesops.prefs";

    /// <summary>A plain cookie mirrors the theme so the server can paint the first frame in it (no flash).</summary>
    public const string ThemeCookie = "salesops.theme";

    public sealed record Values(bool DarkMode = false, string? LastPage = null, string? TimeZone = null);

    public async Task<Values> LoadAsync()
    {
        try
        {
            var result = await storage.GetAsync<Values>(Key);
            return result.Success ? result.Value ?? new Values() : new Values();
        }
        catch (CryptographicException ex)
        {
            // Written with a key ring that is gone (a new machine): start over rather than fail the page.
            logger.DiscardedUnreadablePreferences(ex);
            await storage.DeleteAsync(Key);
            return new Values();
        }
    }

    public Task SaveAsync(Values values) => storage.SetAsync(Key, values).AsTask();
}

internal static partial class UserPreferencesLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Discarding unreadable stored preferences")]
    public static partial void DiscardedUnreadablePreferences(this ILogger logger, Exception exception);
}
