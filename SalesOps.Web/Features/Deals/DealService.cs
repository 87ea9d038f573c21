using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Deals;

/// <summary>
/// Every change to a deal — from the ingest API, a board or a drawer — goes through here: validated, checked
/// against the actor's rights, saved with its stage history, audit entry and live event in one transaction.
/// </summary>
public sealed class DealService(
    IDbContextFactory<SalesOpsDbContext> factory,
    LiveWriter writer,
    StageCatalog stages,
    TimeProvider clock,
    IOptions<SalesOpsOptions> options,
    ILogger<DealService> logger)
{
    public async Task<DealOutcome> CreateAsync(Actor actor, NewDeal draft, CancellationToken cancellationToken = default)
    {
        if (!actor.ChangesDeals)
        {
            return Refuse(actor, "create", null, ReadOnlyRefusal(actor));
        }

        var errors = DealRules.Validate(draft.Name, draft.Amount, draft.Probability, draft.ExpectedClose, null);
        var stage = stages.FindByName(draft.Stage);
        if (stage is null)
        {
            errors["stage"] = [UnknownStageMessage(draft.Stage)];
        }

        var companyCurrency = options.Value.Currency;
        if (draft.Currency is { } currency && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            errors["currency"] = [$"The currency is a three-letter ISO 4217 code such as {companyCurrency}."];
        }
        else if (draft.Currency is { } other && other != companyCurrency)
        {
            // Totals, quotas and payouts add amounts up as they are; a foreign amount would be summed as if it were ours.
            errors["currency"] = [$"SalesOps sums amounts in {companyCurrency}, the company's currency; this deal is in {other}. Convert it before sending."];
        }

        var externalId = draft.ExternalId?.Trim();
        if (externalId is { Length: 0 or > DealRules.MaxExternalIdLength })
        {
            errors["externalId"] = [externalId.Length == 0
                ? "The externalId cannot be blank; leave it out if the deal has none."
                : $"The externalId can have at most {DealRules.MaxExternalIdLength} characters."];
        }

        if (errors.Count > 0)
        {
            return Refuse(actor, "create", null, DealOutcome.Invalid(errors));
        }

        try
        {
            var outcome = await writer.CommitAsync(async (db, changes) =>
            {
                if (externalId is not null && await db.Deals.AnyAsync(d => d.ExternalId == externalId, cancellationToken))
                {
                    return DealOutcome.Invalid("externalId", $"A deal with external id '{externalId}' exists already; PATCH it instead.");
                }

                var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == draft.AccountId, cancellationToken);
                if (account is null)
                {
                    return DealOutcome.Invalid("accountId", $"No account has id {draft.AccountId}.");
                }

                var ownerId = draft.OwnerRepId ?? account.OwnerRepId;
                var owner = ownerId is null ? null : await db.Reps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ownerId, cancellationToken);
                if (owner is null)
                {
                    return DealOutcome.Invalid("ownerRepId", draft.OwnerRepId is null
                        ? "The account has no owner; name the deal's owner in ownerRepId."
                        : $"No rep has id {draft.OwnerRepId}.");
                }

                if (draft.ProductId is { } productId && !await db.Products.AnyAsync(p => p.Id == productId, cancellationToken))
                {
                    return DealOutcome.Invalid("productId", $"No product has id {productId}.");
                }

                if (!actor.CanChangeDeal(owner.Id, owner.TeamId))
                {
                    return DealOutcome.Forbidden($"{actor.Name} may not create deals for {owner.Name}.");
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var today = DateOnly.FromDateTime(now);
                var probability = draft.Probability ?? stage!.DefaultProbability;
                var deal = new Deal
                {
                    Name = draft.Name.Trim(),
                    AccountId = account.Id,
                    OwnerRepId = owner.Id,
                    TeamId = owner.TeamId,
                    ProductId = draft.ProductId,
                    Amount = draft.Amount,
                    Currency = companyCurrency,
                    StageId = stage!.Id,
                    Probability = probability,
                    ForecastCategory = DealRules.DefaultForecastCategory(stage, probability),
                    CreatedOn = today,
                    ExpectedClose = draft.ExpectedClose,
                    ClosedOn = stage.IsClosed ? today : null,
                    Channel = owner.Channel,
                    StageEnteredAt = now,
                    ExternalId = externalId,
                };
                deal.StageHistory.Add(new DealStageChange { ToStageId = stage.Id, ChangedAt = now, ChangedBy = actor.Name });
                db.Deals.Add(deal);
                await db.SaveChangesAsync(cancellationToken); // the id is needed for the audit entry and event

                var snapshot = DealSnapshot.Of(deal, stage);
                changes.Audit(actor.Name, nameof(Deal), deal.Id, "created", null, snapshot);
                changes.Publish(LiveEventKinds.DealCreated, deal.Id, deal.TeamId, deal.OwnerRepId, snapshot);
                return DealOutcome.Ok(snapshot);
            }, cancellationToken);
            return outcome.Succeeded ? outcome : Refuse(actor, "create", null, outcome);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            return Refuse(actor, "create", null, DealOutcome.Invalid("externalId", "The deal clashes with an existing one (external id)."));
        }
    }

    public async Task<DealOutcome> ChangeAsync(Actor actor, int dealId, DealChange change, CancellationToken cancellationToken = default)
    {
        if (!actor.ChangesDeals)
        {
            return Refuse(actor, "change", dealId, ReadOnlyRefusal(actor));
        }

        var errors = DealRules.Validate(null, change.Amount, change.Probability, change.ExpectedClose, change.LostReason);
        var target = change.Stage is null ? null : stages.FindByName(change.Stage);
        if (change.Stage is not null && target is null)
        {
            errors["stage"] = [UnknownStageMessage(change.Stage)];
        }

        // Tomorrow, not today: the sender's day may already have begun while it is still yesterday in UTC.
        var latestClose = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
        if (change.ClosedOn is { } closedOn && (closedOn < EarliestClose || closedOn > latestClose))
        {
            errors["closedOn"] = [$"The close date must fall between {EarliestClose:yyyy-MM-dd} and {latestClose:yyyy-MM-dd}; it cannot be in the future."];
        }

        if (errors.Count > 0)
        {
            return Refuse(actor, "change", dealId, DealOutcome.Invalid(errors));
        }

        try
        {
            var outcome = await writer.CommitAsync(async (db, changes) =>
            {
                var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == dealId, cancellationToken);
                if (deal is null)
                {
                    return DealOutcome.NotFound;
                }

                if (!actor.CanChangeDeal(deal))
                {
                    return DealOutcome.Forbidden($"{actor.Name} may not change deal {deal.Id}.");
                }

                if (change.ForecastCategory is { } category && DealRules.ForecastCategoryError(target ?? stages.Find(deal.StageId)!, category) is { } categoryError)
                {
                    return DealOutcome.Invalid("forecastCategory", categoryError);
                }

                if (change.Version is { } expected)
                {
                    // Compared by EF in the UPDATE's WHERE clause: a stale version updates nothing and throws.
                    db.Entry(deal).Property(d => d.Version).OriginalValue = expected;
                }

                var before = DealSnapshot.Of(deal, stages.Find(deal.StageId)!);
                var now = clock.GetUtcNow().UtcDateTime;
                Apply(deal, change, target, now, actor.Name);
                if (!db.ChangeTracker.HasChanges())
                {
                    return DealOutcome.Ok(before);
                }

                var after = DealSnapshot.Of(deal, stages.Find(deal.StageId)!, before.StageId == deal.StageId ? null : before.StageId);
                var kind = after.FromStageId is null ? LiveEventKinds.DealUpdated : LiveEventKinds.DealStageChanged;
                changes.Audit(actor.Name, nameof(Deal), deal.Id, kind, before, after with { Version = before.Version + 1 });
                changes.Publish(kind, deal.Id, deal.TeamId, deal.OwnerRepId, after with { Version = before.Version + 1 });
                return DealOutcome.Ok(after with { Version = before.Version + 1 });
            }, cancellationToken);
            return outcome.Succeeded ? outcome : Refuse(actor, "change", dealId, outcome);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refuse(actor, "change", dealId, await ConflictAsync(dealId, change.Version, cancellationToken));
        }
    }

    private void Apply(Deal deal, DealChange change, Stage? target, DateTime now, string actorName)
    {
        if (change.Amount is { } amount)
        {
            deal.Amount = amount;
        }

        if (change.ExpectedClose is { } expectedClose)
        {
            deal.ExpectedClose = expectedClose;
        }

        if (target is not null && target.Id != deal.StageId)
        {
            deal.StageHistory.Add(new DealStageChange { DealId = deal.Id, FromStageId = deal.StageId, ToStageId = target.Id, ChangedAt = now, ChangedBy = actorName });
            deal.StageId = target.Id;
            deal.StageEnteredAt = now;
            deal.Probability = target.DefaultProbability;
            deal.ClosedOn = target.IsClosed ? DateOnly.FromDateTime(now) : null;
            deal.LostReason = target.IsLost ? deal.LostReason : null;
            deal.ForecastCategory = DealRules.DefaultForecastCategory(target, deal.Probability);
        }

        var stage = stages.Find(deal.StageId)!;
        if (change.ClosedOn is { } closedOn && stage.IsClosed)
        {
            deal.ClosedOn = closedOn;
        }

        if (change.LostReason is { } reason && stage.IsLost)
        {
            deal.LostReason = reason.Trim();
        }

        // A closed deal's probability is fixed by its outcome.
        if (change.Probability is { } probability && !stage.IsClosed)
        {
            deal.Probability = probability;
            deal.ForecastCategory = DealRules.DefaultForecastCategory(stage, probability);
        }

        // Checked against the stage before saving: a closed deal keeps the category its outcome gives it.
        if (change.ForecastCategory is { } category && !stage.IsClosed)
        {
            deal.ForecastCategory = category;
        }
    }

    private async Task<DealOutcome> ConflictAsync(int dealId, int? staleVersion, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deal = await db.Deals.AsNoTracking().FirstAsync(d => d.Id == dealId, cancellationToken);
        var entityId = dealId.ToString(CultureInfo.InvariantCulture);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Deal) && a.EntityId == entityId)
            .OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var who = last is null ? "someone else" : $"{last.Actor} at {last.At:u}";
        return DealOutcome.Conflict(
            DealSnapshot.Of(deal, stages.Find(deal.StageId)!),
            $"Deal {dealId} was changed by {who} (now version {deal.Version}, you sent {staleVersion}); nothing was saved.",
            last?.Actor);
    }

    private static readonly DateOnly EarliestClose = new(2000, 1, 1);

    // Whatever the sender wrote is echoed only in part: an answer must not grow with the request.
    private string UnknownStageMessage(string? name) =>
        $"Unknown stage '{(name is { Length: > 40 } ? name[..40] + "…" : name)}'. Known stages: {string.Join(", ", stages.All.Select(s => s.Name))}.";

    private static DealOutcome ReadOnlyRefusal(Actor actor) => DealOutcome.Forbidden(actor.ReadOnly
        ? $"{actor.Name} is read-only: it may read deals and live events but not create or change deals."
        : $"{actor.Name} may not create or change deals.");

    private DealOutcome Refuse(Actor actor, string action, int? dealId, DealOutcome outcome)
    {
        logger.RefusedDealChange(action, dealId, actor.Name, outcome.Status, outcome.Message);
        return outcome;
    }
}

internal static partial class DealServiceLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to {Action} deal {DealId} for {Actor}: {Status} {Message}")]
    public static partial void RefusedDealChange(this ILogger logger, string action, int? dealId, string actor, DealOutcomeStatus status, string? message);
}
