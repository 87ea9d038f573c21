using SalesOps.Shared.Domain;

namespace SalesOps.Shared.Pipeline;

/// <summary>Which closed deals the Won and Lost columns hold.</summary>
public enum ClosedWindow { ThisQuarter, LastQuarter, ThisMonth, ThisYear }

/// <summary>
/// What a pipeline board shows. Every field narrows the board; null means "any". It round-trips through the URL
/// query string so a filtered board can be shared as a link.
/// </summary>
public sealed record BoardFilter(
    int? TeamId = null,
    int? RepId = null,
    int? TerritoryId = null,
    int? ProductId = null,
    SalesChannel? Channel = null,
    DateOnly? CloseFrom = null,
    DateOnly? CloseTo = null,
    decimal? MinAmount = null,
    decimal? MaxAmount = null,
    string? Search = null,
    ClosedWindow Closed = ClosedWindow.ThisQuarter)
{
    public static readonly BoardFilter Default = new();

    public const int MaxSearchLength = 100;

    public bool IsDefault => this == Default;

    /// <summary>The filter with impossible or oversized values dropped: every value here comes from a browser.</summary>
    public BoardFilter Sanitized()
    {
        var search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
        if (search is { Length: > MaxSearchLength })
        {
            search = search[..MaxSearchLength];
        }

        var (min, max) = (MinAmount is < 0 ? null : MinAmount, MaxAmount is < 0 ? null : MaxAmount);
        if (min > max)
        {
            (min, max) = (max, min);
        }

        var (from, to) = (CloseFrom, CloseTo);
        if (from > to)
        {
            (from, to) = (to, from);
        }

        return this with
        {
            Search = search,
            MinAmount = min,
            MaxAmount = max,
            CloseFrom = from,
            CloseTo = to,
            Channel = Channel is { } c && Enum.IsDefined(c) ? c : null,
            Closed = Enum.IsDefined(Closed) ? Closed : ClosedWindow.ThisQuarter,
        };
    }

    /// <param name="today">The user's today (their time zone), not the server's.</param>
    public Kpis.Period ClosedPeriod(DateOnly today)
    {
        var quarter = Kpis.Period.QuarterOf(today);
        return Closed switch
        {
            ClosedWindow.LastQuarter => quarter.Previous(),
            ClosedWindow.ThisMonth => Kpis.Period.MonthOf(today),
            ClosedWindow.ThisYear => Kpis.Period.YearOf(today),
            _ => quarter,
        };
    }
}
