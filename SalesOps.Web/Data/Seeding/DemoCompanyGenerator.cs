using System.Globalization;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;

namespace SalesOps.Web.Data.Seeding;

/// <summary>Everything the demo company consists of, with ids assigned so the relations hold before any database sees it.</summary>
public sealed record DemoCompanyData(
    DateOnly Anchor,
    IReadOnlyList<Team> Teams,
    IReadOnlyList<Rep> Reps,
    IReadOnlyList<Territory> Territories,
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<Product> Products,
    IReadOnlyList<Deal> Deals,
    IReadOnlyList<Quota> Quotas,
    IReadOnlyList<CompPlan> CompPlans,
    IReadOnlyList<Contest> Contests)
{
    public IEnumerable<DealStageChange> StageChanges => Deals.SelectMany(d => d.StageHistory);
}

/// <summary>
/// A generated company whose deals are produced one at a time, in id order, as they are read: a million deals with
/// their stage history would otherwise sit in memory all at once. <see cref="Deals"/> can be read once.
/// </summary>
public sealed class GeneratedCompany(
    DemoCompanyData organization,
    int dealCount,
    IEnumerable<Deal> deals)
{
    private IEnumerable<Deal>? _deals = deals;

    /// <summary>Everything but the deals (its <see cref="DemoCompanyData.Deals"/> is empty).</summary>
    public DemoCompanyData Organization { get; } = organization;

    public int DealCount { get; } = dealCount;

    public IEnumerable<Deal> Deals() =>
        Interlocked.Exchange(ref _deals, null) ?? throw new InvalidOperationException("The deals of a generated company can be read once.");

    /// <summary>The whole company in memory: fine at the demo's size, not at a bench's.</summary>
    public DemoCompanyData ToData() => Organization with { Deals = Deals().ToList() };
}

/// <summary>
/// Builds the demo company from a fixed seed: the same anchor day gives the same company on every machine. Every
/// date is laid out backwards from the anchor, so the demo looks current whenever it is seeded. The same generator
/// builds the bench's large companies (<see cref="CompanySize"/>), so the measured data is the data the app makes.
/// </summary>
public sealed class DemoCompanyGenerator
{
    public const string InternationalTerritory = "International";
    public const string InsideTerritory = "Inside & Digital";

    // Inside & Digital serves the small accounts nationwide: the web team the smallest, the phone team the rest.
    private const int InsideMaxEmployees = 200;
    private const int DigitalMaxEmployees = 60;

    // Open deals that should have closed already; only deals younger than this can still be lingering.
    private const double SlipShare = 0.05;
    private const int SlipMaxAgeDays = 270;

    // Early in a quarter few deals have closed yet, which would make "won this quarter" look broken; deals that
    // nearly made last quarter are carried over instead (they do slip into the new quarter in real pipelines).
    private const int MinWonThisQuarterPerDemo = 120;

    // Past this many tries a rep's name gets a middle initial: a large company runs out of first-and-last pairs.
    private const int PlainNameTries = 20;

    private const int WonStage = 5;
    private const int LostStage = 6;

    private static readonly TimeSpan LatestChange = TimeSpan.FromHours(21);

    private static readonly string[] TerritoryColors =
        ["#1E88E5", "#43A047", "#FB8C00", "#8E24AA", "#E53935", "#00ACC1", "#C0CA33", "#6D4C41", "#3949AB", "#D81B60", "#546E7A", "#00897B"];

    private static readonly TeamPlan[] TeamPlans =
    [
        new("West Field", "West", [new(SalesChannel.Field, 6)], ["Pacific Northwest", "California & Hawaii", "Southwest"]),
        new("Central Field", "Central", [new(SalesChannel.Field, 6)], ["Texas & South Central", "Upper Midwest", "Great Lakes"]),
        new("South Field", "South & Mid-Atlantic", [new(SalesChannel.Field, 5)], ["Southeast", "Mid-Atlantic"]),
        new("Northeast Field", "Northeast", [new(SalesChannel.Field, 5)], ["New York Metro", "New England"]),
        new("Inside & Digital", "United States", [new(SalesChannel.Phone, 8), new(SalesChannel.Digital, 6)], [InsideTerritory]),
        new("International & Partners", "EMEA", [new(SalesChannel.Field, 2), new(SalesChannel.Partner, 2)], [InternationalTerritory]),
    ];

    private static readonly (string Name, double Weight, double RevenuePerEmployee)[] Industries =
    [
        ("Software", 16, 260_000), ("Manufacturing", 14, 310_000), ("Healthcare", 12, 160_000),
        ("Financial Services", 11, 420_000), ("Retail", 10, 210_000), ("Logistics", 8, 250_000),
        ("Energy", 6, 780_000), ("Education", 7, 110_000), ("Media", 7, 230_000), ("Public Sector", 9, 130_000),
    ];

