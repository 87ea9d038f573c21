using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;

namespace SalesOps.Tests.Incentives;

/// <summary>The hand-worked example: tiers 0% → 2%, 50% → 5%, 100% → 8%, quota 100,000, deals A, B, C.</summary>
internal static class IncentiveExamples
{
    public const decimal Quota = 100_000m;
    public const int SpifProduct = 7;

    public static readonly Period Q1 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
    public static readonly Period Q2 = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30));

    public static readonly WonDeal A = new(1, "A", 30_000m, new DateOnly(2026, 1, 10));
    public static readonly WonDeal B = new(2, "B", 40_000m, new DateOnly(2026, 2, 10));
    public static readonly WonDeal C = new(3, "C", 50_000m, new DateOnly(2026, 3, 10));

    public static CompPlanTerms Plan(PayoutMode mode = PayoutMode.Marginal, decimal? capMultiple = null, decimal? capAmount = null) =>
        new("Example plan", mode, [new(0m, 2m), new(50m, 5m), new(100m, 8m)], new DateOnly(2026, 1, 1), null, capMultiple, capAmount);

    public static SpifRule Spif(DateOnly? from = null, DateOnly? to = null) =>
        new("Launch bonus", SpifProduct, 1_000m, from ?? Q1.Start, to ?? Q1.End);

    public static StatementRequest Request(CompPlanTerms plan, params WonDeal[] deals) => new(plan, Quota, Q1, deals);

    public static CommissionStatement Compute(CompPlanTerms plan, params WonDeal[] deals) => CommissionEngine.Compute(Request(plan, deals));

    /// <summary>The promise every statement keeps: its total is the exact sum of its lines, and every line is in cents.</summary>
    public static void AssertAddsUp(CommissionStatement statement)
    {
        var sum = 0m;
        foreach (var line in statement.Lines)
        {
            Assert.Equal(decimal.Round(line.Paid, 2), line.Paid);
            if (line.Kind == StatementLineKind.Deal)
                Assert.Equal(line.Slices.Sum(s => s.Paid), line.Paid);
            sum += line.Paid;
        }

        Assert.Equal(sum, statement.Total);
    }
}
