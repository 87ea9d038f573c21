using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data;
using SalesOps.Web.Resources;
using SalesOps.Web.Shell;

namespace SalesOps.Tests.Shell;

/// <summary>Romanian is complete: every English key, the names that come from data, quarters, and how people say it.</summary>
public class RomanianTests
{
    private static readonly string WebRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../SalesOps.Web"));

    /// <summary>The lost reasons the close dialog offers and the demo company uses.</summary>
    private static readonly string[] BuiltInLostReasons = ["Price", "Competitor", "No decision", "Timing", "Budget cut", "Lost champion", "Other"];

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(WebRoot, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static IStringLocalizer<Strings> Localizer()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<Strings>>();
    }

    private static T In<T>(string culture, Func<T> read)
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }

    [Fact]
    public void Every_english_key_has_a_romanian_text()
    {
        var romanian = Load("Strings.ro.resx");

        var missing = Load("Strings.resx").Keys.Where(key => !romanian.ContainsKey(key) || string.IsNullOrWhiteSpace(romanian[key])).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_built_in_stage_and_lost_reason_reads_in_romanian()
    {
        var l = Localizer();
        var names = SalesOpsDbContext.DefaultStages.Select(s => (Name: s.Name, Text: In("ro-RO", () => l.Stage(s.Name))))
            .Concat(BuiltInLostReasons.Select(r => (Name: r, Text: In("ro-RO", () => l.LostReason(r)))))
            .ToList();

        Assert.All(names, n => Assert.NotEqual(n.Name, n.Text));
        Assert.Equal("Câștigată", In("ro-RO", () => l.Stage("Won")));
        Assert.Equal("Nicio decizie", In("ro-RO", () => l.LostReason("No decision")));
    }

    [Fact]
    public void A_name_a_company_added_itself_shows_as_typed()
    {
        var l = Localizer();

        Assert.Equal("Pilot running", In("ro-RO", () => l.Stage("Pilot running")));
        Assert.Equal("", In("ro-RO", () => l.LostReason(null)));
    }

    [Fact]
    public void English_names_stay_english()
    {
        var l = Localizer();

        Assert.Equal("Negotiation", In("en-US", () => l.Stage("Negotiation")));
        Assert.Equal("Budget cut", In("en-US", () => l.LostReason("Budget cut")));
    }

    [Theory]
    [InlineData("en-US", "Q4 2026")]
    [InlineData("ro-RO", "T4 2026")]
    public void A_quarter_reads_in_the_user_s_language(string culture, string expected)
    {
        var l = Localizer();

        Assert.Equal(expected, In(culture, () => l.Quarter(Period.QuarterOf(new DateOnly(2026, 11, 27)))));
    }

    [Theory]
    [InlineData("Forecast.Commit", "Confirmat")]
    [InlineData("Pipeline.DaysInStage", "{0} zile în etapă")]
    public void Romanian_reads_as_a_romanian_sales_person_says_it(string key, string expected)
    {
        Assert.Equal(expected, Load("Strings.ro.resx")[key]);
    }

    [Theory]
    [InlineData("No decision", "NoDecision")]
    [InlineData("Budget cut", "BudgetCut")]
    [InlineData("  Won ", "Won")]
    [InlineData("Pilot – phase 2", "PilotPhase")]
    public void A_data_name_s_key_is_its_letters(string name, string key)
    {
        Assert.Equal(key, DataText.KeyOf(name));
    }
}
