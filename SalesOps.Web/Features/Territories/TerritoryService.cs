using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Territories;

/// <summary>
/// Moves accounts between territories — from a board drag, its "Move to…" menu, or anything else — checked against
/// the actor's rights and the account's version, and saved with the open deals that follow it, their audit entries
/// and live events in one transaction.
/// </summary>
public sealed class TerritoryService(
    IDbContextFactory<SalesOpsDbContext> factory,
    LiveWriter writer,
    StageCatalog stages,
    ILogger<TerritoryService> logger)
{
    /// <summary>What moving the account to the territory would do to its open deals (nothing is saved).</summary>
    public async Task<MovePreview?> PreviewMoveAsync(int accountId, int toTerritoryId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.OwnerRepId }).FirstOrDefaultAsync(cancellationToken);
        var to = await SideAsync(db, toTerritoryId, cancellationToken);
        if (account is null || to is null)
        {
            return null;
        }

        var newOwner = AccountMoveRules.NewOwner(account.OwnerRepId, to.Side);
        var following = (await OpenDeals(db, accountId).AsNoTracking().Select(d => new { d.OwnerRepId, d.Amount }).ToListAsync(cancellationToken))
            .Where(d => AccountMoveRules.DealFollows(false, d.OwnerRepId, newOwner))
            .ToList();
        var ownerName = newOwner is null ? null : await db.Reps.Where(r => r.Id == newOwner).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        return new MovePreview(following.Count, following.Sum(d => d.Amount), ownerName);
    }

    /// <param name="expectedVersion">The account's version the mover saw; a stale one is refused with who moved it since.</param>
    public async Task<AccountMoveOutcome> MoveAccountAsync(Actor actor, int accountId, int toTerritoryId, int expectedVersion, CancellationToken cancellationToken = default)
    {
        try
        {
            var outcome = await writer.CommitAsync(async (db, changes) =>
            {
                var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
                if (account is null)
                {
                    return AccountMoveOutcome.NotFound;
                }

                var to = await SideAsync(db, toTerritoryId, cancellationToken);
                if (to is null)
                {
                    return AccountMoveOutcome.Invalid(MoveRefusal.None, $"No territory has id {toTerritoryId}.");
                }

                if (!actor.CanEditTerritory(to.Side.TeamId))
                {
                    return AccountMoveOutcome.Forbidden(MoveRefusal.TargetNotEditable, to.Name, $"{actor.Name} may not move accounts into {to.Name}.");
                }

                // Checked before the source's rights: whoever lost a race hears who won it, wherever the account went.
                if (account.Version != expectedVersion)
                {
                    return await ConflictAsync(db, account, expectedVersion, cancellationToken);
                }

                var from = account.TerritoryId is { } fromId ? await SideAsync(db, fromId, cancellationToken) : null;
                switch (AccountMoveRules.Check(actor, from?.Side, to.Side))
                {
                    case MoveRefusal.SourceNotEditable:
                        return AccountMoveOutcome.Forbidden(MoveRefusal.SourceNotEditable, from!.Name, $"{actor.Name} may not move accounts out of {from.Name}.");
                    case MoveRefusal.SameTerritory:
                        return AccountMoveOutcome.Invalid(MoveRefusal.SameTerritory, $"Account {accountId} is in {to.Name} already.", to.Name);
                }

                // Compared by EF in the UPDATE's WHERE clause too, should any writer bypass the one LiveWriter.
                db.Entry(account).Property(a => a.Version).OriginalValue = expectedVersion;
                var payload = await ApplyMoveAsync(db, changes, actor, account, from?.Side, to.Side, cancellationToken);
                return AccountMoveOutcome.Ok(payload, to.Name);
            }, cancellationToken);
            return outcome.Succeeded ? outcome : Refuse(actor, accountId, toTerritoryId, outcome);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var account = await db.Accounts.AsNoTracking().FirstAsync(a => a.Id == accountId, cancellationToken);
            return Refuse(actor, accountId, toTerritoryId, await ConflictAsync(db, account, expectedVersion, cancellationToken));
        }
    }

    /// <summary>
    /// Moves a tracked account into <paramref name="to"/> on the caller's context and records it: the owner becomes
    /// the territory's owner (when it has one), open deals of the old owner follow to the new owner and team, closed
    /// deals stay. Rights and versions are the caller's to check; nothing is saved here.
    /// </summary>
    internal async Task<AccountMoved> ApplyMoveAsync(
        SalesOpsDbContext db, ChangeSet changes, Actor actor, Shared.Domain.Account account, MoveSide? from, MoveSide to, CancellationToken cancellationToken)
    {
        var accountId = account.Id;
        var before = AccountSnapshot.Of(account);
        var newOwner = AccountMoveRules.NewOwner(account.OwnerRepId, to);
        account.TerritoryId = to.TerritoryId;
        account.OwnerRepId = newOwner;
        var newTeam = newOwner is null ? (int?)null : await db.Reps.Where(r => r.Id == newOwner).Select(r => r.TeamId).SingleAsync(cancellationToken);

        var moved = new List<DealSnapshot>();
        foreach (var deal in await OpenDeals(db, accountId).ToListAsync(cancellationToken))
        {
            if (!AccountMoveRules.DealFollows(false, deal.OwnerRepId, newOwner))
            {
                continue;
            }

            var stage = stages.Find(deal.StageId)!;
            var dealBefore = DealSnapshot.Of(deal, stage);
            deal.OwnerRepId = newOwner!.Value;
            deal.TeamId = newTeam!.Value;
            var dealAfter = DealSnapshot.Of(deal, stage) with { Version = deal.Version + 1 };
            changes.Audit(actor.Name, nameof(Deal), deal.Id, "reassigned", dealBefore, dealAfter);
            changes.Publish(LiveEventKinds.DealUpdated, deal.Id, deal.TeamId, deal.OwnerRepId, dealAfter);
            moved.Add(dealAfter);
        }

        var after = AccountSnapshot.Of(account) with { Version = account.Version + 1 };
        var payload = new AccountMoved(after, before.TerritoryId, moved.Count, moved.Sum(d => d.Amount));
        changes.Audit(actor.Name, nameof(Shared.Domain.Account), account.Id, LiveEventKinds.AccountMoved, before, payload);
        // Tagged with the old owner and team, so their pipeline boards see the deals leave (the deal events
        // reach the new owner's).
        changes.Publish(LiveEventKinds.AccountMoved, account.Id, from?.TeamId, before.OwnerRepId, payload);
        return payload;
    }

    private IQueryable<Deal> OpenDeals(SalesOpsDbContext db, int accountId)
    {
        var openIds = stages.OpenIds;
        return db.Deals.Where(d => d.AccountId == accountId && openIds.Contains(d.StageId));
    }

    private static async Task<NamedSide?> SideAsync(SalesOpsDbContext db, int territoryId, CancellationToken cancellationToken) =>
        await db.Territories.AsNoTracking()
            .Where(t => t.Id == territoryId)
            .Select(t => new NamedSide(t.Name, new MoveSide(t.Id, t.OwnerRepId, t.OwnerRep == null ? null : t.OwnerRep.TeamId)))
            .FirstOrDefaultAsync(cancellationToken);

    private static async Task<AccountMoveOutcome> ConflictAsync(SalesOpsDbContext db, Shared.Domain.Account account, int staleVersion, CancellationToken cancellationToken)
    {
        var entityId = account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Shared.Domain.Account) && a.EntityId == entityId)
            .OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var territory = await db.Territories.AsNoTracking().Where(t => t.Id == account.TerritoryId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        var who = last is null ? "someone else" : $"{last.Actor} at {last.At:u}";
        return AccountMoveOutcome.Conflict(
            territory,
            $"Account {account.Id} was changed by {who} (now version {account.Version} in {territory}, you sent {staleVersion}); nothing was saved.",
            last?.Actor);
    }

    private AccountMoveOutcome Refuse(Actor actor, int accountId, int toTerritoryId, AccountMoveOutcome outcome)
    {
        TerritoryLog.RefusedMove(logger, accountId, toTerritoryId, actor.Name, outcome.Status, outcome.Message);
        return outcome;
    }

    private sealed record NamedSide(string Name, MoveSide Side);
}

internal static partial class TerritoryLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to move account {AccountId} to territory {TerritoryId} for {Actor}: {Status} {Message}")]
    public static partial void RefusedMove(ILogger logger, int accountId, int territoryId, string actor, AccountMoveStatus status, string? message);
}
