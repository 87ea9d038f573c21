using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Import;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Data;
using SalesOps.Web.Live;

namespace SalesOps.Tests.DataImport;

/// <summary>Data hygiene on the real app: the report per role, the page, and the one-click fixes with their guards.</summary>
public class HygieneTests : AppTest
{
    private static readonly Actor Analyst = new("analyst", Roles.Analyst);

    private HygieneService Hygiene => App.Services.GetRequiredService<HygieneService>();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Two accounts of one company ("Acme Corp" with 2 deals, "ACME Corporation" with 1) taken from existing deals.</summary>
    private async Task<(int Acme, int AcmeCorporation, int[] DealIds)> AddAcmeAsync()
    {
        return await QueryAsync(async db =>
        {
            var acme = new Account { Name = "Acme Corp", Industry = "Retail", RegionCode = "US-TX" };
            var acmeCorporation = new Account { Name = "ACME Corporation", Industry = "Retail", RegionCode = "US-TX" };
            db.Accounts.AddRange(acme, acmeCorporation);
            await db.SaveChangesAsync(Cancel);
            var deals = await db.Deals.OrderBy(d => d.Id).Take(3).ToListAsync(Cancel);
            deals[0].AccountId = deals[1].AccountId = acme.Id;
            deals[2].AccountId = acmeCorporation.Id;
            await db.SaveChangesAsync(Cancel);
            return (acme.Id, acmeCorporation.Id, deals.Select(d => d.Id).ToArray());
        });
    }

