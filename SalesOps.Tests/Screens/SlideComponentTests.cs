using Bunit;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Incentives;
using SalesOps.Web.Features.Screens;

namespace SalesOps.Tests.Screens;

public class SlideComponentTests : BunitTest
{
    private static readonly DateTime At = TestClock.Start.UtcDateTime;

    [Fact]
    public void The_stale_banner_is_hidden_while_data_is_fresh_and_says_since_when_it_is_not()
    {
        var fresh = Render<StaleBanner>(p => p.Add(b => b.Since, null));
        Assert.True(fresh.Find("[data-testid=stale-banner]").HasAttribute("hidden"));
        Assert.Equal("false", fresh.Find("[data-testid=stale-banner]").GetAttribute("data-stale"));

        var stale = Render<StaleBanner>(p => p.Add(b => b.Since, new DateTime(2026, 11, 27, 9, 5, 0, DateTimeKind.Utc)));
        var banner = stale.Find("[data-testid=stale-banner]");
        Assert.False(banner.HasAttribute("hidden"));
        Assert.Equal("true", banner.GetAttribute("data-stale"));
        Assert.Equal("Stale since 09:05", banner.TextContent.Trim());
        // The script shows the same banner while the connection is down, from this template.
        Assert.Equal("Stale since {0}", banner.GetAttribute("data-template"));
    }

    [Fact]
    public void A_celebration_takes_the_screen_and_shows_the_win()
    {
        var cut = Render<ScreenView>(p => p
            .Add(v => v.Name, "Sales floor")
            .Add(v => v.Slides, [new SlideSpec(SlideKind.Text, 10, Text: "Hi")])
            .Add(v => v.Celebration, new Celebration(42, 7, "Robert Chen", "Acme", 125_000m)));

        Assert.Equal("celebrating", cut.Find("div.display").GetAttribute("data-state"));
        var celebration = cut.Find("[data-celebration-deal-id='42']");
        Assert.Equal("125000", celebration.QuerySelector(".amount")!.GetAttribute("data-value"));
        Assert.Contains("Robert Chen", celebration.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=slide-text]"));
    }

    [Fact]
    public void Without_a_playlist_the_screen_is_blank()
    {
        var cut = Render<ScreenView>(p => p.Add(v => v.Slides, null));

        Assert.Equal("inactive", cut.Find("div.display").GetAttribute("data-state"));
        Assert.NotNull(cut.Find("[data-testid=display-blank]"));
        Assert.Empty(cut.FindAll(".display-head"));
    }

    [Fact]
    public void The_rotation_shows_the_slide_at_its_index()
    {
        var cut = Render<ScreenView>(p => p
            .Add(v => v.Slides, [new SlideSpec(SlideKind.Text, 10, Text: "First"), new SlideSpec(SlideKind.Text, 10, Text: "Second")])
            .Add(v => v.Index, 1));

        Assert.Equal("1", cut.Find("div.display").GetAttribute("data-slide-index"));
        Assert.Equal("Second", cut.Find("[data-testid=slide-text]").TextContent);
        Assert.Equal(2, cut.FindAll(".dot").Count);
        Assert.Single(cut.FindAll(".dot.on"));
    }

    [Fact]
    public void Pipeline_totals_list_every_stage_with_its_raw_amount()
    {
        var data = new PipelineSlideData(At,
            [new StageLine(1, "Prospecting", 3, 30_000m, false), new StageLine(5, "Won", 2, 50_000.5m, true)], 30_000m, 3_000m);

        var cut = Render<PipelineSlide>(p => p.Add(s => s.Data, data));

        Assert.Equal("30000", cut.Find("li[data-stage-id='1']").GetAttribute("data-value"));
        Assert.Equal("50000.5", cut.Find("li[data-stage-id='5']").GetAttribute("data-value"));
        Assert.Contains("closed", cut.Find("li[data-stage-id='5']").ClassList);
        Assert.Equal("3000", cut.Find("[data-kpi='weighted-pipeline']").GetAttribute("data-value"));
    }
}
