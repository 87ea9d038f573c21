using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Territories;

/// <summary>
/// Reads the territory board: each territory's balance figures summed by the database over every account it holds
/// (never only the cards on screen, never only what the filter matches), and a page of its matching account cards.
/// Everyone who may open the board sees every territory; <see cref="TerritoryColumn.CanEdit"/> says where the viewer
/// may move accounts.
/// </summary>
public sealed class TerritoryBoardService(IDbContextFactory<SalesOpsDbContext> factory, StageCatalog stages, SharedReads shared, TimeProvider clock)
{
    /// <summary>Cards per column before "show more": columns hold hundreds of accounts, and every card costs render time.</summary>
    public const int PageSize = 20;

    /// <param name="today">The user's today, which "won in the last 12 months" counts back from.</param>
    /// <param name="cardsPerTerritory">How many cards each column shows (defaults to one page); figures always cover all.</param>
    /// <param name="plan">A draft plan to show instead of the live assignment: its accounts in their planned columns, its figures.</param>
    /// <remarks>
    /// Every board that shows the same filter and page sizes as of the same change shares one read (a move makes every
    /// open board and map re-read at once); only the columns' <see cref="TerritoryColumn.CanEdit"/> differ per viewer.
    /// </remarks>
    public async Task<TerritoryBoard> LoadAsync(
        Actor actor,
        TerritoryFilter filter,
        DateOnly today,
        decimal bandPercent = TerritoryBalance.DefaultBandPercent,
        IReadOnlyDictionary<int, int>? cardsPerTerritory = null,
        PlanPlacement? plan = null,
        CancellationToken cancellationToken = default)
    {
        filter = filter.Sanitized();
        bandPercent = Math.Clamp(bandPercent, 0, 1_000);
        var board = plan is null
            ? await shared.GetAsync(new BoardKey(filter, today, bandPercent, SharedReads.KeyOf(cardsPerTerritory)),
                () => ReadAsync(filter, today, bandPercent, cardsPerTerritory, null, CancellationToken.None), cancellationToken)
            : await ReadAsync(filter, today, bandPercent, cardsPerTerritory, plan, cancellationToken);
        return board with { Columns = board.Columns.Select(c => c with { CanEdit = actor.CanEditTerritory(c.TeamId) }).ToList() };
    }

    /// <summary>The board as anyone sees it (no column editable yet: <see cref="LoadAsync"/> says which the viewer may edit).</summary>
    private async Task<TerritoryBoard> ReadAsync(
        TerritoryFilter filter, DateOnly today, decimal bandPercent, IReadOnlyDictionary<int, int>? cardsPerTerritory, PlanPlacement? plan, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var territories = await db.Territories.AsNoTracking()
            .OrderBy(t => t.Id)
            .Select(t => new
            {
                t.Id, t.Name, t.Color, t.Kind, t.OwnerRepId,
                Owner = t.OwnerRep == null ? null : t.OwnerRep.Name,
                TeamId = t.OwnerRep == null ? (int?)null : t.OwnerRep.TeamId,
            })
            .ToListAsync(cancellationToken);
        var balance = plan?.Balance
            ?? TerritoryBalance.Compare(await FiguresAsync(db, territories.Select(t => (t.Id, t.Name)).ToList(), today, cancellationToken), bandPercent);
        var matching = await MatchingCountsAsync(db, filter, plan, cancellationToken);

        var columns = new List<TerritoryColumn>(territories.Count);
        foreach (var (t, row) in territories.Zip(balance))
        {
            var count = matching.GetValueOrDefault(t.Id);
            var take = Math.Clamp(cardsPerTerritory?.GetValueOrDefault(t.Id, PageSize) ?? PageSize, 1, 1_000);
            var cards = count == 0 ? [] : await CardsAsync(db, filter, t.Id, take, plan, cancellationToken);
            columns.Add(new TerritoryColumn(t.Id, t.Name, t.Color, t.Kind, t.Owner, t.OwnerRepId, t.TeamId, row, count, cards, CanEdit: false));
        }

        return new TerritoryBoard(clock.GetUtcNow().UtcDateTime, today, bandPercent, columns);
    }

