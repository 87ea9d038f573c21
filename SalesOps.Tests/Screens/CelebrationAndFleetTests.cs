using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Incentives;
using SalesOps.Web.Features.Screens;

namespace SalesOps.Tests.Screens;

public class CelebrationAndFleetTests
{
    private static Celebration Win(int dealId) => new(dealId, 1, "Rep", "Account", 1_000m);

    [Fact]
    public void Wins_show_one_after_another_for_their_time()
    {
        var line = new CelebrationLine();
        line.Add(Win(1));
        line.Add(Win(2));
        line.Add(Win(1));

        Assert.Equal(1, line.Current!.DealId);
        Assert.False(line.Elapse(CelebrationLine.Duration - TimeSpan.FromSeconds(1)));
        Assert.True(line.Elapse(TimeSpan.FromSeconds(1)));
        Assert.Equal(2, line.Current!.DealId);
        Assert.Equal(CelebrationLine.Duration, line.Remaining);
        Assert.True(line.Elapse(CelebrationLine.Duration));
        Assert.Null(line.Current);
    }

    [Fact]
    public void A_reversed_win_is_withdrawn_even_while_it_shows()
    {
        var line = new CelebrationLine();
        line.Add(Win(1));
        line.Add(Win(2));
        line.Elapse(TimeSpan.FromSeconds(3));

        line.Withdraw(1);

        Assert.Equal(2, line.Current!.DealId);
        Assert.Equal(CelebrationLine.Duration, line.Remaining);
    }

    [Fact]
    public void At_most_a_handful_wait_and_the_one_showing_stays()
    {
        var line = new CelebrationLine();
        for (var id = 1; id <= CelebrationLine.Capacity + 3; id++)
        {
            line.Add(Win(id));
        }

        Assert.Equal(1, line.Current!.DealId);
        var seen = new List<int>();
        while (line.Current is { } current)
        {
            seen.Add(current.DealId);
            line.Elapse(CelebrationLine.Duration);
        }

        Assert.Equal([1, 5, 6, 7, 8], seen);
    }

    [Fact]
    public async Task The_fleet_follows_a_display_from_join_through_heartbeat_and_drop_to_leave()
    {
        var clock = TestClock.New();
        var fleet = new ScreenFleet(clock);
        var changes = 0;
        var reloads = 0;
        fleet.Changed += () => changes++;

        fleet.Join("tv1", 3, "Sales floor", "10.0.0.5", () => { reloads++; return Task.CompletedTask; });
        clock.Advance(TimeSpan.FromSeconds(15));
        fleet.Beat("tv1", 2, "Leaderboard");
        var beaten = Assert.Single(fleet.Displays);
        Assert.Equal((2, "Leaderboard", true), (beaten.SlideIndex, beaten.SlideKind, beaten.Online));
        Assert.Equal(clock.GetUtcNow().UtcDateTime, beaten.LastHeartbeat);

        fleet.Connection("tv1", up: false, null);
        Assert.False(Assert.Single(fleet.Displays).Online);
        Assert.Equal("10.0.0.5", fleet.Displays[0].ClientAddress);

        Assert.True(await fleet.ReloadAsync("tv1"));
        Assert.False(await fleet.ReloadAsync("nobody"));
        fleet.Leave("tv1");

        Assert.Empty(fleet.Displays);
        Assert.Equal(1, reloads);
        Assert.Equal(4, changes);
    }
}
