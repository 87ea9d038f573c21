using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Kpis;
using SalesOps.Shared.Pipeline;
using SalesOps.Web.Features.Pipeline;

namespace SalesOps.Tests.Pipeline;

public class BoardFilterTests
{
    private static readonly BoardFilter Full = new(
        TeamId: 3,
        RepId: 17,
        TerritoryId: 5,
        ProductId: 6,
        Channel: SalesChannel.Partner,
        CloseFrom: new DateOnly(2026, 10, 1),
        CloseTo: new DateOnly(2026, 12, 31),
        MinAmount: 1_250.5m,
        MaxAmount: 48_250.75m,
        Search: "Acme & Sons – 50%",
        Closed: ClosedWindow.LastQuarter);

    [Fact]
    public void Sanitizing_swaps_a_reversed_close_date_range()
    {
        var filter = new BoardFilter(CloseFrom: new DateOnly(2026, 12, 31), CloseTo: new DateOnly(2026, 10, 1)).Sanitized();

        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (filter.CloseFrom!.Value, filter.CloseTo!.Value));
    }

    [Fact]
    public void Sanitizing_swaps_a_reversed_amount_range()
    {
        var filter = new BoardFilter(MinAmount: 50_000m, MaxAmount: 10_000m).Sanitized();

        Assert.Equal((10_000m, 50_000m), (filter.MinAmount!.Value, filter.MaxAmount!.Value));
    }

    [Fact]
    public void Sanitizing_drops_negative_amounts_and_keeps_the_other_bound()
    {
        var negativeMin = new BoardFilter(MinAmount: -5m, MaxAmount: 100m).Sanitized();
        var negativeMax = new BoardFilter(MinAmount: 100m, MaxAmount: -1m).Sanitized();

        Assert.Equal((null, 100m), (negativeMin.MinAmount, negativeMin.MaxAmount));
        Assert.Equal((100m, null), (negativeMax.MinAmount, negativeMax.MaxAmount));
    }

    [Theory]
    [InlineData("  acme  ", "acme")]
    [InlineData("   ", null)]
    [InlineData("", null)]
    public void Sanitizing_trims_the_search_and_drops_a_blank_one(string search, string? expected)
    {
        Assert.Equal(expected, new BoardFilter(Search: search).Sanitized().Search);
    }

    [Fact]
    public void Sanitizing_caps_the_search_at_the_maximum_length()
    {
        var longSearch = "  " + new string('x', BoardFilter.MaxSearchLength) + "TAIL";

        var filter = new BoardFilter(Search: longSearch).Sanitized();

        Assert.Equal(new string('x', BoardFilter.MaxSearchLength), filter.Search);
    }

    [Fact]
    public void Sanitizing_rejects_enum_values_that_are_not_defined()
    {
        var filter = new BoardFilter(Channel: (SalesChannel)99, Closed: (ClosedWindow)42).Sanitized();

        Assert.Null(filter.Channel);
        Assert.Equal(ClosedWindow.ThisQuarter, filter.Closed);
    }

    [Fact]
    public void Sanitizing_keeps_a_valid_filter_as_it_is()
    {
        Assert.Equal(Full, Full.Sanitized());
    }

    [Theory]
    [InlineData(ClosedWindow.ThisQuarter, "2026-11-27", "2026-10-01", "2026-12-31")]
    [InlineData(ClosedWindow.LastQuarter, "2026-11-27", "2026-07-01", "2026-09-30")]
    [InlineData(ClosedWindow.LastQuarter, "2026-02-10", "2025-10-01", "2025-12-31")]
    [InlineData(ClosedWindow.ThisMonth, "2026-11-27", "2026-11-01", "2026-11-30")]
    [InlineData(ClosedWindow.ThisMonth, "2028-02-03", "2028-02-01", "2028-02-29")]
    [InlineData(ClosedWindow.ThisYear, "2026-11-27", "2026-01-01", "2026-12-31")]
    // The days a clock-dependent board used to get wrong: a quarter's first day, a weekend, New Year's Eve and Day.
    [InlineData(ClosedWindow.ThisQuarter, "2026-10-01", "2026-10-01", "2026-12-31")]
    [InlineData(ClosedWindow.LastQuarter, "2026-10-01", "2026-07-01", "2026-09-30")]
    [InlineData(ClosedWindow.ThisMonth, "2026-10-01", "2026-10-01", "2026-10-31")]
    [InlineData(ClosedWindow.ThisQuarter, "2026-11-28", "2026-10-01", "2026-12-31")]
    [InlineData(ClosedWindow.ThisMonth, "2026-11-29", "2026-11-01", "2026-11-30")]
    [InlineData(ClosedWindow.ThisQuarter, "2026-12-31", "2026-10-01", "2026-12-31")]
    [InlineData(ClosedWindow.ThisMonth, "2026-12-31", "2026-12-01", "2026-12-31")]
    [InlineData(ClosedWindow.ThisYear, "2026-12-31", "2026-01-01", "2026-12-31")]
    [InlineData(ClosedWindow.ThisQuarter, "2027-01-01", "2027-01-01", "2027-03-31")]
    [InlineData(ClosedWindow.LastQuarter, "2027-01-01", "2026-10-01", "2026-12-31")]
    [InlineData(ClosedWindow.ThisYear, "2027-01-01", "2027-01-01", "2027-12-31")]
    public void The_closed_window_gives_the_period_the_won_and_lost_columns_cover(ClosedWindow window, string today, string start, string end)
    {
        var period = new BoardFilter(Closed: window).ClosedPeriod(Day(today));

        Assert.Equal(new Period(Day(start), Day(end)), period);
    }

    [Fact]
    public void A_full_filter_survives_the_round_trip_through_the_url()
    {
        var url = new FixedNavigationManager().GetUriWithQueryParameters("https://salesops.test/pipeline", BoardFilterQuery.ToQuery(Full));

        var back = FromUrl(url);

        Assert.Equal(Full, back);
    }

    [Fact]
    public void A_filter_survives_the_round_trip_in_a_culture_that_writes_decimal_commas()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("ro-RO");
        try
        {
            var url = new FixedNavigationManager().GetUriWithQueryParameters("https://salesops.test/pipeline", BoardFilterQuery.ToQuery(Full));

            Assert.Equal(Full, FromUrl(url));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void The_default_filter_leaves_the_url_without_filter_parameters()
    {
        var url = new FixedNavigationManager().GetUriWithQueryParameters("https://salesops.test/pipeline", BoardFilterQuery.ToQuery(BoardFilter.Default));

        Assert.Equal("https://salesops.test/pipeline", url);
    }

    [Fact]
    public void Garbage_query_values_give_the_default_filter_instead_of_an_error()
    {
        var filter = BoardFilterQuery.FromQuery(null, null, null, null, "Nope", "yesterday", "31/12/2026", null, null, "   ", "Forever");

        Assert.Equal(BoardFilter.Default, filter);
    }

    [Fact]
    public void Garbage_in_one_query_value_keeps_the_valid_others()
    {
        var filter = BoardFilterQuery.FromQuery("4", "me", null, "x1", "Nope", "yesterday", "2026-12-31", "abc", "1e3", null, null);

        Assert.Equal(new BoardFilter(TeamId: 4, CloseTo: new DateOnly(2026, 12, 31)), filter);
    }

    [Fact]
    public void A_query_is_sanitized_on_the_way_in()
    {
        var filter = BoardFilterQuery.FromQuery(null, null, null, null, "phone", "2026-12-31", "2026-10-01", "900", "-1", "  acme ", "thismonth");

        Assert.Equal(
            new BoardFilter(Channel: SalesChannel.Phone, CloseFrom: new DateOnly(2026, 10, 1), CloseTo: new DateOnly(2026, 12, 31), MinAmount: 900m, Search: "acme", Closed: ClosedWindow.ThisMonth),
            filter);
    }

    /// <summary>Reads the URL back the way the page's [SupplyParameterFromQuery] properties do: as text.</summary>
    private static BoardFilter FromUrl(string url)
    {
        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        string? Text(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        return BoardFilterQuery.FromQuery(
            Text("team"), Text("rep"), Text("territory"), Text("product"), Text("channel"), Text("from"), Text("to"), Text("min"), Text("max"), Text("q"), Text("closed"));
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class FixedNavigationManager : NavigationManager
    {
        public FixedNavigationManager() => Initialize("https://salesops.test/", "https://salesops.test/pipeline");
    }
}
