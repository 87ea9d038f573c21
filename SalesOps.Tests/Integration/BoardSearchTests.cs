using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Pipeline;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Pipeline;

namespace SalesOps.Tests.Integration;

public class BoardSearchTests : AppTest
{
    private static readonly Actor Vp = new("VP", Roles.VP);

    [Fact]
    public async Task Searching_the_start_of_an_account_s_words_finds_all_its_open_deals_and_only_matching_ones()
    {
        var account = await QueryAsync(db => db.Accounts.OrderBy(a => a.Id).FirstAsync(a => db.Deals.Count(d => d.AccountId == a.Id && d.StageId <= 4) > 0));
        var firstWord = account.Name.Split(' ', '-', ',')[0];
        var prefix = firstWord[..Math.Min(5, firstWord.Length)];

        var totals = await App.Service<PipelineBoardService>().TotalsAsync(Vp, new BoardFilter(Search: prefix), TestClock.Today);

        var expected = await QueryAsync(db => db.Deals.CountAsync(d => d.StageId <= 4 && d.AccountId == account.Id));
        var open = totals.Stages.Where(s => s.StageId <= 4).Sum(s => s.Count);
        Assert.True(open >= expected, $"'{prefix}' found {open} open deals, the account alone has {expected}");
        var board = await App.Service<PipelineBoardService>().ReadAsync(Vp, new BoardFilter(Search: prefix), TestClock.Today);
        Assert.All(board.Cards, c => Assert.True(
            Words(c.Account).Concat(Words(c.Name)).Any(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)), $"{c.Name} / {c.Account}"));
    }

    [Fact]
    public async Task A_deal_created_through_the_api_is_found_by_a_word_of_its_name()
    {
        var account = await QueryAsync(db => db.Accounts.FirstAsync(a => a.OwnerRepId != null));
        var response = await ApiClient().PostAsJsonAsync("/api/deals", new
        {
            name = "Quokkaville renewal", accountId = account.Id, amount = 10, stage = "Proposal", expectedClose = "2027-01-01",
        });
        response.EnsureSuccessStatusCode();

        var board = await App.Service<PipelineBoardService>().ReadAsync(Vp, new BoardFilter(Search: "quokka"), TestClock.Today);

        Assert.Equal("Quokkaville renewal", Assert.Single(board.Cards).Name);
    }

    private static string[] Words(string text) => text.Split([' ', '-', ',', '–', '&', '.'], StringSplitOptions.RemoveEmptyEntries);
}