    /// <summary>Every territory's balance figures against the average, in id order (what the board's column heads show).</summary>
    /// <remarks>Shared by every screen that asks as of the same change (the map asks on every move).</remarks>
    public Task<IReadOnlyList<TerritoryBalanceRow>> BalanceAsync(DateOnly today, decimal bandPercent = TerritoryBalance.DefaultBandPercent, CancellationToken cancellationToken = default)
    {
        bandPercent = Math.Clamp(bandPercent, 0, 1_000);
        return shared.GetAsync(new BalanceKey(today, bandPercent), () => ReadBalanceAsync(today, bandPercent, CancellationToken.None), cancellationToken);
    }

    private async Task<IReadOnlyList<TerritoryBalanceRow>> ReadBalanceAsync(DateOnly today, decimal bandPercent, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var territories = await db.Territories.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var figures = await FiguresAsync(db, territories.Select(t => (t.Id, t.Name)).ToList(), today, cancellationToken);
        return TerritoryBalance.Compare(figures, bandPercent);
    }

    /// <summary>
    /// The balance figures of each territory, in the order given: accounts, summed potential and distinct account
    /// owners (reps) from the accounts; open pipeline (amount, and amount × probability) from open deals; won in the
    /// 12 months up to and including <paramref name="today"/> from won deals closed then.
    /// </summary>
    private async Task<IReadOnlyList<TerritoryFigures>> FiguresAsync(
        SalesOpsDbContext db, IReadOnlyList<(int Id, string Name)> territories, DateOnly today, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.TerritoryId != null)
            .GroupBy(a => a.TerritoryId!.Value)
            .Select(g => new { TerritoryId = g.Key, Count = g.Count(), Potential = g.Sum(a => a.PotentialScore), Reps = g.Select(a => a.OwnerRepId).Distinct().Count() })
            .ToDictionaryAsync(g => g.TerritoryId, cancellationToken);
        var openIds = stages.OpenIds;
        // Grouped by probability as well, so the weighting is exact decimal arithmetic here rather than in SQLite.
        var open = await db.Deals.AsNoTracking()
            .Where(d => openIds.Contains(d.StageId) && d.Account!.TerritoryId != null)
            .GroupBy(d => new { TerritoryId = d.Account!.TerritoryId!.Value, d.Probability })
            .Select(g => new { g.Key.TerritoryId, g.Key.Probability, Amount = g.Sum(d => d.Amount) })
            .ToListAsync(cancellationToken);
        var pipelineOf = open.ToLookup(o => o.TerritoryId);
        var wonId = stages.WonId;
        var since = today.AddMonths(-12);
        var won = await db.Deals.AsNoTracking()
            .Where(d => d.StageId == wonId && d.ClosedOn > since && d.ClosedOn <= today && d.Account!.TerritoryId != null)
            .GroupBy(d => d.Account!.TerritoryId!.Value)
            .Select(g => new { TerritoryId = g.Key, Amount = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(g => g.TerritoryId, g => g.Amount, cancellationToken);

        return territories.Select(t =>
        {
            var a = accounts.GetValueOrDefault(t.Id);
            var pipeline = pipelineOf[t.Id];
            return new TerritoryFigures(
                t.Id,
                t.Name,
                a?.Count ?? 0,
                a?.Potential ?? 0,
                pipeline.Sum(o => o.Amount),
                pipeline.Sum(o => o.Amount * o.Probability / 100m),
                won.GetValueOrDefault(t.Id),
                a?.Reps ?? 0);
        }).ToList();
    }

    /// <summary>The regions and industries some account has, for the filter lists.</summary>
    public async Task<TerritoryChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var regions = await db.Accounts.AsNoTracking().Select(a => a.RegionCode).Distinct().ToListAsync(cancellationToken);
        var industries = await db.Accounts.AsNoTracking().Select(a => a.Industry).Distinct().OrderBy(i => i).ToListAsync(cancellationToken);
        return new TerritoryChoices(regions.Order(StringComparer.Ordinal).ToList(), industries);
    }

