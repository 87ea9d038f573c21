using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;

namespace SalesOps.Web.Features.Pipeline;

/// <summary>A deal as a board card shows it.</summary>
public sealed record DealCard(
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
    int DaysInStage,
    bool IsStale,
    int Version,
    int? CycleDays = null);

/// <summary>How a column orders its cards; each column keeps its own, remembered in the browser.</summary>
public enum CardSort
{
    /// <summary>Latest movers first (closed columns: latest closed first).</summary>
    LastMoved,
    /// <summary>Open: soonest expected close first; closed: latest closed first.</summary>
    CloseDate,
    /// <summary>Largest first.</summary>
    Amount,
    /// <summary>Longest in the stage first: the stale ones lead.</summary>
    DaysInStage,
}

/// <summary>One stage column: totals over every matching deal, and the first cards of it.</summary>
public sealed record BoardColumn(Stage Stage, StageTotals Totals, IReadOnlyList<DealCard> Cards)
{
    public bool HasMore => Cards.Count < Totals.Count;
}

public sealed record Board(DateTime AsOf, Period ClosedPeriod, IReadOnlyList<BoardColumn> Columns)
{
    public IEnumerable<DealCard> Cards => Columns.SelectMany(c => c.Cards);
}

public sealed record StageVisit(string? From, string To, DateTime At, string By);

/// <summary>Everything the deal drawer shows.</summary>
public sealed record DealDetails(
    DealCard Card,
    string? Product,
    string? Territory,
    ForecastCategory ForecastCategory,
    DateOnly CreatedOn,
    string? LostReason,
    SalesChannel Channel,
    bool CanChange,
    IReadOnlyList<StageVisit> History,
    string? LastChangedBy);

public sealed record FilterChoice(int Id, string Name);

/// <summary>The values a user can pick in the board's filters (only the reps and teams they may see).</summary>
public sealed record BoardChoices(
    IReadOnlyList<FilterChoice> Teams,
    IReadOnlyList<FilterChoice> Reps,
    IReadOnlyList<FilterChoice> Territories,
    IReadOnlyList<FilterChoice> Products);
