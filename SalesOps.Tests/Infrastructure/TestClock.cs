using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace SalesOps.Tests.Infrastructure;

/// <summary>
/// The day every test lives on. The app's clock and the demo company's anchor are both pinned to it, so the suite
/// gives the same answer whatever the real date is. SALESOPS_TEST_TODAY=yyyy-MM-dd runs the suite on another day
/// (a quarter's first day, New Year's Eve) to check that nothing depends on which day it is.
/// </summary>
public static class TestClock
{
    public static readonly DateOnly Today = Environment.GetEnvironmentVariable("SALESOPS_TEST_TODAY") is { Length: > 0 } day
        ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : new DateOnly(2026, 11, 27);

    /// <summary>Midday UTC: the same calendar day in every zone from UTC−11 to UTC+11.</summary>
    public static DateTimeOffset Start => new(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    /// <summary>A fresh clock at <see cref="Start"/>; "now" moves only when a test advances it.</summary>
    public static FakeTimeProvider New() => new PinnedClock(Start);

    /// <summary>
    /// "Now" stands still until a test moves it (<see cref="FakeTimeProvider.Advance"/>), but timers and stopwatches
    /// run in real time: MudBlazor debounces input and the app times out waits with the same TimeProvider, and
    /// those must not freeze with the date.
    /// </summary>
    private sealed class PinnedClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public override long TimestampFrequency => System.TimestampFrequency;

        public override long GetTimestamp() => System.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, dueTime, period);
    }
}
