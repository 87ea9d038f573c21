using SalesOps.Shared.Domain;

namespace SalesOps.Shared.Kpis;

/// <summary>An open deal as a forecast sees it at one moment.</summary>
/// <param name="StageEnteredOn">When it entered its current stage: the history method's clock starts there.</param>
public readonly record struct OpenDealState(
    int RepId, int StageId, decimal Amount, int Probability, ForecastCategory Category, DateOnly ExpectedClose, DateOnly StageEnteredOn);

/// <summary>A forecast with its 90% band (the history method has one; the others are points).</summary>
public sealed record ForecastValue(decimal Expected, decimal Low, decimal High);

/// <summary>What each method forecasts for one quarter.</summary>
/// <param name="ClosedWon">Won so far in the quarter: every method starts from it.</param>
/// <param name="Commit">Closed won + open deals in the Commit category expected to close in the quarter.</param>
/// <param name="BestCase">Commit + open Best case deals expected to close in the quarter.</param>
/// <param name="Weighted">Closed won + Σ amount × probability of open deals expected to close in the quarter.</param>
/// <param name="History">Closed won + Σ amount × P(win from the deal's stage) × P(closing inside the quarter, given how long it has sat there), both learned from past deals; with a 90% band.</param>
public sealed record QuarterForecast(Period Quarter, decimal ClosedWon, decimal Commit, decimal BestCase, decimal Weighted, ForecastValue History);

/// <summary>
/// Stage-to-win conversion and timing learned from closed deals: for each open stage, the share of deals that
/// passed through it and were won, and how many days after entering it the won ones closed.
/// </summary>
public sealed class StageHistoryModel
{
    /// <summary>Durations past this many days are counted as this many (two years is "very late", not a new bucket).</summary>
    public const int MaxDays = 730;

    private readonly Dictionary<int, (int Won, int Lost, int[] DaysToWin)> _stages = [];

    public int Deals { get; private set; }

    /// <summary>Learns from one closed deal: its visits in time order, whether it was won and its close date.</summary>
    public void Learn(IReadOnlyList<StageVisit> visits, bool won, DateOnly closedOn)
    {
        Deals++;
        var seen = new HashSet<int>();
        // The last entry into a stage counts: a deal that went back to qualification waited from then.
        for (var i = visits.Count - 1; i >= 0; i--)
        {
            var stage = visits[i].StageId;
            if (!seen.Add(stage))
            {
                continue;
            }

            if (!_stages.TryGetValue(stage, out var s))
            {
                s = (0, 0, new int[MaxDays + 1]);
            }

            if (won)
            {
                var days = Math.Clamp(closedOn.DayNumber - DateOnly.FromDateTime(visits[i].EnteredAt).DayNumber, 0, MaxDays);
                s.DaysToWin[days]++;
                s = (s.Won + 1, s.Lost, s.DaysToWin);
            }
            else
            {
                s = (s.Won, s.Lost + 1, s.DaysToWin);
            }

            _stages[stage] = s;
        }
    }

    /// <summary>Of the closed deals that were in the stage, the share won; null when none were.</summary>
    public double? WinRate(int stageId) =>
        _stages.TryGetValue(stageId, out var s) && s.Won + s.Lost > 0 ? (double)s.Won / (s.Won + s.Lost) : null;

    /// <summary>
    /// Of the won deals that were in the stage and still open <paramref name="age"/> days after entering it, the share
    /// that closed between day <paramref name="fromDay"/> and day <paramref name="toDay"/> after entering (inclusive).
    /// Null when no won deal ever stayed that long: the history has nothing to say.
    /// </summary>
    public double? Timing(int stageId, int age, int fromDay, int toDay)
    {
        if (!_stages.TryGetValue(stageId, out var s))
        {
            return null;
        }

        age = Math.Clamp(age, 0, MaxDays);
        var still = 0;
        var inside = 0;
        for (var d = age; d <= MaxDays; d++)
        {
            still += s.DaysToWin[d];
            if (d >= fromDay && d <= toDay)
            {
                inside += s.DaysToWin[d];
            }
        }

        return still == 0 ? null : (double)inside / still;
    }
}

