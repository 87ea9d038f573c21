using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Integration;

/// <summary>
/// Statements on the real app: a rep reads only their own, a manager their team's, VP and admin everyone's; any other
/// combination, by page URL or CSV, is refused and shows nothing of the other rep.
/// </summary>
public partial class StatementRightsTests : AppTest
{
    private sealed record RepInfo(int Id, string Name, int TeamId);

    private async Task<(RepInfo DemoRep, RepInfo TeamMate, RepInfo OtherTeam, int ManagerTeam)> PeopleAsync()
    {
        var managerTeam = await QueryAsync(db => db.Users.Where(u => u.Email == DemoCompany.ManagerEmail).Select(u => u.TeamId!.Value).SingleAsync());
        var reps = await QueryAsync(db => db.Reps.OrderBy(r => r.Id).Select(r => new RepInfo(r.Id, r.Name, r.TeamId)).ToListAsync());
        var demoRep = await QueryAsync(db => db.Reps.Where(r => r.Email == DemoCompany.RepEmail).Select(r => new RepInfo(r.Id, r.Name, r.TeamId)).SingleAsync());
        return (
            demoRep,
            reps.First(r => r.TeamId == managerTeam && r.Id != demoRep.Id),
            reps.First(r => r.TeamId != managerTeam && r.TeamId != demoRep.TeamId),
            managerTeam);
    }

    [Fact]
    public async Task A_rep_reads_their_own_statement_and_nobody_elses()
    {
        var (me, mate, other, _) = await PeopleAsync();
        using var client = await SignedInClientAsync(DemoCompany.RepEmail);

        var own = await client.GetStringAsync("/incentives/statements", TestContext.Current.CancellationToken);
        Assert.Contains($"data-statement-rep-id=\"{me.Id}\"", own);

        foreach (var forged in new[] { mate, other })
        {
            var page = await client.GetStringAsync($"/incentives/statements/{forged.Id}/current", TestContext.Current.CancellationToken);
            AssertRefused(page, forged);
            var csv = await client.GetAsync($"/incentives/statements/{forged.Id}/current.csv", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
            Assert.DoesNotContain(forged.Name, await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var ownCsv = await client.GetAsync($"/incentives/statements/{me.Id}/current.csv", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ownCsv.StatusCode);
        Assert.Equal("text/csv", ownCsv.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_manager_reads_their_teams_statements_only()
    {
        var (_, mate, other, managerTeam) = await PeopleAsync();
        Assert.Equal(managerTeam, mate.TeamId);
        using var client = await SignedInClientAsync(DemoCompany.ManagerEmail);

        var page = await client.GetStringAsync($"/incentives/statements/{mate.Id}/current", TestContext.Current.CancellationToken);
        Assert.Contains($"data-statement-rep-id=\"{mate.Id}\"", page);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/incentives/statements/{mate.Id}/current.csv", TestContext.Current.CancellationToken)).StatusCode);

        AssertRefused(await client.GetStringAsync($"/incentives/statements/{other.Id}/current", TestContext.Current.CancellationToken), other);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/incentives/statements/{other.Id}/current.csv", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData(DemoCompany.VpEmail)]
    [InlineData(DemoCompany.AdminEmail)]
    public async Task A_vp_or_admin_reads_anyones_statement_and_its_csv_adds_up_to_the_page(string email)
    {
        var (_, _, other, _) = await PeopleAsync();
        using var client = await SignedInClientAsync(email);

        var page = await client.GetStringAsync($"/incentives/statements/{other.Id}/current", TestContext.Current.CancellationToken);
        Assert.Contains($"data-statement-rep-id=\"{other.Id}\"", page);
        var paid = PaidAttribute().Matches(page).Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var total = decimal.Parse(TotalAttribute().Match(page).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(paid.Sum(), total);

        var csv = await client.GetStringAsync($"/incentives/statements/{other.Id}/current.csv", TestContext.Current.CancellationToken);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(paid.Count + 2, rows.Length); // header, one row per line, total
        Assert.EndsWith("," + total.ToString(CultureInfo.InvariantCulture), rows[^1]);
    }

    [Fact]
    public async Task An_analyst_reads_deals_but_no_ones_pay()
    {
        var (me, _, _, _) = await PeopleAsync();
        using var client = await SignedInClientAsync(DemoCompany.AnalystEmail);

        AssertRefused(await client.GetStringAsync($"/incentives/statements/{me.Id}/current", TestContext.Current.CancellationToken), me);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/incentives/statements/{me.Id}/current.csv", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_bad_period_gets_a_clear_answer_not_an_error()
    {
        var (me, _, _, _) = await PeopleAsync();
        using var client = await SignedInClientAsync(DemoCompany.RepEmail);

        var page = await client.GetAsync($"/incentives/statements/{me.Id}/2026-Q9", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-status=\"BadPeriod\"", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/incentives/statements/{me.Id}/someday.csv", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_csv_needs_a_signed_in_user()
    {
        var (me, _, _, _) = await PeopleAsync();
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = App.BaseAddress };
        var response = await anonymous.GetAsync($"/incentives/statements/{me.Id}/current.csv", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);

        // An API key is an integration, which has no pay to read: it is sent to sign in like anyone without a cookie.
        using var api = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = App.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", DemoCompany.IngestKey);
        var withKey = await api.GetAsync($"/incentives/statements/{me.Id}/current.csv", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, withKey.StatusCode);
        Assert.NotEqual("text/csv", withKey.Content.Headers.ContentType?.MediaType);
    }

    private static void AssertRefused(string page, RepInfo other)
    {
        Assert.Contains("data-status=\"Refused\"", page);
        Assert.DoesNotContain("data-statement-rep-id", page);
        Assert.DoesNotContain(other.Name, page);
    }

    [GeneratedRegex("data-paid=\"([-0-9.]+)\"")]
    private static partial Regex PaidAttribute();

    [GeneratedRegex("data-statement-total=\"([-0-9.]+)\"")]
    private static partial Regex TotalAttribute();
}
