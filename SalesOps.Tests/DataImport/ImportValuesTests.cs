using SalesOps.Shared.Import;

namespace SalesOps.Tests.DataImport;

public class ImportValuesTests
{
    [Theory]
    [InlineData("1054", 1054)]
    [InlineData("$1,234.50", 1234.50)]
    [InlineData("1.234,50 €", 1234.50)]
    [InlineData("USD 12 345", 12345)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("€ 99,5", 99.5)]
    [InlineData("(200)", -200)]
    [InlineData("1'000.25", 1000.25)]
    public void Amounts_are_read_with_symbols_and_separators(string text, double expected)
    {
        Assert.True(ImportValues.TryParseAmount(text, out var amount));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1,23,4")]
    [InlineData("12#4")]
    public void Text_that_is_no_amount_is_refused(string text) => Assert.False(ImportValues.TryParseAmount(text, out _));

    [Theory]
    [InlineData("2017-03-01", false, 2017, 3, 1)]
    [InlineData("3/1/2017", false, 2017, 3, 1)]
    [InlineData("03/01/2017 14:05", false, 2017, 3, 1)]
    [InlineData("1/3/2017", true, 2017, 3, 1)]
    [InlineData("2017-03-01T23:10:00Z", true, 2017, 3, 1)]
    public void Iso_and_us_dates_are_read(string text, bool dayFirst, int year, int month, int day)
    {
        Assert.True(ImportValues.TryParseDate(text, dayFirst, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("13/1/2017")]
    [InlineData("2017-02-30")]
    [InlineData("yesterday")]
    public void Impossible_dates_are_refused(string text) => Assert.False(ImportValues.TryParseDate(text, false, out _));

    [Fact]
    public void Keys_ignore_case_spaces_and_punctuation() =>
        Assert.Equal([ImportValues.Key("GTX Pro"), ImportValues.Key("Acme Corp.")], [ImportValues.Key("gtxpro"), ImportValues.Key("ACME corp")]);

    [Fact]
    public void Stage_names_map_through_the_mapping_ours_and_common_crm_names()
    {
        var stages = new StageNames([(1, "Prospecting"), (2, "Qualification"), (5, "Won"), (6, "Lost")],
            new Dictionary<string, string> { ["Engaging"] = "Qualification" });

        Assert.Equal<int?>([2, 1, 5, 6, 5, null], [stages.Find("engaging"), stages.Find("PROSPECTING"), stages.Find("Closed Won"), stages.Find("closedlost"), stages.Find("Won"), stages.Find("Maybe")]);
    }

    [Theory]
    [InlineData("United States", "US")]
    [InlineData("Korea", "KR")]
    [InlineData("Romania", "RO")]
    [InlineData("us-ca", "US-CA")]
    [InlineData("Texas", "US-TX")]
    [InlineData("Atlantis", "")]
    public void Regions_are_read_from_country_names_or_codes(string text, string code) => Assert.Equal(code, ImportRows.Region(text));

    [Fact]
    public void The_crm_export_files_are_recognised_by_their_headers()
    {
        var mapping = ImportMapping.CrmExport();

        Assert.Equal(ImportFileKind.Deals, mapping.Recognize(["opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date", "close_date", "close_value"]));
        Assert.Equal(ImportFileKind.Reps, mapping.Recognize(["sales_agent", "manager", "regional_office"]));
        Assert.Equal(ImportFileKind.Products, mapping.Recognize(["product", "series", "sales_price"]));
        Assert.Equal(ImportFileKind.Accounts, mapping.Recognize(["account", "sector", "year_established", "revenue", "employees", "office_location", "subsidiary_of"]));
        Assert.Null(mapping.Recognize(["Table", "Field", "Description"]));
    }

    [Fact]
    public void A_mapping_survives_json()
    {
        var json = ImportMapping.CrmExport().ToJson();
        var back = ImportMapping.FromJson(json);

        Assert.Equal("deal_stage", back.Column(ImportFileKind.Deals, ImportFields.Stage));
        Assert.Equal("Qualification", back.Stages["ENGAGING"]);
        Assert.Equal(1_000_000m, back.RevenueMultiplier);
    }
}
