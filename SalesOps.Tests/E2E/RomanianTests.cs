using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

/// <summary>A user in Romanian meets no English on the board or home: stage names, quarter, money.</summary>
[Collection(E2EGroup.Name)]
public class RomanianTests(E2EFixture fixture)
{
    [Fact]
    public async Task The_board_and_home_read_in_romanian()
    {
        // The language is stored on the user, so this test takes a rep no other test signs in as.
        var rep = await fixture.QueryAsync(db => db.Reps.Where(r => r.Email != DemoCompany.RepEmail).OrderByDescending(r => r.Id).Skip(3).FirstAsync());
        var page = await fixture.NewPageAsync();
        await LoginPage.AsAsync(page, rep.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = rep.Name }).ClickAsync();
        await page.GetByText("Română").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ro");

        await Expect(page.GetByText("T4 2026", new() { Exact = true })).ToBeVisibleAsync();
        var board = await PipelineBoardPage.OpenAsync(page);
        string[] expected = ["Prospectare", "Calificare", "Ofertă", "Negociere", "Câștigată", "Pierdută"];
        for (var stage = 1; stage <= 6; stage++)
        {
            await Expect(board.Column(stage)).ToHaveAttributeAsync("aria-label", expected[stage - 1]);
        }

        var text = await page.Locator("main, .mud-main-content").First.InnerTextAsync();
        foreach (var english in new[] { " d in stage", "Filters", "weighted", "Show 20 more" })
        {
            Assert.DoesNotContain(english, text, StringComparison.Ordinal);
        }

        await page.Context.CloseAsync();
    }
}
