using System.Net;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Pipeline;

/// <summary>
/// A board link is shared and edited by hand: whatever its query string says, /pipeline shows a board (with the
/// nonsense dropped) rather than an error page.
/// </summary>
public class PipelinePageLinkTests : AppTest
{
    [Theory]
    [InlineData("channel=Nope&from=yesterday&to=31%2F12%2F2026&closed=Forever")]
    [InlineData("team=abc")]
    [InlineData("rep=me")]
    [InlineData("min=abc")]
    [InlineData("max=1e3")]
    public async Task A_board_link_with_garbage_in_its_query_shows_the_board_instead_of_an_error(string query)
    {
        var client = await SignedInClientAsync(DemoCompany.VpEmail);

        var response = await client.GetAsync("/pipeline?" + query, TestContext.Current.CancellationToken);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/pipeline?{query} answered {(int)response.StatusCode}: {FirstLine(html)}");
        Assert.Contains("data-stage=\"Prospecting\"", html);
        Assert.Contains("data-stage=\"Won\"", html);
    }

    private static string FirstLine(string html)
    {
        var start = html.IndexOf("Cannot parse", StringComparison.Ordinal);
        return start < 0 ? "" : WebUtility.HtmlDecode(html.Substring(start, Math.Min(120, html.Length - start)));
    }
}
