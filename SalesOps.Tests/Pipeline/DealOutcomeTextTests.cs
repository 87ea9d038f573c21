using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SalesOps.Shared.Domain;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Features.Pipeline;
using SalesOps.Web.Resources;

namespace SalesOps.Tests.Pipeline;

/// <summary>A refused move is explained in the user's language, naming whoever changed the deal first.</summary>
public class DealOutcomeTextTests
{
    private static readonly DealSnapshot Current = new(7, "Acme – Suite", 1, 2, 1, 4, "Negotiation", null, 100m, "USD", 75, ForecastCategory.Commit, new DateOnly(2027, 1, 1), null, 3);

    [Theory]
    [InlineData("en-US", "Mihai Ionescu changed this deal first (it is now in Negotiation); your change was not saved.")]
    [InlineData("ro-RO", "Mihai Ionescu a modificat oportunitatea înaintea ta (acum e în Negociere); modificarea ta nu a fost salvată.")]
    public void A_conflict_names_who_won_and_where_the_deal_is_now(string culture, string expected)
    {
        var text = InCulture(culture, l => DealOutcomeText.Describe(l, DealOutcome.Conflict(Current, "English service text", "Mihai Ionescu")));

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Invalid_fields_get_the_localized_message_and_unknown_fields_keep_the_service_s()
    {
        var outcome = DealOutcome.Invalid(new Dictionary<string, string[]>
        {
            ["amount"] = ["The amount cannot be negative."],
            ["currency"] = ["The currency is a three-letter ISO 4217 code such as USD."],
        });

        var text = InCulture("ro-RO", l => DealOutcomeText.Describe(l, outcome));

        Assert.Contains("Introduceți o valoare de cel puțin 0", text);
        Assert.Contains("three-letter ISO 4217", text);
    }

    [Fact]
    public void A_forbidden_move_says_so_without_the_service_s_english()
    {
        var text = InCulture("ro-RO", l => DealOutcomeText.Describe(l, DealOutcome.Forbidden("Robert may not change deal 7.")));

        Assert.Equal("Nu aveți dreptul să modificați această oportunitate.", text);
    }

    private static string InCulture(string culture, Func<IStringLocalizer<Strings>, string> describe)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
            return describe(services.GetRequiredService<IStringLocalizer<Strings>>());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
