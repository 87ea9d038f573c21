namespace SalesOps.Shared.Kpis;

/// <summary>A closed deal as the KPI formulas need it.</summary>
public readonly record struct ClosedDeal(decimal Amount, bool IsWon, DateOnly CreatedOn, DateOnly? EngagedOn, DateOnly ClosedOn);

/// <summary>KPIs over the deals closed in a period.</summary>
/// <param name="WinRate">Won ÷ (won + lost), 0–1; null when nothing closed.</param>
/// <param name="AverageCycleDays">Mean days from engaged (or created, when never engaged) to close, over won deals.</param>
/// <param name="AverageDealSize">Mean amount of the won deals.</param>
public sealed record ClosedDealKpis(
    int Won,
    int Lost,
    decimal WonAmount,
    double? WinRate,
    double? AverageCycleDays,
    decimal? AverageDealSize);

/// <summary>Closed deals already summed by the database: counts, won amount and the won deals' total cycle days.</summary>
public readonly record struct ClosedDealTotals(int Won, int Lost, decimal WonAmount, double WonCycleDays);

public static partial class KpiCalculator
{
    /// <summary>The same KPIs as <see cref="Summarize(IEnumerable{ClosedDeal})"/>, from totals summed where the deals are.</summary>
    public static ClosedDealKpis Summarize(ClosedDealTotals totals)
    {
        var closed = totals.Won + totals.Lost;
        return new ClosedDealKpis(
            totals.Won,
            totals.Lost,
            totals.WonAmount,
            closed == 0 ? null : (double)totals.Won / closed,
            totals.Won == 0 ? null : totals.WonCycleDays / totals.Won,
            totals.Won == 0 ? null : decimal.Round(totals.WonAmount / totals.Won, 2));
    }

    public static ClosedDealKpis Summarize(IEnumerable<ClosedDeal> deals)
    {
        int won = 0, lost = 0;
        decimal wonAmount = 0;
        long cycleDays = 0;
        foreach (var deal in deals)
        {
            if (!deal.IsWon)
            {
                lost++;
                continue;
            }

            won++;
            wonAmount += deal.Amount;
            cycleDays += CycleDays(deal);
        }

        return Summarize(new ClosedDealTotals(won, lost, wonAmount, cycleDays));
    }

    /// <summary>Days from the first real engagement (or creation) to close; never negative, even on dirty CRM dates.</summary>
    public static int CycleDays(ClosedDeal deal)
    {
        var start = deal.EngagedOn ?? deal.CreatedOn;
        return Math.Max(0, deal.ClosedOn.DayNumber - start.DayNumber);
    }
}