    private static readonly Product[] Catalogue =
    [
        new() { Id = 1, Name = "Essentials Starter", Series = "Essentials", ListPrice = 5_000m },
        new() { Id = 2, Name = "Essentials Plus", Series = "Essentials", ListPrice = 12_000m },
        new() { Id = 3, Name = "Growth Integrations", Series = "Growth", ListPrice = 16_000m },
        new() { Id = 4, Name = "Growth Suite", Series = "Growth", ListPrice = 24_000m },
        new() { Id = 5, Name = "Growth Analytics", Series = "Growth", ListPrice = 38_000m },
        new() { Id = 6, Name = "Enterprise Platform", Series = "Enterprise", ListPrice = 75_000m },
        new() { Id = 7, Name = "Enterprise Data Hub", Series = "Enterprise", ListPrice = 120_000m },
    ];

    private static readonly string[] LostReasons = ["Price", "Competitor", "No decision", "Timing", "Budget cut", "Lost champion"];
    private static readonly double[] LostReasonWeights = [25, 24, 20, 13, 10, 8];

    // Where lost deals died: most fall out early, few after a proposal.
    private static readonly double[] LostAtStageWeights = [30, 35, 22, 13];

    private static readonly int[] ProbabilityNudges = [-10, -5, 5, 10];
    private static readonly int[] Quantities = [1, 2, 3];
    private static readonly double[] QuantityWeights = [75, 20, 5];
    private static readonly decimal[] Discounts = [0m, 0.05m, 0.10m, 0.15m, 0.20m, 0.25m];
    private static readonly double[] DiscountWeights = [25, 20, 20, 15, 12, 8];

    private readonly CompanySize _size;
    private readonly DateOnly _anchor;
    private readonly TimeOnly? _asOf;
    private readonly Period _quarter;
    private readonly List<Period> _quotaQuarters;
    private readonly DemoRandom _random;
    private readonly HashSet<string> _usedNames = new(StringComparer.OrdinalIgnoreCase);

    private readonly List<Team> _teams = [];
    private readonly List<Rep> _reps = [];
    private readonly List<RepProfile> _profiles = [];
    private readonly List<Territory> _territories = [];
    private readonly Dictionary<(int Copy, string Name), int> _territoryIds = [];
    private readonly List<Account> _accounts = [];
    private readonly List<Quota> _quotas = [];

    private DemoCompanyGenerator(CompanySize size, DateOnly anchor, TimeOnly? asOf, int seed)
    {
        size.Validate();
        _size = size;
        _anchor = anchor;
        _asOf = asOf;
        _quarter = Period.QuarterOf(anchor);
        _quotaQuarters = QuotaQuarters(anchor, size.QuotaQuartersBack);
        _random = new DemoRandom(seed);
    }

    /// <summary>Builds the demo company as it stands on <paramref name="anchor"/>.</summary>
    /// <param name="anchor">The last day with activity; deals are laid out over the months before it.</param>
    /// <param name="asOf">
    /// How far the anchor day has got, when it is today: its stage changes are squeezed before this time so none lies
    /// in the future. Only those timestamps depend on it; everything else depends on the anchor alone.
    /// </param>
    public static DemoCompanyData Generate(DateOnly anchor, TimeOnly? asOf = null) => Start(CompanySize.Demo, anchor, asOf).ToData();

    /// <summary>A company of any size, its deals still to be read (see <see cref="GeneratedCompany"/>).</summary>
    /// <param name="seed">Another seed gives another company of the same shape; the demo's is <see cref="DemoCompany.Seed"/>.</param>
    public static GeneratedCompany Start(CompanySize size, DateOnly anchor, TimeOnly? asOf = null, int seed = DemoCompany.Seed) =>
        new DemoCompanyGenerator(size, anchor, asOf, seed).Build();

    /// <summary>The quarters the company has quotas for: <paramref name="back"/> before the anchor's, the anchor's, and the next one.</summary>
    private static List<Period> QuotaQuarters(DateOnly anchor, int back)
    {
        var quarters = new List<Period> { Period.QuarterOf(anchor) };
        for (var i = 0; i < back; i++)
        {
            quarters.Insert(0, quarters[0].Previous());
        }

        quarters.Add(Period.QuarterOf(quarters[^1].End.AddDays(1)));
        return quarters;
    }

    private GeneratedCompany Build()
    {
        BuildOrganization();
        BuildAccounts();
        var plans = PlanDeals();
        BuildQuotas(plans);
        var organization = new DemoCompanyData(
            _anchor, _teams, _reps, _territories, _accounts, Catalogue.Select(Copy).ToList(), [], _quotas, [BuildCompPlan()], BuildContests());
        return new GeneratedCompany(organization, plans.Count, MaterializeAll(plans));
    }

