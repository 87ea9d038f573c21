using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Pipeline;

namespace SalesOps.Tests.Pipeline;

public class CloseDealDialogTests : BunitTest
{
    private static readonly DealCard Deal = new(
        7, "Northwind Traders – Growth Suite", "Northwind Traders", "Robert Chen", 1, 1, 4, 48_250m, 75,
        new DateOnly(2026, 12, 15), null, 12, false, 3);

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    public CloseDealDialogTests()
    {
        // MudBlazor's pickers and popovers call into JS; the tests have no browser, and one popover provider.
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<int>("mudpopoverHelper.countProviders").SetResult(1);
    }

    [Fact]
    public async Task Marking_lost_cannot_be_confirmed_until_a_reason_is_chosen()
    {
        var (provider, _) = await ShowAsync(won: false);

        Assert.True(Button(provider, "Mark as lost").HasAttribute("disabled"));

        await ChooseReasonAsync(provider, "Competitor");

        provider.WaitForAssertion(() => Assert.False(Button(provider, "Mark as lost").HasAttribute("disabled")));
    }

    [Fact]
    public async Task Confirming_lost_returns_the_chosen_reason_the_user_s_today_and_no_amount()
    {
        var (provider, dialog) = await ShowAsync(won: false);
        await ChooseReasonAsync(provider, "Competitor");
        provider.WaitForAssertion(() => Assert.False(Button(provider, "Mark as lost").HasAttribute("disabled")));

        await Button(provider, "Mark as lost").ClickAsync(new());

        var result = await ResultOf(dialog);
        Assert.False(result!.Canceled);
        Assert.Equal(new CloseDealDialog.CloseDetails(null, TestClock.Today, "Competitor"), result.Data);
    }

    [Fact]
    public async Task Confirming_won_unchanged_returns_the_deal_amount_and_today()
    {
        var (provider, dialog) = await ShowAsync(won: true);

        await Button(provider, "Mark as won").ClickAsync(new());

        var result = await ResultOf(dialog);
        Assert.False(result!.Canceled);
        Assert.Equal(new CloseDealDialog.CloseDetails(48_250m, TestClock.Today, null), result.Data);
    }

    [Fact]
    public async Task Won_at_half_past_one_on_new_year_s_day_in_bucharest_closes_on_new_year_s_day()
    {
        // 23:30 UTC on 31 December is 01:30 on 1 January in Bucharest (UTC+2): the deal belongs to the new year's Q1.
        var newYear = TestClock.Today.Year + 1;
        Clock.SetUtcNow(new DateTimeOffset(newYear - 1, 12, 31, 23, 30, 0, TimeSpan.Zero));
        UserClock.Use("Europe/Bucharest");
        var (provider, dialog) = await ShowAsync(won: true);

        await Button(provider, "Mark as won").ClickAsync(new());

        var result = await ResultOf(dialog);
        Assert.Equal(new DateOnly(newYear, 1, 1), ((CloseDealDialog.CloseDetails)result!.Data!).ClosedOn);
    }

    [Fact]
    public async Task Confirming_won_returns_the_edited_amount_and_close_date()
    {
        var (provider, dialog) = await ShowAsync(won: true);
        var closedOn = new DateTime(TestClock.Today.Year, TestClock.Today.Month, 15).AddMonths(-1);

        InputLabelled(provider, "Final amount").Input("52000");
        await PickDayOfLastMonthAsync(provider, closedOn);

        await Button(provider, "Mark as won").ClickAsync(new());

        var result = await ResultOf(dialog);
        Assert.False(result!.Canceled);
        Assert.Equal(new CloseDealDialog.CloseDetails(52_000m, DateOnly.FromDateTime(closedOn), null), result.Data);
    }

    [Fact]
    public async Task Cancelling_returns_a_cancelled_result()
    {
        var (provider, dialog) = await ShowAsync(won: true);

        await Button(provider, "Cancel").ClickAsync(new());

        Assert.True((await ResultOf(dialog))!.Canceled);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync(bool won)
    {
        _popovers = Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<CloseDealDialog>(
            "Close", new DialogParameters<CloseDealDialog> { { d => d.Deal, Deal }, { d => d.Won, won } }));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll(".mud-dialog")));
        return (provider, dialog);
    }

    private static IElement Button(IRenderedComponent<MudDialogProvider> provider, string text) =>
        provider.FindAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>The dialog's result; a dialog that never closes fails the test instead of hanging it.</summary>
    private static Task<DialogResult?> ResultOf(IDialogReference dialog) =>
        dialog.Result.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);

    private static IElement InputLabelled(IRenderedComponent<MudDialogProvider> provider, string label) =>
        provider.Find("#" + provider.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for"));

    private async Task ChooseReasonAsync(IRenderedComponent<MudDialogProvider> provider, string reason)
    {
        var popovers = _popovers!;
        await InputLabelled(provider, "Lost reason").Closest(".mud-input-control")!.MouseDownAsync(new());
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-list-item")));
        await popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == reason).ClickAsync(new());
    }

    /// <summary>Opens the close date's calendar, goes back one month and clicks the date's day there.</summary>
    private async Task PickDayOfLastMonthAsync(IRenderedComponent<MudDialogProvider> provider, DateTime date)
    {
        var popovers = _popovers!;
        await provider.Find(".mud-picker button[aria-label=Open]").ClickAsync(new());
        await popovers.Find(".mud-picker-nav-button-prev").ClickAsync(new());
        popovers.WaitForAssertion(() => Assert.Equal(date.ToString("MMMM yyyy", CultureInfo.CurrentCulture), popovers.Find(".mud-button-month").TextContent.Trim()));

        var day = popovers.FindAll(".mud-picker-calendar-day")
            .Single(d => d.TextContent.Trim() == date.Day.ToString(CultureInfo.InvariantCulture) && !d.ClassList.Contains("mud-hidden"));
        await day.ClickAsync(new());
        provider.WaitForAssertion(() => Assert.Equal(date.ToString("d", CultureInfo.CurrentCulture), provider.Find(".mud-picker input").GetAttribute("value")));
    }
}
