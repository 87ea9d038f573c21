using System.Text.Json;
using Bunit;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Components.Charts;

namespace SalesOps.Tests.Components;

public class ApexChartTests : BunitTest
{
    private static readonly ChartSpec Spec = new(ChartKind.Bar, ["Oct 26", "Nov 26"], [new ChartSeries("Won", [100m, 250.5m])], ChartValueFormat.Money);

    [Fact]
    public void The_chart_hands_apexcharts_its_series_with_the_user_s_locale_and_company_currency()
    {
        var render = JSInterop.SetupVoid("salesOpsCharts.render", _ => true);

        Render<ApexChart>(p => p.Add(c => c.Spec, Spec).Add(c => c.Title, "Won by month"));

        var options = JsonSerializer.SerializeToElement(render.Invocations.Single().Arguments[1]);
        Assert.Equal("bar", options.GetProperty("type").GetString());
        Assert.Equal("money", options.GetProperty("valueFormat").GetString());
        Assert.Equal("USD", options.GetProperty("currency").GetString());
        Assert.Equal("en-US", options.GetProperty("locale").GetString());
        Assert.Equal(250.5m, options.GetProperty("series")[0].GetProperty("data")[1].GetDecimal());
    }

    [Fact]
    public void Re_rendering_with_the_same_spec_does_not_redraw_but_a_new_spec_does()
    {
        var render = JSInterop.SetupVoid("salesOpsCharts.render", _ => true);
        var cut = Render<ApexChart>(p => p.Add(c => c.Spec, Spec).Add(c => c.Title, "Won"));

        cut.Render(p => p.Add(c => c.Spec, Spec));
        Assert.Single(render.Invocations);

        cut.Render(p => p.Add(c => c.Spec, Spec with { Height = 200 }));
        Assert.Equal(2, render.Invocations.Count);
    }
}
