using SalesOps.Shared.Kpis;

namespace SalesOps.Tests.Shared;

public class PeriodTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-01-01", "2026-03-31")]
    [InlineData("2026-05-17", "2026-04-01", "2026-06-30")]
    [InlineData("2026-12-31", "2026-10-01", "2026-12-31")]
    public void Quarter_of_a_day_spans_its_calendar_quarter(string day, string start, string end)
    {
        var quarter = Period.QuarterOf(DateOnly.Parse(day));

        Assert.Equal(DateOnly.Parse(start), quarter.Start);
        Assert.Equal(DateOnly.Parse(end), quarter.End);
    }

    [Fact]
    public void Previous_quarter_crosses_the_year()
    {
        Assert.Equal(new Period(new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31)), Period.QuarterOf(new DateOnly(2026, 2, 3)).Previous());
    }
}
