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

/// <summary>The pipeline board's moves: each shuttle's deal to its other column and back, in turn.</summary>
public sealed class ShuttleMoves(IReadOnlyList<BoardShuttle> shuttles) : IBoardMoves
{
    private readonly Dictionary<int, int> _where = shuttles.ToDictionary(s => s.DealId, s => s.HomeStageId);

    public BoardMove Next(int index)
    {
        var shuttle = shuttles[index % shuttles.Count];
        var target = _where[shuttle.DealId] == shuttle.HomeStageId ? shuttle.AwayStageId : shuttle.HomeStageId;
        return new BoardMove(shuttle.DealId, SalesOpsDbContext.DefaultStages.Single(s => s.Id == target).Name, BoardObserverScript.CardSelector(target, shuttle.DealId));
    }

    public void Moved(BoardMove move) => _where[move.DealId] = SalesOpsDbContext.DefaultStages.Single(s => s.Name == move.Stage).Id;
}