public static class ForecastEngine
{
    /// <summary>
    /// Every method's forecast for <paramref name="quarter"/> as seen on <paramref name="asOf"/>: from the deals won in
    /// the quarter so far and the deals open on that day.
    /// </summary>
    public static QuarterForecast Forecast(Period quarter, DateOnly asOf, decimal closedWon, IEnumerable<OpenDealState> open, StageHistoryModel model)
    {
        var sum = new ForecastSum(quarter, asOf, model);
        foreach (var deal in open)
        {
            sum.Add(deal);
        }

        return sum.Result(closedWon);
    }

    /// <summary>
    /// P(won inside the quarter) for one open deal: the stage's learned win rate × the learned chance that a deal which
    /// has sat <c>age</c> days in the stage closes inside the quarter. Where the history knows nothing of the stage, the
    /// deal's own probability and expected close stand in.
    /// </summary>
    public static double HistoryProbability(OpenDealState deal, Period quarter, DateOnly asOf, StageHistoryModel model, bool expectedInQuarter)
    {
        var entered = deal.StageEnteredOn.DayNumber;
        var age = Math.Max(0, asOf.DayNumber - entered);
        var from = Math.Max(age, quarter.Start.DayNumber - entered);
        var to = quarter.End.DayNumber - entered;
        if (to < from)
        {
            return 0;
        }

        var win = model.WinRate(deal.StageId);
        var timing = model.Timing(deal.StageId, age, from, to);
        if (win is null || timing is null)
        {
            return expectedInQuarter ? Math.Clamp(deal.Probability, 0, 100) / 100.0 : 0;
        }

        return win.Value * timing.Value;
    }

    /// <summary>
    /// Forecast accuracy over several quarters: 1 − Σ|forecast − actual| ÷ Σ actual (weighted absolute error), floored
    /// at 0; null when nothing was won in those quarters.
    /// </summary>
    public static double? Accuracy(IEnumerable<(decimal Forecast, decimal Actual)> quarters)
    {
        decimal error = 0, actual = 0;
        foreach (var (forecast, a) in quarters)
        {
            error += Math.Abs(forecast - a);
            actual += a;
        }

        return actual == 0 ? null : Math.Max(0, 1 - (double)(error / actual));
    }
}

/// <summary>
/// Sums open deals into a quarter's forecast one at a time, so a caller can stream deals (or keep one sum per rep)
/// without holding them all.
/// </summary>
public sealed class ForecastSum(Period quarter, DateOnly asOf, StageHistoryModel model)
{
    /// <summary>z for a two-sided 90% band.</summary>
    private const double Z90 = 1.645;

    private decimal _commit, _bestCase, _weighted, _history;
    private double _variance;

    public void Add(OpenDealState deal)
    {
        // A deal whose expected close has passed but is still open is expected now, i.e. in the current quarter.
        var expectedInQuarter = quarter.Contains(deal.ExpectedClose) || (deal.ExpectedClose < quarter.Start && asOf >= quarter.Start);
        if (expectedInQuarter)
        {
            _weighted += deal.Amount * Math.Clamp(deal.Probability, 0, 100) / 100m;
            if (deal.Category == ForecastCategory.Commit)
            {
                _commit += deal.Amount;
            }

            if (deal.Category is ForecastCategory.Commit or ForecastCategory.BestCase)
            {
                _bestCase += deal.Amount;
            }
        }

        // Each deal is a coin with its own odds: the spread of the sum is √Σ amount² × p × (1 − p).
        var p = ForecastEngine.HistoryProbability(deal, quarter, asOf, model, expectedInQuarter);
        _history += deal.Amount * (decimal)p;
        _variance += (double)(deal.Amount * deal.Amount) * p * (1 - p);
    }

    public QuarterForecast Result(decimal closedWon)
    {
        var spread = (decimal)(Z90 * Math.Sqrt(_variance));
        var expected = closedWon + _history;
        return new QuarterForecast(
            quarter,
            closedWon,
            Round(closedWon + _commit),
            Round(closedWon + _bestCase),
            Round(closedWon + _weighted),
            new ForecastValue(Round(expected), Round(Math.Max(closedWon, expected - spread)), Round(expected + spread)));
    }

    private static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