    /// <summary>
    /// The demo's six teams and twelve territories; a larger company repeats them as whole copies ("West Field 2"
    /// with its own "Pacific Northwest 2"…), as sales forces grow by adding teams of the same kind, not by stretching one.
    /// </summary>
    private void BuildOrganization()
    {
        var manager = DemoCompany.Users.Single(u => u.Email == DemoCompany.ManagerEmail).DisplayName;
        var demoRep = DemoCompany.Users.Single(u => u.Email == DemoCompany.RepEmail).DisplayName;
        foreach (var user in DemoCompany.Users)
        {
            _usedNames.Add(user.DisplayName);
        }

        // The demo's territories come first, in map order; a copy's appear as its reps are seated, so none is left unowned.
        foreach (var name in UsGeography.Regions.Select(r => r.Name).Append(InternationalTerritory).Append(InsideTerritory))
        {
            TerritoryId(0, name);
        }

        for (var copy = 0; _reps.Count < _size.Reps; copy++)
        {
            foreach (var plan in TeamPlans.TakeWhile(_ => _reps.Count < _size.Reps))
            {
                AddTeam(plan, copy, manager, demoRep);
            }
        }
    }


    private void AddTeam(TeamPlan plan, int copy, string manager, string demoRep)
    {
        var team = new Team
        {
            Id = _teams.Count + 1,
            Name = Numbered(plan.Name, copy),
            Region = plan.Region,
            ManagerName = _teams.Count == 0 ? manager : NewPersonName().Full,
        };
        _teams.Add(team);

        var seat = 0;
        foreach (var staff in plan.Staff)
        {
            for (var i = 0; i < staff.Count && _reps.Count < _size.Reps; i++, seat++)
            {
                var territoryId = TerritoryId(copy, plan.Territories[seat % plan.Territories.Length]);
                var isDemoRep = _reps.Count == 0;
                var person = isDemoRep ? SplitName(demoRep) : NewPersonName();
                var rep = new Rep
                {
                    Id = _reps.Count + 1,
                    Name = person.Full,
                    Email = isDemoRep ? DemoCompany.RepEmail : $"{Slug(person.First)}.{Slug(person.Last)}@{DemoCompany.Domain}",
                    TeamId = team.Id,
                    Title = TitleFor(staff.Channel, seat),
                    Channel = staff.Channel,
                    // Hired before the oldest deal (about 700 days back), so nobody sold before joining.
                    HireDate = _anchor.AddDays(-_random.Between(760, 3200)),
                };
                _reps.Add(rep);
                _profiles.Add(new RepProfile(
                    rep,
                    team,
                    territoryId,
                    Skill: Math.Clamp(Normal() * 0.04, -0.08, 0.08),
                    Volume: 0.85 + _random.Fraction() * 0.3));

                var territory = _territories[territoryId - 1];
                territory.OwnerRepId ??= rep.Id;
            }
        }
    }

    private int TerritoryId(int copy, string name)
    {
        if (_territoryIds.TryGetValue((copy, name), out var id))
        {
            return id;
        }

        var (kind, regions) = name switch
        {
            InternationalTerritory => (TerritoryKind.Geographic, UsGeography.Countries.Select(c => c.Code)),
            // A channel territory cuts across geography: it takes the small accounts of every state.
            InsideTerritory => (TerritoryKind.Channel, UsGeography.States.Select(s => s.Code)),
            _ => (TerritoryKind.Geographic, UsGeography.Regions.Single(r => r.Name == name).StateCodes.AsEnumerable()),
        };
        var territory = new Territory
        {
            Id = _territories.Count + 1,
            Name = Numbered(name, copy),
            // A region belongs to at most one geographic territory (the assignment rules refuse anything else), so in a
            // company of several copies of the teams only the first copy's territories claim regions; the others hold
            // the accounts they are given by name, as a split book would, and the rules keep them there.
            Kind = copy > 0 && kind == TerritoryKind.Geographic ? TerritoryKind.NamedAccounts : kind,
            Regions = copy == 0 || kind != TerritoryKind.Geographic ? regions.ToList() : [],
            Color = TerritoryColors[_territories.Count % TerritoryColors.Length],
        };
        _territories.Add(territory);
        _territoryIds[(copy, name)] = territory.Id;
        return territory.Id;
    }

    /// <summary>A copy's territory where it has one, else the first copy's (the last copy may be only partly staffed).</summary>
    private int TerritoryOf(int copy, string name) => _territoryIds.TryGetValue((copy, name), out var id) ? id : _territoryIds[(0, name)];

