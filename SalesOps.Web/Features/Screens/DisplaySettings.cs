using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace SalesOps.Web.Features.Screens;

/// <summary>
/// How one TV draws its screen: a zoom (TVs differ in size and distance) and a safe-area margin (TVs that crop the
/// picture's edges). Set once through the display link (<c>?zoom=1.25&amp;margin=4</c>) and remembered by that TV.
/// </summary>
/// <param name="Zoom">Scale of all text, 0.5–3.</param>
/// <param name="Margin">Margin around the picture, percent of the screen, 0–15.</param>
public sealed record DisplaySettings(double Zoom, int Margin)
{
    public const double MinZoom = 0.5, MaxZoom = 3;
    public const int MaxMargin = 15;

    public static readonly DisplaySettings Default = new(1, 2);

    /// <summary>The CSS variables the display reads.</summary>
    public string Style => string.Create(CultureInfo.InvariantCulture, $"--display-zoom: {Zoom:0.##}; --display-margin: {Margin}cqmin");

    /// <summary>Settings given in the link; null when the link gives none. Values out of range are clamped.</summary>
    public static DisplaySettings? FromQuery(string? zoom, string? margin)
    {
        var hasZoom = double.TryParse(zoom, NumberStyles.Float, CultureInfo.InvariantCulture, out var z) && double.IsFinite(z);
        var hasMargin = int.TryParse(margin, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m);
        if (!hasZoom && !hasMargin)
        {
            return null;
        }

        return new DisplaySettings(hasZoom ? Math.Clamp(z, MinZoom, MaxZoom) : Default.Zoom, hasMargin ? Math.Clamp(m, 0, MaxMargin) : Default.Margin);
    }

    public DisplaySettings Clamped() => new(double.IsFinite(Zoom) ? Math.Clamp(Zoom, MinZoom, MaxZoom) : Default.Zoom, Math.Clamp(Margin, 0, MaxMargin));
}

/// <summary>A TV's <see cref="DisplaySettings"/> in ProtectedLocalStorage (encrypted, so a page cannot forge them).</summary>
public sealed class DisplaySettingsStore(ProtectedLocalStorage storage, ILogger<DisplaySettingsStore> logger)
{
    private const string Key = "salesops.display";

    public async Task<DisplaySettings> LoadAsync()
    {
        try
        {
            var result = await storage.GetAsync<DisplaySettings>(Key);
            return result.Success && result.Value is { } settings ? settings.Clamped() : DisplaySettings.Default;
        }
        catch (CryptographicException ex)
        {
            DisplaySettingsLog.Unreadable(logger, ex);
            return DisplaySettings.Default;
        }
    }

    public Task SaveAsync(DisplaySettings settings) => storage.SetAsync(Key, settings.Clamped()).AsTask();
}

internal static partial class DisplaySettingsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Discarding unreadable display settings")]
    public static partial void Unreadable(ILogger logger, Exception exception);
}
