using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Incentives;

public enum LeaderboardPeriod { Month, Quarter, Year, Custom }

/// <summary>
/// What the leaderboard ranks, over which days, and whom it lists; every field lives in the URL. With a contest, the
/// contest's metric, days, team and participants replace the metric, period and team asked for.
/// </summary>
public sealed record LeaderboardFilter(
    LeaderboardMetric Metric = LeaderboardMetric.Attainment,
    LeaderboardPeriod Period = LeaderboardPeriod.Quarter,
    DateOnly? From = null,
    DateOnly? To = null,
    int? TeamId = null,
    int? TerritoryId = null,
    SalesChannel? Channel = null,
    int? ContestId = null)
{
    public static readonly LeaderboardFilter Default = new();

    /// <summary>The days ranked. A custom period without both ends, or with them reversed, falls back to the quarter.</summary>
    public Period Resolve(DateOnly today) => Period switch
    {
        LeaderboardPeriod.Month => new Period(new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1)),
        LeaderboardPeriod.Year => new Period(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
        LeaderboardPeriod.Custom when From is { } from && To is { } to && from <= to && to.DayNumber - from.DayNumber <= 3 * 366 => new Period(from, to),
        _ => Shared.Kpis.Period.QuarterOf(today),
    };
}

/// <summary>One row as the page shows it: the ranking plus the aggregates behind it (never a deal of the rep).</summary>
/// <param name="Quota">The quota for the ranked period (prorated from the quarterly quotas; scaled in fair mode); 0 when none.</param>
public sealed record LeaderboardEntry(LeaderboardRow Row, int TeamId, string TeamName, decimal WonRevenue, int DealsWon, decimal Quota)
{
    public int RepId => Row.RepId;

    /// <summary>Won revenue ÷ quota, for the progress bar (percent, not capped); null without a quota.</summary>
    public decimal? QuotaProgress => Quota > 0 ? WonRevenue * 100 / Quota : null;
}

public sealed record Leaderboard(DateTime AsOf, Period Period, LeaderboardMetric Metric, IReadOnlyList<LeaderboardEntry> Entries);

/// <summary>The choices of the leaderboard's filters.</summary>
/// <param name="Contests">Contests running today, whose metric the board can rank by.</param>
public sealed record LeaderboardChoices(IReadOnlyList<Pipeline.FilterChoice> Teams, IReadOnlyList<Pipeline.FilterChoice> Territories, IReadOnlyList<Pipeline.FilterChoice> Contests);

/// <summary>A won deal as the celebration shows it to everyone watching a leaderboard.</summary>
public sealed record Celebration(int DealId, int RepId, string RepName, string Account, decimal Amount);

/// <summary>
/// Reads the incentive leaderboard. Scope: every signed-in user sees the whole company's board (it is a motivation
/// tool: a rep must see whom they are chasing), narrowed by team, territory or channel only when asked. That is safe
/// because the board shows per-rep aggregates only (won revenue, deal count, quota) — never a deal, an account or a
/// pay figure of another rep. The one exception is the celebration of a win, which the business wants everyone to see.
/// </summary>
public sealed class LeaderboardService(IDbContextFactory<SalesOpsDbContext> factory, StageCatalog stages, SharedReads shared, TimeProvider clock)
{
    /// <param name="today">The user's today: its deals are left out of the start-of-day standings that movement compares with.</param>
    /// <remarks>
    /// The board is the same for everyone who asks for the same filter and day, so every open leaderboard (and wall
    /// screen) that re-ranks on a win shares one read.
    /// </remarks>
    public Task<Leaderboard> LoadAsync(LeaderboardFilter filter, DateOnly today, CancellationToken cancellationToken = default) =>
        shared.GetAsync(new BoardKey(filter, today), () => ReadAsync(filter, today, CancellationToken.None), cancellationToken);

