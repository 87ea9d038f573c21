using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;
using SalesOps.Shared.Territories;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Data;

public class DemoCompanyGeneratorTests
{
    private static readonly DateOnly Anchor = new(2026, 11, 27);

    // Generating takes a few hundred milliseconds; the tests only read the result.
    private static readonly Lazy<DemoCompanyData> Company = new(() => DemoCompanyGenerator.Generate(Anchor));

    private static readonly int WonId = SalesOpsDbContext.DefaultStages.Single(s => s.IsWon).Id;

    [Fact]
    public void The_same_anchor_gives_the_same_company()
    {
        var first = Company.Value;
        var second = DemoCompanyGenerator.Generate(Anchor);

        Assert.Equal(first.Reps.Select(r => (r.Name, r.Email, r.TeamId, r.Channel)), second.Reps.Select(r => (r.Name, r.Email, r.TeamId, r.Channel)));
        Assert.Equal(
            first.Accounts.Select(a => (a.Name, a.RegionCode, a.Latitude, a.Longitude, a.AnnualRevenue, a.OwnerRepId)),
            second.Accounts.Select(a => (a.Name, a.RegionCode, a.Latitude, a.Longitude, a.AnnualRevenue, a.OwnerRepId)));
        Assert.Equal(
            first.Deals.Select(d => (d.Name, d.Amount, d.StageId, d.CreatedOn, d.ExpectedClose, d.ClosedOn, d.StageEnteredAt)),
            second.Deals.Select(d => (d.Name, d.Amount, d.StageId, d.CreatedOn, d.ExpectedClose, d.ClosedOn, d.StageEnteredAt)));
        Assert.Equal(
            first.StageChanges.Select(c => (c.Id, c.DealId, c.ToStageId, c.ChangedAt, c.ChangedBy)),
            second.StageChanges.Select(c => (c.Id, c.DealId, c.ToStageId, c.ChangedAt, c.ChangedBy)));
        Assert.Equal(first.Quotas.Select(q => (q.RepId, q.PeriodStart, q.Amount)), second.Quotas.Select(q => (q.RepId, q.PeriodStart, q.Amount)));
    }

    [Fact]
    public void The_company_has_the_size_and_people_the_demo_promises()
    {
        var company = Company.Value;

        Assert.Equal(6, company.Teams.Count);
        Assert.Equal(40, company.Reps.Count);
        Assert.Equal(12, company.Territories.Count);
        Assert.Equal(2000, company.Accounts.Count);
        Assert.Equal(12000, company.Deals.Count);
        Assert.InRange(company.Products.Count, 6, 8);
        Assert.Equal(8 * company.Reps.Count, company.Quotas.Count);
        Assert.Superset(new HashSet<SalesChannel> { SalesChannel.Field, SalesChannel.Phone, SalesChannel.Digital }, company.Reps.Select(r => r.Channel).ToHashSet());
        Assert.InRange(company.Accounts.Count(a => a.TerritoryId == company.Territories.Single(t => t.Name == DemoCompanyGenerator.InternationalTerritory).Id), 80, 120);

        // The ten geographic regions cover the 50 states and DC, each exactly once.
        var states = company.Territories
            .Where(t => t.Kind == TerritoryKind.Geographic && t.Name != DemoCompanyGenerator.InternationalTerritory)
            .SelectMany(t => t.Regions)
            .ToList();
        Assert.Equal(51, states.Count);
        Assert.Equal(51, states.Distinct().Count());

        var demoRep = Assert.Single(company.Reps, r => r.Email == DemoCompany.RepEmail);
        Assert.Equal("Robert Chen", demoRep.Name);
        Assert.Equal(company.Teams[0].Id, demoRep.TeamId);
        Assert.Equal(DemoCompany.Users.Single(u => u.Email == DemoCompany.ManagerEmail).DisplayName, company.Teams[0].ManagerName);
        Assert.Equal(company.Reps.Count, company.Reps.Select(r => r.Email).Distinct().Count());
    }

    [Fact]
    public void Every_account_lies_in_its_region_inside_a_territory_that_covers_it_and_is_owned_by_that_territorys_team() =>
        AssertAccountsSitInTheirTerritories(Company.Value);

