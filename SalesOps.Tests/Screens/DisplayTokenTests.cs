using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Screens;

namespace SalesOps.Tests.Screens;

/// <summary>A display token opens its screen's display and nothing else; revoking it closes that too.</summary>
public class DisplayTokenTests : AppTest
{
    private static readonly Actor Admin = new("Ada Admin", Roles.Admin);
    private const string Token = DemoScreens.SalesFloorToken;

    private HttpClient Anonymous() => BrowserClient(new CookieContainer());

    [Fact]
    public async Task The_display_link_opens_its_screen_without_sign_in()
    {
        using var client = Anonymous();

        var response = await client.GetAsync($"/display/{Token}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(DemoScreens.SalesFloorName, html);
        Assert.Contains("data-state=\"rotating\"", html);
        // No sign-in is made for the TV: the page sets no authentication cookie.
        Assert.DoesNotContain("salesops.auth", response.Headers.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/pipeline")]
    [InlineData("/screens")]
    [InlineData("/incentives/leaderboard")]
    [InlineData("/admin")]
    public async Task The_token_opens_no_other_page_however_it_is_presented(string path)
    {
        using var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", Token);
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token);

        var response = await client.GetAsync($"{path}?token={Token}&access_token={Token}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery.Replace(App.BaseAddress.ToString(), "/", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_is_refused_by_the_api_and_the_hub_and_changes_nothing()
    {
        var before = await CountsAsync();
        using var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", Token);

        var post = await client.PostAsJsonAsync("/api/deals", new { name = "TV deal", accountId = 1, amount = 1, stage = "Won", expectedClose = "2026-12-01" }, TestContext.Current.CancellationToken);
        var patch = await client.PatchAsJsonAsync("/api/deals/1", new { stage = "Won" }, TestContext.Current.CancellationToken);
        var negotiate = await client.PostAsync($"/hubs/live/negotiate?negotiateVersion=1&access_token={Token}", null, TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        var bearer = await client.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, patch.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bearer.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Only_the_hash_is_stored_and_a_revoked_or_replaced_token_opens_nothing()
    {
        var screens = App.Service<ScreenService>();
        var stored = await QueryAsync(db => db.Screens.SingleAsync(s => s.Name == DemoScreens.SalesFloorName));
        Assert.Equal(ScreenService.Hash(Token), stored.TokenHash);
        Assert.DoesNotContain(Token, stored.TokenHash!, StringComparison.Ordinal);

        var regenerated = await screens.RegenerateAsync(Admin, stored.Id);
        Assert.True(regenerated.Succeeded);
        Assert.Null(await screens.FindByTokenAsync(Token));
        Assert.Equal(stored.Id, (await screens.FindByTokenAsync(regenerated.Token))?.Id);

        Assert.True((await screens.RevokeAsync(Admin, stored.Id)).Succeeded);
        Assert.Null(await screens.FindByTokenAsync(regenerated.Token));
        using var client = Anonymous();
        var html = await client.GetStringAsync($"/display/{regenerated.Token}", TestContext.Current.CancellationToken);
        Assert.Contains("data-state=\"inactive\"", html);
        Assert.DoesNotContain(DemoScreens.SalesFloorName, html);
    }

    [Fact]
    public async Task A_manager_builds_screens_of_their_own_team_only_and_a_rep_none()
    {
        var screens = App.Service<ScreenService>();
        var teams = await QueryAsync(db => db.Teams.OrderBy(t => t.Id).Select(t => t.Id).Take(2).ToListAsync());
        var manager = new Actor("Mihai", Roles.Manager, TeamId: teams[0]);
        var before = await QueryAsync(db => db.Screens.CountAsync());

        var company = await screens.CreateAsync(manager, new ScreenSpec("All of it", ScreenTheme.Dark, [new SlideSpec(SlideKind.Kpis, 10)]));
        var other = await screens.CreateAsync(manager, new ScreenSpec("Theirs", ScreenTheme.Dark, [new SlideSpec(SlideKind.Kpis, 10, TeamId: teams[1])]));
        var rep = await screens.CreateAsync(new Actor("Rob", Roles.Rep, RepId: 1, TeamId: teams[0]), new ScreenSpec("Mine", ScreenTheme.Dark, [new SlideSpec(SlideKind.Kpis, 10, TeamId: teams[0])]));
        var demo = await QueryAsync(db => db.Screens.SingleAsync(s => s.Name == DemoScreens.SalesFloorName));
        var revoke = await screens.RevokeAsync(manager, demo.Id);
        var own = await screens.CreateAsync(manager, new ScreenSpec("Ours", ScreenTheme.Light, [new SlideSpec(SlideKind.Leaderboard, 10, TeamId: teams[0])]));

        Assert.Equal(ScreenService.NotAllowed, company.Error);
        Assert.Equal(ScreenService.NotAllowed, other.Error);
        Assert.Equal(ScreenService.NotAllowed, rep.Error);
        Assert.Equal(ScreenService.NotAllowed, revoke.Error);
        Assert.True(own.Succeeded);
        Assert.Equal(before + 1, await QueryAsync(db => db.Screens.CountAsync()));
        Assert.NotNull(await screens.FindByTokenAsync(Token));
        Assert.Empty(await screens.ListAsync(new Actor("Rob", Roles.Rep, RepId: 1)));
    }

    [Fact]
    public async Task Bad_input_is_refused_and_nothing_is_written()
    {
        var screens = App.Service<ScreenService>();
        var before = await CountsAsync();

        var tooMany = await screens.CreateAsync(Admin, new ScreenSpec("TV", ScreenTheme.Dark, Enumerable.Repeat(new SlideSpec(SlideKind.Kpis, 10), 21).ToList()));
        var unknownTeam = await screens.CreateAsync(Admin, new ScreenSpec("TV", ScreenTheme.Dark, [new SlideSpec(SlideKind.Kpis, 10, TeamId: 99_999)]));
        var stale = await screens.UpdateAsync(Admin, 1, version: 42, new ScreenSpec("TV", ScreenTheme.Dark, [new SlideSpec(SlideKind.Kpis, 10)]));

        Assert.Equal("Screens.Error.SlideCount", tooMany.Error);
        Assert.Equal(ScreenService.UnknownFilter, unknownTeam.Error);
        Assert.Equal(ScreenService.Conflict, stale.Error);
        Assert.Equal(before, await CountsAsync());
    }
}