    private static string Numbered(string name, int copy) => copy == 0 ? name : $"{name} {copy + 1}";

    private void BuildAccounts()
    {
        var regionName = UsGeography.Regions.SelectMany(r => r.StateCodes.Select(code => (code, r.Name))).ToDictionary(x => x.code, x => x.Name);
        var copies = _territoryIds.Keys.Max(k => k.Copy) + 1;
        var repsOf = _profiles.GroupBy(p => p.TerritoryId).ToDictionary(g => g.Key, g => g.Select(p => p.Rep).ToList());
        // A partly staffed last copy may have phone reps but no digital ones yet; its phone reps take the web's accounts too.
        var insideReps = _territoryIds.Where(t => t.Key.Name == InsideTerritory)
            .SelectMany(t => new[] { SalesChannel.Phone, SalesChannel.Digital }.Select(channel => (t.Value, channel)))
            .ToDictionary(k => k, k => repsOf[k.Value].Where(r => r.Channel == k.channel).ToList() is { Count: > 0 } reps ? reps : repsOf[k.Value]);

        var accountCount = _size.Accounts;
        var isInternational = Enumerable.Range(0, accountCount).Select(i => i < accountCount / 20).ToArray();
        Shuffle(isInternational);

        var stateWeights = UsGeography.States.Select(s => s.Weight).ToArray();
        var countryWeights = UsGeography.Countries.Select(c => c.Weight).ToArray();
        var industryWeights = Industries.Select(i => i.Weight).ToArray();
        var usAccounts = 0;
        var internationalAccounts = 0;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        for (var i = 0; i < accountCount; i++)
        {
            // Accounts are dealt to the copies of the teams in turn; the demo has one.
            var copy = i % copies;
            // Every state (two accounts) and every country (one) is served first, so no area of the map is empty;
            // the rest follow the weights.
            var area = isInternational[i]
                ? internationalAccounts < UsGeography.Countries.Count
                    ? UsGeography.Countries[internationalAccounts]
                    : UsGeography.Countries[Pick(countryWeights)]
                : usAccounts < UsGeography.States.Count * 2
                    ? UsGeography.States[usAccounts % UsGeography.States.Count]
                    : UsGeography.States[Pick(stateWeights)];
            internationalAccounts += isInternational[i] ? 1 : 0;
            usAccounts += isInternational[i] ? 0 : 1;

            var city = area.Cities[_random.Between(0, area.Cities.Length - 1)];
            var industry = Industries[Pick(industryWeights)];
            var employees = (int)Math.Clamp(Math.Round(400 * Math.Exp(1.5 * Normal())), 8, 200_000);
            var revenue = employees * industry.RevenuePerEmployee * Math.Exp(0.3 * Normal());

            string name;
            do
            {
                name = _random.CompanyName();
            }
            while (!names.Add(name));

            int territoryId;
            Rep owner;
            if (isInternational[i])
            {
                territoryId = TerritoryOf(copy, InternationalTerritory);
                owner = _random.Pick(repsOf[territoryId]);
            }
            else if (employees < InsideMaxEmployees)
            {
                territoryId = TerritoryOf(copy, InsideTerritory);
                owner = _random.Pick(insideReps[(territoryId, employees < DigitalMaxEmployees ? SalesChannel.Digital : SalesChannel.Phone)]);
            }
            else
            {
                territoryId = TerritoryOf(copy, regionName[area.Code]);
                owner = _random.Pick(repsOf[territoryId]);
            }

            _accounts.Add(new Account
            {
                Id = i + 1,
                Name = name,
                Industry = industry.Name,
                RegionCode = area.Code,
                Latitude = Math.Round(city.Latitude + (_random.Fraction() * 2 - 1) * area.Jitter, 5),
                Longitude = Math.Round(city.Longitude + (_random.Fraction() * 2 - 1) * area.Jitter, 5),
                AnnualRevenue = Math.Max(100_000m, decimal.Round((decimal)revenue / 10_000m) * 10_000m),
                Employees = employees,
                PotentialScore = (int)Math.Clamp(Math.Round(25 + 15 * Math.Log10(employees) + 12 * Normal()), 1, 100),
                TerritoryId = territoryId,
                OwnerRepId = owner.Id,
            });
        }
    }

