using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Features.Incentives;

namespace SalesOps.Tests.Integration;

/// <summary>
/// Contests on the real app and database: who may create which contest is decided by the server whatever the page
/// offered, a refused or bad contest writes nothing, and standings follow a win exactly as the leaderboard does.
/// </summary>
public class ContestRightsTests : AppTest
{
    private DateOnly Today => DateOnly.FromDateTime(App.Service<TimeProvider>().GetUtcNow().UtcDateTime);

    private ContestTerms Terms(int? teamId, params int[] repIds) =>
        new("December sprint", ContestMetric.DealsWon, Today, Today.AddDays(10), teamId, repIds, "Team dinner");

    private async Task<(Actor Manager, int OtherTeam, int OtherTeamRep, int OwnRep)> PeopleAsync()
    {
        var team = await QueryAsync(db => db.Users.Where(u => u.Email == DemoCompany.ManagerEmail).Select(u => u.TeamId!.Value).SingleAsync());
        var otherTeam = await QueryAsync(db => db.Teams.Where(t => t.Id != team).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var otherRep = await QueryAsync(db => db.Reps.Where(r => r.TeamId == otherTeam && r.Active).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var ownRep = await QueryAsync(db => db.Reps.Where(r => r.TeamId == team && r.Active).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        return (new Actor("Morgan", Roles.Manager, TeamId: team), otherTeam, otherRep, ownRep);
    }

    private Task<(int Contests, long Audits, long Events)> WrittenAsync() =>
        QueryAsync(async db => (await db.Contests.CountAsync(), await db.AuditEntries.LongCountAsync(), await db.LiveEvents.LongCountAsync()));

    [Fact]
    public async Task A_manager_creates_a_contest_for_their_own_team_audited_and_announced_live()
    {
        var (manager, _, _, ownRep) = await PeopleAsync();
        var before = await WrittenAsync();

        var result = await App.Service<ContestService>().CreateAsync(manager, Terms(manager.TeamId, ownRep));

        Assert.Equal(ContestSaveStatus.Saved, result.Status);
        var stored = await QueryAsync(db => db.Contests.SingleAsync(c => c.Id == result.Id));
        Assert.Equal(manager.TeamId, stored.TeamId);
        Assert.Equal([ownRep], stored.RepIds);
        Assert.Equal("Morgan", stored.CreatedBy);
        Assert.Equal((before.Contests + 1, before.Audits + 1, before.Events + 1), await WrittenAsync());
        Assert.True(await QueryAsync(db => db.LiveEvents.AnyAsync(e => e.Kind == IncentiveEvents.ContestChanged && e.EntityId == result.Id)));
    }

    [Fact]
    public async Task A_manager_cannot_run_a_contest_for_another_team_or_the_whole_company_nor_name_another_teams_rep()
    {
        var (manager, otherTeam, otherRep, _) = await PeopleAsync();
        var service = App.Service<ContestService>();
        var before = await WrittenAsync();

        var otherTeamContest = await service.CreateAsync(manager, Terms(otherTeam));
        var companyContest = await service.CreateAsync(manager, Terms(null));
        var outsider = await service.CreateAsync(manager, Terms(manager.TeamId, otherRep));

        Assert.Equal(ContestSaveStatus.Refused, otherTeamContest.Status);
        Assert.Equal(["teamId"], otherTeamContest.Errors!.Keys);
        Assert.Equal(ContestSaveStatus.Refused, companyContest.Status);
        Assert.Equal(ContestSaveStatus.Invalid, outsider.Status);
        Assert.Equal(["repIds"], outsider.Errors!.Keys);
        Assert.Equal(before, await WrittenAsync());
    }

    [Theory]
    [InlineData(Roles.Rep)]
    [InlineData(Roles.Integration)]
    public async Task Reps_and_integrations_run_no_contests(string role)
    {
        var before = await WrittenAsync();

        var result = await App.Service<ContestService>().CreateAsync(new Actor("someone", role, RepId: 1, TeamId: 1), Terms(1));

        Assert.Equal(ContestSaveStatus.Refused, result.Status);
        Assert.Equal("You do not run contests.", result.Errors!["teamId"]);
        Assert.Equal(before, await WrittenAsync());
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.VP)]
    [InlineData(Roles.Admin)]
    public async Task Ops_run_company_wide_contests(string role)
    {
        var result = await App.Service<ContestService>().CreateAsync(new Actor("ops", role), Terms(null));

        Assert.Equal(ContestSaveStatus.Saved, result.Status);
        Assert.Null(await QueryAsync(db => db.Contests.Where(c => c.Id == result.Id).Select(c => c.TeamId).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named_and_writes_nothing()
    {
        var ops = new Actor("ops", Roles.Analyst);
        var service = App.Service<ContestService>();
        var before = await WrittenAsync();

        var reversed = await service.CreateAsync(ops, Terms(null) with { EndsOn = Today.AddDays(-1) });
        var unknownRep = await service.CreateAsync(ops, Terms(null, 999_999));
        var unknownTeam = await service.CreateAsync(ops, Terms(999_999));
        var noPrize = await service.CreateAsync(ops, Terms(null) with { Prize = "" });

        Assert.Equal(["endsOn"], reversed.Errors!.Keys);
        Assert.Equal(["repIds"], unknownRep.Errors!.Keys);
        Assert.Equal(["teamId"], unknownTeam.Errors!.Keys);
        Assert.Equal(["prize"], noPrize.Errors!.Keys);
        Assert.All(new[] { reversed, unknownRep, unknownTeam, noPrize }, r => Assert.Equal(ContestSaveStatus.Invalid, r.Status));
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task A_contests_standings_are_the_leaderboards_for_its_days_and_people_and_a_win_re_ranks_them()
    {
        var (manager, _, _, _) = await PeopleAsync();
        var created = await App.Service<ContestService>().CreateAsync(new Actor("ops", Roles.VP), Terms(manager.TeamId) with { Metric = ContestMetric.WonRevenue });
        var id = created.Id!.Value;
        var contests = App.Service<ContestService>();
        var before = (await contests.BoardAsync(id, Today))!;

        // Same ranking as the leaderboard asked for the same days and team.
        var leaderboard = await App.Service<LeaderboardService>().LoadAsync(
            new LeaderboardFilter(LeaderboardMetric.WonRevenue, LeaderboardPeriod.Custom, Today, Today.AddDays(10), manager.TeamId), Today);
        Assert.Equal(leaderboard.Entries.Select(e => (e.RepId, e.Row.Rank, e.Row.Value)), before.Standings.Entries.Select(e => (e.RepId, e.Row.Rank, e.Row.Value)));
        Assert.Equal(ContestStatus.Running, before.Contest.Status);
        Assert.Empty(before.Winners);

        var deal = await QueryAsync(db => db.Deals
            .Where(d => d.TeamId == manager.TeamId && !d.Stage!.IsWon && !d.Stage.IsLost && d.OwnerRep!.Active)
            .OrderByDescending(d => d.Amount)
            .Select(d => new { d.Id, d.OwnerRepId, d.Amount })
            .FirstAsync());
        Assert.True((await App.Service<DealService>().ChangeAsync(manager, deal.Id, new DealChange(Stage: "Won"))).Succeeded);

        var after = (await contests.BoardAsync(id, Today))!;
        var row = after.Standings.Entries.Single(e => e.RepId == deal.OwnerRepId);
        Assert.Equal(before.Standings.Entries.Single(e => e.RepId == deal.OwnerRepId).Row.Value + deal.Amount, row.Row.Value);
        Assert.Equal(1 + after.Standings.Entries.Count(e => e.Row.Value > row.Row.Value), row.Row.Rank);

        // After its last day the same standings name the winner: whoever ranks first with a score.
        var ended = (await contests.BoardAsync(id, Today.AddDays(11)))!;
        Assert.Equal(ContestStatus.Ended, ended.Contest.Status);
        var first = after.Standings.Entries.Where(e => e.Row.Rank == 1 && e.Row.Value > 0).Select(e => e.RepId).ToList();
        Assert.NotEmpty(first);
        Assert.Equal(first, ended.Winners.Select(w => w.RepId));
    }

    [Fact]
    public async Task The_contests_page_offers_the_form_to_ops_and_managers_only()
    {
        using var rep = await SignedInClientAsync(DemoCompany.RepEmail);
        using var manager = await SignedInClientAsync(DemoCompany.ManagerEmail);

        var asRep = await rep.GetStringAsync("/incentives/contests", TestContext.Current.CancellationToken);
        var asManager = await manager.GetStringAsync("/incentives/contests", TestContext.Current.CancellationToken);

        Assert.Contains("data-contest-id=\"1\"", asRep);
        Assert.DoesNotContain("data-testid=\"new-contest\"", asRep);
        Assert.Contains("data-testid=\"new-contest\"", asManager);
    }
}
