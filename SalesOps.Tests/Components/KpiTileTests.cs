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
        Assert.Equal($"as of {asOf.ToLocalTime():T}", cut.Find(".kpi-asof").TextContent);
    }

    [Fact]
    public void A_new_value_re_renders_the_tile()
    {
        var cut = Render<KpiTile>(p => p.Add(t => t.Kpi, "won").Add(t => t.Title, "Won").Add(t => t.Value, "$1.0M").Add(t => t.AsOf, DateTime.UtcNow));

        cut.Render(p => p.Add(t => t.Value, "$1.1M"));

        Assert.Equal("$1.1M", cut.Find("[data-testid=kpi-value]").TextContent);
    }

    [Fact]
    public void A_tile_with_a_destination_is_a_link_named_after_the_tile_and_one_without_is_not()
    {
        var linked = Render<KpiTile>(p => p.Add(t => t.Kpi, "open").Add(t => t.Title, "Open pipeline").Add(t => t.Value, "$1M").Add(t => t.AsOf, DateTime.UtcNow).Add(t => t.Href, "pipeline"));
        var plain = Render<KpiTile>(p => p.Add(t => t.Kpi, "won").Add(t => t.Title, "Won").Add(t => t.Value, "$1M").Add(t => t.AsOf, DateTime.UtcNow));

        Assert.Equal("pipeline", linked.Find("a").GetAttribute("href"));
        Assert.Equal("Open pipeline", linked.Find("a").GetAttribute("aria-label"));
        Assert.Empty(plain.FindAll("a"));
    }
}
