using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Import;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Data;

public sealed record HygieneCounts(int PastDue, int NoAmount, int NoAccount, int Stale, int DuplicateAccounts, int ProductNearMatches);

public sealed record HygieneScore(int Id, string Name, int OpenDeals, int DealsWithIssues, int Score);

/// <param name="Version">The account's version when read: a merge refuses to run if any account of it changed since.</param>
public sealed record AccountNameRow(int Id, string Name, int Deals, int Version);

public sealed record ProductMatch(int AliasId, string AliasName, int AliasDeals, int TargetId, string TargetName);

/// <summary>What is wrong with an open deal; a deal can have several.</summary>
public enum HygieneIssue { PastDue, NoAmount, NoAccount, Stale }

/// <param name="Deals">The first <see cref="HygieneService.ListedDeals"/> deals with each issue (the counts say how many there are).</param>
/// <param name="MayFix">Whether the reader may merge accounts and map products (managers read their team's deals only).</param>
public sealed record HygieneReport(
    HygieneCounts Counts, IReadOnlyList<HygieneScore> Reps, IReadOnlyList<HygieneScore> Teams,
    IReadOnlyDictionary<HygieneIssue, IReadOnlyList<DealCardRow>> Deals,
    IReadOnlyList<IReadOnlyList<AccountNameRow>> DuplicateAccounts, IReadOnlyList<ProductMatch> ProductMatches, bool MayFix);

/// <summary>A one-click merge as the page saw it: the account kept and the ones folded into it, each with the version read.</summary>
public sealed record AccountMerge(AccountNameRow Keep, IReadOnlyList<AccountNameRow> Merged);

public enum HygieneFixOutcome
{
    Fixed,

    /// <summary>Someone changed (or removed) one of the rows since the page read them: nothing was written.</summary>
    Changed,

    /// <summary>Not a certain fix (the names are not the same company's, or nearly the same product's): nothing was written.</summary>
    NotCertain,
}

/// <summary>
/// /data/hygiene: what an analyst fixes in the CRM data — open deals past their expected close, without an amount
/// or an account, stale in their stage; likely duplicate accounts and near-miss product names — and the fixes
/// that are certain (merge duplicates, map a product alias), each audited and pushed live.
/// </summary>
public sealed class HygieneService(IDbContextFactory<SalesOpsDbContext> factory, LiveWriter writer, StageCatalog stages, TimeProvider clock)
{
    /// <summary>An open deal untouched in its stage this long is stale.</summary>
    public const int StaleAfterDays = 60;

    public const string FixedKind = "data.hygiene-fixed";

    /// <summary>How many deals each issue lists on the page; the rest are one click away on the filtered board.</summary>
    public const int ListedDeals = 25;

    /// <summary>Fixes change accounts and products of the whole company: analysts, VPs and admins make them.</summary>
    public static bool MayFix(Actor actor) => ImportService.MayImport(actor);

    /// <summary>Analysts, VPs and admins read the whole company; a manager reads their own team's deals.</summary>
    public static bool MayRead(Actor actor) => MayFix(actor) || actor.Role == Roles.Manager && actor.TeamId is not null;

