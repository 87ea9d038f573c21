using SalesOps.Shared.Domain;

namespace SalesOps.Web.Data.Seeding;

/// <summary>
/// The demo company's wall screen, so a new user sees a TV at once. Its token is fixed (the README and tests open
/// it) and, like every token, stored only as a hash; <c>/screens</c> shows it to admins.
/// </summary>
public static class DemoScreens
{
    public const string SalesFloorToken = "tv_demo-sales-floor";
    public const string SalesFloorName = "Sales floor";

    public static Screen SalesFloor(DateTime now) => new()
    {
        Name = SalesFloorName,
        Theme = ScreenTheme.Dark,
        TokenHash = Features.Screens.ScreenService.Hash(SalesFloorToken),
        TokenCreatedAt = now,
        CreatedAt = now,
        CreatedBy = "seed",
        Slides =
        [
            new() { Position = 0, Kind = SlideKind.Leaderboard, Seconds = 20 },
            new() { Position = 1, Kind = SlideKind.PipelineTotals, Seconds = 15 },
            new() { Position = 2, Kind = SlideKind.Kpis, Seconds = 15 },
            new() { Position = 3, Kind = SlideKind.WonTicker, Seconds = 15 },
        ],
    };
}
