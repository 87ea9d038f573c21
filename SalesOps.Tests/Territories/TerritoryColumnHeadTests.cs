using Bunit;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Territories;

namespace SalesOps.Tests.Territories;

public class TerritoryColumnHeadTests : BunitTest
{
    // Three territories: averages are 100 accounts, 5,000 potential, $1,000,000 open, $400,000 weighted, $600,000 won, 4 reps.
    private static readonly TerritoryFigures[] Figures =
    [
        new(1, "Pacific Northwest", 112, 5_000m, 1_200_000m, 400_000m, 600_000m, 4),
        new(2, "Southwest", 100, 5_800m, 1_000_000m, 460_000m, 600_000m, 4),
        new(3, "Great Lakes", 88, 4_200m, 800_000m, 340_000m, 600_000m, 4),
    ];

    private IRenderedComponent<TerritoryColumnHead> RenderHead(int territory, decimal band)
    {
        var row = TerritoryBalance.Compare(Figures, band)[territory];
        var column = new TerritoryColumn(row.Figures.TerritoryId, row.Figures.Name, "#1E88E5", TerritoryKind.Geographic, "Dana Reyes", 7, 1, row, 0, [], CanEdit: true);
        return Render<TerritoryColumnHead>(p => p.Add(c => c.Column, column).Add(c => c.BandPercent, band));
    }

    private static string? Attr(IRenderedComponent<TerritoryColumnHead> cut, BalanceFigure figure, string name) =>
        cut.Find($"[data-figure={figure}]").GetAttribute(name);

    [Fact]
    public void The_head_shows_every_figure_with_its_raw_value_and_distance_from_the_average()
    {
        var cut = RenderHead(0, 15m);

        Assert.Equal(6, cut.FindAll("[data-figure]").Count);
        Assert.Equal("112", Attr(cut, BalanceFigure.Accounts, "data-value"));
        Assert.Equal("12", Attr(cut, BalanceFigure.Accounts, "data-percent"));
        Assert.Equal("1200000", Attr(cut, BalanceFigure.OpenPipeline, "data-value"));
        Assert.Equal("20", Attr(cut, BalanceFigure.OpenPipeline, "data-percent"));
        Assert.Equal("0", Attr(cut, BalanceFigure.WonLast12Months, "data-percent"));
        Assert.Equal("+12%", cut.Find("[data-figure=Accounts] .percent").TextContent);
        Assert.Equal("Dana Reyes", cut.Find("[data-testid=territory-owner]").TextContent.Trim());
        Assert.Equal("Geographic", cut.Find("[data-testid=territory-kind]").GetAttribute("data-kind"));
    }

    [Fact]
    public void Figures_outside_the_band_are_marked_and_those_inside_are_not()
    {
        var cut = RenderHead(0, 15m);

        Assert.Equal("false", Attr(cut, BalanceFigure.Accounts, "data-out-of-band"));
        Assert.Equal("true", Attr(cut, BalanceFigure.OpenPipeline, "data-out-of-band"));
        Assert.Equal(["OpenPipeline"], cut.FindAll(".figure.out").Select(f => f.GetAttribute("data-figure")));
        Assert.Equal("Open pipeline: +20% from the average, outside ±15%", Attr(cut, BalanceFigure.OpenPipeline, "title"));
    }

    [Fact]
    public void A_narrower_band_marks_more_figures()
    {
        var cut = RenderHead(2, 10m);

        // Great Lakes: accounts −12%, potential −16%, open −20%, weighted −15%; won and reps on the average.
        Assert.Equal(
            ["Accounts", "Potential", "OpenPipeline", "WeightedPipeline"],
            cut.FindAll(".figure.out").Select(f => f.GetAttribute("data-figure")));
    }
}
