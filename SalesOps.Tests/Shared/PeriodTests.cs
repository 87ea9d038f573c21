using System.Globalization;
using SalesOps.Shared.Kpis;

namespace SalesOps.Tests.Shared;

public class PeriodTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-01-01", "2026-03-31")]
    [InlineData("2026-05-17", "2026-04-01", "2026-06-30")]
    [InlineData("2026-10-01", "2026-10-01", "2026-12-31")] // a quarter's first day
    [InlineData("2026-11-28", "2026-10-01", "2026-12-31")] // a Saturday
    [InlineData("2026-12-31", "2026-10-01", "2026-12-31")] // New Year's Eve
    public void Quarter_of_a_day_spans_its_calendar_quarter(string day, string start, string end)
    {
        var quarter = Period.QuarterOf(DateOnly.Parse(day, CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), quarter.Start);
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), quarter.End);
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-01", "2026-11-30")]
    [InlineData("2026-11-29", "2026-11-01", "2026-11-30")] // a Sunday
    [InlineData("2026-12-31", "2026-12-01", "2026-12-31")]
    [InlineData("2028-02-29", "2028-02-01", "2028-02-29")]
    public void Month_of_a_day_spans_its_calendar_month(string day, string start, string end)
    {
        Assert.Equal(new Period(DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture)), Period.MonthOf(DateOnly.Parse(day, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Year_of_new_year_s_eve_and_of_new_year_s_day_are_different_years()
    {
        Assert.Equal(new Period(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), Period.YearOf(new DateOnly(2026, 12, 31)));
        Assert.Equal(new Period(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), Period.YearOf(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Previous_quarter_crosses_the_year()
    {
        Assert.Equal(new Period(new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31)), Period.QuarterOf(new DateOnly(2026, 2, 3)).Previous());
    }

    [Fact]
    public void A_deal_closed_at_half_past_one_on_new_year_s_day_in_bucharest_belongs_to_q1()
    {
        // 01:30 in Bucharest (UTC+2 in winter) is 23:30 UTC on New Year's Eve: the server's date is still Q4.
        var closedAt = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero);
        var bucharest = TimeZoneInfo.FindSystemTimeZoneById("Europe/Bucharest");

        var day = UserDay.Of(closedAt, bucharest);

        Assert.Equal(new DateOnly(2027, 1, 1), day);
        Assert.Equal("Q1 2027", Period.QuarterOf(day).ToString());
        Assert.Equal("Q4 2026", Period.QuarterOf(UserDay.Of(closedAt, TimeZoneInfo.Utc)).ToString());
    }

    [Theory]
    [InlineData("America/Los_Angeles", "2026-11-27")] // 04:00 there
    [InlineData("Pacific/Kiritimati", "2026-11-28")] // UTC+14: already tomorrow
    [InlineData("Pacific/Pago_Pago", "2026-11-27")] // UTC−11
    public void The_user_s_day_depends_on_their_zone(string zone, string expected)
    {
        var instant = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), UserDay.Of(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)));
    }
}
