using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;

namespace SalesOps.Web.Data;

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
}
