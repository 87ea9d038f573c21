using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;
using SalesOps.Web.Data;

namespace SalesOps.Web.Features.Territories;

/// <summary>
/// "Suggest a balanced plan" over the live data: the geographic territories the user may edit take part (others
/// keep their accounts and get none), accounts with a deal in Negotiation stay unless allowed, and accounts are kept
/// in (or brought back to) the territory of their region where the balance allows. Nothing is saved: the plan is
/// shown, and can be opened as a draft plan.
/// </summary>
public sealed class TerritoryBalanceService(IDbContextFactory<SalesOpsDbContext> factory, StageCatalog stages)
{
    /// <summary>The largest disruption budget a user can ask for (accounts moved).</summary>
    public const int MaxBudget = 10_000;

    public const string NegotiationStage = "Negotiation";

    /// <param name="maxMoves">The disruption budget: at most this many accounts change territory (clamped to 0…<see cref="MaxBudget"/>).</param>
    /// <param name="allowNegotiation">Accounts with a deal in Negotiation may move too.</param>
    public async Task<BalancePlan> SuggestAsync(Actor actor, int maxMoves, bool allowNegotiation, CancellationToken cancellationToken = default)
    {
        var request = await RequestAsync(actor, Math.Clamp(maxMoves, 0, MaxBudget), allowNegotiation, cancellationToken);
        return TerritoryBalancer.Suggest(request);
    }

    public async Task<BalanceRequest> RequestAsync(Actor actor, int? maxMoves, bool allowNegotiation, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rules = TerritoryAssignment.Create(await TerritoryRuleService.LoadRulesAsync(db, cancellationToken));
        var territories = await db.Territories.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Name, t.Kind, TeamId = t.OwnerRep == null ? (int?)null : t.OwnerRep.TeamId })
            .ToListAsync(cancellationToken);
        var negotiation = stages.FindByName(NegotiationStage)?.Id ?? -1;
        var locked = (await db.Deals.AsNoTracking().Where(d => d.StageId == negotiation).Select(d => d.AccountId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.TerritoryId != null)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Name, a.PotentialScore, a.TerritoryId, a.RegionCode })
            .ToListAsync(cancellationToken);
        return new BalanceRequest(
            accounts.Select(a => new BalanceAccount(a.Id, a.Name, a.PotentialScore, a.TerritoryId!.Value, locked.Contains(a.Id), rules.TerritoryOfRegion(a.RegionCode))).ToList(),
            territories.Select(t => new BalanceTerritory(t.Id, t.Name, t.Kind == TerritoryKind.Geographic && actor.CanEditTerritory(t.TeamId))).ToList(),
            maxMoves,
            allowNegotiation);
    }
}
