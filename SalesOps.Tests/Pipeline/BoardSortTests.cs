using SalesOps.Shared.Access;
using SalesOps.Shared.Pipeline;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Pipeline;

namespace SalesOps.Tests.Pipeline;

/// <summary>Each column orders its cards the way its user picked; closed cards carry their cycle.</summary>
public class BoardSortTests : AppTest
{
    private static readonly Actor Vp = new("Victoria Popescu", Roles.VP);
    private const int Proposal = 3, Won = 5;

    private PipelineBoardService Service => App.Service<PipelineBoardService>();

    private async Task<IReadOnlyList<DealCard>> CardsAsync(int stageId, CardSort sort) =>
        (await Service.ReadAsync(Vp, BoardFilter.Default, TestClock.Today, sorts: new Dictionary<int, CardSort> { [stageId] = sort },
            cancellationToken: TestContext.Current.CancellationToken)).Columns.Single(c => c.Stage.Id == stageId).Cards;

    [Fact]
    public async Task Largest_amount_first()
    {
        var cards = await CardsAsync(Proposal, CardSort.Amount);

        Assert.True(cards.Count > 1);
        Assert.Equal(cards.Select(c => c.Amount).OrderDescending(), cards.Select(c => c.Amount));
    }

    [Fact]
    public async Task Longest_in_stage_first_puts_the_stale_ones_on_top()
    {
        var cards = await CardsAsync(Proposal, CardSort.DaysInStage);

        Assert.Equal(cards.Select(c => c.DaysInStage).OrderDescending(), cards.Select(c => c.DaysInStage));
        Assert.True(cards[0].DaysInStage > 0);
    }

    [Fact]
    public async Task Close_date_puts_the_soonest_expected_close_first()
    {
        var cards = await CardsAsync(Proposal, CardSort.CloseDate);

        Assert.Equal(cards.Select(c => c.ExpectedClose).Order(), cards.Select(c => c.ExpectedClose));
    }

    [Fact]
    public async Task A_sort_changes_only_its_own_column()
    {
        var plain = await Service.ReadAsync(Vp, BoardFilter.Default, TestClock.Today, cancellationToken: TestContext.Current.CancellationToken);
        var sorted = await Service.ReadAsync(Vp, BoardFilter.Default, TestClock.Today, sorts: new Dictionary<int, CardSort> { [Proposal] = CardSort.Amount },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(plain.Columns.Single(c => c.Stage.Id == 1).Cards.Select(c => c.Id), sorted.Columns.Single(c => c.Stage.Id == 1).Cards.Select(c => c.Id));
        Assert.NotEqual(plain.Columns.Single(c => c.Stage.Id == Proposal).Cards.Select(c => c.Id), sorted.Columns.Single(c => c.Stage.Id == Proposal).Cards.Select(c => c.Id));
    }

    [Fact]
    public async Task Closed_cards_carry_their_cycle_and_open_ones_do_not()
    {
        var won = await CardsAsync(Won, CardSort.LastMoved);
        var open = await CardsAsync(Proposal, CardSort.LastMoved);

        Assert.NotEmpty(won);
        Assert.All(won, c => Assert.True(c.CycleDays >= 0));
        Assert.All(open, c => Assert.Null(c.CycleDays));
    }
}
