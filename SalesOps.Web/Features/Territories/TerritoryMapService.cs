using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Territories;

/// <summary>
/// Reads what the territory map draws: every region the app knows with the territory its rules give it, every
/// territory with its balance figures, and the accounts as markers. Region codes become map shape keys here
/// (through <see cref="RegionCodes"/>), so the browser never translates codes.
/// </summary>
public sealed class TerritoryMapService(
    IDbContextFactory<SalesOpsDbContext> factory,
    TerritoryBoardService board,
    StageCatalog stages,
    SharedReads shared,
    TimeProvider clock)
{
    /// <summary>Most markers drawn; past it the map shows the accounts of highest potential and says so.</summary>
    public const int MaxMarkers = 20_000;

    /// <summary>Every territory with whether the viewer may move accounts into it (for "move to" lists).</summary>
    public async Task<IReadOnlyList<MoveTarget>> TargetsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var territories = await db.Territories.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Name, TeamId = t.OwnerRep == null ? (int?)null : t.OwnerRep.TeamId })
            .ToListAsync(cancellationToken);
        return territories.Select(t => new MoveTarget(t.Id, t.Name, actor.CanEditTerritory(t.TeamId))).ToList();
    }

    /// <param name="plan">A draft plan to show instead of the live assignment: accounts where it puts them, its figures.</param>
    /// <remarks>
    /// Every map showing the live assignment as of the same change shares one read (a move makes every open map
    /// re-read at once); only the territories' <see cref="MapTerritory.CanEdit"/> differ per viewer.
    /// </remarks>
    public async Task<TerritoryMapData> LoadAsync(Actor actor, DateOnly today, PlanPlacement? plan = null, CancellationToken cancellationToken = default)
    {
        var data = plan is null
            ? await shared.GetAsync(new MapKey(today), () => ReadAsync(today, null, CancellationToken.None), cancellationToken)
            : await ReadAsync(today, plan, cancellationToken);
        return data with { Territories = data.Territories.Select(t => t with { CanEdit = actor.CanEditTerritory(t.TeamId) }).ToList() };
    }

    private async Task<TerritoryMapData> ReadAsync(DateOnly today, PlanPlacement? plan, CancellationToken cancellationToken)
    {
        var balance = plan?.Balance ?? await board.BalanceAsync(today, cancellationToken: cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var territories = await db.Territories.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Name, t.Color, t.Kind, t.OwnerRepId, Owner = t.OwnerRep == null ? null : t.OwnerRep.Name, TeamId = t.OwnerRep == null ? (int?)null : t.OwnerRep.TeamId })
            .ToListAsync(cancellationToken);
        var rules = TerritoryAssignment.Create(await TerritoryRuleService.LoadRulesAsync(db, cancellationToken));
        var total = await db.Accounts.CountAsync(cancellationToken);
        var accounts = await db.Accounts.AsNoTracking()
            .OrderByDescending(a => a.PotentialScore).ThenBy(a => a.Id)
            .Take(MaxMarkers)
            .Select(a => new { a.Id, a.Name, a.Latitude, a.Longitude, a.PotentialScore, a.TerritoryId, a.RegionCode, a.Version })
            .ToListAsync(cancellationToken);
        var openIds = stages.OpenIds;
        var pipeline = await db.Deals.AsNoTracking()
            .Where(d => openIds.Contains(d.StageId) && d.AccountId != null)
            .GroupBy(d => d.AccountId!.Value)
            .Select(g => new { AccountId = g.Key, Amount = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(g => g.AccountId, g => g.Amount, cancellationToken);
        var byRegion = await db.Accounts.AsNoTracking()
            .GroupBy(a => a.RegionCode)
            .Select(g => new { Code = g.Key, Count = g.Count(), Potential = g.Sum(a => a.PotentialScore) })
            .ToDictionaryAsync(g => g.Code, cancellationToken);

        var rows = balance.ToDictionary(r => r.Figures.TerritoryId);
        var mapTerritories = territories
            .Select(t => new MapTerritory(t.Id, t.Name, t.Color, t.Kind, t.Owner, t.OwnerRepId, t.TeamId, CanEdit: false, rows[t.Id]))
            .ToList();
        var regions = RegionCodes.UsSubdivisions.Select(r => (Region: r, Key: "us:" + r.MapShapeId))
            .Concat(RegionCodes.Countries.Select(r => (Region: r, Key: "world:" + r.MapShapeId)))
            .Select(r =>
            {
                var counts = byRegion.GetValueOrDefault(r.Region.Code);
                return new MapRegion(r.Region.Code, r.Region.Name, r.Key, rules.TerritoryOfRegion(r.Region.Code), counts?.Count ?? 0, counts?.Potential ?? 0);
            })
            .ToList();
        var markers = accounts
            .Select(a => new MapAccount(a.Id, a.Name, a.Latitude, a.Longitude, a.PotentialScore, plan?.Where(a.Id, a.TerritoryId) ?? a.TerritoryId, a.RegionCode, a.Version,
                pipeline.GetValueOrDefault(a.Id), plan?.TerritoryOf.ContainsKey(a.Id) == true))
            .ToList();
        return new TerritoryMapData(clock.GetUtcNow().UtcDateTime, mapTerritories, regions, markers, total);
    }

    private sealed record MapKey(DateOnly Today);
}
