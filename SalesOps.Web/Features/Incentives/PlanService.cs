using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Pipeline;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Incentives;

public sealed record PlanSummary(int Id, string Name, DateOnly EffectiveFrom, DateOnly? EffectiveTo, Shared.Incentives.PayoutMode Mode, int AssignedReps);

/// <summary>A rep the editor can assign, with their quota this quarter for the preview.</summary>
public sealed record PlanRep(int Id, string Name, string Team, decimal QuarterQuota);

public sealed record PlanCatalog(IReadOnlyList<PlanSummary> Plans, IReadOnlyList<PlanRep> Reps, IReadOnlyList<FilterChoice> Products);

public enum PlanSaveStatus { Saved, Invalid, Refused, Conflict, NotFound }

public sealed record PlanSaveResult(PlanSaveStatus Status, int? Id = null, IReadOnlyDictionary<string, string>? Errors = null);

/// <summary>
/// Comp plans: only a VP or an admin reads the editor and changes plans (rates are company policy). Each save is
/// checked again here, versioned against concurrent edits, audited and announced live, so every open "pays you",
/// performance page and statement re-reads.
/// </summary>
public sealed partial class PlanService(IDbContextFactory<SalesOpsDbContext> factory, LiveWriter writer, ILogger<PlanService> logger)
{
    public static bool MayEdit(Actor actor) => actor.Role is Roles.VP or Roles.Admin;

    public async Task<PlanCatalog?> CatalogAsync(Actor actor, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (!MayEdit(actor))
        {
            return null;
        }

        var quarter = Period.QuarterOf(today);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var plans = await db.CompPlans.AsNoTracking().OrderByDescending(p => p.EffectiveFrom).ThenBy(p => p.Name)
            .Select(p => new PlanSummary(p.Id, p.Name, p.EffectiveFrom, p.EffectiveTo, p.Mode, p.Assignments.Count))
            .ToListAsync(cancellationToken);
        var quotas = await db.Quotas.AsNoTracking()
            .Where(q => q.RepId != null && q.Metric == QuotaMetric.WonRevenue && q.PeriodStart == quarter.Start && q.PeriodEnd == quarter.End)
            .Select(q => new { RepId = q.RepId!.Value, q.Amount })
            .ToListAsync(cancellationToken);
        var quotaOf = quotas.GroupBy(q => q.RepId).ToDictionary(g => g.Key, g => g.Sum(q => q.Amount));
        var reps = await db.Reps.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name, Team = r.Team!.Name })
            .ToListAsync(cancellationToken);
        var products = await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new FilterChoice(p.Id, p.Name)).ToListAsync(cancellationToken);
        return new PlanCatalog(plans, reps.Select(r => new PlanRep(r.Id, r.Name, r.Team, quotaOf.GetValueOrDefault(r.Id))).ToList(), products);
    }

    public async Task<PlanDraft?> LoadAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        if (!MayEdit(actor))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var plan = await db.CompPlans.AsNoTracking().Include(p => p.Tiers).Include(p => p.Spifs).Include(p => p.Assignments)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return plan is null ? null : PlanDraft.From(plan);
    }

    public async Task<PlanSaveResult> SaveAsync(Actor actor, PlanDraft draft, CancellationToken cancellationToken = default)
    {
        if (!MayEdit(actor))
        {
            PlanLog.Refused(logger, actor.Name, actor.Role, draft.Id);
            return new PlanSaveResult(PlanSaveStatus.Refused);
        }

        var errors = new Dictionary<string, string>(draft.Validate());
        if (errors.Count > 0)
        {
            return new PlanSaveResult(PlanSaveStatus.Invalid, draft.Id, errors);
        }

        return await writer.CommitAsync(async (db, changes) =>
        {
            var repIds = draft.RepIds.Distinct().ToList();
            var known = await db.Reps.Where(r => repIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
            if (known.Count != repIds.Count)
            {
                return new PlanSaveResult(PlanSaveStatus.Invalid, draft.Id, new Dictionary<string, string> { ["reps"] = $"No such rep: {string.Join(", ", repIds.Except(known))}." });
            }

            var productIds = draft.Spifs.Where(s => s.ProductId is not null).Select(s => s.ProductId!.Value).Distinct().ToList();
            var products = await db.Products.Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
            for (var i = 0; i < draft.Spifs.Count; i++)
            {
                if (draft.Spifs[i].ProductId is { } product && !products.Contains(product))
                {
                    return new PlanSaveResult(PlanSaveStatus.Invalid, draft.Id, new Dictionary<string, string> { [$"spifs[{i}].productId"] = $"No such product: {product}." });
                }
            }

            CompPlan plan;
            object? before = null;
            if (draft.Id is { } id)
            {
                var found = await db.CompPlans.Include(p => p.Tiers).Include(p => p.Spifs).Include(p => p.Assignments).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
                if (found is null)
                {
                    return new PlanSaveResult(PlanSaveStatus.NotFound, id);
                }

                if (found.Version != draft.Version)
                {
                    return new PlanSaveResult(PlanSaveStatus.Conflict, id);
                }

                plan = found;
                before = Snapshot(PlanDraft.From(found));
                db.RemoveRange(found.Tiers);
                db.RemoveRange(found.Spifs);
                db.RemoveRange(found.Assignments);
                // Version goes up by one even when only child rows change, so a second editor's stale save conflicts.
                db.Entry(found).Property(p => p.Version).IsModified = true;
            }
            else
            {
                plan = new CompPlan { Name = "" };
                db.CompPlans.Add(plan);
            }

            var terms = draft.ToTerms();
            plan.Name = terms.Name;
            plan.Mode = terms.Mode;
            plan.EffectiveFrom = terms.EffectiveFrom;
            plan.EffectiveTo = terms.EffectiveTo;
            plan.CapMultiple = terms.CapMultiple;
            plan.CapAmount = terms.CapAmount;
            plan.CapIncludesSpifs = terms.CapIncludesSpifs;
            plan.Tiers = terms.Tiers.Select(t => new CompPlanTier { FromAttainment = (int)t.Threshold, RatePercent = t.RatePercent }).ToList();
            plan.Spifs = terms.Spifs.Select(s => new Spif { Name = s.Name, ProductId = s.ProductId, BonusPerDeal = s.BonusPerDeal, StartsOn = s.From, EndsOn = s.To }).ToList();
            plan.Assignments = repIds.Select(r => new CompPlanAssignment { RepId = r }).ToList();
            await db.SaveChangesAsync(cancellationToken);

            changes.Audit(actor.Name, nameof(CompPlan), plan.Id, before is null ? "created" : "changed", before, Snapshot(draft));
            changes.Publish(IncentiveEvents.PlanChanged, plan.Id, null, null, null);
            return new PlanSaveResult(PlanSaveStatus.Saved, plan.Id);
        }, cancellationToken);
    }

    private static object Snapshot(PlanDraft d) => new
    {
        d.Name, d.Mode, d.EffectiveFrom, d.EffectiveTo, d.CapMultiple, d.CapAmount, d.CapIncludesSpifs,
        Tiers = d.Tiers.Select(t => new { t.Threshold, t.RatePercent }),
        Spifs = d.Spifs.Select(s => new { s.Name, s.ProductId, s.BonusPerDeal, s.From, s.To }),
        d.RepIds,
    };
}

internal static partial class PlanLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Actor} ({Role}) a change to comp plan {PlanId}")]
    public static partial void Refused(ILogger logger, string actor, string role, int? planId);
}
