using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Auth;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Insights;

namespace SalesOps.Tests.Insights;

/// <summary>
/// <c>GET /api/kpis</c> on the real app over the demo company: the figures equal a plain in-memory calculation over the
/// same deals (to the cent and day), and each caller gets exactly the deals they may see.
/// </summary>
public class KpiApiTests : AppTest
{
    private const string Year = "from=2026-01-01&to=2026-12-31";
    private static readonly DateOnly From = new(2026, 1, 1), To = new(2026, 12, 31);

    private sealed record Expected(int Deals, int Won, int Lost, decimal WonRevenue, double? WinRate, double? AvgCycle, double? MedianCycle, decimal? AvgWonDeal, decimal Open, decimal Weighted);

    /// <summary>The spreadsheet's way: every deal of the period loaded, then counted and summed one by one.</summary>
    private async Task<Expected> ExpectedAsync(Func<Deal, bool> visible)
    {
        var all = await QueryAsync(db => db.Deals.AsNoTracking().ToListAsync());
        var deals = all.Where(visible).ToList();
        var won = deals.Where(d => d.StageId == 5 && d.ClosedOn >= From && d.ClosedOn <= To).ToList();
        var lost = deals.Count(d => d.StageId == 6 && d.ClosedOn >= From && d.ClosedOn <= To);
        var open = deals.Where(d => d.StageId is >= 1 and <= 4 && d.ExpectedClose >= From && d.ExpectedClose <= To).ToList();
        var cycles = won.Select(d => Math.Max(0, d.ClosedOn!.Value.DayNumber - (d.EngagedOn ?? d.CreatedOn).DayNumber)).Order().ToList();
        double? median = cycles.Count == 0 ? null : cycles.Count % 2 == 1 ? cycles[cycles.Count / 2] : (cycles[cycles.Count / 2 - 1] + cycles[cycles.Count / 2]) / 2.0;
        var revenue = won.Sum(d => d.Amount);
        return new Expected(
            won.Count + lost + open.Count,
            won.Count,
            lost,
            revenue,
            won.Count + lost == 0 ? null : (double)won.Count / (won.Count + lost),
            cycles.Count == 0 ? null : cycles.Average(),
            median,
            won.Count == 0 ? null : Math.Round(revenue / won.Count, 2, MidpointRounding.AwayFromZero),
            open.Sum(d => d.Amount),
            Math.Round(open.Sum(d => d.Amount * d.Probability / 100m), 2, MidpointRounding.AwayFromZero));
    }

    private static void AssertFigures(Expected expected, JsonElement actual)
    {
        Assert.Equal(expected.Deals, actual.GetProperty("deals").GetInt32());
        Assert.Equal(expected.Won, actual.GetProperty("won").GetInt32());
        Assert.Equal(expected.Lost, actual.GetProperty("lost").GetInt32());
        Assert.Equal(expected.WonRevenue, actual.GetProperty("wonRevenue").GetDecimal());
        Assert.Equal(expected.WinRate!.Value, actual.GetProperty("winRate").GetDouble(), 12);
        Assert.Equal(expected.AvgCycle!.Value, actual.GetProperty("avgWonCycleDays").GetDouble(), 9);
        Assert.Equal(expected.MedianCycle, actual.GetProperty("medianWonCycleDays").GetDouble());
        Assert.Equal(expected.AvgWonDeal, actual.GetProperty("avgWonDeal").GetDecimal());
        Assert.Equal(expected.Open, actual.GetProperty("openPipeline").GetDecimal());
        Assert.Equal(expected.Weighted, actual.GetProperty("weightedPipeline").GetDecimal());
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/kpis?" + query, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
    }

