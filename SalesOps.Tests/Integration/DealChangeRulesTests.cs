using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Deals;
using SalesOps.Tests.Infrastructure;

namespace SalesOps.Tests.Integration;

/// <summary>
/// The server refuses what the UI would never offer: these call the same service a forged circuit event reaches.
/// </summary>
public class DealChangeRulesTests : AppTest
{
    [Fact]
    public async Task A_rep_moving_another_rep_s_deal_is_refused_and_nothing_changes()
    {
        var deal = await QueryAsync(db => db.Deals.AsNoTracking().FirstAsync(d => d.StageId == 1));
        var otherRep = await QueryAsync(db => db.Reps.FirstAsync(r => r.Id != deal.OwnerRepId));
        var events = await QueryAsync(db => db.LiveEvents.LongCountAsync());

        var outcome = await App.Service<DealService>().ChangeAsync(new Actor(otherRep.Name, Roles.Rep, otherRep.Id, otherRep.TeamId), deal.Id, new DealChange(Stage: "Won"));

        Assert.Equal(DealOutcomeStatus.Forbidden, outcome.Status);
        var after = await QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == deal.Id));
        Assert.Equal(deal.StageId, after.StageId);
        Assert.Equal(deal.Version, after.Version);
        Assert.Equal(events, await QueryAsync(db => db.LiveEvents.LongCountAsync()));
    }

    [Fact]
    public async Task A_manager_cannot_move_another_team_s_deal_but_can_move_their_own_team_s()
    {
        var deal = await QueryAsync(db => db.Deals.AsNoTracking().FirstAsync(d => d.StageId == 1));
        var service = App.Service<DealService>();

        var foreign = await service.ChangeAsync(new Actor("M", Roles.Manager, TeamId: deal.TeamId + 1), deal.Id, new DealChange(Stage: "Qualification"));
        var own = await service.ChangeAsync(new Actor("M", Roles.Manager, TeamId: deal.TeamId), deal.Id, new DealChange(Stage: "Qualification"));

        Assert.Equal(DealOutcomeStatus.Forbidden, foreign.Status);
        Assert.Equal(DealOutcomeStatus.Ok, own.Status);
        Assert.Equal(2, (await QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == deal.Id))).StageId);
    }

    [Fact]
    public async Task An_analyst_reads_but_cannot_change_a_deal()
    {
        var deal = await QueryAsync(db => db.Deals.AsNoTracking().FirstAsync(d => d.StageId == 3));

        var outcome = await App.Service<DealService>().ChangeAsync(new Actor("Ana", Roles.Analyst), deal.Id, new DealChange(Amount: 1m));

        Assert.Equal(DealOutcomeStatus.Forbidden, outcome.Status);
        Assert.Equal(deal.Amount, (await QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == deal.Id))).Amount);
    }

    [Fact]
    public async Task Moving_to_lost_keeps_the_lost_reason_and_closes_the_deal()
    {
        var deal = await QueryAsync(db => db.Deals.AsNoTracking().FirstAsync(d => d.StageId == 4));

        var outcome = await App.Service<DealService>().ChangeAsync(new Actor("VP", Roles.VP), deal.Id, new DealChange(Stage: "Lost", LostReason: "Competitor"));

        Assert.True(outcome.Succeeded);
        var lost = await QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == deal.Id));
        Assert.Equal(("Competitor", 0, ForecastCategory.Omitted), (lost.LostReason, lost.Probability, lost.ForecastCategory));
        Assert.NotNull(lost.ClosedOn);
    }
}
