using System.Text.Json;
using Bunit;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Territories;

namespace SalesOps.Tests.Territories;

/// <summary>
/// A live map re-reads everything on each move but sends the browser only what changed: redrawing 2,000+ markers on
/// every open map for one moved account is what made live maps slow.
/// </summary>
public class TerritoryMapPatchTests : BunitTest
{
    private static readonly int[] TerritoryIds = [1, 2];
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static TerritoryMapData Map(params (int Id, int Territory, decimal Pipeline)[] accounts)
    {
        var figures = TerritoryIds.Select(t => new TerritoryFigures(t, $"T{t}", accounts.Count(a => a.Territory == t), 0, accounts.Where(a => a.Territory == t).Sum(a => a.Pipeline), 0, 0, 1)).ToList();
        var rows = TerritoryBalance.Compare(figures);
        var territories = rows.Select(r => new MapTerritory(r.Figures.TerritoryId, r.Figures.Name, r.Figures.TerritoryId == 1 ? "#1e88e5" : "#e53935", TerritoryKind.Geographic,
            "Owner", null, 1, CanEdit: true, r)).ToList();
        var regions = new List<MapRegion> { new("US-CA", "California", "us:06", 1, 2, 100), new("US-NY", "New York", "us:36", 2, 1, 50) };
        var markers = accounts.Select(a => new MapAccount(a.Id, $"Account {a.Id}", 37, -120, 50, a.Territory, "US-CA", 1, a.Pipeline)).ToList();
        return new TerritoryMapData(TestClock.Start.UtcDateTime, territories, regions, markers, markers.Count);
    }

    private IRenderedComponent<TerritoryMap> Render(TerritoryMapData data)
    {
        JSInterop.SetupModule("./js/territory-map.js");
        return Render<TerritoryMap>(p => p.Add(m => m.Data, data).Add(m => m.Title, "Territory map"));
    }

    // The payload is the last argument ("create" also takes the host element and the .NET callback object).
    private JsonElement LastCall(string identifier) =>
        JsonSerializer.SerializeToElement(JSInterop.Invocations.Last(i => i.Identifier == identifier).Arguments[^1], Web);

    private static int[] Ids(JsonElement payload, string list) => payload.GetProperty(list).EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Number ? a.GetInt32() : a.GetProperty("id").GetInt32()).ToArray();

    [Fact]
    public void A_moved_account_sends_only_its_marker_and_the_two_territories_whose_figures_changed()
    {
        var cut = Render(Map((10, 1, 1000m), (11, 1, 0m), (12, 2, 500m)));
        Assert.Equal([10, 11, 12], Ids(LastCall("create"), "accounts"));

        cut.Render(p => p.Add(m => m.Data, Map((10, 2, 1000m), (11, 1, 0m), (12, 2, 500m))));

        var patch = LastCall("patch");
        Assert.Equal([10], Ids(patch, "accounts"));
        Assert.Equal(2, patch.GetProperty("accounts")[0].GetProperty("territoryId").GetInt32());
        Assert.Equal([1, 2], Ids(patch, "territories"));
        Assert.Empty(Ids(patch, "regions"));
        Assert.Empty(Ids(patch, "removed"));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "update");
    }

    [Fact]
    public void An_account_no_longer_shown_is_removed_and_an_unchanged_read_sends_an_empty_patch()
    {
        var cut = Render(Map((10, 1, 0m), (11, 1, 0m)));

        cut.Render(p => p.Add(m => m.Data, Map((10, 1, 0m))));
        var patch = LastCall("patch");
        Assert.Equal([11], Ids(patch, "removed"));
        Assert.Empty(Ids(patch, "accounts"));

        cut.Render(p => p.Add(m => m.Data, Map((10, 1, 0m))));
        var same = LastCall("patch");
        Assert.Empty(Ids(same, "accounts"));
        Assert.Empty(Ids(same, "territories"));
    }

    [Fact]
    public void A_territory_recolored_or_the_map_turned_read_only_redraws_everything()
    {
        var cut = Render(Map((10, 1, 0m), (11, 2, 0m)));

        var recolored = Map((10, 1, 0m), (11, 2, 0m));
        recolored = recolored with { Territories = recolored.Territories.Select(t => t.Id == 1 ? t with { Color = "#000000" } : t).ToList() };
        cut.Render(p => p.Add(m => m.Data, recolored));
        Assert.Equal([10, 11], Ids(LastCall("update"), "accounts"));

        cut.Render(p => p.Add(m => m.Data, Map((10, 1, 0m), (11, 2, 0m))).Add(m => m.ReadOnly, true));
        var readOnly = LastCall("update");
        Assert.Equal(2, JSInterop.Invocations.Count(i => i.Identifier == "update"));
        Assert.All(readOnly.GetProperty("accounts").EnumerateArray(), a => Assert.False(a.GetProperty("canMove").GetBoolean()));
    }
}
