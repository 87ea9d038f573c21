using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data;

namespace SalesOps.Web.Features.Insights;

/// <summary>One past quarter: what each method said at its start, and what was won.</summary>
public sealed record BacktestQuarter(Period Quarter, decimal Weighted, ForecastValue History, decimal Actual);

/// <param name="WeightedAccuracy">1 − weighted absolute error over the backtested quarters (see <see cref="ForecastEngine.Accuracy"/>).</param>
public sealed record RepAccuracy(int RepId, string Name, decimal Actual, double? WeightedAccuracy, double? HistoryAccuracy);

public sealed record ForecastReport(
    DateOnly AsOf,
    QuarterForecast ThisQuarter,
    QuarterForecast NextQuarter,
    IReadOnlyList<BacktestQuarter> Backtest,
    IReadOnlyList<RepAccuracy> Reps,
    int LearnedFrom);

/// <summary>
/// This and next quarter's forecast by every method, and a backtest of the past quarters: each quarter's open deals
/// are rebuilt as they stood on its first day from the stage history, and forecast with a model learned only from
/// deals closed before that day. Deals and histories are streamed; only sums are kept.
/// </summary>
/// <remarks>
/// The backtest knows each deal's stage on the day from its history, but not the probability or forecast category
/// it had then (those are not versioned): it uses the stage's default probability, and commit and best case are
/// not backtested.
/// </remarks>
public sealed class ForecastService(IDbContextFactory<SalesOpsDbContext> factory, StageCatalog stages)
{
    public const int BacktestQuarters = 4;

