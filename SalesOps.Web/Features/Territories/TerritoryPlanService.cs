using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Territories;

/// <summary>
/// What-if territory plans: moves drafted without touching the live data, evaluated against it (balance figures and
/// affected reps' quota coverage, before → after), and published in one transaction. Publishing refuses the whole
/// plan, listing each conflicting move, when an account changed since its move was drafted; the user brings those
/// moves up to date (or drops them) and publishes again.
/// </summary>
public sealed class TerritoryPlanService(
    IDbContextFactory<SalesOpsDbContext> factory,
    LiveWriter writer,
    TerritoryService territories,
    TerritoryBoardService board,
    StageCatalog stages,
    TimeProvider clock)
{
    public const int MaxMoves = 2_000;
    public const int MaxNameLength = 120;
    public const int MaxNoteLength = 500;

    /// <summary>Who may draft plans: those who move accounts somewhere (managers, VPs, admins). Publishing checks each move again.</summary>
    public static bool CanDraft(Actor actor) => !actor.ReadOnly && actor.Role is Roles.Manager or Roles.VP or Roles.Admin;

    /// <summary>Who may change this plan's moves: a drafter, while it is a draft; a manager only their own drafts.</summary>
    public static bool CanEdit(Actor actor, TerritoryPlanStatus status, string createdBy) =>
        CanDraft(actor) && status == TerritoryPlanStatus.Draft && (actor.Role != Roles.Manager || createdBy == actor.Name);

    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.TerritoryPlans.AsNoTracking()
            .OrderBy(p => p.Status).ThenByDescending(p => p.Id)
            .Take(200)
            .Select(p => new PlanSummary(p.Id, p.Name, p.Status, p.CreatedBy, p.CreatedAt, p.Moves.Count, p.PublishedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AccountOption>> SearchAccountsAsync(string? text, int take = 20, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var pattern = "%" + text.Trim()[..Math.Min(text.Trim().Length, 100)].Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Accounts.AsNoTracking()
            .Where(a => EF.Functions.Like(a.Name, pattern, @"\"))
            .OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Take(Math.Clamp(take, 1, 50))
            .Select(a => new AccountOption(a.Id, a.Name, a.RegionCode, a.TerritoryId))
            .ToListAsync(cancellationToken);
    }

    public async Task<PlanOutcome> CreateAsync(Actor actor, string? name, IReadOnlyList<PlannedMove>? moves = null, CancellationToken cancellationToken = default)
    {
        if (!CanDraft(actor))
        {
            return PlanOutcome.Forbidden($"{actor.Name} may not draft territory plans.");
        }

        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return PlanOutcome.Invalid($"A plan needs a name of 1 to {MaxNameLength} characters.");
        }

        moves ??= [];
        if (moves.Count > MaxMoves)
        {
            return PlanOutcome.Invalid($"A plan holds at most {MaxMoves} moves.");
        }

        return await writer.CommitAsync(async (db, changes) =>
        {
            var plan = new TerritoryPlan { Name = name, CreatedBy = actor.Name, CreatedAt = clock.GetUtcNow().UtcDateTime, Status = TerritoryPlanStatus.Draft };
            var ids = moves.Select(m => m.AccountId).Distinct().ToList();
            var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
            var territoryIds = (await db.Territories.Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var move in moves.DistinctBy(m => m.AccountId))
            {
                if (!accounts.TryGetValue(move.AccountId, out var account) || !territoryIds.Contains(move.ToTerritoryId))
                {
                    return PlanOutcome.Invalid($"Account {move.AccountId} or territory {move.ToTerritoryId} does not exist.");
                }

                if (account.TerritoryId != move.ToTerritoryId)
                {
                    plan.Moves.Add(Draft(account, move));
                }
            }

            db.TerritoryPlans.Add(plan);
            await db.SaveChangesAsync(cancellationToken);
            changes.Audit(actor.Name, nameof(TerritoryPlan), plan.Id, "drafted", null, new { plan.Id, plan.Name, Moves = plan.Moves.Count });
            return PlanOutcome.Ok(plan.Id);
        }, cancellationToken);
    }

    /// <summary>Puts a move into a draft (replacing the account's earlier one); a move back to where the account is removes it.</summary>
    public Task<PlanOutcome> SetMoveAsync(Actor actor, int planId, int accountId, int toTerritoryId, string? note = null, CancellationToken cancellationToken = default) =>
        EditDraftAsync(actor, planId, async (db, plan) =>
        {
            var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
            if (account is null || !await db.Territories.AnyAsync(t => t.Id == toTerritoryId, cancellationToken))
            {
                return PlanOutcome.Invalid($"Account {accountId} or territory {toTerritoryId} does not exist.");
            }

            return Place(plan, account, toTerritoryId, note) ? PlanOutcome.Ok(plan.Id) : PlanOutcome.Invalid($"A plan holds at most {MaxMoves} moves.");
        }, cancellationToken);

    /// <summary>
    /// A region given to another territory in a draft, as the map's "Give to…" does live: the region's accounts that the
    /// plan has in the territory claiming the region (or in none) go to <paramref name="toTerritoryId"/>; accounts of
    /// the region in other territories (named accounts, channels) stay. Only account moves are drafted: the region's
    /// claim itself changes when it is given on the live map.
    /// </summary>
    public Task<PlanOutcome> SetRegionMovesAsync(Actor actor, int planId, string regionCode, int toTerritoryId, CancellationToken cancellationToken = default) =>
        EditDraftAsync(actor, planId, async (db, plan) =>
        {
            if (!RegionCodes.TryNormalize(regionCode, out var code) || !await db.Territories.AnyAsync(t => t.Id == toTerritoryId, cancellationToken))
            {
                return PlanOutcome.Invalid($"Region {regionCode} or territory {toTerritoryId} does not exist.");
            }

            var from = TerritoryAssignment.Create(await TerritoryRuleService.LoadRulesAsync(db, cancellationToken)).TerritoryOfRegion(code);
            var planned = plan.Moves.ToDictionary(m => m.AccountId, m => (int?)m.ToTerritoryId);
            var accounts = await db.Accounts.AsNoTracking().Where(a => a.RegionCode == code).OrderBy(a => a.Id).ToListAsync(cancellationToken);
            foreach (var account in accounts.Where(a => (planned.TryGetValue(a.Id, out var to) ? to : a.TerritoryId) == from))
            {
                if (!Place(plan, account, toTerritoryId, null))
                {
                    return PlanOutcome.Invalid($"A plan holds at most {MaxMoves} moves.");
                }
            }

            return PlanOutcome.Ok(plan.Id);
        }, cancellationToken);

    /// <returns>False when the plan is full.</returns>
    private static bool Place(TerritoryPlan plan, Shared.Domain.Account account, int toTerritoryId, string? note)
    {
        plan.Moves.RemoveAll(m => m.AccountId == account.Id);
        if (account.TerritoryId == toTerritoryId)
        {
            return true;
        }

        if (plan.Moves.Count >= MaxMoves)
        {
            return false;
        }

        plan.Moves.Add(Draft(account, new PlannedMove(account.Id, toTerritoryId, note)));
        return true;
    }

    public Task<PlanOutcome> RemoveMoveAsync(Actor actor, int planId, int accountId, CancellationToken cancellationToken = default) =>
        EditDraftAsync(actor, planId, (_, plan) =>
        {
            plan.Moves.RemoveAll(m => m.AccountId == accountId);
            return Task.FromResult(PlanOutcome.Ok(plan.Id));
        }, cancellationToken);

    /// <summary>
    /// Resolves conflicts the way the user chose: every move whose account changed is redrafted from where the account
    /// is now (dropped when it is already where the plan sends it, or gone).
    /// </summary>
    public Task<PlanOutcome> RedraftConflictsAsync(Actor actor, int planId, CancellationToken cancellationToken = default) =>
        EditDraftAsync(actor, planId, async (db, plan) =>
        {
            var ids = plan.Moves.Select(m => m.AccountId).ToList();
            var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
            foreach (var move in plan.Moves.ToList())
            {
                if (!accounts.TryGetValue(move.AccountId, out var account) || account.TerritoryId == move.ToTerritoryId)
                {
                    plan.Moves.Remove(move);
                }
                else
                {
                    move.FromTerritoryId = account.TerritoryId;
                    move.AccountVersion = account.Version;
                }
            }

            return PlanOutcome.Ok(plan.Id);
        }, cancellationToken);

    /// <param name="bandPercent">Figures further than this from the average are marked (as on the board).</param>
    public async Task<PlanEvaluation?> EvaluateAsync(int planId, DateOnly today, decimal bandPercent = TerritoryBalance.DefaultBandPercent, CancellationToken cancellationToken = default)
    {
        var before = await board.BalanceAsync(today, bandPercent, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var plan = await db.TerritoryPlans.AsNoTracking().Include(p => p.Moves).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var sides = await db.Territories.AsNoTracking()
            .Select(t => new { t.Id, t.Name, t.Kind, t.OwnerRepId, TeamId = t.OwnerRep == null ? (int?)null : t.OwnerRep.TeamId })
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        var ids = plan.Moves.Select(m => m.AccountId).ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var openIds = stages.OpenIds;
        var deals = (await db.Deals.AsNoTracking()
            .Where(d => d.AccountId != null && ids.Contains(d.AccountId.Value) && (openIds.Contains(d.StageId) || d.StageId == stages.WonId))
            .Select(d => new { d.AccountId, d.OwnerRepId, d.Amount, d.Probability, d.StageId, d.ClosedOn })
            .ToListAsync(cancellationToken)).ToLookup(d => d.AccountId);
        var since = today.AddMonths(-12);

        var rows = new List<PlanMoveRow>();
        var shifts = new List<AccountShift>();
        var dealShifts = new List<DealShift>();
        foreach (var move in plan.Moves.OrderBy(m => m.Id))
        {
            var account = accounts.GetValueOrDefault(move.AccountId);
            var conflicted = account is null || account.TerritoryId != move.FromTerritoryId || account.Version != move.AccountVersion;
            var to = sides[move.ToTerritoryId];
            rows.Add(new PlanMoveRow(move.AccountId, account?.Name ?? $"#{move.AccountId}", move.FromTerritoryId,
                move.FromTerritoryId is { } f ? sides.GetValueOrDefault(f)?.Name : null, to.Id, to.Name, move.Note, conflicted,
                account?.TerritoryId is { } now ? sides.GetValueOrDefault(now)?.Name : null));
            if (account?.TerritoryId is not { } fromId || fromId == to.Id)
            {
                continue;
            }

            var open = deals[account.Id].Where(d => openIds.Contains(d.StageId)).ToList();
            shifts.Add(new AccountShift(fromId, to.Id, account.PotentialScore,
                open.Sum(d => d.Amount), open.Sum(d => d.Amount * d.Probability / 100m),
                deals[account.Id].Where(d => d.StageId == stages.WonId && d.ClosedOn > since && d.ClosedOn <= today).Sum(d => d.Amount)));
            var newOwner = AccountMoveRules.NewOwner(account.OwnerRepId, new MoveSide(to.Id, to.OwnerRepId, to.TeamId));
            dealShifts.AddRange(open.Where(d => newOwner is not null && AccountMoveRules.DealFollows(false, d.OwnerRepId, newOwner))
                .Select(d => new DealShift(d.OwnerRepId, newOwner!.Value, d.Amount)));
        }

        var after = TerritoryBalance.Compare(PlanImpact.FiguresAfter(before.Select(r => r.Figures).ToList(), shifts), Math.Clamp(bandPercent, 0, 1_000));
        var geographic = sides.Values.Where(t => t.Kind == TerritoryKind.Geographic).Select(t => t.Id).ToHashSet();
        var reps = await PositionsAsync(db, dealShifts.SelectMany(d => new[] { d.FromRepId, d.ToRepId }).Distinct().ToList(), today, cancellationToken);
        var summary = new PlanSummary(plan.Id, plan.Name, plan.Status, plan.CreatedBy, plan.CreatedAt, plan.Moves.Count, plan.PublishedAt);
        return new PlanEvaluation(summary, rows, before, after, Imbalance(before, geographic), Imbalance(after, geographic), PlanImpact.Coverage(reps, dealShifts));
    }

    /// <summary>
    /// Applies every move of a draft in one transaction, each with its open deals, audit entries and live events.
    /// Nothing is applied when any account changed since its move was drafted (each such move is listed with who
    /// changed it) or when the user may not move one of the accounts (a VP anywhere; a manager within their teams).
    /// </summary>
    public async Task<PlanOutcome> PublishAsync(Actor actor, int planId, CancellationToken cancellationToken = default)
    {
        return await writer.CommitAsync(async (db, changes) =>
        {
            var plan = await db.TerritoryPlans.Include(p => p.Moves).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
            if (plan is null)
            {
                return PlanOutcome.NotFound;
            }

            if (plan.Status != TerritoryPlanStatus.Draft)
            {
                return PlanOutcome.Invalid($"Plan {plan.Name} is published already.");
            }

            var sides = await db.Territories.AsNoTracking()
                .Select(t => new { t.Id, t.Name, Side = new MoveSide(t.Id, t.OwnerRepId, t.OwnerRep == null ? null : t.OwnerRep.TeamId) })
                .ToDictionaryAsync(t => t.Id, cancellationToken);
            var ids = plan.Moves.Select(m => m.AccountId).ToList();
            var accounts = await db.Accounts.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
            var conflicts = new List<PlanConflict>();
            foreach (var move in plan.Moves.OrderBy(m => m.Id))
            {
                var account = accounts.GetValueOrDefault(move.AccountId);
                if (account is null || account.TerritoryId != move.FromTerritoryId || account.Version != move.AccountVersion)
                {
                    conflicts.Add(new PlanConflict(move.AccountId, account?.Name ?? $"#{move.AccountId}",
                        move.FromTerritoryId is { } f ? sides.GetValueOrDefault(f)?.Name : null,
                        account?.TerritoryId is { } now ? sides.GetValueOrDefault(now)?.Name : null,
                        await LastChangedByAsync(db, move.AccountId, cancellationToken)));
                    continue;
                }

                var from = move.FromTerritoryId is { } fromId ? sides[fromId].Side : null;
                var to = sides[move.ToTerritoryId].Side;
                if (AccountMoveRules.Check(actor, from, to) is MoveRefusal.TargetNotEditable or MoveRefusal.SourceNotEditable)
                {
                    return PlanOutcome.Forbidden($"{actor.Name} may not move {account.Name} from {(from is null ? "no territory" : sides[from.TerritoryId].Name)} to {sides[to.TerritoryId].Name}.");
                }
            }

            if (conflicts.Count > 0)
            {
                return new PlanOutcome(PlanStatus.Conflict, plan.Id, $"{conflicts.Count} accounts changed since the plan was drafted; nothing was published.", conflicts);
            }

            foreach (var move in plan.Moves.OrderBy(m => m.Id))
            {
                var account = accounts[move.AccountId];
                var from = move.FromTerritoryId is { } fromId ? sides[fromId].Side : null;
                await territories.ApplyMoveAsync(db, changes, actor, account, from, sides[move.ToTerritoryId].Side, cancellationToken);
            }

            plan.Status = TerritoryPlanStatus.Published;
            plan.PublishedAt = clock.GetUtcNow().UtcDateTime;
            plan.PublishedBy = actor.Name;
            changes.Audit(actor.Name, nameof(TerritoryPlan), plan.Id, "published", null, new { plan.Id, plan.Name, Moves = plan.Moves.Count });
            changes.Publish(LiveEventKinds.TerritoryChanged, null, null, null, new { PlanId = plan.Id, Moves = plan.Moves.Count });
            return PlanOutcome.Ok(plan.Id, plan.Moves.Count);
        }, cancellationToken);
    }

    private async Task<PlanOutcome> EditDraftAsync(Actor actor, int planId, Func<SalesOpsDbContext, TerritoryPlan, Task<PlanOutcome>> edit, CancellationToken cancellationToken)
    {
        if (!CanDraft(actor))
        {
            return PlanOutcome.Forbidden($"{actor.Name} may not draft territory plans.");
        }

        return await writer.CommitAsync(async (db, changes) =>
        {
            var plan = await db.TerritoryPlans.Include(p => p.Moves).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
            if (plan is null)
            {
                return PlanOutcome.NotFound;
            }

            if (plan.Status != TerritoryPlanStatus.Draft)
            {
                return PlanOutcome.Invalid($"Plan {plan.Name} is published; it can no longer change.");
            }

            // Drafts are personal unless you may edit everything.
            if (!CanEdit(actor, plan.Status, plan.CreatedBy))
            {
                return PlanOutcome.Forbidden($"{actor.Name} may not change {plan.CreatedBy}'s plan.");
            }

            var outcome = await edit(db, plan);
            if (outcome.Succeeded)
            {
                // A change of moves is a change of the plan: its version guards against two editors at once.
                db.Entry(plan).State = EntityState.Modified;
                // Every board and map open on this draft follows; the live data did not change.
                changes.Publish(LiveEventKinds.TerritoryPlanChanged, plan.Id, null, null, new { PlanId = plan.Id, Moves = plan.Moves.Count });
            }

            return outcome;
        }, cancellationToken);
    }

    private static TerritoryPlanMove Draft(Shared.Domain.Account account, PlannedMove move) => new()
    {
        AccountId = account.Id,
        FromTerritoryId = account.TerritoryId,
        ToTerritoryId = move.ToTerritoryId,
        AccountVersion = account.Version,
        Note = move.Note is { Length: > MaxNoteLength } long_ ? long_[..MaxNoteLength] : move.Note,
    };

    /// <summary>Largest |potential − average| ÷ average over the geographic territories, in percent.</summary>
    private static decimal Imbalance(IReadOnlyList<TerritoryBalanceRow> rows, HashSet<int> geographic)
    {
        var potentials = rows.Where(r => geographic.Contains(r.Figures.TerritoryId)).Select(r => r.Figures.Potential).ToList();
        if (potentials.Count == 0)
        {
            return 0;
        }

        var mean = potentials.Average();
        return mean == 0 ? 0 : potentials.Max(p => Math.Abs(p - mean)) / mean * 100;
    }

    /// <summary>Each rep's open pipeline and what is left of the won-revenue quota whose period holds today.</summary>
    private async Task<Dictionary<int, RepQuotaPosition>> PositionsAsync(SalesOpsDbContext db, List<int> repIds, DateOnly today, CancellationToken cancellationToken)
    {
        if (repIds.Count == 0)
        {
            return [];
        }

        var openIds = stages.OpenIds;
        var wonId = stages.WonId;
        var names = await db.Reps.AsNoTracking().Where(r => repIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var open = await db.Deals.AsNoTracking().Where(d => repIds.Contains(d.OwnerRepId) && openIds.Contains(d.StageId))
            .GroupBy(d => d.OwnerRepId).Select(g => new { RepId = g.Key, Amount = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(g => g.RepId, g => g.Amount, cancellationToken);
        var quotas = await db.Quotas.AsNoTracking()
            .Where(q => q.RepId != null && repIds.Contains(q.RepId.Value) && q.Metric == QuotaMetric.WonRevenue && q.PeriodStart <= today && q.PeriodEnd >= today)
            .Select(q => new { RepId = q.RepId!.Value, q.PeriodStart, q.PeriodEnd, q.Amount })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<int, RepQuotaPosition>();
        foreach (var id in repIds.Where(names.ContainsKey))
        {
            var remaining = 0m;
            foreach (var q in quotas.Where(q => q.RepId == id))
            {
                var won = await db.Deals.AsNoTracking()
                    .Where(d => d.OwnerRepId == id && d.StageId == wonId && d.ClosedOn >= q.PeriodStart && d.ClosedOn <= q.PeriodEnd)
                    .SumAsync(d => d.Amount, cancellationToken);
                remaining += Math.Max(0, q.Amount - won);
            }

            result[id] = new RepQuotaPosition(id, names[id], open.GetValueOrDefault(id), remaining);
        }

        return result;
    }

    private static async Task<string?> LastChangedByAsync(SalesOpsDbContext db, int accountId, CancellationToken cancellationToken)
    {
        var key = accountId.ToString(CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Shared.Domain.Account) && a.EntityId == key)
            .OrderByDescending(a => a.Id)
            .Select(a => a.Actor)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
