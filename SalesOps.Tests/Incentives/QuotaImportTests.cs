using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Incentives;

/// <summary>Quota CSV over HTTP on the real app: bad rows refuse the whole file with the field named, and rights hold.</summary>
public class QuotaImportTests : AppTest
{
    private async Task<(int ManagerTeam, int MateId, int OtherTeamRepId)> PeopleAsync()
    {
        var team = await QueryAsync(db => db.Users.Where(u => u.Email == DemoCompany.ManagerEmail).Select(u => u.TeamId!.Value).SingleAsync());
        var mate = await QueryAsync(db => db.Reps.Where(r => r.TeamId == team && r.Active).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var other = await QueryAsync(db => db.Reps.Where(r => r.TeamId != team && r.Active).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        return (team, mate, other);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private Task<decimal?> QuotaAsync(int repId, DateOnly start) =>
        QueryAsync(db => db.Quotas.Where(q => q.RepId == repId && q.PeriodStart == start).Select(q => (decimal?)q.Amount).FirstOrDefaultAsync());

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_with_each_row_and_field_named()
    {
        var (_, mate, other) = await PeopleAsync();
        using var client = await SignedInClientAsync(DemoCompany.ManagerEmail);
        var before = await CountsAsync();
        var q1 = await QuotaAsync(mate, new DateOnly(2027, 1, 1));

        var response = await client.PostAsync("/incentives/quotas.csv", Csv(
            "rep_id,quarter,amount\r\n" +
            $"{mate},2027-Q1,150000\r\n" +     // fine on its own
            $"{mate},2027-Q2,-5\r\n" +         // negative
            $"{mate},2027-Q3,5000000000\r\n" + // absurd
            "999999,2027-Q1,100\r\n" +         // unknown rep
            $"{other},2027-Q1,100\r\n" +       // outside the manager's team
            $"{mate},2027-Q1,160000\r\n" +     // overlaps row 2
            $"{mate},2027-Q9,1\r\n"),          // not a quarter
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "amount"), (4, "amount"), (5, "rep"), (6, "rep"), (7, "quarter"), (8, "quarter")], errors);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(q1, await QuotaAsync(mate, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public async Task A_good_file_sets_the_quotas_with_an_audit_entry_each_and_exports_them_back()
    {
        var (_, mate, _) = await PeopleAsync();
        using var client = await SignedInClientAsync(DemoCompany.ManagerEmail);
        var (_, events, audits) = await CountsAsync();

        var response = await client.PostAsync("/incentives/quotas.csv",
            Csv($"rep_id,quarter,amount\r\n{mate},2027-Q1,150000\r\n{mate},2027-Q2,175000.50\r\n"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(150_000m, await QuotaAsync(mate, new DateOnly(2027, 1, 1)));
        Assert.Equal(175_000.50m, await QuotaAsync(mate, new DateOnly(2027, 4, 1)));
        var (_, eventsAfter, auditsAfter) = await CountsAsync();
        Assert.Equal(audits + 2, auditsAfter);
        Assert.Equal(events + 1, eventsAfter);

        var export = await client.GetStringAsync("/incentives/quotas/2027.csv", TestContext.Current.CancellationToken);
        Assert.Contains($"{mate},", export);
        Assert.Contains(",2027-Q2,175000.5\r\n", export);
    }

    [Theory]
    [InlineData(DemoCompany.RepEmail)]
    [InlineData(DemoCompany.AnalystEmail)]
    public async Task Reps_and_analysts_neither_read_nor_import_quotas(string email)
    {
        var (_, mate, _) = await PeopleAsync();
        using var client = await SignedInClientAsync(email);
        var before = await CountsAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/incentives/quotas/2026.csv", TestContext.Current.CancellationToken)).StatusCode);
        var response = await client.PostAsync("/incentives/quotas.csv", Csv($"rep_id,quarter,amount\r\n{mate},2027-Q1,1\r\n"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
        Assert.Contains("data-testid=\"quotas-refused\"", await client.GetStringAsync("/incentives/quotas", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_manager_exports_only_their_team_and_a_vp_everyone()
    {
        var (_, mate, other) = await PeopleAsync();
        using var manager = await SignedInClientAsync(DemoCompany.ManagerEmail);
        using var vp = await SignedInClientAsync(DemoCompany.VpEmail);

        var mine = await manager.GetStringAsync("/incentives/quotas/2026.csv", TestContext.Current.CancellationToken);
        var all = await vp.GetStringAsync("/incentives/quotas/2026.csv", TestContext.Current.CancellationToken);

        Assert.Contains($"\n{mate},", mine);
        Assert.DoesNotContain($"\n{other},", mine);
        Assert.Contains($"\n{other},", all);
        var response = await vp.PostAsync("/incentives/quotas.csv", Csv($"rep_id,quarter,amount\r\n{other},2027-Q1,90000\r\n"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await vp.PostAsync("/incentives/quotas.csv", new StringContent("x", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken)).StatusCode);
    }
}
