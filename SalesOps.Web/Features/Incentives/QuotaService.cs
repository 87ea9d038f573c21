using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Incentives;

/// <summary>One rep's quotas for the year's four quarters (null: none set).</summary>
public sealed record QuotaGridRep(int RepId, string Name, IReadOnlyList<decimal?> Amounts);

/// <summary>A team's reps and its roll-up: the sum of its reps' quotas per quarter.</summary>
public sealed record QuotaGridTeam(int TeamId, string Name, bool CanEdit, IReadOnlyList<QuotaGridRep> Reps)
{
    public IReadOnlyList<decimal> Totals { get; } = Enumerable.Range(0, 4).Select(q => Reps.Sum(r => r.Amounts[q] ?? 0)).ToList();
}

public sealed record QuotaGrid(int Year, IReadOnlyList<Period> Quarters, IReadOnlyList<QuotaGridTeam> Teams)
{
    public IReadOnlyList<decimal> Totals { get; } = Enumerable.Range(0, 4).Select(q => Teams.Sum(t => t.Totals[q])).ToList();
}

/// <summary>The outcome of a save or import: nothing is written unless every edit passes.</summary>
public sealed record QuotaSaveResult(int Changed, IReadOnlyList<QuotaError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static QuotaSaveResult Refused(params QuotaError[] errors) => new(0, errors);
}

/// <summary>
/// Quarterly won-revenue quotas. Managers set their team's, VPs and admins everyone's; no one else reads or writes
/// the grid. Every write is checked here per rep (<see cref="QuotaRules"/>), whichever way it came (grid, bulk edit,
/// CSV upload, HTTP), saved all-or-nothing with an audit entry per quota and a live event per rep.
/// </summary>
public sealed partial class QuotaService(IDbContextFactory<SalesOpsDbContext> factory, LiveWriter writer, ILogger<QuotaService> logger)
{
    /// <summary>Whether the actor manages quotas at all (the page and the CSV answer nothing otherwise).</summary>
    public static bool MayManage(Actor actor) => actor.Role is Roles.VP or Roles.Admin || (actor.Role == Roles.Manager && actor.TeamId is not null);

    public static bool MayEditTeam(Actor actor, int teamId) => actor.Role switch
    {
        Roles.VP or Roles.Admin => true,
        Roles.Manager => actor.TeamId == teamId,
        _ => false,
    };

    /// <summary>The year's grid of the reps the actor manages; null when the actor manages no quotas.</summary>
    public async Task<QuotaGrid?> GridAsync(Actor actor, int year, CancellationToken cancellationToken = default)
    {
        if (!MayManage(actor) || year is < 2000 or > 2100)
        {
            return null;
        }

        var quarters = Enumerable.Range(0, 4).Select(q => Period.QuarterOf(new DateOnly(year, q * 3 + 1, 1))).ToList();
        var yearStart = quarters[0].Start;
        var yearEnd = quarters[3].End;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var reps = db.Reps.AsNoTracking().Where(r => r.Active);
        if (actor.Role == Roles.Manager)
        {
            reps = reps.Where(r => r.TeamId == actor.TeamId);
        }

        var people = await reps.OrderBy(r => r.Team!.Name).ThenBy(r => r.Name)
            .Select(r => new { r.Id, r.Name, r.TeamId, Team = r.Team!.Name })
            .ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var quotas = await db.Quotas.AsNoTracking()
            .Where(q => q.RepId != null && ids.Contains(q.RepId.Value) && q.Metric == QuotaMetric.WonRevenue && q.PeriodStart <= yearEnd && q.PeriodEnd >= yearStart)
            .Select(q => new { RepId = q.RepId!.Value, q.PeriodStart, q.PeriodEnd, q.Amount })
            .ToListAsync(cancellationToken);
        var byRep = quotas.ToLookup(q => q.RepId);

        decimal? AmountIn(int repId, Period quarter)
        {
            var overlapping = byRep[repId].Where(q => q.PeriodStart <= quarter.End && q.PeriodEnd >= quarter.Start).ToList();
            return overlapping.Count == 0 ? null : overlapping.Sum(q => LeaderboardService.Prorated(q.Amount, new Period(q.PeriodStart, q.PeriodEnd), quarter));
        }

        var teams = people
            .GroupBy(p => (p.TeamId, p.Team))
            .Select(g => new QuotaGridTeam(g.Key.TeamId, g.Key.Team, MayEditTeam(actor, g.Key.TeamId),
                g.Select(p => new QuotaGridRep(p.Id, p.Name, quarters.Select(q => AmountIn(p.Id, q)).ToList())).ToList()))
            .ToList();
        return new QuotaGrid(year, quarters, teams);
    }