    private async Task<Leaderboard> ReadAsync(LeaderboardFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var wonId = stages.WonId;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        var reps = db.Reps.AsNoTracking().Where(r => r.Active);
        if (filter.ContestId is { } contestId)
        {
            var contest = await db.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contestId, cancellationToken);
            if (contest is null)
            {
                return new Leaderboard(clock.GetUtcNow().UtcDateTime, filter.Resolve(today), filter.Metric, []);
            }

            filter = filter with
            {
                Metric = LeaderboardRanking.For(contest.Metric),
                Period = LeaderboardPeriod.Custom,
                From = contest.StartsOn,
                To = contest.EndsOn,
                TeamId = contest.TeamId ?? filter.TeamId,
            };
            if (contest.RepIds.Count > 0)
            {
                reps = reps.Where(r => contest.RepIds.Contains(r.Id));
            }
        }

        var period = filter.Resolve(today);
        if (filter.TeamId is { } teamId)
        {
            reps = reps.Where(r => r.TeamId == teamId);
        }

        if (filter.Channel is { } channel)
        {
            reps = reps.Where(r => r.Channel == channel);
        }

        if (filter.TerritoryId is { } territoryId)
        {
            // A rep works a territory when they own it or own accounts in it.
            reps = reps.Where(r => db.Territories.Any(t => t.Id == territoryId && t.OwnerRepId == r.Id)
                || db.Accounts.Any(a => a.TerritoryId == territoryId && a.OwnerRepId == r.Id));
        }

        var people = await reps.Select(r => new { r.Id, r.Name, r.TeamId, Team = r.Team!.Name }).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();

        var wonInPeriod = db.Deals.AsNoTracking()
            .Where(d => d.StageId == wonId && d.ClosedOn >= period.Start && d.ClosedOn <= period.End && ids.Contains(d.OwnerRepId));
        var won = await Totals(wonInPeriod, cancellationToken);
        var wonToday = period.Contains(today) ? await Totals(wonInPeriod.Where(d => d.ClosedOn == today), cancellationToken) : [];

        var newPipeline = filter.Metric == LeaderboardMetric.NewPipeline
            ? await db.Deals.AsNoTracking()
                .Where(d => d.CreatedOn >= period.Start && d.CreatedOn <= period.End && ids.Contains(d.OwnerRepId))
                .GroupBy(d => d.OwnerRepId)
                .Select(g => new { RepId = g.Key, Amount = g.Sum(d => d.Amount) })
                .ToDictionaryAsync(x => x.RepId, x => x.Amount, cancellationToken)
            : [];

        var quotas = await db.Quotas.AsNoTracking()
            .Where(q => q.RepId != null && ids.Contains(q.RepId.Value) && q.Metric == QuotaMetric.WonRevenue
                && q.PeriodStart <= period.End && q.PeriodEnd >= period.Start)
            .Select(q => new { RepId = q.RepId!.Value, q.PeriodStart, q.PeriodEnd, q.Amount })
            .ToListAsync(cancellationToken);
        var quotaFor = quotas
            .GroupBy(q => q.RepId)
            .ToDictionary(g => g.Key, g => g.Sum(q => Prorated(q.Amount, new Period(q.PeriodStart, q.PeriodEnd), period)));

        // Territory potential for fair mode: the summed potential scores (0–100) of the accounts the rep owns.
        var potential = filter.Metric == LeaderboardMetric.FairAttainment
            ? await db.Accounts.AsNoTracking()
                .Where(a => a.OwnerRepId != null && ids.Contains(a.OwnerRepId.Value))
                .GroupBy(a => a.OwnerRepId!.Value)
                .Select(g => new { RepId = g.Key, Potential = g.Sum(a => a.PotentialScore) })
                .ToDictionaryAsync(x => x.RepId, x => (decimal)x.Potential, cancellationToken)
            : [];

        RepStanding Standing(int id, string name, (decimal Amount, int Count) minus)
        {
            var (amount, count) = won.GetValueOrDefault(id);
            return new RepStanding(id, name, amount - minus.Amount, count - minus.Count, quotaFor.GetValueOrDefault(id), potential.GetValueOrDefault(id))
            {
                NewPipeline = newPipeline.GetValueOrDefault(id),
            };
        }

