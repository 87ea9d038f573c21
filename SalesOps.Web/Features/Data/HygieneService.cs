using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Import;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Data;

public sealed record HygieneCounts(int PastDue, int NoAmount, int NoAccount, int Stale, int DuplicateAccounts, int ProductNearMatches);

public sealed record HygieneScore(int Id, string Name, int OpenDeals, int DealsWithIssues, int Score);

public sealed record AccountNameRow(int Id, string Name, int Deals);

public sealed record ProductMatch(int AliasId, string AliasName, int AliasDeals, int TargetId, string TargetName);

public sealed record HygieneReport(
    HygieneCounts Counts, IReadOnlyList<HygieneScore> Reps, IReadOnlyList<HygieneScore> Teams,
    IReadOnlyList<IReadOnlyList<AccountNameRow>> DuplicateAccounts, IReadOnlyList<ProductMatch> ProductMatches);

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

    public async Task<HygieneReport> ReportAsync(Actor actor, CancellationToken cancellationToken)
    {
        Allow(actor);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var staleBefore = now.AddDays(-StaleAfterDays);
        var openIds = stages.OpenIds.ToList();
        var open = db.Deals.AsNoTracking().Where(d => openIds.Contains(d.StageId));

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

        var accounts = await db.Accounts.AsNoTracking()
            .Select(a => new AccountNameRow(a.Id, a.Name, db.Deals.Count(d => d.AccountId == a.Id)))
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

        var counts = new HygieneCounts(
            perRep.Sum(r => r.PastDue), perRep.Sum(r => r.NoAmount), perRep.Sum(r => r.NoAccount), perRep.Sum(r => r.Stale),
            duplicates.Count, matches.Count);
        var repScores = perRep.GroupBy(r => r.OwnerRepId)
            .Select(g => Score(g.Key, reps.GetValueOrDefault(g.Key, "?"), g.Sum(r => r.Open), g.Sum(r => r.Issues)))
            .OrderBy(s => s.Score).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        var teamScores = perRep.GroupBy(r => r.TeamId)
            .Select(g => Score(g.Key, teams.GetValueOrDefault(g.Key, "?"), g.Sum(r => r.Open), g.Sum(r => r.Issues)))
            .OrderBy(s => s.Score).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        return new HygieneReport(counts, repScores, teamScores, duplicates, matches);
    }

    /// <summary>Moves every deal and child account of <paramref name="mergedIds"/> onto <paramref name="keepId"/> and removes them; re-imports follow.</summary>
    public async Task<bool> MergeAccountsAsync(Actor actor, int keepId, IReadOnlyList<int> mergedIds, CancellationToken cancellationToken)
    {
        Allow(actor);
        var ids = mergedIds.Where(id => id != keepId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return false;
        }

        return await writer.CommitAsync(async (db, changes) =>
        {
            var keep = await db.Accounts.SingleOrDefaultAsync(a => a.Id == keepId, cancellationToken);
            var merged = await db.Accounts.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
            // Only a certain fix is one click: the names must really be the same company's.
            if (keep is null || merged.Count != ids.Count || merged.Any(m => NameMatch.CompanyKey(m.Name) != NameMatch.CompanyKey(keep.Name)))
            {
                return false;
            }

            var moved = await db.Deals.Where(d => d.AccountId != null && ids.Contains(d.AccountId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.AccountId, keepId).SetProperty(d => d.Version, d => d.Version + 1), cancellationToken);
            await db.Accounts.Where(a => a.ParentAccountId != null && ids.Contains(a.ParentAccountId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ParentAccountId, keepId), cancellationToken);
            foreach (var account in merged)
            {
                AddAlias(db, AliasKind.Account, account.Name, account.ExternalId, keepId);
                db.Accounts.Remove(account);
            }

            var detail = new { Kept = new { keep.Id, keep.Name }, Merged = merged.Select(m => new { m.Id, m.Name }), DealsMoved = moved };
            changes.Audit(actor.Name, nameof(Account), keepId, "merged", null, detail);
            changes.Publish(FixedKind, keepId, null, null, detail);
            return true;
        }, cancellationToken);
    }

    /// <summary>Points every deal of the product <paramref name="aliasId"/> at <paramref name="targetId"/>, removes the alias and remembers its name for imports.</summary>
    public async Task<bool> MapProductAsync(Actor actor, int aliasId, int targetId, CancellationToken cancellationToken)
    {
        Allow(actor);
        return await writer.CommitAsync(async (db, changes) =>
        {
            var alias = await db.Products.SingleOrDefaultAsync(p => p.Id == aliasId, cancellationToken);
            var target = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == targetId, cancellationToken);
            if (alias is null || target is null || alias.Id == target.Id || !NameMatch.NearlyMatches(alias.Name, target.Name))
            {
                return false;
            }

            var moved = await db.Deals.Where(d => d.ProductId == aliasId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ProductId, targetId).SetProperty(d => d.Version, d => d.Version + 1), cancellationToken);
            AddAlias(db, AliasKind.Product, alias.Name, alias.ExternalId, targetId);
            db.Products.Remove(alias);
            var detail = new { Alias = alias.Name, Product = new { target.Id, target.Name }, DealsMoved = moved };
            changes.Audit(actor.Name, nameof(Product), targetId, "alias-mapped", null, detail);
            changes.Publish(FixedKind, targetId, null, null, detail);
            return true;
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

    private static void Allow(Actor actor)
    {
        if (!ImportService.MayImport(actor))
        {
            throw new UnauthorizedAccessException($"{actor.Name} may not work on data hygiene.");
        }
    }
}