    [Fact]
    public async Task Merging_duplicate_accounts_moves_their_deals_audits_and_publishes_live()
    {
        var (acme, acmeCorporation, dealIds) = await AddAcmeAsync();
        var versions = await QueryAsync(db => db.Deals.Where(d => dealIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Version, Cancel));
        var report = await Hygiene.ReportAsync(Analyst, Cancel);
        var group = Assert.Single(report.DuplicateAccounts, g => g.Any(a => a.Id == acme));
        Assert.Equal([acme, acmeCorporation], group.Select(a => a.Id));
        var published = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = App.Services.GetRequiredService<LiveEventBus>()
            .Subscribe(e => { published.TrySetResult(e); return Task.CompletedTask; }, e => e.Kind == HygieneService.FixedKind);

        var outcome = await Hygiene.MergeAccountsAsync(Analyst, new AccountMerge(group[0], group.Skip(1).ToList()), Cancel);

        Assert.Equal(HygieneFixOutcome.Fixed, outcome);
        var deals = await QueryAsync(db => db.Deals.Where(d => dealIds.Contains(d.Id)).ToListAsync(Cancel));
        Assert.All(deals, d => Assert.Equal(acme, d.AccountId));
        // Only the moved deal changed, so only its version moves on (an open drawer on it then reloads rather than overwrites).
        Assert.Equal(dealIds.Select(id => versions[id] + (id == dealIds[2] ? 1 : 0)), dealIds.Select(id => deals.Single(d => d.Id == id).Version));
        Assert.False(await QueryAsync(db => db.Accounts.AnyAsync(a => a.Id == acmeCorporation, Cancel)));
        Assert.Equal(group[0].Version + 1, await QueryAsync(db => db.Accounts.Where(a => a.Id == acme).Select(a => a.Version).SingleAsync(Cancel)));
        var audit = await QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "merged", Cancel));
        Assert.Equal(("analyst", nameof(Account), acme.ToString(System.Globalization.CultureInfo.InvariantCulture)), (audit.Actor, audit.EntityType, audit.EntityId));
        Assert.Contains("\"dealsMoved\":1", audit.After);
        Assert.Equal(acme, (await published.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancel)).EntityId);
        // Re-imports follow the fix: the merged name is an alias of the kept account.
        Assert.True(await QueryAsync(db => db.SourceAliases.AnyAsync(a => a.Kind == AliasKind.Account && a.Key == "ACMECORPORATION" && a.TargetId == acme, Cancel)));
        Assert.DoesNotContain((await Hygiene.ReportAsync(Analyst, Cancel)).DuplicateAccounts, g => g.Any(a => a.Id == acme));
    }

    [Fact]
    public async Task A_merge_read_before_someone_changed_an_account_writes_nothing()
    {
        var (acme, _, _) = await AddAcmeAsync();
        var group = (await Hygiene.ReportAsync(Analyst, Cancel)).DuplicateAccounts.Single(g => g.Any(a => a.Id == acme));
        await QueryAsync(db => db.Accounts.Where(a => a.Id == group[1].Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, a => a.Version + 1), Cancel));
        var before = await CountsAsync();

        var outcome = await Hygiene.MergeAccountsAsync(Analyst, new AccountMerge(group[0], group.Skip(1).ToList()), Cancel);

        Assert.Equal(HygieneFixOutcome.Changed, outcome);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(2, await QueryAsync(db => db.Accounts.CountAsync(a => a.Id == group[0].Id || a.Id == group[1].Id, Cancel)));
    }

    [Fact]
    public async Task A_forged_merge_of_two_different_companies_is_refused()
    {
        var accounts = await QueryAsync(db => db.Accounts.OrderBy(a => a.Id).Take(2)
            .Select(a => new AccountNameRow(a.Id, a.Name, 0, a.Version)).ToListAsync(Cancel));
        Assert.NotEqual(NameMatch.CompanyKey(accounts[0].Name), NameMatch.CompanyKey(accounts[1].Name));
        var before = await CountsAsync();

        var outcome = await Hygiene.MergeAccountsAsync(Analyst, new AccountMerge(accounts[0], [accounts[1]]), Cancel);
        var onto = await Hygiene.MergeAccountsAsync(Analyst, new AccountMerge(accounts[0], [accounts[0]]), Cancel);

        Assert.Equal(HygieneFixOutcome.NotCertain, outcome);
        Assert.Equal(HygieneFixOutcome.NotCertain, onto);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Managers_read_their_teams_hygiene_and_may_not_fix_reps_may_not_read()
    {
        var (acme, _, _) = await AddAcmeAsync();
        var teamId = await QueryAsync(db => db.Users.Where(u => u.Email == DemoCompany.ManagerEmail).Select(u => u.TeamId!.Value).SingleAsync(Cancel));
        var manager = new Actor("manager", Roles.Manager, TeamId: teamId);
        var group = (await Hygiene.ReportAsync(Analyst, Cancel)).DuplicateAccounts.Single(g => g.Any(a => a.Id == acme));

        var report = await Hygiene.ReportAsync(manager, Cancel);

        Assert.False(report.MayFix);
        Assert.Empty(report.DuplicateAccounts);
        Assert.Equal(teamId, Assert.Single(report.Teams).Id);
        var teamReps = await QueryAsync(db => db.Reps.Where(r => r.TeamId == teamId).Select(r => r.Id).ToListAsync(Cancel));
        Assert.All(report.Reps, r => Assert.Contains(r.Id, teamReps));
        Assert.All(report.Deals.Values.SelectMany(d => d), d => Assert.Equal(teamId, d.TeamId));
        var before = await CountsAsync();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Hygiene.MergeAccountsAsync(manager, new AccountMerge(group[0], group.Skip(1).ToList()), Cancel));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Hygiene.ReportAsync(new Actor("rep", Roles.Rep, RepId: 1, TeamId: teamId), Cancel));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Mapping_a_near_miss_product_moves_its_deals_and_removes_the_alias()
    {
        var (aliasId, dealIds) = await QueryAsync(async db =>
        {
            var alias = new Product { Name = "GrowthSuite", Series = "" };
            db.Products.Add(alias);
            await db.SaveChangesAsync(Cancel);
            var deals = await db.Deals.OrderByDescending(d => d.Id).Take(2).ToListAsync(Cancel);
            deals.ForEach(d => d.ProductId = alias.Id);
            await db.SaveChangesAsync(Cancel);
            return (alias.Id, deals.Select(d => d.Id).ToArray());
        });
        var match = Assert.Single((await Hygiene.ReportAsync(Analyst, Cancel)).ProductMatches);
        Assert.Equal((aliasId, "Growth Suite", 2), (match.AliasId, match.TargetName, match.AliasDeals));

        Assert.Equal(HygieneFixOutcome.Changed, await Hygiene.MapProductAsync(Analyst, match with { TargetName = "Growth Analytics" }, Cancel));
        var outcome = await Hygiene.MapProductAsync(Analyst, match, Cancel);

        Assert.Equal(HygieneFixOutcome.Fixed, outcome);
        Assert.All(await QueryAsync(db => db.Deals.Where(d => dealIds.Contains(d.Id)).Select(d => d.ProductId).ToListAsync(Cancel)), p => Assert.Equal(match.TargetId, p));
        Assert.False(await QueryAsync(db => db.Products.AnyAsync(p => p.Id == aliasId, Cancel)));
        Assert.Equal(1, await QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "alias-mapped", Cancel)));
    }

    [Fact]
    public async Task The_page_shows_each_count_as_a_raw_data_value_for_analysts_and_managers_and_refuses_reps()
    {
        var today = TestClock.Today;
        var pastDue = await QueryAsync(db =>
        {
            var stages = App.Services.GetRequiredService<StageCatalog>();
            return db.Deals.Open(stages).CountAsync(d => d.ExpectedClose < today, Cancel);
        });
        Assert.True(pastDue > 0);
        using var analyst = await SignedInClientAsync(DemoCompany.AnalystEmail);
        using var manager = await SignedInClientAsync(DemoCompany.ManagerEmail);
        using var rep = await SignedInClientAsync(DemoCompany.RepEmail);

        var html = await analyst.GetStringAsync("/data/hygiene", Cancel);
        var managerPage = await manager.GetStringAsync("/data/hygiene", Cancel);
        var repPage = await rep.GetAsync("/data/hygiene", Cancel);

        Assert.Contains($"data-issue=\"PastDue\" data-count=\"{pastDue}\"", html);
        Assert.Contains("data-fix=\"duplicates\"", html);
        Assert.DoesNotContain("data-fix=\"duplicates\"", managerPage);
        Assert.Contains("data-scores=\"team\"", managerPage);
        Assert.Equal(HttpStatusCode.Redirect, repPage.StatusCode);
        Assert.Contains("/account/denied", repPage.Headers.Location!.ToString());
    }
}