    public async Task<ForecastReport> LoadAsync(Actor actor, DateOnly today, CancellationToken cancellationToken = default)
    {
        var thisQuarter = Period.QuarterOf(today);
        var nextQuarter = Period.QuarterOf(thisQuarter.End.AddDays(1));
        var past = Enumerable.Range(1, BacktestQuarters).Select(i => Period.QuarterOf(thisQuarter.Start.AddMonths(-3 * i))).Reverse().ToList();
        int wonId = stages.WonId, lostId = stages.LostId;

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deals = db.Deals.AsNoTracking().VisibleTo(actor.DealScope);

        // Models: one for today, one per backtested quarter (learned only from what had closed before it began).
        var now = new StageHistoryModel();
        var models = past.Select(_ => new StageHistoryModel()).ToArray();
        var closed = from change in db.DealStageChanges.AsNoTracking()
                     join deal in deals.WonOrLost(stages) on change.DealId equals deal.Id
                     orderby change.DealId, change.ChangedAt, change.Id
                     select new { change.DealId, change.ToStageId, change.ChangedAt, deal.StageId, deal.ClosedOn };
        await foreach (var (head, visits) in ByDeal(closed.AsAsyncEnumerable(), r => r.DealId, r => new StageVisit(r.ToStageId, r.ChangedAt), cancellationToken))
        {
            var closedOn = head.ClosedOn ?? DateOnly.MinValue;
            var won = head.StageId == wonId;
            if (closedOn <= today)
            {
                now.Learn(visits, won, closedOn);
            }

            for (var k = 0; k < past.Count; k++)
            {
                if (closedOn < past[k].Start)
                {
                    models[k].Learn(visits, won, closedOn);
                }
            }
        }

        // Today: won so far this quarter, and every open deal as it stands.
        var wonThisQuarter = await deals.Where(d => d.StageId == wonId).ClosedIn(thisQuarter).SumAsync(d => d.Amount, cancellationToken);
        var thisSum = new ForecastSum(thisQuarter, today, now);
        var nextSum = new ForecastSum(nextQuarter, today, now);
        await foreach (var d in deals.Open(stages)
                           .Select(d => new { d.OwnerRepId, d.StageId, d.Amount, d.Probability, d.ForecastCategory, d.ExpectedClose, d.StageEnteredAt })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var state = new OpenDealState(d.OwnerRepId, d.StageId, d.Amount, d.Probability, d.ForecastCategory, d.ExpectedClose, DateOnly.FromDateTime(d.StageEnteredAt));
            thisSum.Add(state);
            nextSum.Add(state);
        }

        // The past: every deal open on some backtested quarter's first day, with its stage on that day.
        var first = past[0].Start;
        var probability = stages.All.ToDictionary(s => s.Id, s => s.DefaultProbability);
        var sums = past.Select((q, k) => new Dictionary<int, ForecastSum>()).ToArray();
        var wasOpen = from change in db.DealStageChanges.AsNoTracking()
                      join deal in deals on change.DealId equals deal.Id
                      where deal.CreatedOn < thisQuarter.Start && (deal.ClosedOn == null || deal.ClosedOn >= first)
                      orderby change.DealId, change.ChangedAt, change.Id
                      select new { change.DealId, change.ToStageId, change.ChangedAt, deal.OwnerRepId, deal.Amount, deal.ExpectedClose, deal.CreatedOn, deal.ClosedOn };
        await foreach (var (head, visits) in ByDeal(wasOpen.AsAsyncEnumerable(), r => r.DealId, r => new StageVisit(r.ToStageId, r.ChangedAt), cancellationToken))
        {
            for (var k = 0; k < past.Count; k++)
            {
                var start = past[k].Start;
                if (head.CreatedOn >= start || head.ClosedOn < start)
                {
                    continue;
                }

                var on = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var visit = visits.LastOrDefault(v => v.EnteredAt < on);
                if (visit == default || visit.StageId == wonId || visit.StageId == lostId)
                {
                    continue;
                }

                if (!sums[k].TryGetValue(head.OwnerRepId, out var sum))
                {
                    sums[k][head.OwnerRepId] = sum = new ForecastSum(past[k], start, models[k]);
                }

                sum.Add(new OpenDealState(head.OwnerRepId, visit.StageId, head.Amount, probability.GetValueOrDefault(visit.StageId), ForecastCategory.Pipeline,
                    head.ExpectedClose, DateOnly.FromDateTime(visit.EnteredAt)));
            }
        }

        var actual = await deals.Where(d => d.StageId == wonId).ClosedIn(new Period(first, thisQuarter.Start.AddDays(-1)))
            .GroupBy(d => new { d.OwnerRepId, d.ClosedOn!.Value.Year, d.ClosedOn!.Value.Month })
            .Select(g => new { g.Key.OwnerRepId, g.Key.Year, g.Key.Month, Amount = g.Sum(d => d.Amount) })
            .ToListAsync(cancellationToken);
        decimal ActualOf(int k, int? rep) => actual
            .Where(a => (rep is null || a.OwnerRepId == rep) && past[k].Contains(new DateOnly(a.Year, a.Month, 1)))
            .Sum(a => a.Amount);

        var perRep = sums.Select(s => s.ToDictionary(p => p.Key, p => p.Value.Result(0))).ToArray();
        var backtest = past.Select((q, k) =>
        {
            var forecasts = perRep[k].Values.ToList();
            var low = forecasts.Sum(f => f.History.Expected) - Spread(forecasts);
            var high = forecasts.Sum(f => f.History.Expected) + Spread(forecasts);
            var expected = forecasts.Sum(f => f.History.Expected);
            return new BacktestQuarter(q, forecasts.Sum(f => f.Weighted), new ForecastValue(expected, Math.Max(0, low), high), ActualOf(k, null));
        }).ToList();

        var repIds = perRep.SelectMany(r => r.Keys).Concat(actual.Select(a => a.OwnerRepId)).Distinct().ToList();
        var names = await db.Reps.AsNoTracking().Where(r => repIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var reps = repIds.Select(rep =>
            {
                var quarters = Enumerable.Range(0, past.Count)
                    .Select(k => (F: perRep[k].GetValueOrDefault(rep), Actual: ActualOf(k, rep)))
                    .ToList();
                return new RepAccuracy(
                    rep,
                    names.GetValueOrDefault(rep, "?"),
                    quarters.Sum(q => q.Actual),
                    ForecastEngine.Accuracy(quarters.Select(q => (q.F?.Weighted ?? 0, q.Actual))),
                    ForecastEngine.Accuracy(quarters.Select(q => (q.F?.History.Expected ?? 0, q.Actual))));
            })
            .OrderByDescending(r => r.Actual)
            .ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();

        return new ForecastReport(today, thisSum.Result(wonThisQuarter), nextSum.Result(0), backtest, reps, now.Deals);
    }

    /// <summary>
    /// The company band from per-rep bands: the reps' spreads are independent, so their squares add
    /// (each rep's spread is half its band's width).
    /// </summary>
    private static decimal Spread(IEnumerable<QuarterForecast> forecasts) =>
        decimal.Round((decimal)Math.Sqrt(forecasts.Sum(f => Math.Pow((double)(f.History.High - f.History.Expected), 2))), 2);

    /// <summary>Rows ordered by deal, folded into (first row, visits) per deal.</summary>
    private static async IAsyncEnumerable<(T Head, List<StageVisit> Visits)> ByDeal<T>(
        IAsyncEnumerable<T> rows, Func<T, int> dealOf, Func<T, StageVisit> visitOf,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var visits = new List<StageVisit>();
        T? head = default;
        var current = -1;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (dealOf(row) != current)
            {
                if (current != -1)
                {
                    yield return (head!, visits);
                    visits = [];
                }

                head = row;
                current = dealOf(row);
            }

            visits.Add(visitOf(row));
        }

        if (current != -1)
        {
            yield return (head!, visits);
        }
    }
}
