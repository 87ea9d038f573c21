using SalesOps.Web.Features.Incentives;

namespace SalesOps.Tests.Incentives;

public class StatementCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("Acme, Inc.", "\"Acme, Inc.\"")]
    [InlineData("plain", "plain")]
    [InlineData(null, "")]
    public void Cells_that_a_spreadsheet_would_run_are_defused_and_special_characters_quoted(string? value, string expected)
    {
        Assert.Equal(expected, SalesOps.Shared.Export.CsvText.Cell(value));
    }

    [Theory]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31", "2026-Q4")]
    [InlineData("2027-q1", "2027-01-01", "2027-03-31", "2027-Q1")]
    [InlineData("current", "2026-10-01", "2026-12-31", "2026-Q4")]
    public void Statement_periods_are_a_quarter_or_current(string text, string start, string end, string key)
    {
        Assert.True(StatementService.TryParsePeriod(text, new DateOnly(2026, 12, 1), out var period, out var parsedKey));
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(key, parsedKey);
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026Q4")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_period(string? text)
    {
        Assert.False(StatementService.TryParsePeriod(text, new DateOnly(2026, 12, 1), out _, out _));
    }

    [Fact]
    public void A_quota_counts_in_a_ranked_period_by_the_days_they_share()
    {
        var quarter = new SalesOps.Shared.Kpis.Period(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));
        Assert.Equal(30_000m, LeaderboardService.Prorated(92_000m, quarter, new(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 30))));
        Assert.Equal(92_000m, LeaderboardService.Prorated(92_000m, quarter, new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))));
        Assert.Equal(0m, LeaderboardService.Prorated(92_000m, quarter, new(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31))));
    }
}
