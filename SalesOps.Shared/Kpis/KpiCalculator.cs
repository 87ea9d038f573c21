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

public static class KpiCalculator
{
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

        var closed = won + lost;
        return new ClosedDealKpis(
            won,
            lost,
            wonAmount,
            closed == 0 ? null : (double)won / closed,
            won == 0 ? null : (double)cycleDays / won,
            won == 0 ? null : decimal.Round(wonAmount / won, 2));
    }

    /// <summary>Days from the first real engagement (or creation) to close; never negative, even on dirty CRM dates.</summary>
    public static int CycleDays(ClosedDeal deal)
    {
        var start = deal.EngagedOn ?? deal.CreatedOn;
        return Math.Max(0, deal.ClosedOn.DayNumber - start.DayNumber);
    }
}
