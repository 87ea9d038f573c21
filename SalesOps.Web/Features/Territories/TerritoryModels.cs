using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;

namespace SalesOps.Web.Features.Territories;

/// <summary>
/// An account as a territory board card shows it; open pipeline sums the account's open deals. On a draft plan's board
/// <see cref="TerritoryId"/> is where the plan puts it and <see cref="Planned"/> says the plan moves it there.
/// </summary>
public sealed record AccountCard(
    int Id,
    string Name,
    string RegionCode,
    string Industry,
    int Potential,
    decimal OpenPipeline,
    int OpenDeals,
    string? Owner,
    int? OwnerRepId,
    int TerritoryId,
    int Version,
    bool Planned = false);

/// <summary>
/// One territory column: its balance figures over every account it holds (whatever the filter), how many of them
/// match the filter, and the first matching cards.
/// </summary>
/// <param name="TeamId">The owner rep's team, which the territory belongs to; null when it has no owner.</param>
/// <param name="CanEdit">Whether the viewer may move accounts into and out of it (the server checks again on every move).</param>
public sealed record TerritoryColumn(
    int Id,
    string Name,
    string Color,
    TerritoryKind Kind,
    string? Owner,
    int? OwnerRepId,
    int? TeamId,
    TerritoryBalanceRow Balance,
    int MatchingAccounts,
    IReadOnlyList<AccountCard> Cards,
    bool CanEdit)
{
    public bool HasMore => Cards.Count < MatchingAccounts;

    public MoveSide Side => new(Id, OwnerRepId, TeamId);
}

/// <param name="Today">The day "won in the last 12 months" counts back from.</param>
/// <param name="BandPercent">Figures further than this from the average are marked.</param>
public sealed record TerritoryBoard(DateTime AsOf, DateOnly Today, decimal BandPercent, IReadOnlyList<TerritoryColumn> Columns)
{
    public IEnumerable<AccountCard> Cards => Columns.SelectMany(c => c.Cards);

    public bool CanEditAny => Columns.Any(c => c.CanEdit);
}

/// <summary>The regions and industries the board's filters offer (those some account has).</summary>
public sealed record TerritoryChoices(IReadOnlyList<string> Regions, IReadOnlyList<string> Industries);

/// <summary>What a move would do before it is made: the open deals that would change hands, and to whom.</summary>
public sealed record MovePreview(int OpenDeals, decimal OpenAmount, string? NewOwner);

/// <summary>A territory as the map's legend and region colors show it.</summary>
/// <param name="CanEdit">Whether the viewer may move accounts into and out of it (checked again on every move).</param>
public sealed record MapTerritory(
    int Id, string Name, string Color, TerritoryKind Kind, string? Owner, int? OwnerRepId, int? TeamId, bool CanEdit, TerritoryBalanceRow Balance)
{
    public MoveSide Side => new(Id, OwnerRepId, TeamId);
}

/// <summary>A region of the map: its ISO code, the shape key ("us:06", "world:276") and the territory its rules give it.</summary>
public sealed record MapRegion(string Code, string Name, string ShapeKey, int? TerritoryId, int Accounts, int Potential);

/// <summary>
/// An account marker: where it is, how big (potential), and the version a move must name. On a draft plan's map <see cref="TerritoryId"/> is where the plan puts it and <see cref="Planned"/> says the plan moves it there.
/// </summary>
public sealed record MapAccount(int Id, string Name, double Latitude, double Longitude, int Potential, int? TerritoryId, string RegionCode, int Version, decimal OpenPipeline, bool Planned = false);

/// <param name="TotalAccounts">All accounts; more than <see cref="Accounts"/> holds when the marker cap applies.</param>
public sealed record TerritoryMapData(
    DateTime AsOf, IReadOnlyList<MapTerritory> Territories, IReadOnlyList<MapRegion> Regions, IReadOnlyList<MapAccount> Accounts, int TotalAccounts);
