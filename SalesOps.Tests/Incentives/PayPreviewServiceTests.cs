using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Features.Incentives;

namespace SalesOps.Tests.Incentives;

/// <summary>"Pays you $X if won now" on the real app: the figure is exactly what the statement gains, and only the owner sees it.</summary>
public class PayPreviewServiceTests : AppTest
{
    private DateOnly Today => DateOnly.FromDateTime(App.Service<TimeProvider>().GetUtcNow().UtcDateTime);

    private async Task<(Actor Rep, int DealId)> DemoRepAndOpenDealAsync()
    {
        var rep = await QueryAsync(db => db.Reps.Where(r => r.Email == DemoCompany.RepEmail).Select(r => new { r.Id, r.Name, r.TeamId }).SingleAsync());
        var dealId = await QueryAsync(db => db.Deals
            .Where(d => d.OwnerRepId == rep.Id && !d.Stage!.IsWon && !d.Stage.IsLost)
            .OrderByDescending(d => d.Amount)
            .Select(d => d.Id)
            .FirstAsync());
        return (new Actor(rep.Name, Roles.Rep, rep.Id, rep.TeamId), dealId);
    }

    [Fact]
    public async Task The_figure_is_exactly_what_winning_the_deal_adds_to_the_owners_statement()
    {
        var (rep, dealId) = await DemoRepAndOpenDealAsync();
        var statements = App.Service<StatementService>();
        var before = (await statements.LoadAsync(rep, null, StatementService.Current, Today)).Statement!.Statement.Total;

        var pay = await App.Service<PayPreviewService>().ForDealAsync(rep, dealId, Today);
        Assert.NotNull(pay);
        Assert.True(pay.Pays > 0);

        Assert.True((await App.Service<DealService>().ChangeAsync(new Actor("Victoria", Roles.VP), dealId, new DealChange(Stage: "Won"))).Succeeded);
        var after = (await statements.LoadAsync(rep, null, StatementService.Current, Today)).Statement!.Statement.Total;
        Assert.Equal(before + pay.Pays, after);

        // Won now: nothing more to preview.
        Assert.Null(await App.Service<PayPreviewService>().ForDealAsync(rep, dealId, Today));
    }

    [Fact]
    public async Task Nobody_but_the_owner_gets_a_figure()
    {
        var (rep, dealId) = await DemoRepAndOpenDealAsync();
        var otherRep = await QueryAsync(db => db.Reps.Where(r => r.Id != rep.RepId && r.TeamId == rep.TeamId).Select(r => new { r.Id, r.Name }).FirstAsync());
        var service = App.Service<PayPreviewService>();

        Assert.Null(await service.ForDealAsync(new Actor(otherRep.Name, Roles.Rep, otherRep.Id, rep.TeamId), dealId, Today));
        Assert.Null(await service.ForDealAsync(new Actor("Mihai", Roles.Manager, null, rep.TeamId), dealId, Today));
        Assert.Null(await service.ForDealAsync(new Actor("Victoria", Roles.VP), dealId, Today));
        Assert.Null(await service.ForDealAsync(new Actor("Ada", Roles.Admin), dealId, Today));
    }
}
