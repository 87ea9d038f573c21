using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Territories;

namespace SalesOps.Tests.Integration;

/// <summary>
/// Account moves on the real app and database: what follows the account, what stays, and what the server refuses
/// whatever a browser sends (these call the service a forged circuit event reaches).
/// </summary>
public class TerritoryMoveTests : AppTest
{
    private static readonly Actor WestManager = new("Mihai Ionescu", Roles.Manager, TeamId: 1);

    private sealed record Side(int Id, string Name, int? OwnerRepId, int? TeamId);

    private Task<List<Side>> TerritoriesAsync() => QueryAsync(db => db.Territories.AsNoTracking().OrderBy(t => t.Id)
        .Select(t => new Side(t.Id, t.Name, t.OwnerRepId, t.OwnerRep == null ? null : t.OwnerRep.TeamId)).ToListAsync());

    /// <summary>An account of a team-1 territory with open and closed deals, and another team-1 territory to move it to.</summary>
    private async Task<(Account Account, Side From, Side To)> WestAccountWithOpenAndClosedDealsAsync()
    {
        var territories = await TerritoriesAsync();
        var west = territories.Where(t => t.TeamId == 1).ToList();
        var openIds = App.Service<StageCatalog>().OpenIds;
        var westIds = west.Select(t => (int?)t.Id).ToList();
        var account = await QueryAsync(db => db.Accounts.AsNoTracking()
            .Where(a => westIds.Contains(a.TerritoryId)
                && db.Deals.Any(d => d.AccountId == a.Id && openIds.Contains(d.StageId))
                && db.Deals.Any(d => d.AccountId == a.Id && !openIds.Contains(d.StageId)))
            .OrderBy(a => a.Id)
            .FirstAsync());
        var from = west.Single(t => t.Id == account.TerritoryId);
        var to = west.First(t => t.Id != from.Id && t.OwnerRepId != account.OwnerRepId);
        return (account, from, to);
    }

    private Task<List<Deal>> DealsOfAsync(int accountId) =>
        QueryAsync(db => db.Deals.AsNoTracking().Where(d => d.AccountId == accountId).OrderBy(d => d.Id).ToListAsync());

    private Task<long> EventCountAsync() => QueryAsync(db => db.LiveEvents.LongCountAsync());