    [Fact]
    public void A_larger_company_repeats_the_demo_s_teams_and_keeps_its_rules()
    {
        // 100 reps: two whole copies of the demo's 40, and a third of 20 (West 6, Central 6, South 5, Northeast 3).
        var generated = DemoCompanyGenerator.Start(new CompanySize(Reps: 100, Accounts: 3_000, Deals: 20_000, Months: 12), Anchor);
        var company = generated.ToData();

        Assert.Equal((100, 3_000, 20_000, 16), (company.Reps.Count, company.Accounts.Count, company.Deals.Count, company.Teams.Count));
        Assert.Equal(["West Field", "West Field 2", "West Field 3"], company.Teams.Where(t => t.Name.StartsWith("West", StringComparison.Ordinal)).Select(t => t.Name));
        Assert.Equal(3, company.Reps.Count(r => company.Teams.Single(t => t.Id == r.TeamId).Name == "Northeast Field 3"));
        Assert.Equal(company.Reps.Count, company.Reps.Select(r => r.Email).Distinct().Count());
        Assert.Equal(company.Accounts.Count, company.Accounts.Select(a => a.Name).Distinct().Count());
        Assert.All(company.Territories, t => Assert.NotNull(t.OwnerRepId));
        // Four quarters back, the anchor's and the next.
        Assert.Equal(6 * company.Reps.Count, company.Quotas.Count);
        Assert.Equal(Enumerable.Range(1, 20_000), company.Deals.Select(d => d.Id));
        Assert.True(company.Deals.Zip(company.Deals.Skip(1)).All(p => p.First.CreatedOn <= p.Second.CreatedOn));
        var reps = company.Reps.ToDictionary(r => r.Id);
        Assert.All(company.Deals, d => Assert.Equal(reps[d.OwnerRepId].TeamId, d.TeamId));
        AssertAccountsSitInTheirTerritories(company);
        Assert.Throws<InvalidOperationException>(() => generated.Deals());
    }

    private static void AssertAccountsSitInTheirTerritories(DemoCompanyData company)
    {
        var territories = company.Territories.ToDictionary(t => t.Id);
        var reps = company.Reps.ToDictionary(r => r.Id);
        var areas = UsGeography.States.Concat(UsGeography.Countries).ToDictionary(a => a.Code);

        // Region codes are ISO: "US-DE" is Delaware, "DE" Germany, so both can be demo places.
        Assert.All(areas.Keys, code => Assert.True(RegionCodes.IsValid(code), code));
        Assert.Equal(RegionKind.UsSubdivision, RegionCodes.Find(areas["US-DE"].Code)!.Kind);
        Assert.Contains(company.Accounts, a => a.RegionCode == "DE");
        Assert.All(company.Territories.SelectMany(t => t.Regions), code => Assert.True(RegionCodes.IsValid(code), code));
        Assert.All(company.Accounts, account =>
        {
            var territory = territories[account.TerritoryId!.Value];
            if (territory.Kind == TerritoryKind.NamedAccounts)
            {
                // A copy's territory holds its accounts by name; the region stays with the first copy's territory.
                Assert.Contains(company.Territories, t => t.Kind == TerritoryKind.Geographic && t.Regions.Contains(account.RegionCode));
            }
            else
            {
                Assert.Contains(account.RegionCode, territory.Regions);
            }

            Assert.Equal(reps[territory.OwnerRepId!.Value].TeamId, reps[account.OwnerRepId!.Value].TeamId);

            var area = areas[account.RegionCode];
            Assert.Contains(area.Cities, city =>
                Math.Abs(city.Latitude - account.Latitude) <= area.Jitter + 1e-9 && Math.Abs(city.Longitude - account.Longitude) <= area.Jitter + 1e-9);
        });
    }

    [Fact]
    public void Field_reps_win_more_often_than_phone_reps_and_phone_more_often_than_digital()
    {
        var company = Company.Value;
        double WinRate(SalesChannel channel)
        {
            var closed = company.Deals.Where(d => d.Channel == channel && d.ClosedOn is not null).ToList();
            return closed.Count(d => d.StageId == WonId) / (double)closed.Count;
        }

        var field = WinRate(SalesChannel.Field);
        var phone = WinRate(SalesChannel.Phone);
        var digital = WinRate(SalesChannel.Digital);

        Assert.True(field > phone && phone > digital, $"field {field:P1}, phone {phone:P1}, digital {digital:P1}");
        Assert.InRange(field, 0.24, 0.36);
        Assert.InRange(digital, 0.12, 0.24);
    }

    [Fact]
    public void Deal_dates_and_stage_history_agree_with_the_anchor_even_on_a_quarters_first_day()
    {
        foreach (var anchor in new[] { Anchor, new DateOnly(2026, 7, 1) })
        {
            var company = anchor == Anchor ? Company.Value : DemoCompanyGenerator.Generate(anchor);
            var quarter = Period.QuarterOf(anchor);

            Assert.All(company.Deals.Where(d => d.ClosedOn is not null), d => Assert.InRange(d.ClosedOn!.Value, d.CreatedOn, anchor));
            Assert.All(company.Deals.Where(d => d.ClosedOn is null), d => Assert.InRange(d.CreatedOn, anchor.AddMonths(-9).AddDays(-1), anchor));
            Assert.All(company.Deals, d =>
            {
                var last = d.StageHistory[^1];
                Assert.Equal(d.StageId, last.ToStageId);
                Assert.Equal(d.StageEnteredAt, last.ChangedAt);
                Assert.Null(d.StageHistory[0].FromStageId);
                Assert.Equal(d.CreatedOn, DateOnly.FromDateTime(d.StageHistory[0].ChangedAt));
            });
            Assert.True(
                company.Deals.Count(d => d.StageId == WonId && quarter.Contains(d.ClosedOn!.Value)) > 100,
                $"too few deals won in {quarter} as of {anchor}");
        }
    }
}