    /// <summary>Every deal's outline (who, what, when, how it ends), in id order; quotas are set from these before any deal is built.</summary>
    private List<DealPlan> PlanDeals()
    {
        var accountsOf = _accounts.GroupBy(a => a.OwnerRepId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var counts = SplitDealsAcrossReps();
        var plans = new List<DealPlan>(_size.Deals);
        for (var r = 0; r < _profiles.Count; r++)
        {
            var profile = _profiles[r];
            var accounts = accountsOf.TryGetValue(profile.Rep.Id, out var own)
                ? own
                : _accounts.Where(a => a.TerritoryId == profile.TerritoryId).ToList() is { Count: > 0 } territory ? territory : _accounts;
            var createdDays = Enumerable.Range(0, counts[r]).Select(_ => Weekday(CreatedDay(), forward: true)).Order().ToList();
            var luck = _random.Fraction();
            foreach (var created in createdDays)
            {
                plans.Add(PlanDeal(profile, _random.Pick(accounts), created, ref luck));
            }
        }

        CarryOverIntoQuarter(plans);

        // Ids grow with creation, as they would in a CRM that has been in use all along.
        return plans.OrderBy(p => p.Created).ToList();
    }

    private IEnumerable<Deal> MaterializeAll(List<DealPlan> plans)
    {
        long changeId = 0;
        for (var i = 0; i < plans.Count; i++)
        {
            var deal = Materialize(plans[i], i + 1);
            // The outline is not needed again; letting it go keeps a million-deal company's memory flat.
            plans[i] = null!;
            foreach (var change in deal.StageHistory)
            {
                change.Id = ++changeId;
            }

            yield return deal;
        }
    }

    /// <summary>Phone and digital reps run many small deals, field reps fewer and larger ones.</summary>
    private int[] SplitDealsAcrossReps()
    {
        var weights = _profiles.Select(p => p.Volume * p.Rep.Channel switch
        {
            SalesChannel.Phone => 1.6,
            SalesChannel.Digital => 2.0,
            SalesChannel.Partner => 0.8,
            _ => 1.0,
        }).ToArray();
        var total = weights.Sum();
        var counts = weights.Select(w => (int)Math.Floor(_size.Deals * w / total)).ToArray();
        for (var i = 0; counts.Sum() < _size.Deals; i = (i + 1) % counts.Length)
        {
            counts[i]++;
        }

        return counts;
    }

    /// <param name="luck">
    /// Carries the rep's win rate from deal to deal: a deal is won each time it adds up to one. A rep with eight wins
    /// a quarter would swing by a third on coin flips alone; real results are steadier than that, and quota
    /// attainment stays in the range sales teams actually see.
    /// </param>
    private DealPlan PlanDeal(RepProfile profile, Account account, DateOnly created, ref double luck)
    {
        var channel = profile.Rep.Channel;
        var product = Catalogue[Pick(ProductWeights(channel))];
        // A customer buys one enterprise platform; seats and add-ons come in several units.
        var quantity = product.Series == "Enterprise" ? 1 : Quantities[Pick(QuantityWeights)];
        var discount = Discounts[Pick(DiscountWeights)];
        var raw = product.ListPrice * quantity * (1 - discount) * (decimal)Math.Exp(0.25 * Normal());
        var amount = Math.Max(500m, decimal.Round(raw / 50m) * 50m);

        var winRate = Math.Clamp(BaseWinRate(channel) + profile.Skill + product.Series switch
        {
            "Enterprise" => -0.03,
            "Essentials" => 0.02,
            _ => 0.0,
        }, 0.05, 0.6);
        luck += winRate;
        var won = luck >= 1;
        luck -= won ? 1 : 0;

        var median = channel switch
        {
            SalesChannel.Field => 90.0,
            SalesChannel.Partner => 75.0,
            SalesChannel.Phone => 40.0,
            _ => 28.0,
        };
        median *= product.Series switch
        {
            "Enterprise" => 1.25,
            "Essentials" => 0.85,
            _ => 1.0,
        };
        // Losses are usually called before the deal would have closed.
        var length = median * Math.Exp(0.35 * Normal()) * (won ? 1.0 : 0.5 + 0.5 * _random.Fraction());
        // 22, not 20: a close on a weekend moves back to the Friday, and no cycle may end up under 20 days.
        var cycle = (int)Math.Clamp(Math.Round(length), 22, 180);

        var startsQualified = _random.Fraction() < (channel == SalesChannel.Digital ? 0.3 : 0.12);
        var plan = new DealPlan
        {
            Profile = profile,
            Account = account,
            Product = product,
            Amount = amount,
            Created = created,
            Cycle = cycle,
            FirstStage = startsQualified ? 2 : 1,
            Fractions = [0, 0.10 + 0.20 * _random.Fraction(), 0.40 + 0.20 * _random.Fraction(), 0.65 + 0.20 * _random.Fraction()],
        };

        var closeDay = Weekday(created.AddDays(cycle), forward: false);
        if (closeDay < created)
        {
            closeDay = created;
        }

        var slipped = closeDay <= _anchor && created >= _anchor.AddDays(-SlipMaxAgeDays) && _random.Fraction() < SlipShare;
        plan.ExpectedClose = closeDay;
        if (closeDay <= _anchor && !slipped)
        {
            plan.StageId = won ? WonStage : LostStage;
            plan.LastOpenStage = won ? 4 : Math.Max(plan.FirstStage, Pick(LostAtStageWeights) + 1);
            plan.Closed = closeDay;
            plan.LostReason = won ? null : LostReasons[Pick(LostReasonWeights)];
        }
        else if (slipped)
        {
            plan.StageId = _random.Fraction() < 0.7 ? 4 : 3;
            plan.LastOpenStage = plan.StageId;
        }
        else
        {
            var progress = (double)(_anchor.DayNumber - created.DayNumber) / cycle;
            var stage = 1;
            while (stage < 4 && plan.Fractions[stage] <= progress)
            {
                stage++;
            }

            plan.StageId = Math.Max(stage, plan.FirstStage);
            plan.LastOpenStage = plan.StageId;
        }

        return plan;
    }

    private void CarryOverIntoQuarter(List<DealPlan> plans)
    {
        var minWon = (int)((long)MinWonThisQuarterPerDemo * _size.Deals / CompanySize.Demo.Deals);
        var missing = minWon - plans.Count(p => p.StageId == WonStage && p.Closed >= _quarter.Start);
        if (missing <= 0)
        {
            return;
        }

        var daysIn = _anchor.DayNumber - _quarter.Start.DayNumber;
        var nearMisses = plans
            .Where(p => p.StageId == WonStage && p.Closed < _quarter.Start && p.Created >= _anchor.AddDays(-180))
            .OrderByDescending(p => p.Closed)
            .Take(missing)
            .ToList();
        foreach (var plan in nearMisses)
        {
            plan.Closed = _quarter.Start.AddDays(_random.Between(0, daysIn));
            plan.ExpectedClose = plan.Closed.Value;
        }
    }

    private Deal Materialize(DealPlan plan, int id)
    {
        var rep = plan.Profile.Rep;
        var stage = Array.Find(SalesOpsDbContext.DefaultStages, s => s.Id == plan.StageId)!;
        var probability = stage.DefaultProbability;
        if (!stage.IsClosed && _random.Fraction() < 0.35)
        {
            probability = Math.Clamp(probability + _random.Pick(ProbabilityNudges), 1, 99);
        }

        var deal = new Deal
        {
            Id = id,
            Name = $"{plan.Account.Name} – {plan.Product.Name}",
            AccountId = plan.Account.Id,
            OwnerRepId = rep.Id,
            TeamId = rep.TeamId,
            ProductId = plan.Product.Id,
            Amount = plan.Amount,
            Currency = "USD",
            StageId = plan.StageId,
            Probability = probability,
            ForecastCategory = DealRules.DefaultForecastCategory(stage, probability),
            CreatedOn = plan.Created,
            ExpectedClose = plan.ExpectedClose,
            ClosedOn = plan.Closed,
            LostReason = plan.LostReason,
            Channel = rep.Channel,
        };

        // Stage entries are spread over the deal's life; an open deal's life so far ends today.
        var end = plan.Closed ?? (plan.ExpectedClose < _anchor ? plan.ExpectedClose : _anchor);
        var span = plan.Closed is { } closed ? closed.DayNumber - plan.Created.DayNumber : plan.Cycle;
        var day = plan.Created;
        var at = DateTime.MinValue;
        int? from = null;
        for (var s = plan.FirstStage; s <= plan.LastOpenStage; s++)
        {
            if (s > plan.FirstStage)
            {
                var entered = plan.Created.AddDays((int)Math.Round(span * plan.Fractions[s - 1]));
                day = entered > end ? end : entered < day ? day : entered;
            }

            at = NextChange(day, at);
            deal.StageHistory.Add(new DealStageChange { DealId = id, FromStageId = from, ToStageId = s, ChangedAt = at, ChangedBy = ChangedBy(plan, s == plan.FirstStage) });
            deal.EngagedOn ??= s == 2 ? day : null;
            from = s;
        }

        if (plan.Closed is { } closedOn)
        {
            at = NextChange(closedOn, at);
            deal.StageHistory.Add(new DealStageChange { DealId = id, FromStageId = from, ToStageId = plan.StageId, ChangedAt = at, ChangedBy = rep.Name });
        }

        deal.StageEnteredAt = at;
        return deal;
    }

    /// <summary>
    /// A working-hours time on <paramref name="day"/>, after the previous change of the same deal. A deal has at most
    /// six changes, so even a chain on one day ends before <see cref="LatestChange"/>, still on that day.
    /// </summary>
    private DateTime NextChange(DateOnly day, DateTime previous)
    {
        var at = day.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc).AddMinutes(_random.Between(0, 600));
        at = at > previous ? at : previous.AddMinutes(_random.Between(1, 30));
        if (day == _anchor && _asOf is { } asOf && asOf.ToTimeSpan() < LatestChange)
        {
            // Scaling keeps the order of the day's changes while moving them all before the present.
            var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var previousOnDay = previous >= midnight ? previous : midnight;
            var squeezed = midnight + (at - midnight) * (asOf.ToTimeSpan() / LatestChange);
            return squeezed > previousOnDay ? squeezed : previousOnDay;
        }

        return at;
    }

