using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;
using SalesOps.Shared.Pipeline;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Pipeline;

namespace SalesOps.Tests.Pipeline;

/// <summary>
/// The board against the seeded demo company. Expected totals are computed here, in memory, from every deal row
/// the database holds, so they do not share the service's SQL.
/// </summary>
public class PipelineBoardServiceTests : AppTest
{
    private static readonly Actor Vp = new("Victoria Popescu", Roles.VP);
    private static readonly Actor Analyst = new("Ana Radu", Roles.Analyst);

    private static readonly int[] OpenStages = [1, 2, 3, 4];
    private const int WonStage = 5;
    private const int LostStage = 6;

    private PipelineBoardService Service => App.Service<PipelineBoardService>();

    private static DateOnly Today => TestClock.Today;

    private static Period ThisQuarter => Period.QuarterOf(Today);

    [Fact]
    public async Task A_vp_s_default_board_totals_every_open_deal_and_only_this_quarter_s_closed_deals()
    {
        var deals = await AllDealsAsync();
        var quarter = ThisQuarter;

        var board = await Service.LoadAsync(Vp, BoardFilter.Default, Today, cancellationToken: TestContext.Current.CancellationToken);

        // The totals must not come from the cards: some column has more deals than one page shows.
        Assert.Contains(board.Columns, c => c.Totals.Count > PipelineBoardService.PageSize);
        // Won and Lost must be windowed: the database has closed deals from before this quarter.
        Assert.Contains(deals, d => d.StageId == WonStage && d.ClosedOn < quarter.Start);
        Assert.Equal(quarter, board.ClosedPeriod);
        AssertTotalsMatch(Expected(deals, _ => true, quarter), board);
        Assert.All(board.Columns.Where(c => c.Stage.IsClosed).SelectMany(c => c.Cards), card => Assert.True(quarter.Contains(card.ClosedOn!.Value)));
    }

    [Theory]
    [InlineData("team")]
    [InlineData("rep")]
    [InlineData("channel")]
    [InlineData("amount range")]
    [InlineData("reversed amount range")]
    [InlineData("account name fragment")]
    [InlineData("deal name fragment")]
    [InlineData("territory")]
    [InlineData("product")]
    [InlineData("expected close range")]
    [InlineData("everything at once")]
    public async Task A_filtered_board_totals_exactly_the_deals_that_match_the_filter(string kind)
    {
        var deals = await AllDealsAsync();
        var (filter, matches) = await FilterAsync(kind, deals);
        var expected = Expected(deals, matches, ThisQuarter);
        var unfiltered = Expected(deals, _ => true, ThisQuarter);
        Assert.InRange(expected.Sum(s => s.Count), 1, unfiltered.Sum(s => s.Count) - 1);

        var board = await Service.LoadAsync(Vp, filter, Today, cancellationToken: TestContext.Current.CancellationToken);

        AssertTotalsMatch(expected, board);
        var byId = deals.ToDictionary(d => d.Id);
        Assert.All(board.Cards, card => Assert.True(matches(byId[card.Id]), $"Deal {card.Id} ({card.Name}) does not match the {kind} filter"));
    }

    [Theory]
    [InlineData("data_hub%")]
    [InlineData("data\" OR \"qqqqzz")]
    [InlineData("(data* NEAR hub)")]
    public async Task A_search_takes_punctuation_and_query_syntax_as_word_separators(string search)
    {
        var deals = await AllDealsAsync();
        var expected = Expected(deals, d => MatchesSearch(d, search), ThisQuarter);

        var board = await Service.LoadAsync(Vp, new BoardFilter(Search: search), Today, cancellationToken: TestContext.Current.CancellationToken);

        AssertTotalsMatch(expected, board);
        Assert.True(board.Columns.Sum(c => c.Totals.Count) < deals.Count / 2, "A search must not match (nearly) every deal");
    }

