using Bunit;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Territories;

namespace SalesOps.Tests.Territories;

/// <summary>A live board re-reads every card on each change; only the cards that changed render again.</summary>
public class AccountCardViewTests : BunitTest
{
    private static AccountCard Card(int territoryId = 1, decimal openPipeline = 25_000m) =>
        new(42, "Acme Corp", "US-CA", "Software", 80, openPipeline, 2, "Dana Reyes", 7, territoryId, 3);

    private static TerritoryColumn Column(int id) =>
        new(id, $"T{id}", "#1E88E5", TerritoryKind.Geographic, null, null, 1,
            TerritoryBalance.Compare([new TerritoryFigures(id, $"T{id}", 1, 1, 0, 0, 0, 1)])[0], 1, [], CanEdit: true);

    private IRenderedComponent<AccountCardView> RenderCard(AccountCard card) =>
        Render<AccountCardView>(p => p.Add(c => c.Card, card).Add(c => c.Targets, [Column(2)]));

    [Fact]
    public void An_equal_card_from_a_new_read_does_not_render_again_and_a_changed_one_does()
    {
        var cut = RenderCard(Card());
        // bUnit counts a render of the card or of anything inside it (its menu).
        var renders = cut.RenderCount;

        // A new read: new instances, same values: nothing renders.
        cut.Render(p => p.Add(c => c.Card, Card()).Add(c => c.Targets, [Column(2)]));
        Assert.Equal(renders, cut.RenderCount);

        cut.Render(p => p.Add(c => c.Card, Card(openPipeline: 30_000m)).Add(c => c.Targets, [Column(2)]));
        Assert.True(cut.RenderCount > renders);
        Assert.Equal("30000", cut.Find("[data-testid=open-pipeline]").GetAttribute("data-value"));
        renders = cut.RenderCount;

        cut.Render(p => p.Add(c => c.Card, Card(openPipeline: 30_000m)).Add(c => c.Targets, [Column(2)]));
        Assert.Equal(renders, cut.RenderCount);

        cut.Render(p => p.Add(c => c.Card, Card(openPipeline: 30_000m)).Add(c => c.Targets, [Column(3)]));
        Assert.True(cut.RenderCount > renders);
        renders = cut.RenderCount;

        cut.Render(p => p.Add(c => c.Card, Card(openPipeline: 30_000m)).Add(c => c.Targets, [Column(3)]).Add(c => c.Saving, true));
        Assert.True(cut.RenderCount > renders);
        Assert.Contains("saving", cut.Find("article").ClassList);
    }
}
