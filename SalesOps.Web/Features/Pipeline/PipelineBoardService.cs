using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;
using SalesOps.Shared.Pipeline;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Pipeline;

/// <summary>
/// Reads the pipeline board: column totals over every deal that matches the filter (never only the loaded cards),
/// and the first cards of each column. Open stages hold open deals; Won and Lost hold the deals closed in the
/// filter's window, so the board never turns into a graveyard of old deals.
/// </summary>
public sealed class PipelineBoardService(
    IDbContextFactory<SalesOpsDbContext> factory,
    StageCatalog stages,
    StalenessCache staleness,
    SharedReads shared,
    TimeProvider clock)
{
    /// <summary>Cards per column before "show more": a column shows about five at a time, and every card costs render time.</summary>
    public const int PageSize = 20;

    /// <summary>
    /// The board for this actor and filter. A change makes every open board reload at once; boards that show the
    /// same scope, filter and page sizes as of the same change share one read instead of repeating it.
    /// </summary>
    /// <param name="today">The user's today: it decides the Won and Lost columns' window and which deals are late.</param>
    /// <param name="cardsPerStage">How many cards each column shows (defaults to one page); totals always cover all.</param>
    /// <param name="sorts">How each column orders its cards (a column not listed: latest movers first).</param>
    public Task<Board> LoadAsync(Actor actor, BoardFilter filter, DateOnly today, IReadOnlyDictionary<int, int>? cardsPerStage = null,
        IReadOnlyDictionary<int, CardSort>? sorts = null, CancellationToken cancellationToken = default)
    {
        filter = filter.Sanitized();
        var key = new BoardKey(actor.DealScope, filter, today,
            SharedReads.KeyOf(cardsPerStage) + "|" + SharedReads.KeyOf(sorts?.Where(kv => kv.Value != CardSort.LastMoved).ToDictionary()));
        // Several boards wait on one read: one of them leaving must not cancel it for the others.
        return shared.GetAsync(key, () => ReadAsync(actor, filter, today, cardsPerStage, sorts, CancellationToken.None), cancellationToken);
    }

    /// <summary>Reads the board from the database, unshared (what <see cref="LoadAsync"/> does once per change).</summary>
    public async Task<Board> ReadAsync(Actor actor, BoardFilter filter, DateOnly today, IReadOnlyDictionary<int, int>? cardsPerStage = null,
        IReadOnlyDictionary<int, CardSort>? sorts = null, CancellationToken cancellationToken = default)
    {
        filter = filter.Sanitized();
        var now = clock.GetUtcNow().UtcDateTime;
        var period = filter.ClosedPeriod(today);
        var totals = await TotalsAsync(actor, filter, today, cancellationToken);
        var stale = await staleness.GetAsync(cancellationToken);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var columns = new List<BoardColumn>();
        foreach (var stage in stages.All)
        {
            var take = cardsPerStage?.GetValueOrDefault(stage.Id, PageSize) ?? PageSize;
            var stageTotals = totals.Stages.Single(s => s.StageId == stage.Id);
            var cards = stageTotals.Count == 0 ? [] : await CardsAsync(db, actor, filter, stage, period, take, sorts?.GetValueOrDefault(stage.Id) ?? CardSort.LastMoved, stale, now, today, cancellationToken);
            columns.Add(new BoardColumn(stage, stageTotals, cards));
        }

        return new Board(now, period, columns);
    }

    /// <summary>Count, amount and weighted amount per stage over every matching deal.</summary>
    public async Task<PipelineTotals> TotalsAsync(Actor actor, BoardFilter filter, DateOnly today, CancellationToken cancellationToken = default)
    {
        filter = filter.Sanitized();
        var period = filter.ClosedPeriod(today);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deals = Filtered(db, actor, filter);
        // Two queries, not one with OR: each can then seek its own index.
        var open = await deals.Open(stages).ToStageSlicesAsync(cancellationToken);
        var closed = await deals.WonOrLost(stages).ClosedIn(period).ToStageSlicesAsync(cancellationToken);
        return PipelineCalculator.Summarize(open.Concat(closed), stages.OrderedIds);
    }

    /// <param name="today">The user's today, for whether the deal is late.</param>
    public async Task<DealDetails?> DetailsAsync(Actor actor, int dealId, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var visible = db.Deals.AsNoTracking().VisibleTo(actor.DealScope).Where(d => d.Id == dealId);
        var row = await visible.AsCardRows().FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var deal = await visible
            .Select(d => new
            {
                d.ForecastCategory, d.CreatedOn, d.LostReason, Product = d.Product == null ? null : d.Product.Name,
                Territory = d.Account!.Territory == null ? null : d.Account.Territory.Name,
            })
            .FirstAsync(cancellationToken);

        var history = await db.DealStageChanges.AsNoTracking()
            .Where(h => h.DealId == dealId)
            .OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id)
            .Select(h => new { h.FromStageId, h.ToStageId, h.ChangedAt, h.ChangedBy })
            .ToListAsync(cancellationToken);
        // Who changed it last, so an open drawer can say who changed the deal under its user's edits.
        var lastChangedBy = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Deal) && a.EntityId == dealId.ToString(CultureInfo.InvariantCulture))
            .OrderByDescending(a => a.Id)
            .Select(a => a.Actor)
            .FirstOrDefaultAsync(cancellationToken);
        var stale = await staleness.GetAsync(cancellationToken);
        var card = ToCard(row, stages.Find(row.StageId)!, stale, clock.GetUtcNow().UtcDateTime, today);
        return new DealDetails(card, deal.Product, deal.Territory, deal.ForecastCategory, deal.CreatedOn, deal.LostReason, row.Channel,
            actor.CanChangeDeal(row.OwnerRepId, row.TeamId),
            history.Select(h => new StageVisit(h.FromStageId is { } f ? stages.Find(f)?.Name : null, stages.Find(h.ToStageId)?.Name ?? "?", h.ChangedAt, h.ChangedBy)).ToList(),
            lastChangedBy);
    }

    /// <summary>The teams, reps, territories and products an actor can filter by.</summary>
    public async Task<BoardChoices> ChoicesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var scope = actor.DealScope;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var reps = db.Reps.AsNoTracking().Where(r => r.Active).VisibleTo(scope);
        var teams = db.Teams.AsNoTracking().VisibleTo(scope);

        return new BoardChoices(
            await teams.OrderBy(t => t.Name).Select(t => new FilterChoice(t.Id, t.Name)).ToListAsync(cancellationToken),
            await reps.OrderBy(r => r.Name).Select(r => new FilterChoice(r.Id, r.Name)).ToListAsync(cancellationToken),
            await db.Territories.AsNoTracking().OrderBy(t => t.Name).Select(t => new FilterChoice(t.Id, t.Name)).ToListAsync(cancellationToken),
            await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new FilterChoice(p.Id, p.Name)).ToListAsync(cancellationToken));
    }

    private static async Task<IReadOnlyList<DealCard>> CardsAsync(
        SalesOpsDbContext db, Actor actor, BoardFilter filter, Stage stage, Period period, int take, CardSort sort, Staleness stale, DateTime now, DateOnly today,
        CancellationToken cancellationToken)
    {
        var deals = Filtered(db, actor, filter).Where(d => d.StageId == stage.Id);
        if (stage.IsClosed)
        {
            deals = deals.ClosedIn(period);
        }

        // By default latest movers first: a card someone just moved shows at the top of its new column on every board.
        deals = (sort, stage.IsClosed) switch
        {
            (CardSort.Amount, _) => deals.OrderByDescending(d => d.Amount).ThenByDescending(d => d.Id),
            (CardSort.DaysInStage, _) => deals.OrderBy(d => d.StageEnteredAt).ThenBy(d => d.Id),
            (CardSort.CloseDate, false) => deals.OrderBy(d => d.ExpectedClose).ThenBy(d => d.Id),
            (_, true) => deals.OrderByDescending(d => d.ClosedOn).ThenByDescending(d => d.StageEnteredAt),
            _ => deals.OrderByDescending(d => d.StageEnteredAt).ThenByDescending(d => d.Id),
        };
        var rows = await deals.Take(Math.Clamp(take, 1, 1_000)).AsCardRows().ToListAsync(cancellationToken);
        return rows.Select(row => ToCard(row, stage, stale, now, today)).ToList();
    }

    private static DealCard ToCard(DealCardRow d, Stage stage, Staleness stale, DateTime now, DateOnly today)
    {
        var days = DaysBetween(d.StageEnteredAt, now);
        return new DealCard(d.Id, d.Name, d.Account, d.Owner, d.OwnerRepId, d.TeamId, d.StageId, d.Amount, d.Probability, d.ExpectedClose,
            d.ClosedOn, days, stale.IsStale(d.StageId, d.Channel, days, d.ExpectedClose, today, stage.IsClosed), d.Version,
            d.ClosedOn is { } closed ? Math.Max(0, closed.DayNumber - d.StartedOn.DayNumber) : null);
    }

    private static IQueryable<Deal> Filtered(SalesOpsDbContext db, Actor actor, BoardFilter f)
    {
        var deals = db.Deals.AsNoTracking().VisibleTo(actor.DealScope);
        if (f.TeamId is { } team)
        {
            deals = deals.Where(d => d.TeamId == team);
        }

        if (f.RepId is { } rep)
        {
            deals = deals.Where(d => d.OwnerRepId == rep);
        }

        if (f.TerritoryId is { } territory)
        {
            deals = deals.Where(d => d.Account!.TerritoryId == territory);
        }

        if (f.ProductId is { } product)
        {
            deals = deals.Where(d => d.ProductId == product);
        }

        if (f.Channel is { } channel)
        {
            deals = deals.Where(d => d.Channel == channel);
        }

        if (f.CloseFrom is { } from)
        {
            deals = deals.Where(d => d.ExpectedClose >= from);
        }

        if (f.CloseTo is { } to)
        {
            deals = deals.Where(d => d.ExpectedClose <= to);
        }

        if (f.MinAmount is { } min)
        {
            deals = deals.Where(d => d.Amount >= min);
        }

        if (f.MaxAmount is { } max)
        {
            deals = deals.Where(d => d.Amount <= max);
        }

        if (SearchText.ToPrefixQuery(f.Search) is { } match)
        {
            // Word-prefix lookup in the DealSearch full-text index (see its migration), not a scan of every name.
            var hits = db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM DealSearch WHERE DealSearch MATCH {match}");
            deals = deals.Where(d => hits.Contains(d.Id));
        }

        return deals;
    }

    private static int DaysBetween(DateTime from, DateTime to) => Math.Max(0, (int)(to - from).TotalDays);

    private sealed record BoardKey(DealScope Scope, BoardFilter Filter, DateOnly Today, string PageSizes);
}
