using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Features.Screens;

namespace SalesOps.Tests.Screens;

/// <summary>What a display that comes back is told it missed: stage changes after its last event, in the window.</summary>
public class DisplayCatchUpTests : AppTest
{
    private static readonly Actor Vp = new("Night batch", Roles.VP);

    private DateTime Now => App.Clock.GetUtcNow().UtcDateTime;

    private async Task<List<int>> OpenDealsAsync(int count) => await QueryAsync(db => db.Deals
        .Where(d => !d.Stage!.IsWon && !d.Stage.IsLost).OrderBy(d => d.Id).Select(d => d.Id).Take(count).ToListAsync());

    private async Task MoveAsync(int dealId, string stage) =>
        Assert.True((await App.Service<DealService>().ChangeAsync(Vp, dealId, new DealChange(Stage: stage))).Succeeded);

    [Fact]
    public async Task A_returning_display_gets_the_stage_changes_after_its_last_event_within_the_window_oldest_first()
    {
        var screens = App.Service<ScreenService>();
        var deals = await OpenDealsAsync(3);
        var seen = (await screens.MissedChangesAsync(null, Now)).Latest;

        await MoveAsync(deals[0], "Won");
        App.Clock.Advance(DisplayPage.CatchUpWindow + TimeSpan.FromMinutes(1));
        await MoveAsync(deals[1], "Won");
        await MoveAsync(deals[2], "Won");
        await MoveAsync(deals[2], "Negotiation");

        var missed = await screens.MissedChangesAsync(seen, Now - DisplayPage.CatchUpWindow);

        // The first win is older than the window; the reversed one comes with its reversal, in order.
        Assert.Equal([deals[1], deals[2], deals[2]], missed.StageChanges.Select(e => e.EntityId!.Value));
        Assert.Equal(missed.StageChanges.Select(e => e.Sequence).Order(), missed.StageChanges.Select(e => e.Sequence));
        Assert.All(missed.StageChanges, e => Assert.Equal(LiveEventKinds.DealStageChanged, e.Kind));
        Assert.Equal(await QueryAsync(db => db.LiveEvents.MaxAsync(e => e.Sequence)), missed.Latest);
    }

    [Fact]
    public async Task A_display_seen_for_the_first_time_or_up_to_date_gets_nothing_and_any_number_it_sends_is_bounded()
    {
        var screens = App.Service<ScreenService>();
        var deal = (await OpenDealsAsync(1))[0];
        await MoveAsync(deal, "Won");
        var latest = await QueryAsync(db => db.LiveEvents.MaxAsync(e => e.Sequence));

        Assert.Empty((await screens.MissedChangesAsync(null, DateTime.MinValue)).StageChanges);
        Assert.Empty((await screens.MissedChangesAsync(latest, DateTime.MinValue)).StageChanges);
        Assert.Empty((await screens.MissedChangesAsync(long.MaxValue, DateTime.MinValue)).StageChanges);
        var all = await screens.MissedChangesAsync(-1, DateTime.MinValue);
        Assert.Contains(all.StageChanges, e => e.EntityId == deal);
        Assert.All(all.StageChanges, e => Assert.True(e.Sequence > latest - ScreenService.MaxCatchUpEvents));
    }
}
