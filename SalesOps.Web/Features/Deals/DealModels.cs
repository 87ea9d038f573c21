using SalesOps.Shared.Domain;

namespace SalesOps.Web.Features.Deals;

/// <summary>A new deal as a CRM sends it. Stage is a stage name ("Proposal"); owner defaults to the account's owner.</summary>
public sealed record NewDeal(
    string Name,
    int AccountId,
    decimal Amount,
    string Stage,
    DateOnly ExpectedClose,
    int? OwnerRepId = null,
    int? ProductId = null,
    int? Probability = null,
    string? ExternalId = null,
    string? Currency = null);

/// <summary>
/// A change to a deal; null fields stay as they are. <see cref="Version"/> is the version the sender last saw:
/// when given and stale, the change is refused with a conflict instead of overwriting someone else's.
/// </summary>
public sealed record DealChange(
    int? Version = null,
    string? Stage = null,
    decimal? Amount = null,
    DateOnly? ExpectedClose = null,
    DateOnly? ClosedOn = null,
    int? Probability = null,
    ForecastCategory? ForecastCategory = null,
    string? LostReason = null);

/// <summary>What screens and outside clients are told about a deal after each change.</summary>
public sealed record DealSnapshot(
    int Id,
    string Name,
    int? AccountId,
    int OwnerRepId,
    int TeamId,
    int StageId,
    string Stage,
    int? FromStageId,
    decimal Amount,
    string Currency,
    int Probability,
    ForecastCategory ForecastCategory,
    DateOnly ExpectedClose,
    DateOnly? ClosedOn,
    int Version)
{
    public static DealSnapshot Of(Deal d, Stage stage, int? fromStageId = null) => new(
        d.Id, d.Name, d.AccountId, d.OwnerRepId, d.TeamId, d.StageId, stage.Name, fromStageId, d.Amount, d.Currency,
        d.Probability, d.ForecastCategory, d.ExpectedClose, d.ClosedOn, d.Version);
}

public enum DealOutcomeStatus { Ok, Invalid, NotFound, Forbidden, Conflict }

/// <param name="ChangedBy">For a conflict: who made the change that won, so screens can say so in the user's language.</param>
public sealed record DealOutcome(
    DealOutcomeStatus Status,
    DealSnapshot? Deal = null,
    IDictionary<string, string[]>? Errors = null,
    string? Message = null,
    string? ChangedBy = null)
{
    public bool Succeeded => Status == DealOutcomeStatus.Ok;

    public static DealOutcome Ok(DealSnapshot deal) => new(DealOutcomeStatus.Ok, deal);
    public static DealOutcome Invalid(IDictionary<string, string[]> errors) => new(DealOutcomeStatus.Invalid, Errors: errors, Message: "The deal has invalid values.");
    public static DealOutcome Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
    public static readonly DealOutcome NotFound = new(DealOutcomeStatus.NotFound, Message: "No such deal.");
    public static DealOutcome Forbidden(string message) => new(DealOutcomeStatus.Forbidden, Message: message);
    public static DealOutcome Conflict(DealSnapshot current, string message, string? changedBy) =>
        new(DealOutcomeStatus.Conflict, current, Message: message, ChangedBy: changedBy);
}
