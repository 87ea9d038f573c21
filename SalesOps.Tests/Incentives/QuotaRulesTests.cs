using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Features.Incentives;

namespace SalesOps.Tests.Incentives;

public class QuotaRulesTests
{
    // Reps 1 and 2 in team 10 (the editor's), rep 3 in team 20.
    private static readonly Dictionary<int, int> Teams = new() { [1] = 10, [2] = 10, [3] = 20 };

    private static IReadOnlyList<QuotaError> Validate(params QuotaEdit[] edits) =>
        QuotaRules.Validate(edits, Teams, team => team == 10, [new StoredQuota(2, new Period(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)))]);

    [Fact]
    public void Good_edits_pass()
    {
        Assert.Empty(Validate(new QuotaEdit(1, 1, "2026-Q4", 250_000m), new QuotaEdit(2, 1, "2027-q1", 0m), new QuotaEdit(3, 2, "2026-Q3", 99_999.99m)));
    }

    [Theory]
    [InlineData(-1, "amount")]
    [InlineData(100_000_000.01, "amount")]
    [InlineData(1_000_000_000, "amount")]
    [InlineData(10.005, "amount")]
    public void A_negative_absurd_or_fractional_cent_amount_names_the_amount(decimal amount, string field)
    {
        var error = Assert.Single(Validate(new QuotaEdit(7, 1, "2026-Q4", amount)));
        Assert.Equal((7, field), (error.Row, error.Field));
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("Q4 2026")]
    [InlineData("1999-Q1")]
    [InlineData("")]
    public void Anything_but_a_quarter_names_the_quarter(string quarter)
    {
        Assert.Equal("quarter", Assert.Single(Validate(new QuotaEdit(1, 1, quarter, 1m))).Field);
    }

    [Fact]
    public void An_unknown_rep_and_a_rep_outside_the_editors_teams_name_the_rep()
    {
        var errors = Validate(new QuotaEdit(1, 99, "2026-Q4", 1m), new QuotaEdit(2, 3, "2026-Q4", 1m));

        Assert.Equal([(1, "rep"), (2, "rep")], errors.Select(e => (e.Row, e.Field)));
        Assert.Contains("no rep 99", errors[0].Message);
        Assert.Contains("not in a team", errors[1].Message);
    }

    [Fact]
    public void Overlapping_periods_are_refused_within_the_batch_and_against_stored_quotas()
    {
        var errors = Validate(new QuotaEdit(1, 1, "2026-Q4", 1m), new QuotaEdit(2, 1, "2026-q4", 2m), new QuotaEdit(3, 2, "2026-Q4", 3m));

        Assert.Equal([(2, "quarter"), (3, "quarter")], errors.Select(e => (e.Row, e.Field)));
        Assert.Contains("row 1", errors[0].Message);
        Assert.Contains("2026-11-01", errors[1].Message);
    }

    [Fact]
    public void The_csv_reads_rows_by_header_and_names_the_field_of_a_row_it_cannot_read()
    {
        var (edits, errors) = QuotaCsv.Read(new StringReader("rep,rep_id,quarter,amount\r\nAna,1,2026-Q4,1000.50\r\nBob,x,2026-Q4,5\r\nCid,2,2026-Q4,lots\r\n\r\n"));

        Assert.Equal([new QuotaEdit(2, 1, "2026-Q4", 1000.50m)], edits);
        Assert.Equal([(3, "rep"), (4, "amount")], errors.Select(e => (e.Row, e.Field)));
        Assert.Equal("header", Assert.Single(QuotaCsv.Read(new StringReader("rep,amount\r\n1,2\r\n")).Errors).Field);
    }
}
