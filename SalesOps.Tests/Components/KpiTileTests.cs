using Bunit;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Components.Kpis;

namespace SalesOps.Tests.Components;

public class KpiTileTests : BunitTest
{
    [Fact]
    public void A_tile_shows_its_value_caption_and_the_time_it_was_read()
    {
        var asOf = new DateTime(2026, 11, 27, 14, 5, 9, DateTimeKind.Utc);

        var cut = Render<KpiTile>(p => p
            .Add(t => t.Kpi, "open-pipeline")
            .Add(t => t.Title, "Open pipeline")
            .Add(t => t.Value, "$4.2M")
            .Add(t => t.Caption, "812 deals")
            .Add(t => t.AsOf, asOf));

        Assert.Equal("$4.2M", cut.Find("[data-testid=kpi-value]").TextContent);
        Assert.Contains("812 deals", cut.Markup);
        Assert.Equal("open-pipeline", cut.Find("[data-kpi]").GetAttribute("data-kpi"));
        Assert.Equal($"as of {new DateTime(2026, 11, 27, 14, 5, 9):T}", cut.Find(".kpi-asof").TextContent);
    }

    [Fact]
    public void The_time_a_tile_was_read_shows_in_the_user_s_time_zone()
    {
        UserClock.Use("Europe/Bucharest");

        var cut = Render<KpiTile>(p => p.Add(t => t.Kpi, "won").Add(t => t.Title, "Won").Add(t => t.Value, "$1.0M")
            .Add(t => t.AsOf, new DateTime(2026, 11, 27, 14, 5, 9, DateTimeKind.Utc)));

        Assert.Equal($"as of {new DateTime(2026, 11, 27, 16, 5, 9):T}", cut.Find(".kpi-asof").TextContent);
    }

    [Fact]
    public void A_tile_carries_its_unrounded_value_for_scripts_and_tests()
    {
        var cut = Render<KpiTile>(p => p.Add(t => t.Kpi, "won").Add(t => t.Title, "Won").Add(t => t.Value, "$1.0M")
            .Add(t => t.RawValue, 999_950.25m).Add(t => t.AsOf, Clock.GetUtcNow().UtcDateTime));

        Assert.Equal("999950.25", cut.Find("[data-testid=kpi-value]").GetAttribute("data-value"));
    }

    [Fact]
    public void A_new_value_re_renders_the_tile()
    {
        var cut = Render<KpiTile>(p => p.Add(t => t.Kpi, "won").Add(t => t.Title, "Won").Add(t => t.Value, "$1.0M").Add(t => t.AsOf, Clock.GetUtcNow().UtcDateTime));

        cut.Render(p => p.Add(t => t.Value, "$1.1M"));

        Assert.Equal("$1.1M", cut.Find("[data-testid=kpi-value]").TextContent);
    }

    [Fact]
    public void A_tile_with_a_destination_is_a_link_named_after_the_tile_and_one_without_is_not()
    {
        var linked = Render<KpiTile>(p => p.Add(t => t.Kpi, "open").Add(t => t.Title, "Open pipeline").Add(t => t.Value, "$1M").Add(t => t.AsOf, Clock.GetUtcNow().UtcDateTime).Add(t => t.Href, "pipeline"));
        var plain = Render<KpiTile>(p => p.Add(t => t.Kpi, "won").Add(t => t.Title, "Won").Add(t => t.Value, "$1M").Add(t => t.AsOf, Clock.GetUtcNow().UtcDateTime));

        Assert.Equal("pipeline", linked.Find("a").GetAttribute("href"));
        Assert.Equal("Open pipeline", linked.Find("a").GetAttribute("aria-label"));
        Assert.Empty(plain.FindAll("a"));
    }
}