    [Fact]
    public async Task A_search_finds_deals_by_their_account_s_name_even_when_the_deal_name_does_not_mention_it()
    {
        var deals = await AllDealsAsync();
        var accountId = deals.First(d => OpenStages.Contains(d.StageId)).AccountId;
        // The deal names keep the old account name, so only the account's own name can match.
        await QueryAsync(db => db.Accounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "Zyxwv Holdings")));

        var board = await Service.LoadAsync(Vp, new BoardFilter(Search: "ZYXWV"), Today, cancellationToken: TestContext.Current.CancellationToken);

        var expected = Expected(deals, d => d.AccountId == accountId, ThisQuarter);
        Assert.NotEqual(0, expected.Sum(s => s.Count));
        AssertTotalsMatch(expected, board);
    }

    [Theory]
    [InlineData("ștefănescu")]
    [InlineData("STEFAN")]
    public async Task A_search_ignores_case_and_diacritics_in_account_names(string search)
    {
        var deals = await AllDealsAsync();
        var accountId = deals.First(d => OpenStages.Contains(d.StageId)).AccountId;
        await QueryAsync(db => db.Accounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "Ștefănescu Construct")));

        var board = await Service.LoadAsync(Vp, new BoardFilter(Search: search), Today, cancellationToken: TestContext.Current.CancellationToken);

        var expected = Expected(deals, d => d.AccountId == accountId, ThisQuarter);
        Assert.NotEqual(0, expected.Sum(s => s.Count));
        AssertTotalsMatch(expected, board);
    }

    [Fact]
    public async Task An_open_column_shows_the_latest_movers_first()
    {
        var deals = await AllDealsAsync();

        var board = await Service.LoadAsync(Vp, BoardFilter.Default, Today, cancellationToken: TestContext.Current.CancellationToken);

        var column = board.Columns.First(c => !c.Stage.IsClosed && c.HasMore);
        var entered = column.Cards.Select(c => deals.Single(d => d.Id == c.Id).StageEnteredAt).ToList();
        Assert.Equal(entered.OrderDescending(), entered);
        var shown = column.Cards.Select(c => c.Id).ToHashSet();
        Assert.DoesNotContain(deals, d => d.StageId == column.Stage.Id && !shown.Contains(d.Id) && d.StageEnteredAt > entered[^1]);
    }

    [Theory]
    [InlineData(ClosedWindow.ThisQuarter)]
    [InlineData(ClosedWindow.LastQuarter)]
    [InlineData(ClosedWindow.ThisMonth)]
    [InlineData(ClosedWindow.ThisYear)]
    public async Task Won_and_lost_hold_the_deals_closed_in_the_chosen_window(ClosedWindow window)
    {
        var deals = await AllDealsAsync();
        var filter = new BoardFilter(Closed: window);
        var period = filter.ClosedPeriod(Today);

        var board = await Service.LoadAsync(Vp, filter, Today, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(period, board.ClosedPeriod);
        AssertTotalsMatch(Expected(deals, _ => true, period), board);
        Assert.All(board.Columns.Where(c => c.Stage.IsClosed).SelectMany(c => c.Cards), card => Assert.True(period.Contains(card.ClosedOn!.Value)));
    }

    [Fact]
    public async Task A_rep_sees_only_their_own_deals_in_every_column_and_total()
    {
        var deals = await AllDealsAsync();
        var rep = await QueryAsync(db => db.Reps.AsNoTracking().SingleAsync(r => r.Email == DemoCompany.RepEmail));
        var actor = new Actor(rep.Name, Roles.Rep, rep.Id, rep.TeamId);

        var board = await Service.LoadAsync(actor, BoardFilter.Default, Today, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEmpty(board.Cards);
        Assert.All(board.Cards, card => Assert.Equal(rep.Id, card.OwnerRepId));
        AssertTotalsMatch(Expected(deals, d => d.OwnerRepId == rep.Id, ThisQuarter), board);
    }

    [Fact]
    public async Task A_rep_filtering_by_another_rep_or_team_sees_no_deals_at_all()
    {
        var rep = await QueryAsync(db => db.Reps.AsNoTracking().SingleAsync(r => r.Email == DemoCompany.RepEmail));
        var other = await QueryAsync(db => db.Reps.AsNoTracking().FirstAsync(r => r.TeamId != rep.TeamId));
        var actor = new Actor(rep.Name, Roles.Rep, rep.Id, rep.TeamId);

        var byRep = await Service.LoadAsync(actor, new BoardFilter(RepId: other.Id), Today, cancellationToken: TestContext.Current.CancellationToken);
        var byTeam = await Service.LoadAsync(actor, new BoardFilter(TeamId: other.TeamId), Today, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(byRep.Cards);
        Assert.All(byRep.Columns, c => Assert.Equal(0, c.Totals.Count));
        Assert.Empty(byTeam.Cards);
        Assert.All(byTeam.Columns, c => Assert.Equal(0, c.Totals.Count));
    }

    [Fact]
    public async Task A_manager_sees_only_their_team_s_deals_in_every_column_and_total()
    {
        var deals = await AllDealsAsync();
        var user = await QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoCompany.ManagerEmail));
        var team = user.TeamId!.Value;
        Assert.Contains(deals, d => d.TeamId != team);
        var actor = new Actor(user.DisplayName, Roles.Manager, user.RepId, team);

        var board = await Service.LoadAsync(actor, BoardFilter.Default, Today, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEmpty(board.Cards);
        Assert.All(board.Cards, card => Assert.Equal(team, card.TeamId));
        AssertTotalsMatch(Expected(deals, d => d.TeamId == team, ThisQuarter), board);
    }

    [Fact]
    public async Task Columns_hold_at_most_one_page_of_cards_and_say_when_there_are_more()
    {
        var rep = await QueryAsync(db => db.Reps.AsNoTracking().SingleAsync(r => r.Email == DemoCompany.RepEmail));

        var vpBoard = await Service.LoadAsync(Vp, BoardFilter.Default, Today, cancellationToken: TestContext.Current.CancellationToken);
        var repBoard = await Service.LoadAsync(new Actor(rep.Name, Roles.Rep, rep.Id, rep.TeamId), BoardFilter.Default, Today, cancellationToken: TestContext.Current.CancellationToken);

        var columns = vpBoard.Columns.Concat(repBoard.Columns).ToList();
        Assert.Contains(columns, c => c.Totals.Count > PipelineBoardService.PageSize);
        Assert.Contains(columns, c => c.Totals.Count is > 0 and <= PipelineBoardService.PageSize);
        Assert.All(columns, c =>
        {
            Assert.Equal(Math.Min(PipelineBoardService.PageSize, c.Totals.Count), c.Cards.Count);
            Assert.Equal(c.Totals.Count > PipelineBoardService.PageSize, c.HasMore);
            Assert.Equal(c.Cards.Count, c.Cards.Select(card => card.Id).Distinct().Count());
            Assert.All(c.Cards, card => Assert.Equal(c.Stage.Id, card.StageId));
        });
    }

    [Fact]
    public async Task A_larger_take_for_one_stage_shows_more_cards_of_that_stage_only()
    {
        var first = await Service.LoadAsync(Vp, BoardFilter.Default, Today, cancellationToken: TestContext.Current.CancellationToken);
        var big = first.Columns.First(c => !c.Stage.IsClosed && c.Totals.Count > 2 * PipelineBoardService.PageSize);
        var take = 2 * PipelineBoardService.PageSize;

        var more = await Service.LoadAsync(Vp, BoardFilter.Default, Today, new Dictionary<int, int> { [big.Stage.Id] = take }, cancellationToken: TestContext.Current.CancellationToken);

        var grown = more.Columns.Single(c => c.Stage.Id == big.Stage.Id);
        Assert.Equal(take, grown.Cards.Count);
        Assert.True(grown.HasMore);
        // "Show more" appends: the first page is still the first page.
        Assert.Equal(big.Cards.Select(c => c.Id), grown.Cards.Take(PipelineBoardService.PageSize).Select(c => c.Id));
        Assert.All(more.Columns.Where(c => c.Stage.Id != big.Stage.Id), c => Assert.Equal(Math.Min(PipelineBoardService.PageSize, c.Totals.Count), c.Cards.Count));
    }

    [Fact]
    public async Task Cards_count_whole_days_in_stage_and_mark_past_due_open_deals_stale_but_never_closed_ones()
    {
        var deals = (await AllDealsAsync()).ToDictionary(d => d.Id);
        var today = Today;
        // The newest mover of an open stage: fresh in its stage, but now past its expected close.
        var pastDue = deals.Values.Where(d => d.StageId == OpenStages[0]).MaxBy(d => (d.StageEnteredAt, d.Id))!;
        await QueryAsync(db => db.Deals.Where(d => d.Id == pastDue.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ExpectedClose, today.AddDays(-1))));

        var board = await Service.LoadAsync(Vp, BoardFilter.Default, Today, cancellationToken: TestContext.Current.CancellationToken);

        var card = board.Cards.Single(c => c.Id == pastDue.Id);
        Assert.True(card.IsStale);
        Assert.All(board.Cards.Where(c => !c.IsStale), c => Assert.True(c.ExpectedClose >= today || c.ClosedOn is not null));
        Assert.All(board.Columns.Where(c => c.Stage.IsClosed).SelectMany(c => c.Cards), c => Assert.False(c.IsStale, $"Closed deal {c.Id} is marked stale"));
        Assert.All(board.Cards, c => Assert.Equal((int)(board.AsOf - deals[c.Id].StageEnteredAt).TotalDays, c.DaysInStage));
    }

    [Fact]
    public async Task Details_list_the_stage_history_newest_first_and_an_analyst_may_not_change_the_deal()
    {
        var dealId = await QueryAsync(db => db.DealStageChanges.GroupBy(h => h.DealId).Where(g => g.Count() >= 3).Select(g => g.Key).FirstAsync());
        var history = await QueryAsync(db => db.DealStageChanges.AsNoTracking().Where(h => h.DealId == dealId).ToListAsync());
        var stages = await QueryAsync(db => db.Stages.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name));
        var deal = await QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == dealId));

        var details = await Service.DetailsAsync(Analyst, dealId, Today, TestContext.Current.CancellationToken);

        Assert.NotNull(details);
        Assert.False(details.CanChange);
        Assert.Equal(
            history.OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id).Select(h => (stages[h.ToStageId], h.ChangedAt)),
            details.History.Select(v => (v.To, v.At)));
        Assert.Equal(stages[deal.StageId], details.History[0].To);
        Assert.Null(details.History[^1].From);
        Assert.True((await Service.DetailsAsync(Vp, dealId, Today, TestContext.Current.CancellationToken))!.CanChange);
    }

    [Fact]
    public async Task Details_of_a_deal_outside_a_rep_s_scope_are_not_found()
    {
        var rep = await QueryAsync(db => db.Reps.AsNoTracking().SingleAsync(r => r.Email == DemoCompany.RepEmail));
        var own = await QueryAsync(db => db.Deals.AsNoTracking().FirstAsync(d => d.OwnerRepId == rep.Id));
        var foreign = await QueryAsync(db => db.Deals.AsNoTracking().FirstAsync(d => d.OwnerRepId != rep.Id && d.TeamId == rep.TeamId));
        var actor = new Actor(rep.Name, Roles.Rep, rep.Id, rep.TeamId);

        Assert.Null(await Service.DetailsAsync(actor, foreign.Id, Today, TestContext.Current.CancellationToken));
        Assert.Equal(own.Id, (await Service.DetailsAsync(actor, own.Id, Today, TestContext.Current.CancellationToken))?.Card.Id);
    }

    private sealed record DealRow(
        int Id, string Name, int? AccountId, string Account, int? TerritoryId, int? ProductId, int StageId, int TeamId, int OwnerRepId, SalesChannel Channel,
        decimal Amount, int Probability, DateOnly ExpectedClose, DateOnly? ClosedOn, DateTime StageEnteredAt);

    private Task<List<DealRow>> AllDealsAsync() => QueryAsync(db => db.Deals.AsNoTracking()
        .Select(d => new DealRow(d.Id, d.Name, d.AccountId, d.Account!.Name, d.Account.TerritoryId, d.ProductId, d.StageId, d.TeamId, d.OwnerRepId, d.Channel,
            d.Amount, d.Probability, d.ExpectedClose, d.ClosedOn, d.StageEnteredAt))
        .ToListAsync());

    private async Task<(BoardFilter Filter, Func<DealRow, bool> Matches)> FilterAsync(string kind, List<DealRow> deals)
    {
        switch (kind)
        {
            case "team":
                var team = await QueryAsync(db => db.Teams.OrderBy(t => t.Id).Skip(1).Select(t => t.Id).FirstAsync());
                return (new BoardFilter(TeamId: team), d => d.TeamId == team);
            case "rep":
                var rep = await QueryAsync(db => db.Reps.Where(r => r.Email == DemoCompany.RepEmail).Select(r => r.Id).SingleAsync());
                return (new BoardFilter(RepId: rep), d => d.OwnerRepId == rep);
            case "channel":
                return (new BoardFilter(Channel: SalesChannel.Phone), d => d.Channel == SalesChannel.Phone);
            case "amount range":
                return (new BoardFilter(MinAmount: 10_000m, MaxAmount: 50_000m), d => d.Amount is >= 10_000m and <= 50_000m);
            case "reversed amount range":
                return (new BoardFilter(MinAmount: 50_000m, MaxAmount: 10_000m), d => d.Amount is >= 10_000m and <= 50_000m);
            case "account name fragment":
                // The start of a word of an open deal's account name, in other case: the search ignores case.
                var word = deals.Where(d => OpenStages.Contains(d.StageId)).SelectMany(d => Words(d.Account)).First(w => w.Length >= 5 && w.All(char.IsAsciiLetter));
                var prefix = word[..4].ToUpperInvariant();
                return (new BoardFilter(Search: prefix), d => MatchesSearch(d, prefix));
            case "deal name fragment":
                return (new BoardFilter(Search: "  data hub "), d => MatchesSearch(d, "data hub"));
            case "territory":
                var territory = deals.First(d => d.TerritoryId is not null && OpenStages.Contains(d.StageId)).TerritoryId;
                return (new BoardFilter(TerritoryId: territory), d => d.TerritoryId == territory);
            case "product":
                var product = deals.First(d => d.ProductId is not null && OpenStages.Contains(d.StageId)).ProductId;
                return (new BoardFilter(ProductId: product), d => d.ProductId == product);
            case "expected close range":
                // Both ends are days deals really close on, so a bound that excludes its own day shows.
                var closeDays = deals.Where(d => OpenStages.Contains(d.StageId)).Select(d => d.ExpectedClose).Distinct().Order().ToList();
                var (from, to) = (closeDays[closeDays.Count / 4], closeDays[closeDays.Count / 2]);
                return (new BoardFilter(CloseFrom: from, CloseTo: to), d => d.ExpectedClose >= from && d.ExpectedClose <= to);
            case "everything at once":
                var (teamOf, channelOf) = deals.Where(d => OpenStages.Contains(d.StageId)).Select(d => (d.TeamId, d.Channel)).First();
                return (new BoardFilter(TeamId: teamOf, Channel: channelOf, MinAmount: 5_000m),
                    d => d.TeamId == teamOf && d.Channel == channelOf && d.Amount >= 5_000m);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>The board's search: every word typed starts a word of the deal's or its account's name, ignoring case.</summary>
    private static bool MatchesSearch(DealRow deal, string typed)
    {
        var words = Words(deal.Name).Concat(Words(deal.Account)).ToList();
        return Words(typed).All(t => words.Any(w => w.StartsWith(t, StringComparison.OrdinalIgnoreCase)));
    }

    private static string[] Words(string text) =>
        string.Concat(text.Select(c => char.IsLetterOrDigit(c) ? c : ' ')).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Per stage: open deals in every open stage; in Won and Lost only those closed within the window.</summary>
    private static List<StageTotals> Expected(IEnumerable<DealRow> deals, Func<DealRow, bool> matches, Period closedWindow)
    {
        var shown = deals.Where(matches)
            .Where(d => OpenStages.Contains(d.StageId) || (d.StageId is WonStage or LostStage && d.ClosedOn is { } c && closedWindow.Contains(c)))
            .ToList();
        return OpenStages.Append(WonStage).Append(LostStage)
            .Select(stage =>
            {
                var inStage = shown.Where(d => d.StageId == stage).ToList();
                return new StageTotals(stage, inStage.Count, inStage.Sum(d => d.Amount), decimal.Round(inStage.Sum(d => d.Amount * d.Probability / 100m), 2));
            })
            .ToList();
    }

    private static void AssertTotalsMatch(List<StageTotals> expected, Board board) =>
        Assert.Equal(expected, board.Columns.Select(c => c.Totals));
}
