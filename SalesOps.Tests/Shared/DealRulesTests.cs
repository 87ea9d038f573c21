using SalesOps.Shared.Domain;

namespace SalesOps.Tests.Shared;

public class DealRulesTests
{
    [Fact]
    public void Acceptable_values_give_no_errors()
    {
        Assert.Empty(DealRules.Validate("Acme – Cloud Suite", 12_500.50m, 40, new DateOnly(2027, 1, 31), null));
    }

    [Theory]
    [InlineData(-1, "amount")]
    [InlineData(10.005, "amount")]
    public void Bad_amounts_are_named(double amount, string field)
    {
        Assert.Contains(field, DealRules.Validate(null, (decimal)amount, null, null, null).Keys);
    }

    [Fact]
    public void Blank_names_probabilities_over_100_and_absurd_dates_are_named()
    {
        var errors = DealRules.Validate(" ", null, 101, new DateOnly(1999, 12, 31), new string('x', 501));

        Assert.Equal(["expectedClose", "lostReason", "name", "probability"], errors.Keys.Order());
    }
}
