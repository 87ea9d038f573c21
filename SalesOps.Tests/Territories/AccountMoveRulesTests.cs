using SalesOps.Shared.Access;
using SalesOps.Shared.Territories;

namespace SalesOps.Tests.Territories;

public class AccountMoveRulesTests
{
    private static readonly MoveSide WestA = new(1, OwnerRepId: 10, TeamId: 1);
    private static readonly MoveSide WestB = new(2, OwnerRepId: 11, TeamId: 1);
    private static readonly MoveSide Central = new(3, OwnerRepId: 20, TeamId: 2);
    private static readonly MoveSide Unowned = new(4, OwnerRepId: null, TeamId: null);

    private static readonly Actor WestManager = new("Mihai", Roles.Manager, TeamId: 1);

    [Fact]
    public void A_manager_moves_accounts_among_their_own_team_s_territories()
    {
        Assert.Equal(MoveRefusal.None, AccountMoveRules.Check(WestManager, WestA, WestB));
    }

    [Fact]
    public void A_manager_may_neither_move_into_nor_out_of_another_team_s_territory()
    {
        Assert.Equal(MoveRefusal.TargetNotEditable, AccountMoveRules.Check(WestManager, WestA, Central));
        Assert.Equal(MoveRefusal.SourceNotEditable, AccountMoveRules.Check(WestManager, Central, WestA));
        Assert.Equal(MoveRefusal.TargetNotEditable, AccountMoveRules.Check(WestManager, WestA, Unowned));
    }

    [Theory]
    [InlineData(Roles.VP)]
    [InlineData(Roles.Admin)]
    public void VPs_and_admins_move_accounts_anywhere(string role)
    {
        var actor = new Actor("Boss", role);

        Assert.Equal(MoveRefusal.None, AccountMoveRules.Check(actor, WestA, Central));
        Assert.Equal(MoveRefusal.None, AccountMoveRules.Check(actor, Central, Unowned));
    }

    [Theory]
    [InlineData(Roles.Rep)]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Integration)]
    public void Reps_analysts_and_integrations_move_nothing_even_in_their_own_team(string role)
    {
        var actor = new Actor("Someone", role, RepId: 10, TeamId: 1);

        Assert.Equal(MoveRefusal.TargetNotEditable, AccountMoveRules.Check(actor, WestA, WestB));
    }

    [Fact]
    public void A_move_onto_the_account_s_own_territory_is_refused_as_such()
    {
        Assert.Equal(MoveRefusal.SameTerritory, AccountMoveRules.Check(WestManager, WestA, WestA));
        Assert.Equal(MoveRefusal.None, AccountMoveRules.Check(WestManager, null, WestA));
    }

    [Fact]
    public void The_account_follows_the_territory_s_owner_and_keeps_its_own_when_the_territory_has_none()
    {
        Assert.Equal(11, AccountMoveRules.NewOwner(10, WestB));
        Assert.Equal(10, AccountMoveRules.NewOwner(10, Unowned));
        Assert.Null(AccountMoveRules.NewOwner(null, Unowned));
    }

    [Theory]
    [InlineData(false, 10, 11, true)]
    [InlineData(true, 10, 11, false)]
    [InlineData(false, 11, 11, false)]
    [InlineData(false, 10, null, false)]
    public void Only_open_deals_change_hands_and_only_to_a_new_owner(bool closed, int dealOwner, int? newOwner, bool follows)
    {
        Assert.Equal(follows, AccountMoveRules.DealFollows(closed, dealOwner, newOwner));
    }
}
