using SalesOps.Shared.Kpis;

namespace SalesOps.Web.Shell;

/// <summary>
/// "Now" and "today" as the signed-in user lives them: the registered <see cref="TimeProvider"/>'s instant in the
/// browser's time zone. The zone arrives with the request (a cookie the page script writes) and is confirmed by the
/// browser once the circuit is interactive. Stored instants stay UTC; only reading and display use the zone.
/// </summary>
public sealed class UserClock(TimeProvider clock)
{
    /// <summary>The cookie that carries the browser's IANA time zone id (written by js/timezone.js).</summary>
    public const string CookieName = "salesops.tz";

    private const int MaxZoneIdLength = 64;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Raised when the browser reports a different zone than the one this circuit started with.</summary>
    public event Action? ZoneChanged;

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    /// <summary>The user's wall-clock time now.</summary>
    public DateTime Now => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime;

    public DateOnly Today => UserDay.Of(clock.GetUtcNow(), Zone);

    /// <summary>A stored UTC instant as the user's wall-clock time, for display.</summary>
    public DateTime ToUser(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Takes the zone the browser reports; an unknown or malformed id leaves the zone as it is.</summary>
    /// <returns>True when the zone changed.</returns>
    public bool Use(string? zoneId)
    {
        if (Find(zoneId) is not { } zone || zone.Id == Zone.Id)
        {
            return false;
        }

        Zone = zone;
        ZoneChanged?.Invoke();
        return true;
    }

    /// <summary>The zone for an id from a browser, or null when the id is not a known time zone.</summary>
    public static TimeZoneInfo? Find(string? zoneId) =>
        zoneId is { Length: > 0 and <= MaxZoneIdLength } && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : null;
}
