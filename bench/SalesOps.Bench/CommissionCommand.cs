using System.Diagnostics;
using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;

namespace SalesOps.Bench;

/// <summary>
/// <c>commission [--reps 1000] [--deals-per-rep 40] [--iterations 10] [--seed 1]</c>: the commission engine in memory,
/// statements for every rep over one quarter, plus the "pays you $X if won now" figure for one open deal per rep and
/// the leaderboard over them. No database: this is the engine's own cost.
/// </summary>
public static class CommissionCommand
{
    private static readonly LatencyGoal Goal = new("max", 2_000);
    private static readonly Period Quarter = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
    private const int SpifProduct = 5;

    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var reps = args.Number("reps", 1, 1_000_000) ?? 1_000;
        var dealsPerRep = args.Number("deals-per-rep", 1, 10_000) ?? 40;
        var iterations = args.Number("iterations", 1, 1_000) ?? 10;
        var seed = args.Number("seed", 0, int.MaxValue) ?? 1;
        args.EnsureAllRead();

        // The demo company's plan, with a dated SPIF as the issue asks for.
        var plan = new CompPlanTerms("FY Standard AE plan", PayoutMode.Marginal, [new(0m, 6m), new(100m, 9m), new(125m, 12m)], Quarter.Start, CapMultiple: 3m)
        {
            Spifs = [new SpifRule("Launch bonus", SpifProduct, 1_000m, Quarter.Start, Quarter.End)],
        };
        var book = Book(reps, dealsPerRep, plan, new Random(seed));
        var deals = book.Sum(r => r.Request.WonDeals.Count);

        var report = new Report("SalesOps commission engine, in memory").WithMachine();
        report.Context($"{Report.Count(reps)} reps × one quarter, {Report.Count(deals)} won deals (≈ {dealsPerRep} per rep, amounts 1,000–40,000, one in eight of the SPIF product); marginal plan 0% → 6%, 100% → 9%, 125% → 12%, cap 3×");
        report.Context($"One pass = a statement for every rep + \"pays if won now\" for one open deal per rep (two more statements each) + the fair-attainment leaderboard with movement; {iterations} passes after one warm-up");
        Console.WriteLine($"Computing {Report.Count(reps)} statements per pass, {iterations} passes…");

        Pass(book);
        var statementsOnly = new List<double>();
        var passes = new List<double>();
        var total = 0m;
        for (var i = 0; i < iterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            total = book.Sum(r => CommissionEngine.Compute(r.Request).Total);
            statementsOnly.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            Pass(book);
            passes.Add(clock.Elapsed.TotalMilliseconds);
        }

        report.Latency($"Statements for {Report.Count(reps)} reps", Percentiles.Of(statementsOnly), Goal);
        report.Latency("Full pass (statements + pays if won now + leaderboard)", Percentiles.Of(passes), Goal);
        report.Value("Mean per statement", Report.Ms(statementsOnly.Average() / reps));
        report.Value("Total payout of the book (a check that the work was done)", total.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture));
        await report.PublishAsync(BenchPaths.Results("commission-latest.md"));
        return 0;
    }

    private sealed record RepBook(int RepId, StatementRequest Request, WonDeal OpenDeal, decimal Potential);

    private static void Pass(List<RepBook> book)
    {
        var standings = new List<RepStanding>(book.Count);
        foreach (var rep in book)
        {
            var statement = CommissionEngine.Compute(rep.Request);
            CommissionEngine.PaysIfWonNow(rep.Request, rep.OpenDeal);
            standings.Add(new RepStanding(rep.RepId, $"Rep {rep.RepId}", statement.CreditedRevenue, rep.Request.WonDeals.Count, rep.Request.Quota, rep.Potential));
        }

        LeaderboardRanking.Rank(standings, LeaderboardMetric.FairAttainment, standings);
    }

    /// <summary>Quotas of 240,000–560,000 a quarter against ≈ 40 deals averaging ≈ 10,600: attainment spreads from well under to well over 100%, so every tier and the cap are exercised.</summary>
    private static List<RepBook> Book(int reps, int dealsPerRep, CompPlanTerms plan, Random random)
    {
        var book = new List<RepBook>(reps);
        var days = Quarter.End.DayNumber - Quarter.Start.DayNumber + 1;
        var dealId = 0;
        for (var rep = 1; rep <= reps; rep++)
        {
            var count = Math.Max(1, (int)(dealsPerRep * (0.5 + random.NextDouble())));
            var deals = Enumerable.Range(0, count)
                .Select(_ => new WonDeal(
                    ++dealId,
                    $"Deal {dealId}",
                    decimal.Round((decimal)(1_000 * Math.Pow(40, random.NextDouble())), 2),
                    Quarter.Start.AddDays(random.Next(days)),
                    random.Next(8) == 0 ? SpifProduct : 1))
                .OrderBy(d => d.ClosedOn)
                .ToList();
            var quota = 1_000m * random.Next(240, 561);
            var open = new WonDeal(++dealId, $"Deal {dealId}", 25_000m, Quarter.End, SpifProduct);
            book.Add(new RepBook(rep, new StatementRequest(plan, quota, Quarter, deals), open, random.Next(20, 200)));
        }

        return book;
    }
}