    [Fact]
    public async Task A_manager_moves_an_account_its_open_deals_follow_the_new_owner_and_closed_deals_stay()
    {
        var (account, _, to) = await WestAccountWithOpenAndClosedDealsAsync();
        var openIds = App.Service<StageCatalog>().OpenIds;
        var before = await DealsOfAsync(account.Id);
        var newTeam = await QueryAsync(db => db.Reps.Where(r => r.Id == to.OwnerRepId).Select(r => r.TeamId).SingleAsync());
        var events = await EventCountAsync();
        var history = await QueryAsync(db => db.DealStageChanges.CountAsync());

        var outcome = await App.Service<TerritoryService>().MoveAccountAsync(WestManager, account.Id, to.Id, account.Version);

        Assert.Equal(AccountMoveStatus.Ok, outcome.Status);
        var moved = await QueryAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id));
        Assert.Equal((to.Id, to.OwnerRepId, account.Version + 1), (moved.TerritoryId, moved.OwnerRepId, moved.Version));

        var after = (await DealsOfAsync(account.Id)).ToDictionary(d => d.Id);
        var open = before.Where(d => openIds.Contains(d.StageId)).ToList();
        var closed = before.Where(d => !openIds.Contains(d.StageId)).ToList();
        Assert.NotEmpty(open);
        Assert.NotEmpty(closed);
        Assert.All(open, d => Assert.Equal((to.OwnerRepId!.Value, newTeam, d.Version + 1, d.StageId), (after[d.Id].OwnerRepId, after[d.Id].TeamId, after[d.Id].Version, after[d.Id].StageId)));
        Assert.All(closed, d => Assert.Equal((d.OwnerRepId, d.TeamId, d.Version), (after[d.Id].OwnerRepId, after[d.Id].TeamId, after[d.Id].Version)));
        // No stage history for a change of hands: the deal never changed stage.
        Assert.Equal(history, await QueryAsync(db => db.DealStageChanges.CountAsync()));

        Assert.Equal(open.Count, outcome.Moved!.DealsMoved);
        Assert.Equal(open.Sum(d => d.Amount), outcome.Moved.AmountMoved);
        var newEvents = await QueryAsync(db => db.LiveEvents.AsNoTracking().OrderBy(e => e.Sequence).Skip((int)events).ToListAsync());
        Assert.Equal(open.Count + 1, newEvents.Count);
        Assert.Equal(open.Count, newEvents.Count(e => e.Kind == LiveEventKinds.DealUpdated && e.RepId == to.OwnerRepId));
        var accountEvent = Assert.Single(newEvents, e => e.Kind == LiveEventKinds.AccountMoved);
        Assert.Equal((account.Id, account.OwnerRepId), (accountEvent.EntityId, accountEvent.RepId));
        var accountKey = account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Account) && a.EntityId == accountKey).ToListAsync());
        Assert.Equal(WestManager.Name, Assert.Single(audit).Actor);
        Assert.Equal(open.Count, await QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Deal) && a.Action == "reassigned")));
    }

    [Fact]
    public async Task Two_managers_move_the_same_account_at_once_one_wins_and_the_other_is_told_who()
    {
        var (account, _, to) = await WestAccountWithOpenAndClosedDealsAsync();
        var other = (await TerritoriesAsync()).First(t => t.TeamId == 1 && t.Id != account.TerritoryId && t.Id != to.Id);
        var service = App.Service<TerritoryService>();
        var secondManager = WestManager with { Name = "Second Manager" };

        var first = await service.MoveAccountAsync(WestManager, account.Id, to.Id, account.Version);
        var events = await EventCountAsync();
        var second = await service.MoveAccountAsync(secondManager, account.Id, other.Id, account.Version);

        Assert.Equal(AccountMoveStatus.Ok, first.Status);
        Assert.Equal(AccountMoveStatus.Conflict, second.Status);
        Assert.Equal((WestManager.Name, to.Name), (second.ChangedBy, second.TerritoryName));
        var now = await QueryAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id));
        Assert.Equal((to.Id, account.Version + 1), (now.TerritoryId, now.Version));
        Assert.Equal(events, await EventCountAsync());
    }

    [Fact]
    public async Task Concurrent_moves_of_one_account_save_exactly_one()
    {
        var (account, _, to) = await WestAccountWithOpenAndClosedDealsAsync();
        var other = (await TerritoriesAsync()).First(t => t.TeamId == 1 && t.Id != account.TerritoryId && t.Id != to.Id);
        var service = App.Service<TerritoryService>();

        var outcomes = await Task.WhenAll(
            service.MoveAccountAsync(WestManager, account.Id, to.Id, account.Version),
            service.MoveAccountAsync(WestManager with { Name = "Other" }, account.Id, other.Id, account.Version));

        Assert.Equal(1, outcomes.Count(o => o.Succeeded));
        Assert.Equal(1, outcomes.Count(o => o.Status == AccountMoveStatus.Conflict));
        var winner = outcomes.Single(o => o.Succeeded).Moved!.Account.TerritoryId;
        Assert.Equal(winner, (await QueryAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id))).TerritoryId);
    }

    [Fact]
    public async Task A_manager_cannot_move_an_account_into_or_out_of_another_team_s_territory()
    {
        var (account, from, _) = await WestAccountWithOpenAndClosedDealsAsync();
        var territories = await TerritoriesAsync();
        var foreign = territories.First(t => t.TeamId is not null && t.TeamId != 1);
        var foreignAccount = await QueryAsync(db => db.Accounts.AsNoTracking().FirstAsync(a => a.TerritoryId == foreign.Id));
        var service = App.Service<TerritoryService>();
        var events = await EventCountAsync();

        var into = await service.MoveAccountAsync(WestManager, account.Id, foreign.Id, account.Version);
        var outOf = await service.MoveAccountAsync(WestManager, foreignAccount.Id, from.Id, foreignAccount.Version);

        Assert.Equal((AccountMoveStatus.Forbidden, MoveRefusal.TargetNotEditable, foreign.Name), (into.Status, into.Refusal, into.TerritoryName));
        Assert.Equal((AccountMoveStatus.Forbidden, MoveRefusal.SourceNotEditable, foreign.Name), (outOf.Status, outOf.Refusal, outOf.TerritoryName));
        Assert.Equal(from.Id, (await QueryAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id))).TerritoryId);
        Assert.Equal(foreign.Id, (await QueryAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == foreignAccount.Id))).TerritoryId);
        Assert.Equal(events, await EventCountAsync());
    }

    [Theory]
    [InlineData(Roles.Rep)]
    [InlineData(Roles.Analyst)]
    public async Task A_forged_move_by_a_read_only_user_changes_nothing(string role)
    {
        var (account, from, to) = await WestAccountWithOpenAndClosedDealsAsync();
        var before = await DealsOfAsync(account.Id);
        var events = await EventCountAsync();

        // The user's own team's territories, with the right version: only the role stands in the way.
        var outcome = await App.Service<TerritoryService>().MoveAccountAsync(new Actor("Robert Chen", role, RepId: account.OwnerRepId, TeamId: 1), account.Id, to.Id, account.Version);

        Assert.Equal(AccountMoveStatus.Forbidden, outcome.Status);
        var now = await QueryAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id));
        Assert.Equal((from.Id, account.OwnerRepId, account.Version), (now.TerritoryId, now.OwnerRepId, now.Version));
        Assert.Equal(before.Select(d => (d.OwnerRepId, d.Version)), (await DealsOfAsync(account.Id)).Select(d => (d.OwnerRepId, d.Version)));
        Assert.Equal(events, await EventCountAsync());
    }

    [Fact]
    public async Task A_move_onto_the_same_territory_or_an_unknown_one_does_nothing_and_says_why()
    {
        var (account, from, _) = await WestAccountWithOpenAndClosedDealsAsync();
        var service = App.Service<TerritoryService>();
        var events = await EventCountAsync();

        var same = await service.MoveAccountAsync(WestManager, account.Id, from.Id, account.Version);
        var unknown = await service.MoveAccountAsync(WestManager, account.Id, 987_654, account.Version);
        var missing = await service.MoveAccountAsync(WestManager, 987_654, from.Id, 0);

        Assert.Equal((AccountMoveStatus.Invalid, MoveRefusal.SameTerritory), (same.Status, same.Refusal));
        Assert.Equal((AccountMoveStatus.Invalid, MoveRefusal.None), (unknown.Status, unknown.Refusal));
        Assert.Equal(AccountMoveStatus.NotFound, missing.Status);
        Assert.Equal(account.Version, (await QueryAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id))).Version);
        Assert.Equal(events, await EventCountAsync());
    }

    [Fact]
    public async Task The_preview_counts_the_open_deals_that_would_change_hands()
    {
        var (account, _, to) = await WestAccountWithOpenAndClosedDealsAsync();
        var openIds = App.Service<StageCatalog>().OpenIds;
        var open = (await DealsOfAsync(account.Id)).Where(d => openIds.Contains(d.StageId) && d.OwnerRepId != to.OwnerRepId).ToList();
        var owner = await QueryAsync(db => db.Reps.Where(r => r.Id == to.OwnerRepId).Select(r => r.Name).SingleAsync());

        var preview = await App.Service<TerritoryService>().PreviewMoveAsync(account.Id, to.Id);

        Assert.Equal(new MovePreview(open.Count, open.Sum(d => d.Amount), owner), preview);
    }

    [Fact]
    public async Task Board_figures_cover_every_account_of_a_territory_whatever_the_filter_and_page()
    {
        var today = new DateOnly(2026, 11, 27);
        var board = App.Service<TerritoryBoardService>();
        var openIds = App.Service<StageCatalog>().OpenIds;
        var wonId = App.Service<StageCatalog>().WonId;
        var first = (await TerritoriesAsync())[0];
        var expected = await QueryAsync(async db =>
        {
            var accounts = await db.Accounts.AsNoTracking().Where(a => a.TerritoryId == first.Id).ToListAsync();
            var ids = accounts.Select(a => a.Id).ToList();
            var deals = await db.Deals.AsNoTracking().Where(d => d.AccountId != null && ids.Contains(d.AccountId.Value)).ToListAsync();
            var open = deals.Where(d => openIds.Contains(d.StageId)).ToList();
            return new TerritoryFigures(first.Id, first.Name, accounts.Count, accounts.Sum(a => a.PotentialScore),
                open.Sum(d => d.Amount), open.Sum(d => d.Amount * d.Probability / 100m),
                deals.Where(d => d.StageId == wonId && d.ClosedOn > today.AddMonths(-12) && d.ClosedOn <= today).Sum(d => d.Amount),
                accounts.Select(a => a.OwnerRepId).Distinct().Count());
        });

        var plain = await board.LoadAsync(WestManager, TerritoryFilter.Default, today);
        var filtered = await board.LoadAsync(WestManager, new TerritoryFilter(MinPotential: 60), today);

        var column = plain.Columns.Single(c => c.Id == first.Id);
        Assert.Equal(expected, column.Balance.Figures);
        Assert.Equal(expected, filtered.Columns.Single(c => c.Id == first.Id).Balance.Figures);
        Assert.Equal(expected.Accounts, column.MatchingAccounts);
        Assert.Equal(TerritoryBoardService.PageSize, column.Cards.Count);
        Assert.True(column.CanEdit);
        Assert.All(plain.Columns.Where(c => c.TeamId != 1), c => Assert.False(c.CanEdit));

        var matching = filtered.Columns.Single(c => c.Id == first.Id);
        Assert.Equal(await QueryAsync(db => db.Accounts.CountAsync(a => a.TerritoryId == first.Id && a.PotentialScore >= 60)), matching.MatchingAccounts);
        Assert.All(matching.Cards, c => Assert.True(c.Potential >= 60));
        Assert.Equal(matching.Cards.OrderByDescending(c => c.Potential).Select(c => c.Id), matching.Cards.Select(c => c.Id));
    }
}
