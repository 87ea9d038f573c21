using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

/// <summary>An open deal drawer follows changes made to its deal elsewhere, so its save does not run into a conflict.</summary>
[Collection(E2EGroup.Name)]
public class DealDrawerTests(E2EFixture fixture)
{
    private const int Qualification = 2;

    [Fact]
    public async Task A_change_made_elsewhere_shows_in_the_open_drawer_and_saving_another_field_succeeds()
    {
        var (page, drawer, dealId) = await OpenDrawerOnNewDealAsync(amount: 20_000m);

        await PatchAsync(dealId, new { amount = 31_500.5m, version = 0 });

        await Expect(drawer.GetByTestId("deal-amount")).ToHaveAttributeAsync("data-value", "31500.5");
        await Expect(drawer).ToHaveAttributeAsync("data-version", "1");
        await drawer.GetByLabel("Probability (%)").FillAsync("35");
        await drawer.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(drawer).ToHaveAttributeAsync("data-version", "2");
        var deal = await fixture.QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == dealId));
        Assert.Equal((31_500.5m, 35, 2), (deal.Amount, deal.Probability, deal.Version));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_edit_that_collides_with_a_change_made_elsewhere_is_saved_only_once_the_user_keeps_it()
    {
        var (page, drawer, dealId) = await OpenDrawerOnNewDealAsync(amount: 20_000m);
        await drawer.GetByLabel("Amount").FillAsync("25000");
        // The edit must reach the server before the other change does, or there is nothing to collide with.
        await Expect(drawer).ToHaveAttributeAsync("data-edited", "true");

        await PatchAsync(dealId, new { amount = 22_000m, probability = 40, version = 0 });

        var conflict = drawer.GetByTestId("deal-conflict");
        await Expect(conflict).ToContainTextAsync("Amount");
        await Expect(drawer.GetByLabel("Probability (%)")).ToHaveValueAsync("40");
        await Expect(drawer.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeDisabledAsync();
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Keep mine" }).ClickAsync();
        await drawer.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(drawer.GetByTestId("deal-amount")).ToHaveAttributeAsync("data-value", "25000");
        var deal = await fixture.QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == dealId));
        Assert.Equal((25_000m, 40, 2), (deal.Amount, deal.Probability, deal.Version));
        await page.Context.CloseAsync();
    }

    /// <summary>A deal of this test's own (so other tests' moves do not touch it), its board filtered down to it, its drawer open.</summary>
    private async Task<(IPage Page, ILocator Drawer, int DealId)> OpenDrawerOnNewDealAsync(decimal amount)
    {
        var name = $"Drawer test {Guid.NewGuid():N}";
        var accountId = await fixture.QueryAsync(db => db.Accounts.Where(a => a.OwnerRepId != null).Select(a => a.Id).FirstAsync());
        using var api = fixture.ApiClient();
        var response = await api.PostAsJsonAsync("/api/deals", new { name, accountId, amount, stage = "Qualification", expectedClose = "2027-03-01" });
        response.EnsureSuccessStatusCode();
        var dealId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        var board = await PipelineBoardPage.OpenAsync(page, "?q=" + Uri.EscapeDataString(name));
        await board.Card(Qualification, dealId).ClickAsync();
        var drawer = page.GetByTestId("deal-drawer");
        await Expect(drawer).ToHaveAttributeAsync("data-version", "0");
        await Expect(drawer.GetByTestId("deal-amount")).ToHaveAttributeAsync("data-value", amount.ToString(CultureInfo.InvariantCulture));
        return (page, drawer, dealId);
    }

    private async Task PatchAsync(int dealId, object change)
    {
        using var api = fixture.ApiClient();
        (await api.PatchAsJsonAsync($"/api/deals/{dealId}", change)).EnsureSuccessStatusCode();
    }
}
