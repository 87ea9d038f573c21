using System.Globalization;
using Microsoft.Extensions.Options;
using SalesOps.Web;
using SalesOps.Web.Shell;

namespace SalesOps.Tests.Shell;

/// <summary>The compact form rounds first and picks the unit after, so no "$1,000K" or "$100.0M".</summary>
public class MoneyFormatTests
{
    private static readonly MoneyFormat Money = new(Options.Create(new SalesOpsOptions { Currency = "USD" }));

    [Theory]
    [InlineData("0", "$0")]
    [InlineData("9999", "$9,999")]
    [InlineData("9999.4", "$9,999")]
    [InlineData("9999.5", "$10.0K")]
    [InlineData("10000", "$10.0K")]
    [InlineData("99949", "$99.9K")]
    [InlineData("99950", "$100K")]
    [InlineData("850000", "$850K")]
    [InlineData("999499", "$999K")]
    [InlineData("999500", "$1.0M")]
    [InlineData("999950", "$1.0M")]
    [InlineData("999999", "$1.0M")]
    [InlineData("1000000", "$1.0M")]
    [InlineData("1250000", "$1.3M")]
    [InlineData("12634500", "$12.6M")]
    [InlineData("99949999", "$99.9M")]
    [InlineData("99950000", "$100M")]
    [InlineData("99960000", "$100M")]
    [InlineData("999499999", "$999M")]
    [InlineData("999500000", "$1.0B")]
    [InlineData("-999950", "-$1.0M")]
    [InlineData("-99960000", "-$100M")]
    [InlineData("-9999", "-$9,999")]
    [InlineData("-0.4", "$0")]
    public void Compact_in_en_US(string amount, string expected)
    {
        Assert.Equal(expected, In("en-US", () => Money.Compact(decimal.Parse(amount, CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("9999", "9.999 $")]
    [InlineData("10000", "10,0 K $")]
    [InlineData("999499", "999 K $")]
    [InlineData("999950", "1,0 mil. $")]
    [InlineData("99949999", "99,9 mil. $")]
    [InlineData("99960000", "100 mil. $")]
    [InlineData("-999950", "-1,0 mil. $")]
    [InlineData("999500000", "1,0 mld. $")]
    [InlineData("2500000000", "2,5 mld. $")]
    public void Compact_in_ro_RO_keeps_the_symbol_after_the_unit(string amount, string expected)
    {
        Assert.Equal(expected, In("ro-RO", () => Money.Compact(decimal.Parse(amount, CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Raw_is_invariant_whatever_the_user_s_culture()
    {
        Assert.Equal("1234567.89", In("ro-RO", () => MoneyFormat.Raw(1_234_567.89m)));
    }

    private static string In(string culture, Func<string> format)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return format();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
