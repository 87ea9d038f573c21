using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data;

namespace SalesOps.Web.Features.Insights;

/// <summary>What the KPIs are grouped by; <see cref="None"/> gives only the total, <see cref="Month"/> the trend.</summary>
public enum KpiGrouping { None, Rep, Team, Territory, Product, Channel, Month }

/// <param name="Key">The group's id as text: a rep, team, territory or product id, a channel name, a month (2026-10), or "none".</param>
public sealed record KpiGroup(string Key, string Name, KpiFigures Figures);

public sealed record KpiReport(Period Period, KpiGrouping GroupBy, KpiFigures Total, IReadOnlyList<KpiGroup> Groups);

/// <summary>
/// The KPIs of a period for what an actor may see, summed by SQLite: won deals come back bucketed by cycle days
/// (enough for an exact median), lost deals as counts, open deals as probability slices — never one row per deal.
/// </summary>
public sealed class KpiService(IDbContextFactory<SalesOpsDbContext> factory, StageCatalog stages)
{
    /// <summary>The longest period one call may cover (ten years): a bigger range is a mistake, not a question.</summary>
    public const int MaxDays = 3660;

    /// <summary>The key of deals without a territory or product.</summary>
    public const string NoneKey = "none";

    public async Task<KpiReport> LoadAsync(Actor actor, Period period, KpiGrouping groupBy, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deals = db.Deals.AsNoTracking().VisibleTo(actor.DealScope);
        var sums = groupBy switch
        {
            KpiGrouping.Rep => await SumAsync(deals, period, d => d.OwnerRepId, d => d.OwnerRepId, Id, cancellationToken),
            KpiGrouping.Team => await SumAsync(deals, period, d => d.TeamId, d => d.TeamId, Id, cancellationToken),
            KpiGrouping.Territory => await SumAsync(deals, period, d => d.Account!.TerritoryId, d => d.Account!.TerritoryId, Id, cancellationToken),
            KpiGrouping.Product => await SumAsync(deals, period, d => d.ProductId, d => d.ProductId, Id, cancellationToken),
            KpiGrouping.Channel => await SumAsync(deals, period, d => d.Channel, d => d.Channel, c => c.ToString(), cancellationToken),
            KpiGrouping.Month => await SumAsync(
                deals, period,
                d => d.ClosedOn!.Value.Year * 100 + d.ClosedOn!.Value.Month,
                d => d.ExpectedClose.Year * 100 + d.ExpectedClose.Month,
                m => string.Create(CultureInfo.InvariantCulture, $"{m / 100:D4}-{m % 100:D2}"),
                cancellationToken),
            _ => await SumAsync(deals, period, d => 0, d => 0, _ => "", cancellationToken),
        };

        var total = KpiCalculator.Figures(
            sums.Values.SelectMany(s => s.Won).GroupBy(b => b.CycleDays).Select(g => new WonBucket(g.Key, g.Sum(b => b.Count), g.Sum(b => b.Amount))),
            sums.Values.Sum(s => s.Lost),
            sums.Values.SelectMany(s => s.Open));
        if (groupBy == KpiGrouping.None)
        {
            return new KpiReport(period, groupBy, total, []);
        }

        var names = await NamesAsync(db, groupBy, sums.Keys, cancellationToken);
        var groups = sums
            .Select(s => new KpiGroup(s.Key, names.GetValueOrDefault(s.Key, s.Key), KpiCalculator.Figures(s.Value.Won, s.Value.Lost, s.Value.Open)))
            .OrderBy(g => groupBy == KpiGrouping.Month ? g.Key : "")
            .ThenByDescending(g => g.Figures.WonRevenue)
            .ThenBy(g => g.Name, StringComparer.CurrentCulture)
            .ToList();
        return new KpiReport(period, groupBy, total, groups);
    }

    /// <summary>
    /// The funnel of the deals won or lost in the period: their stage histories, streamed in deal order into the
    /// calculator, which keeps counts only.
    /// </summary>
    public async Task<(IReadOnlyList<FunnelStage> Stages, int Deals)> LoadFunnelAsync(Actor actor, Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var closed = db.Deals.AsNoTracking().VisibleTo(actor.DealScope).WonOrLost(stages).ClosedIn(period);
        var visits = from change in db.DealStageChanges.AsNoTracking()
                     join deal in closed on change.DealId equals deal.Id
                     orderby change.DealId, change.ChangedAt, change.Id
                     select new { change.DealId, change.ToStageId, change.ChangedAt };

        var funnel = new FunnelCalculator(stages.OpenIds, stages.WonId);
        var path = new List<StageVisit>();
        var current = -1;
        await foreach (var visit in visits.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (visit.DealId != current)
            {
                funnel.Add(path);
                path.Clear();
                current = visit.DealId;
            }

            path.Add(new StageVisit(visit.ToStageId, visit.ChangedAt));
        }

        funnel.Add(path);
        return (funnel.Stages, funnel.Deals);
    }

