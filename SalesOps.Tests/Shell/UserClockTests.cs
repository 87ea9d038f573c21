using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Shell;

namespace SalesOps.Tests.Shell;

public class UserClockTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Today_is_the_browser_s_day_not_the_server_s()
    {
        var clock = new UserClock(_time);
        Assert.Equal(new DateOnly(2026, 12, 31), clock.Today);

        Assert.True(clock.Use("Europe/Bucharest"));

        Assert.Equal(new DateOnly(2027, 1, 1), clock.Today);
        Assert.Equal(new DateTime(2027, 1, 1, 1, 30, 0), clock.Now);
        Assert.Equal(new DateTime(2027, 1, 1, 1, 30, 0), clock.ToUser(new DateTime(2026, 12, 31, 23, 30, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    public void An_unknown_zone_from_the_browser_is_ignored(string? zone)
    {
        var clock = new UserClock(_time);
        clock.Use("Europe/Bucharest");

        Assert.False(clock.Use(zone));

        Assert.Equal("Europe/Bucharest", clock.Zone.Id);
    }

    [Fact]
    public void A_new_zone_is_announced_once_and_the_same_zone_not_at_all()
    {
        var clock = new UserClock(_time);
        var changes = 0;
        clock.ZoneChanged += () => changes++;

        clock.Use("Asia/Tokyo");
        clock.Use("Asia/Tokyo");

        Assert.Equal(1, changes);
        Assert.Equal(new DateOnly(2027, 1, 1), clock.Today);
    }

    [Fact]
    public void Tests_live_on_the_pinned_day()
    {
        Assert.Equal(TestClock.Today, new UserClock(TestClock.New()).Today);
    }
}
