using SalesOps.Shared.Pipeline;

namespace SalesOps.Tests.Shared;

public class SearchTextTests
{
    [Theory]
    [InlineData("ever hold", "\"ever\"* \"hold\"*")]
    [InlineData("  Acme  ", "\"Acme\"*")]
    [InlineData("O'Neil & Sons", "\"O\"* \"Neil\"* \"Sons\"*")]
    [InlineData("Brașov", "\"Brașov\"*")]
    public void Typed_words_become_prefix_terms(string typed, string query) =>
        Assert.Equal(query, SearchText.ToPrefixQuery(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("\"*) OR (NEAR")]
    public void Nothing_searchable_or_query_syntax_gives_no_operators(string? typed)
    {
        var query = SearchText.ToPrefixQuery(typed);

        Assert.True(query is null || !query.Contains(" OR ") && !query.Contains('(') && query.Count(c => c == '"') % 2 == 0, query);
    }
}
