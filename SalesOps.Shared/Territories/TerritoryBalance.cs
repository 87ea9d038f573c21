namespace SalesOps.Shared.Territories;

/// <summary>The raw balance figures of one territory, as the database sums them.</summary>
public sealed record TerritoryFigures(
    int TerritoryId,
    string Name,
    int Accounts,
    decimal Potential,
    decimal OpenPipeline,
    decimal WeightedPipeline,
    decimal WonLast12Months,
    int Reps);

public enum BalanceFigure { Accounts, Potential, OpenPipeline, WeightedPipeline, WonLast12Months, Reps }

/// <summary>
/// One figure of one territory against the average of all territories compared.
/// <see cref="PercentFromAverage"/> = (value − average) ÷ average × 100, unrounded; 0 when the average is 0 (then
/// every territory has 0). <see cref="OutOfBand"/> when |percent| exceeds the band.
/// </summary>
public sealed record FigureDeviation(BalanceFigure Figure, decimal Value, decimal Average, decimal PercentFromAverage, bool OutOfBand);

public sealed record TerritoryBalanceRow(TerritoryFigures Figures, IReadOnlyList<FigureDeviation> Deviations)
{
    public FigureDeviation this[BalanceFigure figure] => Deviations[(int)figure];

    public bool AnyOutOfBand => Deviations.Any(d => d.OutOfBand);
}

public static class TerritoryBalance
{
    public const decimal DefaultBandPercent = 15m;

    /// <summary>
    /// Each territory's figures with their distance from the average over <paramref name="territories"/>, flagged
    /// when strictly outside ±<paramref name="bandPercent"/>%. Rows keep the input order; deviations are in
    /// <see cref="BalanceFigure"/> order so <c>row[BalanceFigure.Potential]</c> works.
    /// </summary>
    public static IReadOnlyList<TerritoryBalanceRow> Compare(IReadOnlyList<TerritoryFigures> territories, decimal bandPercent = DefaultBandPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bandPercent);
        if (territories.Count == 0)
        {
            return [];
        }

        var figures = Enum.GetValues<BalanceFigure>();
        var averages = figures.Select(f => territories.Sum(t => ValueOf(t, f)) / territories.Count).ToArray();
        return territories
            .Select(t => new TerritoryBalanceRow(t, figures.Select(f => Deviation(f, ValueOf(t, f), averages[(int)f], bandPercent)).ToList()))
            .ToList();
    }

    public static decimal ValueOf(TerritoryFigures territory, BalanceFigure figure) => figure switch
    {
        BalanceFigure.Accounts => territory.Accounts,
        BalanceFigure.Potential => territory.Potential,
        BalanceFigure.OpenPipeline => territory.OpenPipeline,
        BalanceFigure.WeightedPipeline => territory.WeightedPipeline,
        BalanceFigure.WonLast12Months => territory.WonLast12Months,
        BalanceFigure.Reps => territory.Reps,
        _ => throw new ArgumentOutOfRangeException(nameof(figure)),
    };

    private static FigureDeviation Deviation(BalanceFigure figure, decimal value, decimal average, decimal bandPercent)
    {
        var percent = average == 0 ? 0 : (value - average) / average * 100;
        return new FigureDeviation(figure, value, average, percent, Math.Abs(percent) > bandPercent);
    }
}