    private string ChangedBy(DealPlan plan, bool creation) =>
        !creation && _random.Fraction() < 0.12 && plan.Profile.Team.ManagerName is { } manager ? manager : plan.Profile.Rep.Name;

    /// <summary>
    /// Quotas per rep and quarter: the channel's median won revenue that quarter plus 5%, scaled by the square root of
    /// how the rep's book compares with the channel's (territory-adjusted, as sales ops would set them). A typical
    /// rep lands a little under 100%; skill, volume and luck spread the rest, roughly from 40% to 140%.
    /// </summary>
    private void BuildQuotas(List<DealPlan> plans)
    {
        var quarters = _quotaQuarters;
        var current = quarters.IndexOf(_quarter);
        var won = plans
            .Where(p => p.StageId == WonStage)
            .GroupBy(p => (p.Profile.Rep.Id, Quarter: quarters.FindIndex(q => q.Contains(p.Closed!.Value))))
            .ToDictionary(g => g.Key, g => (double)g.Sum(p => p.Amount));
        double Won(Rep rep, int quarter) => won.GetValueOrDefault((rep.Id, quarter));

        var medians = new Dictionary<(SalesChannel, int), double>();
        var bookShare = new Dictionary<int, double>();
        foreach (var channel in _reps.Select(r => r.Channel).Distinct())
        {
            var reps = _reps.Where(r => r.Channel == channel).ToList();
            for (var q = 0; q < current; q++)
            {
                medians[(channel, q)] = Median(reps.Select(r => Won(r, q)));
            }

            var books = reps.ToDictionary(r => r.Id, r => Enumerable.Range(0, current).Average(q => Won(r, q)));
            var typical = Median(books.Values);
            foreach (var (repId, book) in books)
            {
                bookShare[repId] = Math.Clamp(Math.Sqrt(book / typical), 0.7, 1.4);
            }
        }

        foreach (var rep in _reps)
        {
            for (var q = 0; q < quarters.Count; q++)
            {
                // The current and next quarters have no results yet: last quarter's level, plus growth.
                var growth = q < current ? 1.05 : 1.05 + 0.04 * (q - current + 1);
                var basis = (decimal)(medians[(rep.Channel, Math.Min(q, current - 1))] * growth * bookShare[rep.Id]);
                var step = basis >= 200_000m ? 5_000m : 1_000m;
                _quotas.Add(new Quota
                {
                    Id = _quotas.Count + 1,
                    RepId = rep.Id,
                    PeriodStart = quarters[q].Start,
                    PeriodEnd = quarters[q].End,
                    Amount = Math.Max(step, decimal.Round(basis / step) * step),
                    Metric = QuotaMetric.WonRevenue,
                });
            }
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private CompPlan BuildCompPlan() => new()
    {
        Id = 1,
        Name = "FY Standard AE plan",
        EffectiveFrom = _quotaQuarters[0].Start,
        CapMultiple = 3m,
        Tiers =
        [
            new() { Id = 1, CompPlanId = 1, FromAttainment = 0, RatePercent = 6m },
            new() { Id = 2, CompPlanId = 1, FromAttainment = 100, RatePercent = 9m },
            new() { Id = 3, CompPlanId = 1, FromAttainment = 125, RatePercent = 12m },
        ],
        Spifs = [new() { Id = 1, CompPlanId = 1, Name = "Growth Analytics launch bonus", ProductId = 5, BonusPerDeal = 1_000m }],
    };

    private List<Contest> BuildContests()
    {
        var month = new DateOnly(_anchor.Year, _anchor.Month, 1);
        var team = _teams[0];
        return
        [
            new()
            {
                Id = 1,
                Name = $"{_quarter} revenue race",
                Metric = ContestMetric.WonRevenue,
                StartsOn = _quarter.Start,
                EndsOn = _quarter.End,
                Prize = "A long weekend in Lisbon for two",
            },
            new()
            {
                Id = 2,
                Name = $"{team.Name} {month.ToString("MMMM", CultureInfo.InvariantCulture)} deal sprint",
                Metric = ContestMetric.DealsWon,
                StartsOn = month,
                EndsOn = month.AddMonths(1).AddDays(-1),
                TeamId = team.Id,
                Prize = "Team dinner, and $2,000 to a charity of the winner's choice",
            },
        ];
    }

    private static double BaseWinRate(SalesChannel channel) => channel switch
    {
        SalesChannel.Field => 0.30,
        SalesChannel.Partner => 0.25,
        SalesChannel.Phone => 0.22,
        _ => 0.18,
    };

    /// <summary>Field sells the big platforms, phone the middle of the range, the web the entry products.</summary>
    private static double[] ProductWeights(SalesChannel channel) => channel switch
    {
        SalesChannel.Field => [2, 6, 8, 14, 12, 10, 6],
        SalesChannel.Phone => [20, 22, 8, 12, 5, 1, 0],
        SalesChannel.Digital => [40, 25, 4, 6, 2, 0, 0],
        _ => [4, 8, 10, 12, 10, 6, 3],
    };

    private static string TitleFor(SalesChannel channel, int seat) => channel switch
    {
        SalesChannel.Field => seat < 2 ? "Senior Account Executive" : "Account Executive",
        SalesChannel.Phone => "Inside Sales Representative",
        SalesChannel.Digital => "Digital Sales Representative",
        _ => "Partner Manager",
    };

    /// <summary>
    /// A creation day in the data window (from a season before the oldest quota quarter up to the anchor), with
    /// more deals recently: the company grows.
    /// </summary>
    private DateOnly CreatedDay()
    {
        const double growth = 0.4;
        var start = _quotaQuarters[0].Start.AddDays(-90);
        var span = _anchor.DayNumber - start.DayNumber;
        var u = _random.Fraction();
        var t = (-1 + Math.Sqrt(1 + 2 * growth * u * (1 + growth / 2))) / growth;
        return start.AddDays((int)Math.Round(t * span));
    }

    /// <summary>Moves a weekend day to the Monday after or the Friday before, without passing the anchor.</summary>
    private DateOnly Weekday(DateOnly day, bool forward)
    {
        var shift = day.DayOfWeek switch
        {
            DayOfWeek.Saturday => forward ? 2 : -1,
            DayOfWeek.Sunday => forward ? 1 : -2,
            _ => 0,
        };
        var moved = day.AddDays(shift);
        return moved > _anchor ? day.AddDays(day.DayOfWeek == DayOfWeek.Saturday ? -1 : -2) : moved;
    }

    /// <summary>A standard normal draw built from uniforms only (Irwin–Hall), so it is bit-identical on every platform.</summary>
    private double Normal()
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += _random.Fraction();
        }

        return sum - 6;
    }

