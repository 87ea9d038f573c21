using System.Globalization;
using Microsoft.AspNetCore.Components;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Auth;
using SalesOps.Web.Components.Charts;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Insights;

public partial class InsightsPage
{
    internal static readonly KpiGrouping[] Groupings = [KpiGrouping.Rep, KpiGrouping.Team, KpiGrouping.Territory, KpiGrouping.Product, KpiGrouping.Channel];

    private Actor? _actor;
    private Period _period;
    private KpiGrouping _groupBy = KpiGrouping.Team;
    private bool _badQuery;
    private KpiReport? _report;
    private decimal? _quota;
    private double? _coverage;
    private (IReadOnlyList<FunnelStage> Stages, int Deals)? _funnel;
    private ChartSpec? _revenueTrend;
    private ChartSpec? _winRateTrend;

    [Inject] private KpiService Kpis { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private MoneyFormat Money { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")] private string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private string? To { get; set; }
    [SupplyParameterFromQuery(Name = "groupBy")] private string? GroupBy { get; set; }

    private string CsvHref => $"insights/kpis.csv?from={InsightsPeriods.Iso(_period.Start)}&to={InsightsPeriods.Iso(_period.End)}&groupBy={_groupBy.ToString().ToLowerInvariant()}";

    protected override async Task OnInitializedAsync() => _actor = await CurrentActor.GetAsync();

    protected override async Task OnParametersSetAsync()
    {
        // Every value in the URL comes from a browser: a bad one shows this quarter and says so.
        _badQuery = !KpiApi.TryParse(From, To, GroupBy, Clock.Today, out var period, out var grouping, out _);
        _period = _badQuery ? Period.QuarterOf(Clock.Today) : period;
        _groupBy = _badQuery || grouping == KpiGrouping.None ? (_actor!.SeesEverything ? KpiGrouping.Team : KpiGrouping.Rep) : grouping;
        await ReloadAsync();
    }

    protected override bool Shows(LiveEvent liveEvent) => liveEvent.EntityId is null || _actor!.DealScope.Includes(liveEvent.RepId ?? -1, liveEvent.TeamId ?? -1);

    protected override async Task LoadAsync()
    {
        var report = await Kpis.LoadAsync(_actor!, _period, _groupBy);
        var trend = await Kpis.LoadAsync(_actor!, InsightsPeriods.TrendOf(_period), KpiGrouping.Month);
        _funnel = await Kpis.LoadFunnelAsync(_actor!, _period);
        _quota = await Kpis.LoadQuotaAsync(_actor!, _period);
        _coverage = KpiCalculator.Coverage(report.Total.WeightedPipeline, _quota, report.Total.WonRevenue);
        var months = Enumerable.Range(0, 12).Select(i => InsightsPeriods.TrendOf(_period).Start.AddMonths(i)).ToList();
        var byMonth = trend.Groups.ToDictionary(g => g.Key, g => g.Figures);
        KpiFigures Of(DateOnly month) => byMonth.GetValueOrDefault(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), KpiFigures.Empty);
        var labels = months.Select(m => m.ToDateTime(TimeOnly.MinValue).ToString("MMM yy", CultureInfo.CurrentCulture)).ToList();
        _revenueTrend = new ChartSpec(ChartKind.Bar, labels, [new ChartSeries(L["Insights.Kpi.wonRevenue"], months.Select(m => Of(m).WonRevenue).ToList())], ChartValueFormat.Money, Height: 220);
        _winRateTrend = new ChartSpec(ChartKind.Line, labels, [new ChartSeries(L["Insights.Kpi.winRate"], months.Select(m => (decimal)((Of(m).WinRate ?? 0) * 100)).ToList())], ChartValueFormat.Percent, Height: 180);
        _report = report;
    }

    private void Go(Period period, KpiGrouping groupBy) =>
        Nav.NavigateTo(Nav.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["from"] = InsightsPeriods.Iso(period.Start),
            ["to"] = InsightsPeriods.Iso(period.End),
            ["groupBy"] = groupBy.ToString().ToLowerInvariant(),
        }));

    internal static string? Raw(decimal? value) => value is { } v ? MoneyFormat.Raw(v) : null;

    internal static string? Raw(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    internal static string Percent(double? value) => value?.ToString("P1", CultureInfo.CurrentCulture) ?? "—";

    private string Days(double? value) => value is { } d ? L["Insights.Days", d.ToString("N1", CultureInfo.CurrentCulture)] : "—";
}
