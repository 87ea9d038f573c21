using Bunit;
using MudBlazor;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Components.Filters;
using SalesOps.Web.Features.Pipeline;

namespace SalesOps.Tests.Components;

public class FilterSelectTests : BunitTest
{
    private static readonly FilterChoice[] Territories = [new(4, "Northeast"), new(9, "Pacific Northwest")];

    public FilterSelectTests()
    {
        JSInterop.Setup<int>("mudpopoverHelper.countProviders").SetResult(1);
    }

    [Fact]
    public async Task Picking_a_choice_reports_its_value_not_its_text()
    {
        var popovers = Render<MudPopoverProvider>();
        int? chosen = null;
        var cut = Render<FilterSelect<FilterChoice, int?>>(p => p
            .Add(x => x.Label, "Territory")
            .Add(x => x.Items, Territories)
            .Add(x => x.ValueOf, t => t.Id)
            .Add(x => x.TextOf, t => t.Name)
            .Add(x => x.ValueChanged, v => chosen = v));

        await cut.Find(".mud-input-control").MouseDownAsync(new());
        popovers.WaitForAssertion(() => Assert.Equal(["Northeast", "Pacific Northwest"], popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
        await popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "Pacific Northwest").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(9, chosen));
    }

    [Fact]
    public void The_label_and_extra_attributes_reach_the_select()
    {
        var cut = Render<FilterSelect<FilterChoice, int?>>(p => p
            .Add(x => x.Label, "Territory")
            .Add(x => x.Items, Territories)
            .Add(x => x.ValueOf, t => t.Id)
            .Add(x => x.TextOf, t => t.Name)
            .Add(x => x.Value, 4)
            .AddUnmatched("data-filter", "territory"));

        Assert.Equal("Territory", cut.Find("label").TextContent.Trim());
        Assert.NotEmpty(cut.FindAll("[data-filter='territory']"));
        Assert.Equal("Northeast", cut.Find("input").GetAttribute("value"));
    }
}
