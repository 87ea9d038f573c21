using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Kpis;
using SalesOps.Shared.Pipeline;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Features.Pipeline;

namespace SalesOps.Tests.Integration;

/// <summary>Ten open boards reloading after one change cost one read, yet never serve a board from before it.</summary>
public class BoardSharingTests : AppTest
{
    [Fact]
    public async Task Boards_that_show_the_same_thing_share_one_read_until_something_changes()
    {
        var service = App.Service<PipelineBoardService>();
        var vp = new Actor("Victoria", Roles.VP);
        var filter = new BoardFilter(TeamId: 1);

        var first = await service.LoadAsync(vp, filter, TestClock.Today);
        var second = await service.LoadAsync(new Actor("Another VP", Roles.VP), filter, TestClock.Today);
        var otherFilter = await service.LoadAsync(vp, new BoardFilter(TeamId: 2), TestClock.Today);

        Assert.Same(first, second);
        Assert.NotSame(first, otherFilter);

        var deal = first.Columns.First(c => c.Cards.Count > 0 && !c.Stage.IsClosed).Cards[0];
        var moved = await App.Service<DealService>().ChangeAsync(vp, deal.Id, new DealChange(Stage: "Lost", LostReason: "Timing"));
        Assert.True(moved.Succeeded);

        var after = await service.LoadAsync(vp, filter, TestClock.Today);
        Assert.NotSame(first, after);
        Assert.Contains(after.Columns.Single(c => c.Stage.IsLost).Cards, c => c.Id == deal.Id);
    }

    [Fact]
    public async Task A_shared_board_is_read_again_once_its_fifteen_seconds_are_up()
    {
        var service = App.Service<PipelineBoardService>();
        var vp = new Actor("Victoria", Roles.VP);

        var first = await service.LoadAsync(vp, BoardFilter.Default, TestClock.Today);
        App.Clock.Advance(TimeSpan.FromSeconds(14.9));
        var withinWindow = await service.LoadAsync(vp, BoardFilter.Default, TestClock.Today);
        App.Clock.Advance(TimeSpan.FromSeconds(0.1));
        var afterWindow = await service.LoadAsync(vp, BoardFilter.Default, TestClock.Today);

        Assert.Same(first, withinWindow);
        Assert.NotSame(first, afterWindow);
    }

    [Fact]
    public async Task Users_on_different_days_never_share_a_board()
    {
        var service = App.Service<PipelineBoardService>();
        var vp = new Actor("Victoria", Roles.VP);

        // Just after midnight in Bucharest it is already tomorrow there, and still today in London.
        var london = await service.LoadAsync(vp, BoardFilter.Default, TestClock.Today);
        var bucharest = await service.LoadAsync(vp, BoardFilter.Default, TestClock.Today.AddDays(1));

        Assert.NotSame(london, bucharest);
        Assert.Equal(Period.QuarterOf(TestClock.Today.AddDays(1)), bucharest.ClosedPeriod);
    }

    [Fact]
    public async Task A_rep_never_gets_a_board_shared_from_a_wider_scope()
    {
        var service = App.Service<PipelineBoardService>();
        var rep = await QueryAsync(db => db.Reps.FirstAsync(r => r.Email == "rep@demo.salesops"));

        await service.LoadAsync(new Actor("VP", Roles.VP), BoardFilter.Default, TestClock.Today);
        var repBoard = await service.LoadAsync(new Actor(rep.Name, Roles.Rep, rep.Id, rep.TeamId), BoardFilter.Default, TestClock.Today);

        Assert.All(repBoard.Cards, c => Assert.Equal(rep.Id, c.OwnerRepId));
    }
}
