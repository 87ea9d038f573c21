using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Territories;

namespace SalesOps.Tests.Territories;

/// <summary>
/// A draft plan on the board and the map (<c>?plan=id</c>): accounts where the plan puts them, the plan's figures,
/// moves recorded into the plan and never into the live data.
/// </summary>
public class TerritoryDraftViewTests : AppTest
{
    private static readonly Actor Vp = new("Victoria Popescu", Roles.VP);
    private static readonly Actor WestManager = new("Mihai Ionescu", Roles.Manager, TeamId: 1);

    private async Task<(Account Account, int To)> AccountAndOtherTerritoryAsync()
    {
        var account = await QueryAsync(db => db.Accounts.AsNoTracking().Where(a => a.TerritoryId != null).OrderBy(a => a.Id).FirstAsync());
        var to = await QueryAsync(db => db.Territories.Where(t => t.Id != account.TerritoryId).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        return (account, to);
    }

    private Task<(int Events, int Audits)> LiveCountsAsync() =>
        QueryAsync(async db => (await db.LiveEvents.CountAsync(e => e.Kind != LiveEventKinds.TerritoryPlanChanged), await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Account))));

    [Fact]
    public async Task The_draft_board_shows_the_account_in_its_planned_column_with_the_plan_s_figures_and_the_live_board_does_not()
    {
        var (account, to) = await AccountAndOtherTerritoryAsync();
        var plans = App.Service<TerritoryPlanService>();
        var board = App.Service<TerritoryBoardService>();
        var drafted = await plans.CreateAsync(Vp, "What if", []);
        var (events, audits) = await LiveCountsAsync();

        var set = await plans.SetMoveAsync(Vp, drafted.PlanId!.Value, account.Id, to);

        Assert.True(set.Succeeded, set.Message);
        var evaluation = (await plans.EvaluateAsync(drafted.PlanId.Value, TestClock.Today))!;
        var filter = TerritoryFilter.Default with { Search = account.Name };
        var draft = await board.LoadAsync(Vp, filter, TestClock.Today, plan: evaluation.Placement());
        var live = await board.LoadAsync(Vp, filter, TestClock.Today);

        var planned = Assert.Single(draft.Cards, c => c.Id == account.Id);
        Assert.Equal(to, planned.TerritoryId);
        Assert.True(planned.Planned);
        Assert.Equal(account.TerritoryId, Assert.Single(live.Cards, c => c.Id == account.Id).TerritoryId);
        Assert.Equal(1, draft.Columns.Single(c => c.Id == to).MatchingAccounts - live.Columns.Single(c => c.Id == to).MatchingAccounts);
        var liveTo = live.Columns.Single(c => c.Id == to).Balance.Figures;
        var draftTo = draft.Columns.Single(c => c.Id == to).Balance.Figures;
        Assert.Equal(liveTo.Accounts + 1, draftTo.Accounts);
        Assert.Equal(liveTo.Potential + account.PotentialScore, draftTo.Potential);
        Assert.Equal(live.Columns.Single(c => c.Id == account.TerritoryId).Balance.Figures.Potential - account.PotentialScore,
            draft.Columns.Single(c => c.Id == account.TerritoryId).Balance.Figures.Potential);
        Assert.Equal(account.TerritoryId, await QueryAsync(db => db.Accounts.Where(a => a.Id == account.Id).Select(a => a.TerritoryId).SingleAsync()));
        Assert.Equal((events, audits), await LiveCountsAsync());
        Assert.Equal(1, await QueryAsync(db => db.LiveEvents.CountAsync(e => e.Kind == LiveEventKinds.TerritoryPlanChanged && e.EntityId == drafted.PlanId)));
    }

    [Fact]
    public async Task The_draft_map_puts_the_marker_in_the_planned_territory_and_a_move_back_leaves_the_plan()
    {
        var (account, to) = await AccountAndOtherTerritoryAsync();
        var plans = App.Service<TerritoryPlanService>();
        var map = App.Service<TerritoryMapService>();
        var drafted = await plans.CreateAsync(Vp, "What if", [new PlannedMove(account.Id, to)]);

        var evaluation = (await plans.EvaluateAsync(drafted.PlanId!.Value, TestClock.Today))!;
        var data = await map.LoadAsync(Vp, TestClock.Today, evaluation.Placement());

        var marker = Assert.Single(data.Accounts, a => a.Id == account.Id);
        Assert.Equal(to, marker.TerritoryId);
        Assert.True(marker.Planned);
        Assert.Equal(evaluation.After.Single(r => r.Figures.TerritoryId == to).Figures.Accounts, data.Territories.Single(t => t.Id == to).Balance.Figures.Accounts);

        Assert.True((await plans.SetMoveAsync(Vp, drafted.PlanId.Value, account.Id, account.TerritoryId!.Value)).Succeeded);
        Assert.Empty((await plans.EvaluateAsync(drafted.PlanId.Value, TestClock.Today))!.Moves);
    }

    [Fact]
    public async Task Giving_a_region_in_a_draft_plans_its_accounts_of_the_claiming_territory_and_changes_no_rule()
    {
        var (region, from, to) = await QueryAsync(async db =>
        {
            var geographic = await db.Territories.AsNoTracking().Where(t => t.Kind == TerritoryKind.Geographic).OrderBy(t => t.Id).ToListAsync();
            var owner = geographic.First(t => t.Regions.Any(r => db.Accounts.Any(a => a.RegionCode == r && a.TerritoryId == t.Id)));
            var code = owner.Regions.First(r => db.Accounts.Any(a => a.RegionCode == r && a.TerritoryId == owner.Id));
            return (code, owner.Id, geographic.First(t => t.Id != owner.Id).Id);
        });
        var following = await QueryAsync(db => db.Accounts.Where(a => a.RegionCode == region && a.TerritoryId == from).Select(a => a.Id).OrderBy(id => id).ToListAsync());
        var plans = App.Service<TerritoryPlanService>();
        var drafted = await plans.CreateAsync(Vp, "Region what-if", []);

        var outcome = await plans.SetRegionMovesAsync(Vp, drafted.PlanId!.Value, region, to);

        Assert.True(outcome.Succeeded, outcome.Message);
        var moves = (await plans.EvaluateAsync(drafted.PlanId.Value, TestClock.Today))!.Moves;
        Assert.Equal(following, moves.Select(m => m.AccountId).Order().ToList());
        Assert.All(moves, m => Assert.Equal(to, m.ToTerritoryId));
        Assert.Contains(region, await QueryAsync(db => db.Territories.Where(t => t.Id == from).Select(t => t.Regions).SingleAsync()));
        Assert.Equal(following.Count, await QueryAsync(db => db.Accounts.CountAsync(a => a.RegionCode == region && a.TerritoryId == from)));
    }

    [Fact]
    public async Task Another_manager_may_look_at_a_draft_but_not_move_accounts_in_it()
    {
        var (account, to) = await AccountAndOtherTerritoryAsync();
        var plans = App.Service<TerritoryPlanService>();
        var drafted = await plans.CreateAsync(Vp, "VP's draft", []);

        var outcome = await plans.SetMoveAsync(WestManager, drafted.PlanId!.Value, account.Id, to);

        Assert.Equal(PlanStatus.Forbidden, outcome.Status);
        Assert.False(TerritoryPlanService.CanEdit(WestManager, TerritoryPlanStatus.Draft, Vp.Name));
        Assert.True(TerritoryPlanService.CanEdit(WestManager, TerritoryPlanStatus.Draft, WestManager.Name));
        Assert.False(TerritoryPlanService.CanEdit(Vp, TerritoryPlanStatus.Published, Vp.Name));
        Assert.Empty((await plans.EvaluateAsync(drafted.PlanId.Value, TestClock.Today))!.Moves);
    }
}