    /// <summary>Sets the quotas (a stored quota of the same rep and quarter is replaced), or none when any edit is refused.</summary>
    public async Task<QuotaSaveResult> SaveAsync(Actor actor, IReadOnlyList<QuotaEdit> edits, CancellationToken cancellationToken = default)
    {
        if (!MayManage(actor))
        {
            QuotaLog.Refused(logger, actor.Name, actor.Role, edits.Count, "not a quota manager");
            return QuotaSaveResult.Refused(new QuotaError(0, "rep", "You do not set quotas."));
        }

        if (edits.Count == 0)
        {
            return new QuotaSaveResult(0, []);
        }

        var result = await writer.CommitAsync(async (db, changes) =>
        {
            var repIds = edits.Select(e => e.RepId).Distinct().ToList();
            var reps = await db.Reps.AsNoTracking().Where(r => repIds.Contains(r.Id)).Select(r => new { r.Id, r.TeamId }).ToDictionaryAsync(r => r.Id, r => r.TeamId, cancellationToken);
            var stored = await db.Quotas.Where(q => q.RepId != null && repIds.Contains(q.RepId.Value) && q.Metric == QuotaMetric.WonRevenue).ToListAsync(cancellationToken);
            var errors = QuotaRules.Validate(edits, reps, team => MayEditTeam(actor, team),
                stored.Select(q => new StoredQuota(q.RepId!.Value, new Period(q.PeriodStart, q.PeriodEnd))).ToList());
            if (errors.Count > 0)
            {
                return new QuotaSaveResult(0, errors);
            }

            var changedReps = new HashSet<int>();
            var changed = 0;
            foreach (var edit in edits)
            {
                if (!QuotaRules.TryParseQuarter(edit.Quarter, out var quarter))
                {
                    throw new InvalidOperationException("Validated edits have quarters.");
                }

                var quota = stored.FirstOrDefault(q => q.RepId == edit.RepId && q.PeriodStart == quarter.Start && q.PeriodEnd == quarter.End);
                if (quota?.Amount == edit.Amount)
                {
                    continue;
                }

                var before = quota is null ? null : new { quota.Amount };
                if (quota is null)
                {
                    quota = new Quota { RepId = edit.RepId, PeriodStart = quarter.Start, PeriodEnd = quarter.End, Amount = edit.Amount, Metric = QuotaMetric.WonRevenue };
                    db.Quotas.Add(quota);
                    stored.Add(quota);
                }
                else
                {
                    quota.Amount = edit.Amount;
                }

                changed++;
                changedReps.Add(edit.RepId);
                changes.Audit(actor.Name, nameof(Quota), $"{edit.RepId}/{QuotaRules.KeyOf(quarter)}", before is null ? "created" : "changed", before,
                    new { edit.RepId, Quarter = QuotaRules.KeyOf(quarter), edit.Amount });
            }

            foreach (var repId in changedReps)
            {
                changes.Publish(IncentiveEvents.QuotaChanged, null, reps[repId], repId, null);
            }

            return new QuotaSaveResult(changed, []);
        }, cancellationToken);

        if (!result.Succeeded)
        {
            QuotaLog.Refused(logger, actor.Name, actor.Role, edits.Count, string.Join("; ", result.Errors.Take(5).Select(e => $"row {e.Row} {e.Field}: {e.Message}")));
        }

        return result;
    }
}

internal static partial class QuotaLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Actor} ({Role}) {Count} quota edit(s): {Reason}")]
    public static partial void Refused(ILogger logger, string actor, string role, int count, string reason);
}
