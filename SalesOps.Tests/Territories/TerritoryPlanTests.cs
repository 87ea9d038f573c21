using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Territories;

namespace SalesOps.Tests.Territories;

/// <summary>What-if plans on the real app: evaluation leaves the live data alone; publishing applies all or nothing.</summary>
public class TerritoryPlanTests : AppTest
{
    private static readonly Actor WestManager = new("Mihai Ionescu", Roles.Manager, TeamId: 1);
    private static readonly Actor OtherManager = new("Someone Else", Roles.Manager, TeamId: 2);

    /// <summary>Two accounts of team-1 territories with open deals, each with another team-1 territory to go to.</summary>
    private async Task<List<(Account Account, int To)>> WestMovesAsync(int count)
    {
        var openIds = App.Service<SalesOps.Web.Data.StageCatalog>().OpenIds;
        var west = await QueryAsync(db => db.Territories.AsNoTracking().Where(t => t.OwnerRep!.TeamId == 1).OrderBy(t => t.Id).Select(t => new { t.Id, t.OwnerRepId }).ToListAsync());
        var ids = west.Select(t => (int?)t.Id).ToList();
        var accounts = await QueryAsync(db => db.Accounts.AsNoTracking()
            .Where(a => ids.Contains(a.TerritoryId) && db.Deals.Any(d => d.AccountId == a.Id && openIds.Contains(d.StageId)))
            .OrderBy(a => a.Id).Take(count).ToListAsync());
        return accounts.Select(a => (a, west.First(t => t.Id != a.TerritoryId && t.OwnerRepId != a.OwnerRepId).Id)).ToList();
    }

    private Task<PlanOutcome> DraftAsync(Actor actor, IEnumerable<(Account Account, int To)> moves) =>
        App.Service<TerritoryPlanService>().CreateAsync(actor, "Q1 what-if", moves.Select(m => new PlannedMove(m.Account.Id, m.To)).ToList());

    [Fact]
    public async Task A_draft_is_evaluated_before_and_after_without_changing_the_live_data_and_publishes_in_one_go()
    {
        var moves = await WestMovesAsync(2);
        var plans = App.Service<TerritoryPlanService>();
        var drafted = await DraftAsync(WestManager, moves);
        Assert.True(drafted.Succeeded, drafted.Message);
        var (deals, events, audits) = await CountsAsync();

        var evaluation = await plans.EvaluateAsync(drafted.PlanId!.Value, TestClock.Today);

        Assert.NotNull(evaluation);
        Assert.Equal(2, evaluation.Moves.Count);
        Assert.Equal(0, evaluation.Conflicts);
        var to = moves[0].To;
        var beforeRow = evaluation.Before.Single(r => r.Figures.TerritoryId == to);
        var afterRow = evaluation.After.Single(r => r.Figures.TerritoryId == to);
        Assert.Equal(beforeRow.Figures.Accounts + moves.Count(m => m.To == to), afterRow.Figures.Accounts);
        Assert.Equal(beforeRow.Figures.Potential + moves.Where(m => m.To == to).Sum(m => m.Account.PotentialScore), afterRow.Figures.Potential);
        Assert.NotEmpty(evaluation.Coverage);
        Assert.All(evaluation.Coverage, c => Assert.NotEqual(c.OpenBefore, c.OpenAfter));
        var counts = await CountsAsync();
        Assert.Equal((deals, events), (counts.Deals, counts.Events));
        foreach (var (account, _) in moves)
        {
            Assert.Equal(account.TerritoryId, await QueryAsync(db => db.Accounts.Where(a => a.Id == account.Id).Select(a => a.TerritoryId).SingleAsync()));
        }

        var published = await plans.PublishAsync(WestManager, drafted.PlanId.Value);

        Assert.True(published.Succeeded, published.Message);
        Assert.Equal(2, published.Applied);
        foreach (var (account, target) in moves)
        {
            Assert.Equal(target, await QueryAsync(db => db.Accounts.Where(a => a.Id == account.Id).Select(a => a.TerritoryId).SingleAsync()));
        }

        Assert.Equal(TerritoryPlanStatus.Published, await QueryAsync(db => db.TerritoryPlans.Where(p => p.Id == drafted.PlanId).Select(p => p.Status).SingleAsync()));
        Assert.True((await CountsAsync()).Audits > audits);
    }

    [Fact]
    public async Task Publishing_a_plan_the_live_data_overtook_lists_the_conflict_and_applies_nothing_until_redrafted()
    {
        var moves = await WestMovesAsync(2);
        var plans = App.Service<TerritoryPlanService>();
        var drafted = await DraftAsync(WestManager, moves);
        // Meanwhile a VP moves the first account somewhere on the live board.
        var raced = moves[0].Account;
        var vp = new Actor("Victoria Popescu", Roles.VP);
        var elsewhere = await QueryAsync(db => db.Territories.Where(t => t.Id != raced.TerritoryId && t.Id != moves[0].To).Select(t => t.Id).FirstAsync());
        Assert.True((await App.Service<TerritoryService>().MoveAccountAsync(vp, raced.Id, elsewhere, raced.Version)).Succeeded);
        var (deals, events, audits) = await CountsAsync();

        var refused = await plans.PublishAsync(WestManager, drafted.PlanId!.Value);

        Assert.Equal(PlanStatus.Conflict, refused.Status);
        var conflict = Assert.Single(refused.Conflicts!);
        Assert.Equal((raced.Id, "Victoria Popescu"), (conflict.AccountId, conflict.ChangedBy));
        Assert.Equal((deals, events, audits), await CountsAsync());
        Assert.Equal(moves[1].Account.TerritoryId, await QueryAsync(db => db.Accounts.Where(a => a.Id == moves[1].Account.Id).Select(a => a.TerritoryId).SingleAsync()));
        Assert.Equal(1, (await plans.EvaluateAsync(drafted.PlanId.Value, TestClock.Today))!.Conflicts);

        // The manager may not take the account out of the VP's choice of territory unless it is theirs; redrafting
        // starts the move from where the account is now, and the plan publishes when every move is theirs to make.
        Assert.True((await plans.RemoveMoveAsync(WestManager, drafted.PlanId.Value, raced.Id)).Succeeded);
        Assert.True((await plans.RedraftConflictsAsync(WestManager, drafted.PlanId.Value)).Succeeded);
        var published = await plans.PublishAsync(WestManager, drafted.PlanId.Value);
        Assert.True(published.Succeeded, published.Message);
        Assert.Equal(1, published.Applied);
        Assert.Equal(elsewhere, await QueryAsync(db => db.Accounts.Where(a => a.Id == raced.Id).Select(a => a.TerritoryId).SingleAsync()));
    }

    [Fact]
    public async Task A_manager_cannot_publish_moves_outside_their_teams_and_nothing_is_applied()
    {
        var moves = await WestMovesAsync(1);
        var plans = App.Service<TerritoryPlanService>();
        var drafted = await plans.CreateAsync(new Actor("Victoria Popescu", Roles.VP), "VP draft", [new PlannedMove(moves[0].Account.Id, moves[0].To)]);
        var (deals, events, audits) = await CountsAsync();

        var outcome = await plans.PublishAsync(OtherManager, drafted.PlanId!.Value);

        Assert.Equal(PlanStatus.Forbidden, outcome.Status);
        Assert.Equal((deals, events, audits), await CountsAsync());
        Assert.Equal(PlanStatus.Forbidden, (await plans.SetMoveAsync(OtherManager, drafted.PlanId.Value, moves[0].Account.Id, moves[0].Account.TerritoryId!.Value)).Status);
    }
}
