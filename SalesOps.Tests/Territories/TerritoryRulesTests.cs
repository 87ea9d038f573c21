using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Territories;

namespace SalesOps.Tests.Territories;

/// <summary>The assignment rules on the real app: regions changing hands, new accounts, and what is refused.</summary>
public class TerritoryRulesTests : AppTest
{
    private static readonly Actor WestManager = new("Mihai Ionescu", Roles.Manager, TeamId: 1);
    private static readonly Actor Vp = new("Victoria Popescu", Roles.VP);

    private Task<List<Territory>> GeographicAsync(int? team = null) => QueryAsync(db => db.Territories.AsNoTracking()
        .Where(t => t.Kind == TerritoryKind.Geographic && (team == null || t.OwnerRep!.TeamId == team)).OrderBy(t => t.Id).ToListAsync());

    [Fact]
    public async Task Giving_a_region_moves_its_accounts_of_the_old_territory_and_leaves_channel_accounts()
    {
        var west = await GeographicAsync(team: 1);
        var (from, to) = (west[0], west[1]);
        var region = from.Regions[0];
        var accounts = await QueryAsync(db => db.Accounts.AsNoTracking().Where(a => a.RegionCode == region).ToListAsync());
        var following = accounts.Where(a => a.TerritoryId == from.Id).Select(a => a.Id).Order().ToList();
        var staying = accounts.Where(a => a.TerritoryId != from.Id).ToDictionary(a => a.Id, a => a.TerritoryId);
        Assert.NotEmpty(following);
        Assert.NotEmpty(staying);

        var outcome = await App.Service<TerritoryRuleService>().GiveRegionAsync(WestManager, region.ToLowerInvariant(), to.Id);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(following.Count, outcome.AccountsMoved);
        var after = await QueryAsync(db => db.Territories.AsNoTracking().Where(t => t.Id == from.Id || t.Id == to.Id).ToDictionaryAsync(t => t.Id));
        Assert.DoesNotContain(region, after[from.Id].Regions);
        Assert.Contains(region, after[to.Id].Regions);
        var now = await QueryAsync(db => db.Accounts.AsNoTracking().Where(a => a.RegionCode == region).ToDictionaryAsync(a => a.Id));
        Assert.All(following, id => Assert.Equal((to.Id, to.OwnerRepId), (now[id].TerritoryId, now[id].OwnerRepId)));
        Assert.All(staying, s => Assert.Equal(s.Value, now[s.Key].TerritoryId));
        var events = await QueryAsync(db => db.LiveEvents.AsNoTracking().Where(e => e.Kind == LiveEventKinds.TerritoryChanged || e.Kind == LiveEventKinds.AccountMoved).ToListAsync());
        Assert.Single(events, e => e.Kind == LiveEventKinds.TerritoryChanged);
        Assert.Equal(following.Count, events.Count(e => e.Kind == LiveEventKinds.AccountMoved));
    }

    [Fact]
    public async Task A_manager_may_not_take_a_region_from_another_teams_territory_and_nothing_is_written()
    {
        var westIds = (await GeographicAsync(team: 1)).Select(t => t.Id).ToHashSet();
        var other = (await GeographicAsync()).First(t => !westIds.Contains(t.Id) && t.OwnerRepId != null);
        var mine = (await GeographicAsync(team: 1))[0];
        var (deals, events, audits) = await CountsAsync();

        var outcome = await App.Service<TerritoryRuleService>().GiveRegionAsync(WestManager, other.Regions[0], mine.Id);

        Assert.Equal(RuleRefusal.Forbidden, outcome.Refusal);
        Assert.Equal(other.Name, outcome.TerritoryName);
        Assert.Equal((deals, events, audits), await CountsAsync());
        Assert.Contains(other.Regions[0], (await QueryAsync(db => db.Territories.AsNoTracking().SingleAsync(t => t.Id == other.Id))).Regions);
    }

    [Fact]
    public async Task A_region_claimed_by_two_geographic_territories_is_refused_with_both_named()
    {
        var territories = await GeographicAsync();
        var (claimer, holder) = (territories[0], territories[^1]);
        var taken = holder.Regions[0];
        var (deals, events, audits) = await CountsAsync();

        using var api = ApiClient();
        var response = await api.PutAsJsonAsync($"/api/territories/{claimer.Id}/regions", new { regions = claimer.Regions.Append(taken) });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var conflict = Assert.Single(problem.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(taken, conflict.GetProperty("region").GetString());
        var named = conflict.GetProperty("territories").EnumerateArray().Select(t => t.GetString()!).Order().ToList();
        Assert.Equal(new[] { holder.Name, claimer.Name }.Order().ToList(), named);
        Assert.Contains(holder.Name, problem.GetProperty("title").GetString());
        Assert.Contains(claimer.Name, problem.GetProperty("title").GetString());
        Assert.Equal((deals, events, audits), await CountsAsync());
    }

    [Fact]
    public async Task A_new_account_from_the_ingest_api_is_assigned_by_the_rules()
    {
        var germany = (await GeographicAsync()).Single(t => t.Regions.Contains("DE"));
        var delaware = (await GeographicAsync()).Single(t => t.Regions.Contains("US-DE"));
        using var api = ApiClient();

        var inGermany = await api.PostAsJsonAsync("/api/accounts", new { name = "Rheinwerk GmbH", industry = "Manufacturing", regionCode = "de", potentialScore = 70 });
        var inDelaware = await api.PostAsJsonAsync("/api/accounts", new { name = "Brandywine Labs", industry = "Healthcare", regionCode = "US-DE" });
        var nowhere = await api.PostAsJsonAsync("/api/accounts", new { name = "Kiwi Ltd", industry = "Retail", regionCode = "NZ" });
        var bad = await api.PostAsJsonAsync("/api/accounts", new { name = "", industry = "Retail", regionCode = "Germany" });

        Assert.Equal(HttpStatusCode.Created, inGermany.StatusCode);
        var de = await inGermany.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((germany.Id, germany.OwnerRepId, "DE"), (de.GetProperty("territoryId").GetInt32(), (int?)de.GetProperty("ownerRepId").GetInt32(), de.GetProperty("regionCode").GetString()));
        var us = await inDelaware.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(delaware.Id, us.GetProperty("territoryId").GetInt32());
        var nz = await nowhere.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, nz.GetProperty("territoryId").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("regionCode", out _));

        var uncovered = await App.Service<TerritoryRuleService>().UncoveredAsync();
        Assert.Contains(uncovered.Accounts, a => a.Id == nz.GetProperty("id").GetInt32());
        Assert.DoesNotContain(uncovered.Accounts, a => a.Id == de.GetProperty("id").GetInt32());
    }
}
