using Bunit;
using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Incentives;

namespace SalesOps.Tests.Incentives;

public class StatementViewTests : BunitTest
{
    [Fact]
    public void A_statement_lists_every_line_with_its_exact_payment_and_the_exact_total()
    {
        var quarter = new Period(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));
        var plan = new CompPlanTerms("Plan", PayoutMode.Marginal, [new RateTier(0, 6m), new RateTier(100, 9m)], new DateOnly(2026, 1, 1))
        {
            Spifs = [new SpifRule("Launch bonus", 5, 1_000m, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))],
        };
        var statement = CommissionEngine.Compute(new StatementRequest(plan, 100_000m, quarter,
        [
            new WonDeal(11, "Northwind – Suite", 80_000.10m, new DateOnly(2026, 10, 5)),
            new WonDeal(12, "Contoso – Analytics", 40_000m, new DateOnly(2026, 11, 2), ProductId: 5),
        ]));

        var cut = Render<StatementView>(p => p.Add(c => c.Statement, new RepStatement(7, "Robert Chen", "East Field", "2026-Q4", "Plan", statement)));

        Assert.Equal("7", cut.Find("[data-statement-rep-id]").GetAttribute("data-statement-rep-id"));
        var lines = cut.FindAll("[data-statement-line]");
        Assert.Equal(["Deal", "Deal", "Spif"], lines.Select(l => l.GetAttribute("data-statement-line")));
        // Running totals rounded to the cent: 4,800.006 → 4,800.01; then 6,000.000 and 7,800.009 → 7,800.01, so the second deal pays 3,000.00.
        Assert.Equal(["4800.01", "3000.00", "1000"], lines.Select(l => l.GetAttribute("data-paid")));
        Assert.Equal("8800.01", cut.Find("[data-statement-total]").GetAttribute("data-statement-total"));
        Assert.EndsWith("/7/2026-Q4.csv", cut.Find("a[download]").GetAttribute("href"));
    }
}
