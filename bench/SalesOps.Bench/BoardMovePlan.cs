using SalesOps.Web.Data;

namespace SalesOps.Bench;

/// <summary>A deal the bench moves back and forth between two open columns.</summary>
public sealed record BoardShuttle(int DealId, int HomeStageId, int AwayStageId);

/// <summary>
/// Picks deals that are on the board now, one from the top of each open column, each to shuttle to the next open
/// column and back, so the moves spread over the board. The board lists the latest movers first, so a moved card
/// lands on its new column's first page; if it did not, the bench would count the update as missing.
/// </summary>
public static class BoardMovePlan
{
    public static IReadOnlyList<int> OpenStages { get; } = SalesOpsDbContext.DefaultStages.Where(s => !s.IsClosed).Select(s => s.Id).ToList();

    /// <param name="cards">The cards on a board as (stage, deal), in page order.</param>
    public static IReadOnlyList<BoardShuttle> Pick(IReadOnlyList<(int StageId, int DealId)> cards, int count) =>
        OpenStages
            .Select((home, i) => (Home: home, Away: OpenStages[(i + 1) % OpenStages.Count], Top: cards.FirstOrDefault(c => c.StageId == home)))
            .Where(c => c.Top.DealId != 0)
            .Take(count)
            .Select(c => new BoardShuttle(c.Top.DealId, c.Home, c.Away))
            .ToList();
}
