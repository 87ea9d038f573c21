using Bunit;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Incentives;

namespace SalesOps.Tests.Incentives;

/// <summary>The rep's own quarter: the next tier, the deals that close the gap, and what the page shows.</summary>
public class MyPerformanceTests : BunitTest
{
    private static readonly Period Quarter = IncentiveExamples.Q1;

    private static CommissionStatement Statement(params decimal[] amounts) =>
        CommissionEngine.Compute(new StatementRequest(IncentiveExamples.Plan(), 100_000m, Quarter,
            amounts.Select((a, i) => new WonDeal(i + 1, $"Deal {i + 1}", a, new DateOnly(2026, 1, 10 + i))).ToList()));

    private static DealPay Open(int id, decimal amount, int probability, decimal pays) =>
        new(id, $"Open {id}", "Acme", amount, probability, new DateOnly(2026, 12, 1), "2026-Q4",
            new WhatIfPayout(pays, pays, 0, 0, 0, [], null, null, null));

    private static decimal Raw(string? value) => decimal.Parse(value!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_next_tier_is_the_first_above_the_one_reached_with_the_revenue_still_needed()
    {
        // 30,000 + 40,000 = 70% of 100,000: in the 50% tier, 30,000 short of the 100% tier at 8%.
        var next = MyPerformanceService.NextTierOf(IncentiveExamples.Plan(), Statement(30_000m, 40_000m));

        Assert.Equal(new NextTier(100m, 8m, 30_000m), next);
        Assert.Null(MyPerformanceService.NextTierOf(IncentiveExamples.Plan(), Statement(30_000m, 40_000m, 50_000m)));
    }

    [Fact]
    public void Deals_that_close_the_gap_alone_come_first_likeliest_first_then_the_rest_by_pay()
    {
        var next = new NextTier(100m, 8m, 30_000m);
        var open = new[]
        {
            Open(1, 10_000m, 90, 500m),
            Open(2, 35_000m, 40, 1_900m),
            Open(3, 60_000m, 75, 4_300m),
            Open(4, 20_000m, 50, 1_000m),
        };

        Assert.Equal([3, 2, 4, 1], MyPerformanceService.BestFirst(open, next).Select(d => d.DealId));
        // At the top tier there is no gap: best paid first.
        Assert.Equal([3, 2, 4, 1], MyPerformanceService.BestFirst(open, null).Select(d => d.DealId));
    }

    [Fact]
    public void The_page_carries_attainment_pay_so_far_the_gap_and_each_deals_exact_pay()
    {
        var statement = Statement(30_000m, 40_000m);
        var next = MyPerformanceService.NextTierOf(IncentiveExamples.Plan(), statement);
        var performance = new MyPerformance(7, "Robert Chen", "2026-Q4", Quarter, "Plan", 100_000m, statement.CreditedRevenue,
            statement.AttainmentPercent, statement.Total, statement.ReachedTier, next, [Open(3, 60_000m, 75, 4_300m), Open(1, 10_000m, 90, 500m)]);

        var cut = Render<MyPerformanceView>(p => p.Add(c => c.Performance, performance));

        Assert.Equal("70", cut.Find("[data-attainment]").GetAttribute("data-attainment"));
        Assert.Equal(2_000m, Raw(cut.Find("[data-pay-so-far]").GetAttribute("data-pay-so-far")));
        Assert.Equal(30_000m, Raw(cut.Find("[data-next-tier-gap]").GetAttribute("data-next-tier-gap")));
        var deals = cut.FindAll("li[data-deal-id]");
        Assert.Equal(["3", "1"], deals.Select(d => d.GetAttribute("data-deal-id")));
        Assert.Equal(["4300", "500"], deals.Select(d => d.GetAttribute("data-pays-you")));
        Assert.Equal(["true", "false"], deals.Select(d => d.GetAttribute("data-closes-gap")));
    }
}

/// <summary>The rep's own performance on the real app: pay so far is the statement's total, and only a rep has one.</summary>
public class MyPerformanceServiceTests : AppTest
{
    [Fact]
    public async Task Pay_so_far_is_the_reps_current_statement_and_only_reps_have_a_performance()
    {
        var rep = await QueryAsync(db => db.Reps.Where(r => r.Email == DemoCompany.RepEmail).Select(r => new { r.Id, r.Name, r.TeamId }).SingleAsync());
        var actor = new Actor(rep.Name, Roles.Rep, rep.Id, rep.TeamId);
        var today = DateOnly.FromDateTime(App.Service<TimeProvider>().GetUtcNow().UtcDateTime);

        var me = await App.Service<MyPerformanceService>().LoadAsync(actor, today);
        var statement = (await App.Service<StatementService>().LoadAsync(actor, null, StatementService.Current, today)).Statement!.Statement;

        Assert.NotNull(me);
        Assert.Equal(rep.Id, me.RepId);
        Assert.Equal(statement.Total, me.PaySoFar);
        Assert.Equal(statement.AttainmentPercent, me.AttainmentPercent);
        Assert.All(me.GapDeals, d => Assert.True(d.Pays >= 0));
        Assert.Null(await App.Service<MyPerformanceService>().LoadAsync(new Actor("Mihai", Roles.Manager, null, rep.TeamId), today));
        Assert.Null(await App.Service<MyPerformanceService>().LoadAsync(new Actor("Victoria", Roles.VP), today));
    }
}
