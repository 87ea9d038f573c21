using SalesOps.Shared.Domain;

namespace SalesOps.Shared.Kpis;

/// <summary>
/// One sales channel over a period, side by side with the others: what a rep's time earns there.
/// </summary>
/// <param name="Reps">Active reps working the channel.</param>
/// <param name="Months">The period's length in months (days ÷ 30.4375).</param>
/// <param name="MonthlyCostPerRep">What a rep in the channel costs a month (salary, travel, tools); null when not set.</param>
public sealed record ChannelEconomics(SalesChannel Channel, KpiFigures Figures, int Reps, double Months, decimal? MonthlyCostPerRep)
{
    public const double DaysPerMonth = 365.25 / 12;

    public static double MonthsIn(Period period) => (period.End.DayNumber - period.Start.DayNumber + 1) / DaysPerMonth;

    /// <summary>Won revenue ÷ reps, to the cent.</summary>
    public decimal? RevenuePerRep => Reps == 0 ? null : decimal.Round(Figures.WonRevenue / Reps, 2, MidpointRounding.AwayFromZero);

    /// <summary>Closed deals (won + lost) ÷ reps ÷ months.</summary>
    public double? DealsPerRepPerMonth => Reps == 0 || Months <= 0 ? null : (Figures.Won + Figures.Lost) / (Reps * Months);

    /// <summary>Cost of the channel's reps over the period ÷ deals won; null without a cost or a win.</summary>
    public decimal? CostPerWonDeal => MonthlyCostPerRep is { } cost && Figures.Won > 0
        ? decimal.Round(cost * Reps * (decimal)Months / Figures.Won, 2, MidpointRounding.AwayFromZero)
        : null;
}
