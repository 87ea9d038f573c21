using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Screens;

namespace SalesOps.Tests.Screens;

/// <summary>
/// A territory map slide is read on the server for the display, under its token; the token opens neither the map
/// page nor any territory API, and changes nothing.
/// </summary>
public partial class TerritoryMapSlideScopeTests : AppTest
{
    private static readonly Actor Ops = new("Ana Radu", Roles.Analyst);
    private static readonly string[] Regions = ["US-CA"];

    [GeneratedRegex("<tr data-territory-id=\"(\\d+)\"")]
    private static partial Regex LegendRow();

    private async Task<(string Token, int TerritoryId)> MapScreenAsync()
    {
        var territory = await QueryAsync(db => db.Territories.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var created = await App.Service<ScreenService>().CreateAsync(Ops, new ScreenSpec("Map TV", ScreenTheme.Dark,
            [new SlideSpec(SlideKind.TerritoryMap, 30, TerritoryId: territory)]));
        Assert.True(created.Succeeded);
        return (created.Token!, territory);
    }

    [Fact]
    public async Task The_display_token_loads_its_map_slide_with_the_territorys_figures_and_only_that_territory()
    {
        var (token, territory) = await MapScreenAsync();
        var accounts = await QueryAsync(db => db.Accounts.CountAsync(a => a.TerritoryId == territory));
        using var client = BrowserClient(new CookieContainer());

        var html = await client.GetStringAsync($"/display/{token}", TestContext.Current.CancellationToken);

        Assert.Contains("data-slide-kind=\"TerritoryMap\"", html);
        Assert.Equal([territory.ToString(System.Globalization.CultureInfo.InvariantCulture)], LegendRow().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Matches($"data-figure=\"Accounts\" data-value=\"{accounts}\"", html);
        Assert.Contains("data-testid=\"territory-map\"", html);
    }

    [Theory]
    [InlineData("/territories/map")]
    [InlineData("/territories")]
    [InlineData("/territories/plans")]
    public async Task The_token_of_a_map_screen_opens_no_territory_page(string path)
    {
        var (token, _) = await MapScreenAsync();
        using var client = BrowserClient(new CookieContainer());
        client.DefaultRequestHeaders.Add("X-Api-Key", token);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var response = await client.GetAsync($"{path}?token={token}&access_token={token}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_of_a_map_screen_moves_no_account_and_gives_no_region()
    {
        var (token, territory) = await MapScreenAsync();
        var account = await QueryAsync(db => db.Accounts.Where(a => a.TerritoryId != territory).OrderBy(a => a.Id).Select(a => new { a.Id, a.TerritoryId }).FirstAsync());
        var before = await CountsAsync();
        using var client = BrowserClient(new CookieContainer());
        client.DefaultRequestHeaders.Add("X-Api-Key", token);

        var create = await client.PostAsJsonAsync("/api/accounts", new { name = "TV account", regionCode = "US-CA" }, TestContext.Current.CancellationToken);
        var regions = await client.PutAsJsonAsync($"/api/territories/{territory}/regions", new { regions = Regions }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, regions.StatusCode);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(account.TerritoryId, await QueryAsync(db => db.Accounts.Where(a => a.Id == account.Id).Select(a => a.TerritoryId).SingleAsync()));
    }
}
