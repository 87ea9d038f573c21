using System.Text.Json;
using Bunit;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Screens;
using SalesOps.Web.Features.Territories;

namespace SalesOps.Tests.Screens;

public class TerritoryMapSlideTests : BunitTest
{
    private static readonly DateTime At = TestClock.Start.UtcDateTime;

    private static TerritoryMapData Map()
    {
        var figures = new[]
        {
            new TerritoryFigures(1, "West", 2, 140.5m, 10_000m, 5_000m, 0m, 1),
            new TerritoryFigures(2, "East", 1, 60m, 0m, 0m, 0m, 1),
        };
        var rows = TerritoryBalance.Compare(figures);
        return new TerritoryMapData(At,
            [
                new MapTerritory(1, "West", "#1e88e5", TerritoryKind.Geographic, "Robert Chen", 11, 3, true, rows[0]),
                new MapTerritory(2, "East", "#e53935", TerritoryKind.Geographic, null, null, 4, true, rows[1]),
            ],
            [new MapRegion("US-CA", "California", "us:06", 1, 2, 140), new MapRegion("US-NY", "New York", "us:36", 2, 1, 60)],
            [
                new MapAccount(101, "Acme", 37.7, -122.4, 90, 1, "US-CA", 1, 10_000m),
                new MapAccount(102, "Globex", 34.0, -118.2, 50, 1, "US-CA", 1, 0m),
                new MapAccount(201, "Initech", 40.7, -74.0, 60, 2, "US-NY", 1, 0m),
            ],
            3);
    }

    [Fact]
    public void The_legend_shows_each_territory_with_its_color_owner_accounts_and_potential_and_the_map_is_read_only()
    {
        var module = JSInterop.SetupModule("./js/territory-map.js");

        var cut = Render<TerritoryMapSlide>(p => p.Add(s => s.Data, TerritoryMapSlideData.For(Map(), null, null)));

        var west = cut.Find("[data-testid=map-slide-legend] tr[data-territory-id='1']");
        Assert.Equal("#1e88e5", west.GetAttribute("data-color"));
        Assert.Contains("West", west.QuerySelector(".name")!.TextContent);
        Assert.Equal("Robert Chen", west.QuerySelector(".owner")!.TextContent);
        Assert.Equal("2", west.QuerySelector("[data-figure=Accounts]")!.GetAttribute("data-value"));
        Assert.Equal("140.5", west.QuerySelector("[data-figure=Potential]")!.GetAttribute("data-value"));
        Assert.Equal("No owner", cut.Find("tr[data-territory-id='2'] .owner").TextContent);

        // The map page's own map draws it, with no marker that can be dragged.
        var create = Assert.Single(module.Invocations, i => i.Identifier == "create");
        using var payload = JsonDocument.Parse(JsonSerializer.Serialize(create.Arguments[2]));
        var accounts = payload.RootElement.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal([101, 102, 201], accounts.Select(a => a.GetProperty("id").GetInt32()));
        Assert.All(accounts, a => Assert.False(a.GetProperty("canMove").GetBoolean()));
    }

    [Fact]
    public void A_territory_filter_keeps_that_territory_and_its_accounts_and_leaves_the_other_regions_grey()
    {
        JSInterop.SetupModule("./js/territory-map.js");
        var data = TerritoryMapSlideData.For(Map(), teamId: null, territoryId: 2);

        var cut = Render<TerritoryMapSlide>(p => p.Add(s => s.Data, data));

        Assert.Equal(["2"], cut.FindAll("[data-testid=map-slide-legend] tbody tr").Select(r => r.GetAttribute("data-territory-id")));
        Assert.Equal([201], data.Map.Accounts.Select(a => a.Id));
        // Every region stays on the map; a region of a territory not shown is drawn as one of no territory.
        Assert.Equal(2, data.Map.Regions.Count);
    }

    [Fact]
    public void A_team_filter_keeps_the_territories_its_reps_own_and_an_empty_filter_says_so()
    {
        Assert.Equal([1], TerritoryMapSlideData.For(Map(), teamId: 3, territoryId: null).Map.Territories.Select(t => t.Id));
        Assert.Equal([101, 102], TerritoryMapSlideData.For(Map(), teamId: 3, territoryId: null).Map.Accounts.Select(a => a.Id));

        var cut = Render<TerritoryMapSlide>(p => p.Add(s => s.Data, TerritoryMapSlideData.For(Map(), teamId: 3, territoryId: 2)));

        Assert.NotNull(cut.Find("[data-testid=map-slide-empty]"));
        Assert.Empty(cut.FindAll("[data-testid=territory-map]"));
    }
}