    [Fact]
    public async Task The_demo_key_reads_the_whole_company_and_the_figures_match_a_plain_calculation()
    {
        var json = await GetJsonAsync(ApiClient(), Year + "&groupBy=rep");

        Assert.Equal("2026-01-01", json.GetProperty("from").GetString());
        Assert.Equal("2026-12-31", json.GetProperty("to").GetString());
        var expected = await ExpectedAsync(_ => true);
        Assert.True(expected.Won > 10, "the demo year has won deals");
        AssertFigures(expected, json.GetProperty("total"));
        Assert.False(json.GetProperty("total").TryGetProperty("key", out _));

        var groups = json.GetProperty("groups").EnumerateArray().ToList();
        var reps = await QueryAsync(db => db.Reps.ToDictionaryAsync(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r => r.Name));
        Assert.All(groups, g => Assert.Equal(reps[g.GetProperty("key").GetString()!], g.GetProperty("name").GetString()));
        Assert.Equal(expected.WonRevenue, groups.Sum(g => g.GetProperty("wonRevenue").GetDecimal()));
        Assert.Equal(expected.Deals, groups.Sum(g => g.GetProperty("deals").GetInt32()));

        var first = groups[0];
        var repId = int.Parse(first.GetProperty("key").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        AssertFigures(await ExpectedAsync(d => d.OwnerRepId == repId), first);
    }

    [Fact]
    public async Task A_rep_reads_only_their_own_deals()
    {
        var repId = await QueryAsync(db => db.Reps.Where(r => r.Email == DemoCompany.RepEmail).Select(r => r.Id).SingleAsync());
        using var client = await SignedInClientAsync(DemoCompany.RepEmail);

        var json = await GetJsonAsync(client, Year + "&groupBy=rep");

        AssertFigures(await ExpectedAsync(d => d.OwnerRepId == repId), json.GetProperty("total"));
        var group = Assert.Single(json.GetProperty("groups").EnumerateArray());
        Assert.Equal(repId.ToString(System.Globalization.CultureInfo.InvariantCulture), group.GetProperty("key").GetString());
    }

    [Fact]
    public async Task A_manager_reads_their_team_and_an_analyst_the_whole_company()
    {
        var teamId = await QueryAsync(db => db.Users.Where(u => u.Email == DemoCompany.ManagerEmail).Select(u => u.TeamId!.Value).SingleAsync());
        using var manager = await SignedInClientAsync(DemoCompany.ManagerEmail);
        using var analyst = await SignedInClientAsync(DemoCompany.AnalystEmail);

        var team = await GetJsonAsync(manager, Year + "&groupBy=team");
        var all = await GetJsonAsync(analyst, Year + "&groupBy=channel");

        AssertFigures(await ExpectedAsync(d => d.TeamId == teamId), team.GetProperty("total"));
        Assert.Equal(teamId.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(team.GetProperty("groups").EnumerateArray()).GetProperty("key").GetString());
        AssertFigures(await ExpectedAsync(_ => true), all.GetProperty("total"));
        Assert.Subset(Enum.GetNames<SalesChannel>().ToHashSet(), all.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()!).ToHashSet());
    }

    [Fact]
    public async Task A_key_limited_to_a_team_reads_that_team_only()
    {
        var teamId = await QueryAsync(db => db.Teams.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        using var scope = App.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync(new Actor("Ada Admin", Roles.Admin), "BI east", new ApiKeyScope(ReadOnly: true, TeamIds: [teamId]));

        var json = await GetJsonAsync(ApiClient(created.PlainKey), Year);

        AssertFigures(await ExpectedAsync(d => d.TeamId == teamId), json.GetProperty("total"));
        Assert.Empty(json.GetProperty("groups").EnumerateArray());
    }

    [Theory]
    [InlineData("from=2026-13-01", "'from'")]
    [InlineData("from=01/02/2026", "'from'")]
    [InlineData("to=tomorrow", "'to'")]
    [InlineData("from=2026-06-01&to=2026-05-31", "before")]
    [InlineData("from=2000-01-01&to=2026-12-31", "at most")]
    [InlineData("groupBy=stage", "'groupBy'")]
    [InlineData("groupBy=3", "'groupBy'")]
    [InlineData("groupBy=month", "'groupBy'")]
    public async Task Bad_parameters_are_a_400_that_says_what_is_wrong(string query, string message)
    {
        var response = await ApiClient().GetAsync("/api/kpis?" + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_a_key_or_a_sign_in_the_answer_is_401()
    {
        var response = await ApiClient(apiKey: null).GetAsync("/api/kpis", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
