using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;

namespace SalesOps.Web.Data;

/// <summary>A deal as its board card reads it: the one projection the board and the drawer share.</summary>
public sealed record DealCardRow(
    int Id,
    string Name,
    string Account,
    string Owner,
    int OwnerRepId,
    int TeamId,
    int StageId,
    decimal Amount,
    int Probability,
    DateOnly ExpectedClose,
    DateOnly? ClosedOn,
    DateTime StageEnteredAt,
    SalesChannel Channel,
    int Version,
    DateOnly StartedOn);

/// <summary>
/// The pieces of deal queries that every screen writes the same way: who may see what, which deals closed in a
/// period, the stage slices totals are summed from, and the card projection. Compose these; don't write them out.
/// </summary>
public static class DealQueries
{
    /// <summary>The deals an actor may see; every read of deals goes through this.</summary>
    public static IQueryable<Deal> VisibleTo(this IQueryable<Deal> deals, DealScope scope) => scope switch
    {
        { All: true } => deals,
        { RepId: { } rep } => deals.Where(d => d.OwnerRepId == rep),
        { TeamId: { } team } => deals.Where(d => d.TeamId == team),
        { TeamIds: { } teams } => deals.Where(d => teams.Contains(d.TeamId)),
        _ => deals.Where(d => false),
    };

    /// <summary>The rep quotas an actor may see: their own, their team's reps', or all.</summary>
    public static IQueryable<Quota> VisibleTo(this IQueryable<Quota> quotas, DealScope scope) => scope switch
    {
        { All: true } => quotas,
        { RepId: { } rep } => quotas.Where(q => q.RepId == rep),
        { TeamId: { } team } => quotas.Where(q => q.Rep!.TeamId == team),
        { TeamIds: { } teams } => quotas.Where(q => teams.Contains(q.Rep!.TeamId)),
        _ => quotas.Where(q => false),
    };

    /// <summary>The reps an actor may pick: themselves, their team, or everyone.</summary>
    public static IQueryable<Rep> VisibleTo(this IQueryable<Rep> reps, DealScope scope) => scope switch
    {
        { All: true } => reps,
        { RepId: { } rep } => reps.Where(r => r.Id == rep),
        { TeamId: { } team } => reps.Where(r => r.TeamId == team),
        { TeamIds: { } teams } => reps.Where(r => teams.Contains(r.TeamId)),
        _ => reps.Where(r => false),
    };

    /// <summary>The teams an actor may pick: a manager's own, or all; a rep picks none (they see only their deals).</summary>
    public static IQueryable<Team> VisibleTo(this IQueryable<Team> teams, DealScope scope) => scope switch
    {
        { All: true } => teams,
        { RepId: null, TeamId: { } team } => teams.Where(t => t.Id == team),
        { RepId: null, TeamIds: { } ids } => teams.Where(t => ids.Contains(t.Id)),
        _ => teams.Where(t => false),
    };

    /// <summary>The live events about deals an actor may see (the hub's replay).</summary>
    public static IQueryable<LiveEvent> VisibleTo(this IQueryable<LiveEvent> events, DealScope scope) => scope switch
    {
        { All: true } => events,
        { RepId: { } rep } => events.Where(e => e.RepId == rep),
        { TeamId: { } team } => events.Where(e => e.TeamId == team),
        { TeamIds: { } teams } => events.Where(e => e.TeamId != null && teams.Contains(e.TeamId.Value)),
        _ => events.Where(e => false),
    };

    /// <summary>Deals in an open stage.</summary>
    public static IQueryable<Deal> Open(this IQueryable<Deal> deals, StageCatalog stages)
    {
        var openIds = stages.OpenIds;
        return deals.Where(d => openIds.Contains(d.StageId));
    }

    /// <summary>Deals won or lost (either way), whenever.</summary>
    public static IQueryable<Deal> WonOrLost(this IQueryable<Deal> deals, StageCatalog stages)
    {
        // Two equalities rather than Contains: SQLite then seeks the stage index once per stage.
        int wonId = stages.WonId, lostId = stages.LostId;
        return deals.Where(d => d.StageId == wonId || d.StageId == lostId);
    }

    /// <summary>
    /// Deals whose close date falls in the period (the user's calendar days). Combine with a stage condition
    /// (<see cref="WonOrLost"/> or one closed stage) so the query can use the stage's index.
    /// </summary>
    public static IQueryable<Deal> ClosedIn(this IQueryable<Deal> deals, Period period) =>
        deals.Where(d => d.ClosedOn >= period.Start && d.ClosedOn <= period.End);

    /// <summary>Count and amount per stage and probability, summed in SQL: the grain pipeline totals are built from.</summary>
    public static Task<List<StageSlice>> ToStageSlicesAsync(this IQueryable<Deal> deals, CancellationToken cancellationToken = default) =>
        deals.GroupBy(d => new { d.StageId, d.Probability })
            .Select(g => new StageSlice(g.Key.StageId, g.Key.Probability, g.Count(), g.Sum(d => d.Amount)))
            .ToListAsync(cancellationToken);

    /// <summary>What a deal's card shows, read in one query with its account and owner names.</summary>
    public static IQueryable<DealCardRow> AsCardRows(this IQueryable<Deal> deals) =>
        deals.Select(d => new DealCardRow(
            d.Id, d.Name, d.Account == null ? "" : d.Account.Name, d.OwnerRep!.Name, d.OwnerRepId, d.TeamId, d.StageId, d.Amount,
            d.Probability, d.ExpectedClose, d.ClosedOn, d.StageEnteredAt, d.Channel, d.Version, d.EngagedOn ?? d.CreatedOn));
}
