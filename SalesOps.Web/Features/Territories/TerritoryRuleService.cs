using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Territories;

/// <summary>
/// The assignment rules as stored: which geographic territory claims which region. Gives a region to another
/// territory (its accounts follow), replaces a territory's regions, and says which accounts no rule covers. Every
/// change is checked with <see cref="TerritoryAssignment.Validate"/> before it is saved, so a region never ends up
/// claimed by two geographic territories.
/// </summary>
public sealed class TerritoryRuleService(
    IDbContextFactory<SalesOpsDbContext> factory,
    LiveWriter writer,
    TerritoryService territories,
    SharedReads shared)
{
    /// <summary>Most accounts the "not covered" list returns.</summary>
    public const int MaxUncovered = 200;

    /// <summary>The rules as they stand: territories with their regions; accounts of named-account territories are their named accounts.</summary>
    public static async Task<List<TerritoryRule>> LoadRulesAsync(SalesOpsDbContext db, CancellationToken cancellationToken)
    {
        var all = await db.Territories.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return await RulesOfAsync(db, all, cancellationToken);
    }

    private static async Task<List<TerritoryRule>> RulesOfAsync(SalesOpsDbContext db, IReadOnlyList<Territory> all, CancellationToken cancellationToken)
    {
        var namedIds = all.Where(t => t.Kind == TerritoryKind.NamedAccounts).Select(t => (int?)t.Id).ToList();
        var named = namedIds.Count == 0
            ? []
            : await db.Accounts.AsNoTracking().Where(a => namedIds.Contains(a.TerritoryId)).Select(a => new { a.Id, a.TerritoryId }).ToListAsync(cancellationToken);
        var byTerritory = named.ToLookup(a => a.TerritoryId!.Value, a => a.Id);
        return all.Select(t => TerritoryRule.Of(t, byTerritory[t.Id])).ToList();
    }

    public async Task<TerritoryAssignment> AssignmentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return TerritoryAssignment.Create(await LoadRulesAsync(db, cancellationToken));
    }

    /// <summary>
    /// Gives a region to a geographic territory: it leaves the territory that claimed it, and the accounts of that
    /// region which were in that territory follow (open deals with them); accounts of the region in named-account or
    /// channel territories stay. One transaction, audited, one live event for the region and one per account.
    /// </summary>
    public async Task<RuleChangeOutcome> GiveRegionAsync(Actor actor, string regionCode, int toTerritoryId, CancellationToken cancellationToken = default)
    {
        if (!RegionCodes.TryNormalize(regionCode, out var code))
        {
            return RuleChangeOutcome.Invalid(RuleRefusal.UnknownRegion, $"'{regionCode}' is not a region code.");
        }

        return await writer.CommitAsync(async (db, changes) =>
        {
            var all = await db.Territories.Include(t => t.OwnerRep).OrderBy(t => t.Id).ToListAsync(cancellationToken);
            var to = all.FirstOrDefault(t => t.Id == toTerritoryId);
            if (to is null)
            {
                return RuleChangeOutcome.Invalid(RuleRefusal.UnknownTerritory, $"No territory has id {toTerritoryId}.");
            }

            if (to.Kind != TerritoryKind.Geographic)
            {
                return RuleChangeOutcome.Invalid(RuleRefusal.NotGeographic, $"{to.Name} is not a geographic territory; only those claim regions.", to.Name);
            }

            var from = all.FirstOrDefault(t => t.Kind == TerritoryKind.Geographic && t.Regions.Contains(code));
            if (from?.Id == to.Id)
            {
                return RuleChangeOutcome.Invalid(RuleRefusal.SameTerritory, $"{code} belongs to {to.Name} already.", to.Name);
            }

            if (!actor.CanEditTerritory(to.OwnerRep?.TeamId))
            {
                return RuleChangeOutcome.Forbidden(to.Name, $"{actor.Name} may not change {to.Name}.");
            }

            if (from is not null && !actor.CanEditTerritory(from.OwnerRep?.TeamId))
            {
                return RuleChangeOutcome.Forbidden(from.Name, $"{actor.Name} may not change {from.Name}.");
            }

            var beforeTo = RegionsSnapshot.Of(to);
            var beforeFrom = from is null ? null : RegionsSnapshot.Of(from);
            from?.Regions.Remove(code);
            to.Regions = [.. to.Regions, code];
            if (await ProblemsAsync(db, all, cancellationToken) is { Count: > 0 } problems)
            {
                return RuleChangeOutcome.Refused(problems);
            }

            var toSide = new MoveSide(to.Id, to.OwnerRepId, to.OwnerRep?.TeamId);
            var fromSide = from is null ? null : new MoveSide(from.Id, from.OwnerRepId, from.OwnerRep?.TeamId);
            var accounts = await db.Accounts
                .Where(a => a.RegionCode == code && (from == null ? a.TerritoryId == null : a.TerritoryId == from.Id))
                .OrderBy(a => a.Id)
                .ToListAsync(cancellationToken);
            foreach (var account in accounts)
            {
                await territories.ApplyMoveAsync(db, changes, actor, account, fromSide, toSide, cancellationToken);
            }

            var payload = new RegionGiven(code, from?.Id, to.Id, accounts.Count);
            if (from is not null)
            {
                changes.Audit(actor.Name, nameof(Territory), from.Id, "region-removed", beforeFrom, RegionsSnapshot.Of(from));
            }

            changes.Audit(actor.Name, nameof(Territory), to.Id, "region-added", beforeTo, RegionsSnapshot.Of(to));
            changes.Publish(LiveEventKinds.TerritoryChanged, to.Id, to.OwnerRep?.TeamId, to.OwnerRepId, payload);
            return RuleChangeOutcome.Ok(to.Name, accounts.Count);
        }, cancellationToken);
    }

    /// <summary>
    /// Replaces the regions a territory claims (the rules API). Refused, with every conflicting territory named,
    /// when another geographic territory claims one of them; accounts do not move (rules decide new accounts).
    /// </summary>
    public async Task<RuleChangeOutcome> SetRegionsAsync(Actor actor, int territoryId, IReadOnlyList<string> regions, CancellationToken cancellationToken = default)
    {
        var codes = new List<string>();
        foreach (var raw in regions)
        {
            if (!RegionCodes.TryNormalize(raw, out var code))
            {
                return RuleChangeOutcome.Invalid(RuleRefusal.UnknownRegion, $"'{raw}' is not a region code: use ISO 3166-2 for US states (\"US-CA\") or ISO 3166-1 alpha-2 for countries (\"DE\").");
            }

            if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        return await writer.CommitAsync(async (db, changes) =>
        {
            var all = await db.Territories.Include(t => t.OwnerRep).OrderBy(t => t.Id).ToListAsync(cancellationToken);
            var territory = all.FirstOrDefault(t => t.Id == territoryId);
            if (territory is null)
            {
                return RuleChangeOutcome.NotFound;
            }

            if (!CanChangeRules(actor, territory.OwnerRep?.TeamId))
            {
                return RuleChangeOutcome.Forbidden(territory.Name, $"{actor.Name} may not change {territory.Name}.");
            }

            var before = RegionsSnapshot.Of(territory);
            territory.Regions = codes;
            if (await ProblemsAsync(db, all, cancellationToken) is { Count: > 0 } problems)
            {
                return RuleChangeOutcome.Refused(problems);
            }

            changes.Audit(actor.Name, nameof(Territory), territory.Id, "regions-set", before, RegionsSnapshot.Of(territory));
            changes.Publish(LiveEventKinds.TerritoryChanged, territory.Id, territory.OwnerRep?.TeamId, territory.OwnerRepId, RegionsSnapshot.Of(territory));
            return RuleChangeOutcome.Ok(territory.Name, 0);
        }, cancellationToken);
    }

    /// <summary>
    /// Adds an account where the rules put it: a named account's territory, else the geographic territory claiming
    /// its region (or its country); its owner is that territory's owner. No rule: it is added without a territory
    /// and the board lists it among the accounts no rule covers. One transaction with its audit entry and live event.
    /// </summary>
    public async Task<AccountCreateOutcome> CreateAccountAsync(Actor actor, NewAccount draft, CancellationToken cancellationToken = default)
    {
        if (actor.ReadOnly || !(actor.Role == Roles.Integration || actor.CanEditTerritory(null)))
        {
            return new AccountCreateOutcome(null, $"{actor.Name} may not add accounts.");
        }

        return await writer.CommitAsync(async (db, changes) =>
        {
            var rules = TerritoryAssignment.Create(await LoadRulesAsync(db, cancellationToken));
            var decision = rules.Assign(0, draft.RegionCode);
            var territory = decision.TerritoryId is { } id
                ? await db.Territories.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Name, t.OwnerRepId, TeamId = t.OwnerRep == null ? (int?)null : t.OwnerRep.TeamId }).SingleAsync(cancellationToken)
                : null;
            // A key scoped to teams adds accounts only where the rules put them inside its teams.
            if (actor.KeyTeamIds is { } teams && (territory?.TeamId is not { } team || !teams.Contains(team)))
            {
                return new AccountCreateOutcome(null, $"The rules put this account outside the teams of {actor.Name}.");
            }

            var account = new Shared.Domain.Account
            {
                Name = draft.Name,
                Industry = draft.Industry,
                RegionCode = draft.RegionCode,
                Latitude = draft.Latitude,
                Longitude = draft.Longitude,
                AnnualRevenue = draft.AnnualRevenue,
                Employees = draft.Employees,
                PotentialScore = draft.PotentialScore,
                TerritoryId = decision.TerritoryId,
                OwnerRepId = territory?.OwnerRepId,
            };
            db.Accounts.Add(account);
            await db.SaveChangesAsync(cancellationToken);
            var created = new AccountCreated(account.Id, account.Name, account.RegionCode, account.TerritoryId, territory?.Name, account.OwnerRepId, decision.Reason, account.Version);
            changes.Audit(actor.Name, nameof(Shared.Domain.Account), account.Id, "created", null, created);
            changes.Publish(LiveEventKinds.AccountCreated, account.Id, territory?.TeamId, account.OwnerRepId, created);
            return new AccountCreateOutcome(created);
        }, cancellationToken);
    }

    /// <summary>Accounts no rule covers (no claimed region, not named), or with no territory at all; at most <see cref="MaxUncovered"/>.</summary>
    /// <remarks>
    /// The rules are decided per region code, so they are applied to the few distinct codes accounts have, and the
    /// database finds the accounts: an account is covered when it is named (it sits in a named-account territory) or
    /// its region's code is covered. Every board asks on every change, so boards asking as of the same change share one read.
    /// </remarks>
    public Task<UncoveredAccounts> UncoveredAsync(CancellationToken cancellationToken = default) =>
        shared.GetAsync(new UncoveredKey(), () => ReadUncoveredAsync(CancellationToken.None), cancellationToken);

    private async Task<UncoveredAccounts> ReadUncoveredAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rules = TerritoryAssignment.Create(await LoadRulesAsync(db, cancellationToken));
        var codes = await db.Accounts.AsNoTracking().Select(a => a.RegionCode).Distinct().ToListAsync(cancellationToken);
        var uncoveredCodes = codes.Where(c => rules.TerritoryOfRegion(c) is null).ToList();
        var namedIds = await db.Territories.AsNoTracking().Where(t => t.Kind == TerritoryKind.NamedAccounts).Select(t => (int?)t.Id).ToListAsync(cancellationToken);
        var uncovered = db.Accounts.AsNoTracking()
            .Where(a => a.TerritoryId == null || (!namedIds.Contains(a.TerritoryId) && uncoveredCodes.Contains(a.RegionCode)));
        var total = await uncovered.CountAsync(cancellationToken);
        var first = total == 0
            ? []
            : await uncovered.OrderBy(a => a.Id).Take(MaxUncovered)
                .Select(a => new UncoveredAccount(a.Id, a.Name, a.RegionCode, a.TerritoryId, a.Territory == null ? null : a.Territory.Name))
                .ToListAsync(cancellationToken);
        return new UncoveredAccounts(total, first);
    }

    /// <summary>
    /// People change the rules where they may move accounts; an integration (a CRM keeping territory definitions in
    /// sync) with a key that may write, within the key's teams.
    /// </summary>
    private static bool CanChangeRules(Actor actor, int? territoryTeamId) =>
        actor.CanEditTerritory(territoryTeamId)
        || (actor.Role == Roles.Integration && !actor.ReadOnly && (actor.KeyTeamIds is null || (territoryTeamId is { } team && actor.KeyTeamIds.Contains(team))));

    private static async Task<IReadOnlyList<RuleProblem>> ProblemsAsync(SalesOpsDbContext db, IReadOnlyList<Territory> all, CancellationToken cancellationToken) =>
        TerritoryAssignment.Validate(await RulesOfAsync(db, all, cancellationToken));

    private sealed record UncoveredKey;
}