    /// <summary>
    /// The won-revenue quota of the reps an actor sees for the period: each quota counts by the days it shares with the
    /// period. Null when no quota overlaps it.
    /// </summary>
    public async Task<decimal?> LoadQuotaAsync(Actor actor, Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var quotas = await db.Quotas.AsNoTracking()
            .Where(q => q.RepId != null && q.Metric == QuotaMetric.WonRevenue && q.PeriodStart <= period.End && q.PeriodEnd >= period.Start)
            .VisibleTo(actor.DealScope)
            .Select(q => new { q.PeriodStart, q.PeriodEnd, q.Amount })
            .ToListAsync(cancellationToken);
        return quotas.Count == 0 ? null : quotas.Sum(q => Incentives.LeaderboardService.Prorated(q.Amount, new Period(q.PeriodStart, q.PeriodEnd), period));
    }

    /// <summary>The active reps an actor sees, counted per channel.</summary>
    public async Task<Dictionary<SalesChannel, int>> LoadRepsByChannelAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Reps.AsNoTracking().VisibleTo(actor.DealScope).Where(r => r.Active)
            .GroupBy(r => r.Channel)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Id(int? id) => id is { } value ? Id(value) : NoneKey;

    private sealed class GroupSums
    {
        public List<WonBucket> Won { get; } = [];
        public int Lost { get; set; }
        public List<OpenSlice> Open { get; } = [];
    }

    /// <summary>One row of a grouped query: the group key with what the sums need.</summary>
    private sealed class KeyedDeal<TKey>
    {
        public TKey Key { get; init; } = default!;
        public int Days { get; init; }
        public int Probability { get; init; }
        public decimal Amount { get; init; }
    }

    private async Task<Dictionary<string, GroupSums>> SumAsync<TKey>(
        IQueryable<Deal> deals,
        Period period,
        Expression<Func<Deal, TKey>> closedKey,
        Expression<Func<Deal, TKey>> openKey,
        Func<TKey, string> keyText,
        CancellationToken cancellationToken)
    {
        int wonId = stages.WonId, lostId = stages.LostId;
        var sums = new Dictionary<string, GroupSums>();
        GroupSums Of(TKey key)
        {
            var text = keyText(key);
            if (!sums.TryGetValue(text, out var s))
            {
                sums[text] = s = new GroupSums();
            }

            return s;
        }

        var won = await deals.Where(d => d.StageId == wonId).ClosedIn(period)
            .Select(Keyed(closedKey))
            .GroupBy(r => new { r.Key, r.Days })
            .Select(g => new { g.Key.Key, g.Key.Days, Count = g.Count(), Amount = g.Sum(r => r.Amount) })
            .ToListAsync(cancellationToken);
        foreach (var row in won)
        {
            Of(row.Key).Won.Add(new WonBucket(row.Days, row.Count, row.Amount));
        }

        var lost = await deals.Where(d => d.StageId == lostId).ClosedIn(period)
            .Select(Keyed(closedKey))
            .GroupBy(r => r.Key)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var row in lost)
        {
            Of(row.Key).Lost += row.Count;
        }

        var open = await deals.Open(stages).Where(d => d.ExpectedClose >= period.Start && d.ExpectedClose <= period.End)
            .Select(Keyed(openKey))
            .GroupBy(r => new { r.Key, r.Probability })
            .Select(g => new { g.Key.Key, g.Key.Probability, Count = g.Count(), Amount = g.Sum(r => r.Amount) })
            .ToListAsync(cancellationToken);
        foreach (var row in open)
        {
            Of(row.Key).Open.Add(new OpenSlice(row.Probability, row.Count, row.Amount));
        }

        return sums;
    }

    /// <summary>
    /// The row projection with the caller's key spliced in. Cycle days are engaged (or created) to closed, never
    /// negative: the same definition as <see cref="KpiCalculator.CycleDays"/>.
    /// </summary>
    private static Expression<Func<Deal, KeyedDeal<TKey>>> Keyed<TKey>(Expression<Func<Deal, TKey>> key)
    {
        Expression<Func<Deal, TKey, KeyedDeal<TKey>>> template = (d, k) => new KeyedDeal<TKey>
        {
            Key = k,
            Days = d.ClosedOn == null ? 0 : (int)Math.Max(0, SqliteFunctions.JulianDay(d.ClosedOn.Value) - SqliteFunctions.JulianDay(d.EngagedOn ?? d.CreatedOn)),
            Probability = d.Probability,
            Amount = d.Amount,
        };
        var deal = template.Parameters[0];
        var keyBody = new Substitute(key.Parameters[0], deal).Visit(key.Body)!;
        var body = new Substitute(template.Parameters[1], keyBody).Visit(template.Body)!;
        return Expression.Lambda<Func<Deal, KeyedDeal<TKey>>>(body, deal);
    }

    private sealed class Substitute(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }

    private static async Task<Dictionary<string, string>> NamesAsync(SalesOpsDbContext db, KpiGrouping groupBy, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var ids = keys.Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id >= 0).ToList();
        var names = groupBy switch
        {
            KpiGrouping.Rep => await db.Reps.Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToDictionaryAsync(r => Id(r.Id), r => r.Name, cancellationToken),
            KpiGrouping.Team => await db.Teams.Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => Id(t.Id), t => t.Name, cancellationToken),
            KpiGrouping.Territory => await db.Territories.Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => Id(t.Id), t => t.Name, cancellationToken),
            KpiGrouping.Product => await db.Products.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => Id(p.Id), p => p.Name, cancellationToken),
            _ => [],
        };
        return names;
    }
}
