using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;
using static SalesOps.Tests.Incentives.IncentiveExamples;

namespace SalesOps.Tests.Incentives;

public class CompPlanValidatorTests
{
    [Fact]
    public void The_example_plan_with_a_dated_spif_is_valid()
    {
        var plan = Plan(capMultiple: 1.25m, capAmount: 10_000m) with { Spifs = [Spif()] };

        Assert.Empty(CompPlanValidator.Validate(plan));
        Assert.True(CompPlanValidator.IsValid(plan));
    }

    public static TheoryData<string, CompPlanTerms> BadPlans() => new()
    {
        { "tiers[2].threshold", Plan() with { Tiers = [new(0m, 2m), new(50m, 5m), new(50m, 8m)] } },
        { "tiers[2].threshold", Plan() with { Tiers = [new(0m, 2m), new(100m, 8m), new(50m, 5m)] } },
        { "tiers[0].threshold", Plan() with { Tiers = [new(10m, 2m), new(50m, 5m)] } },
        { "tiers[1].ratePercent", Plan() with { Tiers = [new(0m, 2m), new(50m, -5m)] } },
        { "tiers[0].ratePercent", Plan() with { Tiers = [new(0m, 120m)] } },
        { "tiers", Plan() with { Tiers = [] } },
        { "name", Plan() with { Name = " " } },
        { "effectiveTo", Plan() with { EffectiveTo = new DateOnly(2025, 12, 31) } },
        { "capMultiple", Plan(capMultiple: 0m) },
        { "capAmount", Plan(capAmount: -1m) },
        { "capAmount", Plan(capAmount: 100.005m) },
        { "spifs[0].from", Plan() with { Spifs = [Spif() with { From = null }] } },
        { "spifs[0].to", Plan() with { Spifs = [Spif() with { To = null }] } },
        { "spifs[1].to", Plan() with { Spifs = [Spif(), Spif(Q1.End, Q1.Start)] } },
        { "spifs[0].bonusPerDeal", Plan() with { Spifs = [Spif() with { BonusPerDeal = -1_000m }] } },
        { "spifs[0].bonusPerDeal", Plan() with { Spifs = [Spif() with { BonusPerDeal = 0.001m }] } },
        { "spifs[0].name", Plan() with { Spifs = [Spif() with { Name = "" }] } },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void A_bad_plan_is_refused_with_the_field_named(string field, CompPlanTerms plan)
    {
        var errors = CompPlanValidator.Validate(plan);

        Assert.Equal([field], errors.Keys);
        Assert.False(string.IsNullOrWhiteSpace(errors[field]));
    }

    [Fact]
    public void A_spif_without_dates_names_both_dates()
    {
        var errors = CompPlanValidator.Validate(Plan() with { Spifs = [Spif() with { From = null, To = null }] });

        Assert.Equal(["spifs[0].from", "spifs[0].to"], errors.Keys.Order());
    }

    [Fact]
    public void Overlapping_and_unordered_tiers_say_which_problem_it_is()
    {
        var overlapping = CompPlanValidator.Validate(Plan() with { Tiers = [new(0m, 2m), new(50m, 5m), new(50m, 8m)] });
        var unordered = CompPlanValidator.Validate(Plan() with { Tiers = [new(0m, 2m), new(100m, 8m), new(50m, 5m)] });

        Assert.StartsWith("Overlaps", overlapping["tiers[2].threshold"]);
        Assert.StartsWith("Tiers must be in order", unordered["tiers[2].threshold"]);
    }

    [Fact]
    public void A_stored_plan_reads_as_marginal_with_spifs_over_the_plans_dates()
    {
        var stored = new CompPlan
        {
            Name = "FY Standard AE plan",
            EffectiveFrom = new DateOnly(2025, 7, 1),
            CapMultiple = 3m,
            Tiers = [new() { FromAttainment = 100, RatePercent = 9m }, new() { FromAttainment = 0, RatePercent = 6m }],
            Spifs = [new() { Name = "Launch bonus", ProductId = 5, BonusPerDeal = 1_000m }],
        };

        var terms = CompPlanTerms.From(stored);

        Assert.Equal(PayoutMode.Marginal, terms.Mode);
        Assert.Equal([new RateTier(0m, 6m), new RateTier(100m, 9m)], terms.Tiers);
        Assert.Equal(3m, terms.CapMultiple);
        Assert.Equal(new SpifRule("Launch bonus", 5, 1_000m, new DateOnly(2025, 7, 1), DateOnly.MaxValue), Assert.Single(terms.Spifs));
        Assert.Empty(CompPlanValidator.Validate(terms));
    }
}