    private int Pick(double[] weights)
    {
        var x = _random.Fraction() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = _random.Between(0, i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private PersonName NewPersonName()
    {
        for (var tries = 1; ; tries++)
        {
            var first = _random.FirstName();
            var person = new PersonName(tries <= PlainNameTries ? first : $"{first} {(char)('A' + _random.Between(0, 25))}.", _random.LastName());
            if (Slug(person.First).Length > 1 && Slug(person.Last).Length > 1 && _usedNames.Add(person.Full))
            {
                return person;
            }
        }
    }

    private static PersonName SplitName(string full)
    {
        var space = full.IndexOf(' ', StringComparison.Ordinal);
        return new PersonName(full[..space], full[(space + 1)..]);
    }

    private static string Slug(string name) => new(name.ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray());

    private static Product Copy(Product p) => new() { Id = p.Id, Name = p.Name, Series = p.Series, ListPrice = p.ListPrice };

    private sealed record TeamPlan(string Name, string Region, Staffing[] Staff, string[] Territories);

    private sealed record Staffing(SalesChannel Channel, int Count);

    private sealed record PersonName(string First, string Last)
    {
        public string Full => $"{First} {Last}";
    }

    /// <summary>What makes reps differ: win-rate offset from their channel's base, and how many deals they run.</summary>
    private sealed record RepProfile(Rep Rep, Team Team, int TerritoryId, double Skill, double Volume);

    private sealed class DealPlan
    {
        public required RepProfile Profile { get; init; }
        public required Account Account { get; init; }
        public required Product Product { get; init; }
        public required decimal Amount { get; init; }
        public required DateOnly Created { get; init; }
        public required int Cycle { get; init; }
        public required int FirstStage { get; init; }

        /// <summary>Share of the deal's life at which it enters each open stage (Prospecting is always 0).</summary>
        public required double[] Fractions { get; init; }
        public int StageId { get; set; }
        public int LastOpenStage { get; set; }
        public DateOnly ExpectedClose { get; set; }
        public DateOnly? Closed { get; set; }
        public string? LostReason { get; set; }
    }
}
