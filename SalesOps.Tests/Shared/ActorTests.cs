using SalesOps.Shared.Access;

namespace SalesOps.Tests.Shared;

public class ActorTests
{
    [Fact]
    public void A_rep_sees_and_changes_only_their_own_deals()
    {
        var rep = new Actor("Robert", Roles.Rep, RepId: 7, TeamId: 1);

        Assert.True(rep.CanChangeDeal(ownerRepId: 7, teamId: 1));
        Assert.False(rep.CanView(ownerRepId: 8, teamId: 1));
        Assert.False(rep.CanChangeDeal(ownerRepId: 8, teamId: 1));
    }

    [Fact]
    public void A_manager_changes_their_team_s_deals_only()
    {
        var manager = new Actor("Mihai", Roles.Manager, TeamId: 1);

        Assert.True(manager.CanChangeDeal(ownerRepId: 8, teamId: 1));
        Assert.False(manager.CanChangeDeal(ownerRepId: 9, teamId: 2));
    }

    [Fact]
    public void An_analyst_sees_everything_and_changes_nothing()
    {
        var analyst = new Actor("Ana", Roles.Analyst);

        Assert.True(analyst.CanView(ownerRepId: 1, teamId: 5));
        Assert.False(analyst.CanChangeDeal(ownerRepId: 1, teamId: 5));
    }

    [Theory]
    [InlineData(Roles.VP)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Integration)]
    public void VPs_admins_and_integrations_change_any_deal(string role)
    {
        Assert.True(new Actor("x", role).CanChangeDeal(ownerRepId: 3, teamId: 4));
    }

    [Fact]
    public void A_rep_or_manager_without_a_rep_or_team_record_sees_nothing()
    {
        Assert.False(new Actor("x", Roles.Rep).CanView(1, 1));
        Assert.False(new Actor("x", Roles.Manager).CanView(1, 1));
        Assert.False(new Actor("x", "Stranger").CanView(1, 1));
    }

    [Fact]
    public void A_read_only_key_sees_every_deal_and_changes_none()
    {
        var key = new Actor("API key \"BI\"", Roles.Integration) { ReadOnly = true };

        Assert.True(key.CanView(ownerRepId: 3, teamId: 4));
        Assert.False(key.ChangesDeals);
        Assert.False(key.CanChangeDeal(ownerRepId: 3, teamId: 4));
    }

    [Fact]
    public void A_key_limited_to_teams_sees_and_changes_only_their_deals()
    {
        var key = new Actor("API key \"East\"", Roles.Integration) { KeyTeamIds = [2, 5] };

        Assert.False(key.DealScope.All);
        Assert.Equal([2, 5], key.DealScope.Teams);
        Assert.True(key.CanChangeDeal(ownerRepId: 9, teamId: 5));
        Assert.False(key.CanView(ownerRepId: 9, teamId: 3));
        Assert.Equal(new Actor("x", Roles.Manager, TeamId: 2).DealScope, new Actor("y", Roles.Integration) { KeyTeamIds = [2] }.DealScope);
    }
}