    /// <summary>How many accounts matching the filter each column holds (live, or where the plan puts them).</summary>
    private static async Task<Dictionary<int, int>> MatchingCountsAsync(SalesOpsDbContext db, TerritoryFilter filter, PlanPlacement? plan, CancellationToken cancellationToken)
    {
        var moved = plan?.MovedAccountIds ?? [];
        var matching = Matching(db, filter);
        var counts = await (moved.Count == 0 ? matching : matching.Where(a => !moved.Contains(a.Id)))
            .GroupBy(a => a.TerritoryId)
            .Select(g => new { TerritoryId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TerritoryId ?? 0, g => g.Count, cancellationToken);
        if (moved.Count > 0)
        {
            foreach (var id in await matching.Where(a => moved.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken))
            {
                var to = plan!.TerritoryOf[id];
                counts[to] = counts.GetValueOrDefault(to) + 1;
            }
        }

        return counts;
    }

    private async Task<IReadOnlyList<AccountCard>> CardsAsync(
        SalesOpsDbContext db, TerritoryFilter filter, int territoryId, int take, PlanPlacement? plan, CancellationToken cancellationToken)
    {
        var moved = plan?.MovedAccountIds ?? [];
        var movedIn = plan?.TerritoryOf.Where(p => p.Value == territoryId).Select(p => p.Key).ToList() ?? [];
        var accounts = moved.Count == 0
            ? Matching(db, filter).Where(a => a.TerritoryId == territoryId)
            : Matching(db, filter).Where(a => (a.TerritoryId == territoryId && !moved.Contains(a.Id)) || movedIn.Contains(a.Id));
        accounts = filter.Sort == AccountSort.Name
            ? accounts.OrderBy(a => a.Name).ThenBy(a => a.Id)
            : accounts.OrderByDescending(a => a.PotentialScore).ThenBy(a => a.Name).ThenBy(a => a.Id);
        var rows = await accounts.Take(take)
            .Select(a => new
            {
                a.Id, a.Name, a.RegionCode, a.Industry, a.PotentialScore, a.OwnerRepId, a.Version,
                Owner = a.OwnerRep == null ? null : a.OwnerRep.Name,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var pipeline = await OpenDeals(db, ids)
            .GroupBy(d => d.AccountId!.Value)
            .Select(g => new { AccountId = g.Key, Count = g.Count(), Amount = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(g => g.AccountId, cancellationToken);
        return rows.Select(r =>
        {
            var open = pipeline.GetValueOrDefault(r.Id);
            return new AccountCard(r.Id, r.Name, r.RegionCode, r.Industry, r.PotentialScore, open?.Amount ?? 0, open?.Count ?? 0,
                r.Owner, r.OwnerRepId, territoryId, r.Version, plan?.TerritoryOf.ContainsKey(r.Id) == true);
        }).ToList();
    }

    private IQueryable<Deal> OpenDeals(SalesOpsDbContext db, IReadOnlyCollection<int> accountIds)
    {
        var openIds = stages.OpenIds;
        return db.Deals.AsNoTracking().Where(d => d.AccountId != null && accountIds.Contains(d.AccountId.Value) && openIds.Contains(d.StageId));
    }

    private static IQueryable<Shared.Domain.Account> Matching(SalesOpsDbContext db, TerritoryFilter f)
    {
        var accounts = db.Accounts.AsNoTracking();
        if (f.Search is { } search)
        {
            // LIKE ignores ASCII case in SQLite; the user's % and _ are taken literally.
            var pattern = "%" + search.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            accounts = accounts.Where(a => EF.Functions.Like(a.Name, pattern, @"\"));
        }

        if (f.Region is { } region)
        {
            accounts = accounts.Where(a => a.RegionCode == region);
        }

        if (f.Industry is { } industry)
        {
            accounts = accounts.Where(a => a.Industry == industry);
        }

        if (f.MinPotential is { } min)
        {
            accounts = accounts.Where(a => a.PotentialScore >= min);
        }

        return accounts;
    }

    private sealed record BoardKey(TerritoryFilter Filter, DateOnly Today, decimal BandPercent, string PageSizes);

    private sealed record BalanceKey(DateOnly Today, decimal BandPercent);
}