        var now = people.Select(p => Standing(p.Id, p.Name, default)).ToList();
        var startOfDay = people.Select(p => Standing(p.Id, p.Name, wonToday.GetValueOrDefault(p.Id))).ToList();
        var rows = LeaderboardRanking.Rank(now, filter.Metric, startOfDay);

        var byId = people.ToDictionary(p => p.Id);
        var entries = rows.Select(r =>
        {
            var (amount, count) = won.GetValueOrDefault(r.RepId);
            return new LeaderboardEntry(r, byId[r.RepId].TeamId, byId[r.RepId].Team, amount, count, r.ScaledQuota ?? quotaFor.GetValueOrDefault(r.RepId));
        }).ToList();
        return new Leaderboard(clock.GetUtcNow().UtcDateTime, period, filter.Metric, entries);
    }

    public async Task<LeaderboardChoices> ChoicesAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return new LeaderboardChoices(
            await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new Pipeline.FilterChoice(t.Id, t.Name)).ToListAsync(cancellationToken),
            await db.Territories.AsNoTracking().OrderBy(t => t.Name).Select(t => new Pipeline.FilterChoice(t.Id, t.Name)).ToListAsync(cancellationToken),
            await db.Contests.AsNoTracking().Where(c => c.StartsOn <= today && c.EndsOn >= today).OrderBy(c => c.EndsOn).ThenBy(c => c.Name)
                .Select(c => new Pipeline.FilterChoice(c.Id, c.Name)).ToListAsync(cancellationToken));
    }

    /// <summary>The rep, account and amount of a won deal, for the celebration; null when it is not (or no longer) won.</summary>
    /// <remarks>Every open leaderboard asks when a deal is won, so they share one read.</remarks>
    public Task<Celebration?> CelebrationAsync(int dealId, CancellationToken cancellationToken = default) =>
        shared.GetAsync(new CelebrationKey(dealId), () => ReadCelebrationAsync(dealId, CancellationToken.None), cancellationToken);

    private async Task<Celebration?> ReadCelebrationAsync(int dealId, CancellationToken cancellationToken)
    {
        var wonId = stages.WonId;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Deals.AsNoTracking()
            .Where(d => d.Id == dealId && d.StageId == wonId)
            .Select(d => new Celebration(d.Id, d.OwnerRepId, d.OwnerRep!.Name, d.Account == null ? "" : d.Account.Name, d.Amount))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The part of a quota that falls in the ranked period, by days: a quarter's quota of 90,000 over 92 days counts
    /// 30,000 for a 31-day month inside it (rounded to the cent), and whole for a year that contains the quarter.
    /// </summary>
    public static decimal Prorated(decimal amount, Period quotaPeriod, Period ranked)
    {
        var start = quotaPeriod.Start > ranked.Start ? quotaPeriod.Start : ranked.Start;
        var end = quotaPeriod.End < ranked.End ? quotaPeriod.End : ranked.End;
        if (end < start)
        {
            return 0;
        }

        var days = quotaPeriod.End.DayNumber - quotaPeriod.Start.DayNumber + 1;
        var overlap = end.DayNumber - start.DayNumber + 1;
        return overlap == days ? amount : decimal.Round(amount * overlap / days, 2, MidpointRounding.AwayFromZero);
    }

    private static async Task<Dictionary<int, (decimal Amount, int Count)>> Totals(IQueryable<Deal> deals, CancellationToken cancellationToken) =>
        (await deals
            .GroupBy(d => d.OwnerRepId)
            .Select(g => new { RepId = g.Key, Amount = g.Sum(d => d.Amount), Count = g.Count() })
            .ToListAsync(cancellationToken))
        .ToDictionary(x => x.RepId, x => (x.Amount, x.Count));

    private sealed record BoardKey(LeaderboardFilter Filter, DateOnly Today);

    private sealed record CelebrationKey(int DealId);
}
