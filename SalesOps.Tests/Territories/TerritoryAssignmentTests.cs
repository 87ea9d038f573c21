using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;

namespace SalesOps.Tests.Territories;

public class TerritoryAssignmentTests
{
    private static readonly TerritoryRule West = new(1, "West", TerritoryKind.Geographic, ["US-CA", "US-OR"], []);
    private static readonly TerritoryRule Germany = new(2, "DACH", TerritoryKind.Geographic, ["DE", "AT", "CH"], []);
    private static readonly TerritoryRule Strategic = new(3, "Strategic", TerritoryKind.NamedAccounts, [], [42]);
    private static readonly TerritoryRule Inside = new(4, "Inside", TerritoryKind.Channel, ["US-CA", "US-DE"], []);

    [Fact]
    public void An_account_belongs_to_the_geographic_territory_of_its_region()
    {
        var rules = TerritoryAssignment.Create([West, Germany, Strategic, Inside]);

        Assert.Equal(new TerritoryDecision(1, AssignmentReason.Region), rules.Assign(7, "US-CA"));
        Assert.Equal(new TerritoryDecision(2, AssignmentReason.Region), rules.Assign(8, "DE"));
    }

    [Fact]
    public void A_named_account_belongs_to_the_territory_that_names_it_whatever_its_region()
    {
        var rules = TerritoryAssignment.Create([West, Strategic]);

        Assert.Equal(new TerritoryDecision(3, AssignmentReason.NamedAccount), rules.Assign(42, "US-CA"));
        Assert.Equal(new TerritoryDecision(3, AssignmentReason.NamedAccount), rules.Assign(42, null));
    }

    [Fact]
    public void Delaware_is_not_Germany_and_a_channel_territory_claims_nothing()
    {
        var rules = TerritoryAssignment.Create([West, Germany, Inside]);

        var delaware = rules.Assign(9, "US-DE");

        Assert.Equal(new TerritoryDecision(null, AssignmentReason.Uncovered), delaware);
        Assert.False(delaware.IsCovered);
        Assert.Null(rules.TerritoryOfRegion("US-DE"));
        Assert.Equal(2, rules.TerritoryOfRegion("de"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Atlantis")]
    [InlineData("FR")]
    public void Accounts_that_no_rule_covers_are_uncovered(string? region)
    {
        var rules = TerritoryAssignment.Create([West, Germany]);

        Assert.Equal(new TerritoryDecision(null, AssignmentReason.Uncovered), rules.Assign(5, region));
    }

    [Fact]
    public void A_territory_claiming_the_country_takes_the_subdivisions_nobody_claims()
    {
        var restOfUs = new TerritoryRule(5, "Rest of US", TerritoryKind.Geographic, ["US"], []);
        var rules = TerritoryAssignment.Create([West, restOfUs]);

        Assert.Equal(new TerritoryDecision(5, AssignmentReason.Country), rules.Assign(1, "US-TX"));
        Assert.Equal(new TerritoryDecision(1, AssignmentReason.Region), rules.Assign(2, "US-CA"));
        Assert.Equal(new TerritoryDecision(5, AssignmentReason.Region), rules.Assign(3, "US"));
        Assert.Equal(5, rules.TerritoryOfRegion("US-TX"));
    }

    [Fact]
    public void A_region_claimed_by_two_geographic_territories_is_refused_naming_both()
    {
        var pacific = new TerritoryRule(6, "Pacific", TerritoryKind.Geographic, ["us-ca", "US-WA"], []);

        var problem = Assert.Single(TerritoryAssignment.Validate([West, pacific, Inside]));

        Assert.Equal(new RuleProblem(RuleProblemKind.RegionClaimedTwice, 6, "Pacific", 1, "West", RegionCode: "US-CA"), problem);
        Assert.Equal("Region US-CA is claimed by both West and Pacific; a region belongs to at most one geographic territory.", problem.Message);
        var thrown = Assert.Throws<TerritoryRuleException>(() => TerritoryAssignment.Create([West, pacific]));
        Assert.Equal([problem], thrown.Problems);
    }

    [Fact]
    public void An_account_named_by_two_territories_and_unknown_region_codes_are_refused()
    {
        var other = new TerritoryRule(7, "Key accounts", TerritoryKind.NamedAccounts, [], [42]);
        var typo = new TerritoryRule(8, "East", TerritoryKind.Geographic, ["US-NY", "NYC"], []);

        var problems = TerritoryAssignment.Validate([Strategic, other, typo]);

        Assert.Equal(
            [
                new RuleProblem(RuleProblemKind.AccountNamedTwice, 7, "Key accounts", 3, "Strategic", AccountId: 42),
                new RuleProblem(RuleProblemKind.UnknownRegion, 8, "East", RegionCode: "NYC"),
            ],
            problems);
    }

    [Fact]
    public void Sound_rules_have_no_problems()
    {
        Assert.Empty(TerritoryAssignment.Validate([West, Germany, Strategic, Inside]));
    }
}
