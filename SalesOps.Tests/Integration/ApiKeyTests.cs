using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Shared.Access;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Auth;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Integration;

public class ApiKeyTests : AppTest
{
    private static readonly Actor Admin = new("Ada Admin", Roles.Admin);

    [Fact]
    public async Task A_new_key_works_and_a_revoked_key_is_refused_at_once_even_after_it_was_used()
    {
        var created = await CreateKeyAsync("Test CRM");
        var api = ApiClient(created.PlainKey);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PatchAsJsonAsync("/api/deals/987654", new { stage = "Won" })).StatusCode);

        Assert.True(await Keys().RevokeAsync(Admin, created.Key.Id));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PatchAsJsonAsync("/api/deals/987654", new { stage = "Won" })).StatusCode);
    }

    [Fact]
    public async Task Only_admins_manage_keys()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Keys().CreateAsync(new Actor("VP", Roles.VP), "Sneaky"));
    }

    [Fact]
    public async Task A_key_is_read_write_over_the_whole_company_unless_created_otherwise()
    {
        var created = await CreateKeyAsync("Default CRM");

        var saved = await QueryAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == created.Key.Id));
        Assert.False(saved.ReadOnly);
        Assert.Null(saved.TeamIds);
    }

    [Fact]
    public async Task A_read_only_key_gets_403_on_every_change_and_nothing_is_written()
    {
        var created = await CreateKeyAsync("BI reader", new ApiKeyScope(ReadOnly: true));
        var deal = await QueryAsync(db => db.Deals.AsNoTracking().FirstAsync(d => d.StageId == 2));
        var account = await QueryAsync(db => db.Accounts.AsNoTracking().FirstAsync(a => a.OwnerRepId != null));
        var api = ApiClient(created.PlainKey);
        var before = await CountsAsync();

        var post = await PostDealAsync(api, account.Id);
        var patch = await api.PatchAsJsonAsync($"/api/deals/{deal.Id}", new { stage = "Won" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(deal.Version, (await QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == deal.Id))).Version);
    }

    [Fact]
    public async Task A_key_limited_to_a_team_changes_that_team_s_deals_only()
    {
        var ownDeal = await QueryAsync(db => db.Deals.AsNoTracking().OrderBy(d => d.Id).FirstAsync(d => d.StageId == 2));
        var otherDeal = await QueryAsync(db => db.Deals.AsNoTracking().OrderBy(d => d.Id).FirstAsync(d => d.StageId == 2 && d.TeamId != ownDeal.TeamId));
        var otherAccount = await QueryAsync(db => db.Accounts.AsNoTracking().FirstAsync(a => a.OwnerRep != null && a.OwnerRep.TeamId != ownDeal.TeamId));
        var created = await CreateKeyAsync("East CRM", new ApiKeyScope(TeamIds: [ownDeal.TeamId]));
        var api = ApiClient(created.PlainKey);

        var own = await api.PatchAsJsonAsync($"/api/deals/{ownDeal.Id}", new { amount = 777m }, TestContext.Current.CancellationToken);
        var before = await CountsAsync();
        var other = await api.PatchAsJsonAsync($"/api/deals/{otherDeal.Id}", new { amount = 777m }, TestContext.Current.CancellationToken);
        var post = await PostDealAsync(api, otherAccount.Id);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(777m, (await QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == ownDeal.Id))).Amount);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(otherDeal.Amount, (await QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == otherDeal.Id))).Amount);
    }

    [Fact]
    public async Task A_key_cannot_be_limited_to_no_team_or_to_a_team_that_does_not_exist()
    {
        var before = await QueryAsync(db => db.ApiKeys.CountAsync());

        await Assert.ThrowsAsync<ArgumentException>(() => Keys().CreateAsync(Admin, "Nobody", new ApiKeyScope(TeamIds: [])));
        await Assert.ThrowsAsync<ArgumentException>(() => Keys().CreateAsync(Admin, "Ghost", new ApiKeyScope(TeamIds: [987654])));

        Assert.Equal(before, await QueryAsync(db => db.ApiKeys.CountAsync()));
    }

    [Fact]
    public async Task The_admin_page_shows_each_key_s_scope()
    {
        var team = await QueryAsync(db => db.Teams.AsNoTracking().OrderBy(t => t.Id).FirstAsync());
        var scoped = await CreateKeyAsync("Team reader", new ApiKeyScope(ReadOnly: true, TeamIds: [team.Id]));
        var admin = await SignedInClientAsync(DemoCompany.AdminEmail);

        var html = await admin.GetStringAsync("/admin", TestContext.Current.CancellationToken);

        var demoKey = await QueryAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Hash == ApiKeyHasher.Hash(DemoCompany.IngestKey)));
        Assert.Matches($"data-key-id=\"{demoKey.Id}\"[^>]*>(?:(?!</tr>).)*data-read-only=\"false\" data-team-ids=\"\"", Flat(html));
        Assert.Matches($"data-key-id=\"{scoped.Key.Id}\"[^>]*>(?:(?!</tr>).)*data-read-only=\"true\" data-team-ids=\"{team.Id}\"", Flat(html));
    }

    private static Task<HttpResponseMessage> PostDealAsync(HttpClient api, int accountId) =>
        api.PostAsJsonAsync("/api/deals", new { name = "x", accountId, amount = 5, stage = "Proposal", expectedClose = "2027-01-01" }, TestContext.Current.CancellationToken);

    private static string Flat(string html) => html.ReplaceLineEndings(" ");

    private ApiKeyService Keys() => App.Services.CreateScope().ServiceProvider.GetRequiredService<ApiKeyService>();

    private Task<ApiKeyService.CreatedKey> CreateKeyAsync(string name, ApiKeyScope? scope = null) => Keys().CreateAsync(Admin, name, scope);
}
