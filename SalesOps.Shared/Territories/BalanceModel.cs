using System.Globalization;

namespace SalesOps.Shared.Territories;

/// <summary>
/// An account as the balancer sees it. <paramref name="Locked"/>: it must stay unless the request allows moving
/// locked accounts (e.g. it has a deal in Negotiation). <paramref name="RegionTerritoryId"/>: the territory its
/// region belongs to by the assignment rules (<see cref="TerritoryAssignment.TerritoryOfRegion"/>), which the
/// balancer prefers to keep it in or bring it back to; null when no territory claims its region.
/// </summary>
public sealed record BalanceAccount(int Id, string Name, double Potential, int TerritoryId, bool Locked = false, int? RegionTerritoryId = null);

/// <summary>A territory in the plan. One that is not <paramref name="Editable"/> keeps its accounts and gets none.</summary>
public sealed record BalanceTerritory(int Id, string Name, bool Editable = true);

/// <summary>
/// <paramref name="MaxMoves"/>: the disruption budget, the most accounts whose territory may change (null: no
/// limit). <paramref name="AllowLocked"/>: locked accounts may move too.
/// </summary>
public sealed record BalanceRequest(IReadOnlyList<BalanceAccount> Accounts, IReadOnlyList<BalanceTerritory> Territories, int? MaxMoves = null, bool AllowLocked = false);

/// <summary>
/// How uneven the editable territories are, as fractions of the average (0.18 = 18%).
/// <see cref="Imbalance"/> (primary) = max over editable territories of |potential − average potential| ÷ average
/// potential; <see cref="AccountImbalance"/> (secondary) is the same for account counts. Both are 0 when the
/// average is 0.
/// </summary>
public sealed record BalanceScore(double Imbalance, double AccountImbalance);

public enum MoveReason
{
    /// <summary>The account leaves a territory that is over the average potential.</summary>
    SourceOverAverage,

    /// <summary>The account fills a territory that is under the average potential.</summary>
    TargetUnderAverage,

    /// <summary>The account is exchanged for one of the other territory's to even out potential.</summary>
    Swap,

    /// <summary>The account evens out account counts without making potential less balanced.</summary>
    AccountCount,
}

public enum ContiguityEffect { Neutral, JoinsRegionTerritory, LeavesRegionTerritory }

/// <summary>
/// One suggested move with the reason in structured form (so a page can say it in the user's language) and in
/// English (<see cref="Explanation"/>). <see cref="DriverTerritoryId"/> is the territory whose imbalance the move
/// addresses and <see cref="DriverPercentFromAverage"/> its distance from the average just before the move
/// (potential, or account count for <see cref="MoveReason.AccountCount"/>), in percent, signed.
/// </summary>
public sealed record BalanceMove(
    int AccountId,
    string AccountName,
    double Potential,
    int FromTerritoryId,
    string FromTerritoryName,
    int ToTerritoryId,
    string ToTerritoryName,
    MoveReason Reason,
    int DriverTerritoryId,
    string DriverTerritoryName,
    double DriverPercentFromAverage,
    ContiguityEffect Contiguity,
    int? SwappedWithAccountId = null,
    string? SwappedWithAccountName = null)
{
    public string Explanation
    {
        get
        {
            var size = Math.Abs(DriverPercentFromAverage);
            var percent = size.ToString(size < 1 ? "0.##" : "0.#", CultureInfo.InvariantCulture);
            var side = DriverPercentFromAverage >= 0 ? "over" : "under";
            var why = Reason switch
            {
                MoveReason.AccountCount =>
                    $"{DriverTerritoryName} has {percent}% {(DriverPercentFromAverage >= 0 ? "more" : "fewer")} accounts than the average, and the move keeps potential as balanced",
                _ => $"{DriverTerritoryName} is {percent}% {side} the average potential",
            };
            var exchange = SwappedWithAccountName is null ? "" : $" in exchange for {SwappedWithAccountName}";
            var contiguity = Contiguity switch
            {
                ContiguityEffect.JoinsRegionTerritory => $" {AccountName} joins the territory of its region.",
                ContiguityEffect.LeavesRegionTerritory when Reason == MoveReason.Swap => $" {AccountName} leaves the territory of its region.",
                ContiguityEffect.LeavesRegionTerritory => $" {AccountName} leaves the territory of its region: no account of another region fits as well.",
                _ => "",
            };
            return $"Moves {AccountName} from {FromTerritoryName} to {ToTerritoryName}{exchange}: {why}.{contiguity}";
        }
    }
}

/// <summary>A territory's potential and account count before and after the plan.</summary>
public sealed record TerritoryLoad(int TerritoryId, string Name, bool Editable, double PotentialBefore, double Potential, int AccountsBefore, int Accounts);

/// <summary>
/// A suggested plan. <see cref="LowerBound"/>: no plan within the same budget (and locks) can have an
/// <see cref="BalanceScore.Imbalance"/> below it; <see cref="UnlimitedLowerBound"/>: the same without the budget.
/// The plan is proven optimal when <see cref="Gap"/> is 0.
/// </summary>
public sealed record BalancePlan(
    IReadOnlyList<BalanceMove> Moves,
    BalanceScore Before,
    BalanceScore After,
    double LowerBound,
    double UnlimitedLowerBound,
    int? MaxMoves,
    IReadOnlyList<TerritoryLoad> Territories)
{
    /// <summary>How far the plan's imbalance is above the best any plan could reach, in fractions of the average.</summary>
    public double Gap => Math.Max(0, After.Imbalance - LowerBound);

    /// <summary>The budget stops even a perfect planner from reaching the balance an unlimited one could.</summary>
    public bool BudgetBinds => LowerBound > UnlimitedLowerBound + 1e-9;
}