    public async Task<HygieneReport> ReportAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!MayRead(actor))
        {
            throw new UnauthorizedAccessException($"{actor.Name} may not read data hygiene.");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var staleBefore = now.AddDays(-StaleAfterDays);
        var open = db.Deals.AsNoTracking().VisibleTo(actor.DealScope).Open(stages);
        var deals = new Dictionary<HygieneIssue, IReadOnlyList<DealCardRow>>
        {
            [HygieneIssue.PastDue] = await open.Where(d => d.ExpectedClose < today).OrderBy(d => d.ExpectedClose).ThenBy(d => d.Id).AsCardRows().Take(ListedDeals).ToListAsync(cancellationToken),
            [HygieneIssue.NoAmount] = await open.Where(d => d.Amount == 0).OrderBy(d => d.Id).AsCardRows().Take(ListedDeals).ToListAsync(cancellationToken),
            [HygieneIssue.NoAccount] = await open.Where(d => d.AccountId == null).OrderBy(d => d.Id).AsCardRows().Take(ListedDeals).ToListAsync(cancellationToken),
            [HygieneIssue.Stale] = await open.Where(d => d.StageEnteredAt < staleBefore).OrderBy(d => d.StageEnteredAt).ThenBy(d => d.Id).AsCardRows().Take(ListedDeals).ToListAsync(cancellationToken),
        };

        var perRep = await open
            .GroupBy(d => new { d.OwnerRepId, d.TeamId })
            .Select(g => new
            {
                g.Key.OwnerRepId,
                g.Key.TeamId,
                Open = g.Count(),
                PastDue = g.Count(d => d.ExpectedClose < today),
                NoAmount = g.Count(d => d.Amount == 0),
                NoAccount = g.Count(d => d.AccountId == null),
                Stale = g.Count(d => d.StageEnteredAt < staleBefore),
                Issues = g.Count(d => d.ExpectedClose < today || d.Amount == 0 || d.AccountId == null || d.StageEnteredAt < staleBefore),
            })
            .ToListAsync(cancellationToken);
        var reps = await db.Reps.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);

        var (duplicates, matches) = MayFix(actor) ? await CatalogueAsync(db, cancellationToken) : ([], []);
        var counts = new HygieneCounts(
            perRep.Sum(r => r.PastDue), perRep.Sum(r => r.NoAmount), perRep.Sum(r => r.NoAccount), perRep.Sum(r => r.Stale),
            duplicates.Count, matches.Count);
        var repScores = perRep.GroupBy(r => r.OwnerRepId)
            .Select(g => Score(g.Key, reps.GetValueOrDefault(g.Key, "?"), g.Sum(r => r.Open), g.Sum(r => r.Issues)))
            .OrderBy(s => s.Score).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        var teamScores = perRep.GroupBy(r => r.TeamId)
            .Select(g => Score(g.Key, teams.GetValueOrDefault(g.Key, "?"), g.Sum(r => r.Open), g.Sum(r => r.Issues)))
            .OrderBy(s => s.Score).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        return new HygieneReport(counts, repScores, teamScores, deals, duplicates, matches, MayFix(actor));
    }

    /// <summary>Likely duplicate accounts (most-used first in each group) and product names that nearly match a known one.</summary>
    private static async Task<(IReadOnlyList<IReadOnlyList<AccountNameRow>>, IReadOnlyList<ProductMatch>)> CatalogueAsync(
        SalesOpsDbContext db, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.AsNoTracking()
            .Select(a => new AccountNameRow(a.Id, a.Name, db.Deals.Count(d => d.AccountId == a.Id), a.Version))
            .ToListAsync(cancellationToken);
        var duplicates = NameMatch.DuplicateGroups(accounts.OrderByDescending(a => a.Deals).ThenBy(a => a.Id), a => a.Name);

        var products = await db.Products.AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.Series, Deals = db.Deals.Count(d => d.ProductId == p.Id) })
            .ToListAsync(cancellationToken);
        var matches = new List<ProductMatch>();
        foreach (var alias in products)
        {
            // The alias is the name without a catalogue entry (no series) or, failing that, the one used less.
            var target = products.Where(p => p.Id != alias.Id && NameMatch.NearlyMatches(alias.Name, p.Name))
                .Where(p => alias.Series.Length == 0 && p.Series.Length > 0 || (alias.Series.Length == 0) == (p.Series.Length == 0) && (p.Deals, -p.Id).CompareTo((alias.Deals, -alias.Id)) > 0)
                .OrderByDescending(p => p.Deals).FirstOrDefault();
            if (target is not null)
            {
                matches.Add(new ProductMatch(alias.Id, alias.Name, alias.Deals, target.Id, target.Name));
            }
        }

        return (duplicates, matches);
    }

    /// <summary>
    /// Moves every deal and child account of the merged accounts onto the kept one and removes them; their names
    /// become aliases so re-imports follow. Refused unless every account is as the page read it (version) and all
    /// names are the same company's.
    /// </summary>
    public async Task<HygieneFixOutcome> MergeAccountsAsync(Actor actor, AccountMerge merge, CancellationToken cancellationToken)
    {
        AllowFix(actor);
        var keepId = merge.Keep.Id;
        var seen = merge.Merged.Where(m => m.Id != keepId).DistinctBy(m => m.Id).ToDictionary(m => m.Id, m => m.Version);
        if (seen.Count == 0)
        {
            return HygieneFixOutcome.NotCertain;
        }

        var ids = seen.Keys.ToList();
        return await writer.CommitAsync(async (db, changes) =>
        {
            var keep = await db.Accounts.SingleOrDefaultAsync(a => a.Id == keepId, cancellationToken);
            var merged = await db.Accounts.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
            if (keep is null || keep.Version != merge.Keep.Version || merged.Count != ids.Count || merged.Any(m => m.Version != seen[m.Id]))
            {
                return HygieneFixOutcome.Changed;
            }

            // Only a certain fix is one click: the names must really be the same company's.
            if (merged.Any(m => NameMatch.CompanyKey(m.Name) != NameMatch.CompanyKey(keep.Name)))
            {
                return HygieneFixOutcome.NotCertain;
            }

            var moved = await db.Deals.Where(d => d.AccountId != null && ids.Contains(d.AccountId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.AccountId, keepId).SetProperty(d => d.Version, d => d.Version + 1), cancellationToken);
            await db.Accounts.Where(a => a.ParentAccountId != null && ids.Contains(a.ParentAccountId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ParentAccountId, keepId).SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
            // A draft territory move of a merged account was drafted for a row that is going away: it goes too (and is audited).
            var droppedMoves = await db.TerritoryPlanMoves.Where(m => ids.Contains(m.AccountId)).ExecuteDeleteAsync(cancellationToken);
            foreach (var account in merged)
            {
                AddAlias(db, AliasKind.Account, account.Name, account.ExternalId, keepId);
                db.Accounts.Remove(account);
            }

            keep.Version++;
            var detail = new { Kept = new { keep.Id, keep.Name }, Merged = merged.Select(m => new { m.Id, m.Name }), DealsMoved = moved, PlanMovesDropped = droppedMoves };
            changes.Audit(actor.Name, nameof(Account), keepId, "merged", null, detail);
            changes.Publish(FixedKind, keepId, null, null, detail);
            return HygieneFixOutcome.Fixed;
        }, cancellationToken);
    }

    /// <summary>Points every deal of the product <paramref name="aliasId"/> at <paramref name="targetId"/>, removes the alias and remembers its name for imports.</summary>
    /// <remarks>Products carry no version: the names the page showed stand for it, and a renamed or removed product refuses the fix.</remarks>
    public async Task<HygieneFixOutcome> MapProductAsync(Actor actor, ProductMatch match, CancellationToken cancellationToken)
    {
        AllowFix(actor);
        int aliasId = match.AliasId, targetId = match.TargetId;
        return await writer.CommitAsync(async (db, changes) =>
        {
            var alias = await db.Products.SingleOrDefaultAsync(p => p.Id == aliasId, cancellationToken);
            var target = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == targetId, cancellationToken);
            if (alias is null || target is null || alias.Name != match.AliasName || target.Name != match.TargetName)
            {
                return HygieneFixOutcome.Changed;
            }

            if (alias.Id == target.Id || !NameMatch.NearlyMatches(alias.Name, target.Name))
            {
                return HygieneFixOutcome.NotCertain;
            }

            var moved = await db.Deals.Where(d => d.ProductId == aliasId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ProductId, targetId).SetProperty(d => d.Version, d => d.Version + 1), cancellationToken);
            AddAlias(db, AliasKind.Product, alias.Name, alias.ExternalId, targetId);
            db.Products.Remove(alias);
            var detail = new { Alias = alias.Name, Product = new { target.Id, target.Name }, DealsMoved = moved };
            changes.Audit(actor.Name, nameof(Product), targetId, "alias-mapped", null, detail);
            changes.Publish(FixedKind, targetId, null, null, detail);
            return HygieneFixOutcome.Fixed;
        }, cancellationToken);
    }

    private static void AddAlias(SalesOpsDbContext db, AliasKind kind, string name, string? externalId, int targetId)
    {
        foreach (var key in new[] { ImportValues.Key(name), externalId }.OfType<string>().Where(k => k.Length > 0).Distinct())
        {
            db.SourceAliases.Add(new SourceAlias { Kind = kind, Key = key, TargetId = targetId });
        }
    }

    private static HygieneScore Score(int id, string name, int open, int issues) => new(id, name, open, issues, NameMatch.Score(open, issues));

    private static void AllowFix(Actor actor)
    {
        if (!MayFix(actor))
        {
            throw new UnauthorizedAccessException($"{actor.Name} may not work on data hygiene.");
        }
    }
}
