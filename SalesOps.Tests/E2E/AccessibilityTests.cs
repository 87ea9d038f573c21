using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesOps.Shared.Access;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Admin;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

/// <summary>axe-core on every page, in the light and the dark theme: no serious or critical violations (WCAG 2.2 AA).</summary>
[Collection(E2EGroup.Name)]
public class AccessibilityTests(E2EFixture fixture)
{
    /// <summary>Every page a signed-in user reaches from the menu, plus the dead ends.</summary>
    public static readonly string[] Pages =
    [
        "/",
        "/pipeline",
        "/territories",
        "/territories/map",
        "/territories/plans",
        "/incentives/leaderboard",
        "/incentives/statements",
        "/incentives/contests",
        "/incentives/contests/1",
        "/admin",
        "/data",
        "/data/hygiene",
        "/screens",
    ];

    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_page_has_serious_or_critical_violations(bool dark)
    {
        var page = await fixture.NewPageAsync();
        // Axe judges what stands still: a row fading in or a map zooming is caught half-drawn, so motion is reduced
        // as a user may ask (the app honours it).
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await page.GotoAsync("/account/login");
        var problems = await ViolationsAsync(page, "/account/login");
        // An invitee's page, with its form and as a dead link.
        var invitation = await fixture.App.Service<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<InvitationService>()
            .InviteAsync(new Actor("Ada Admin", Roles.Admin), new Invitee("Axe Tester", $"axe-{(dark ? "dark" : "light")}@example.com", Roles.Analyst, null));
        await page.GotoAsync($"/account/invite/{invitation.Issued!.Token}");
        problems.AddRange(await ViolationsAsync(page, "/account/invite/{token}"));
        await page.GotoAsync("/account/invite/no-such-token");
        problems.AddRange(await ViolationsAsync(page, "/account/invite/no-such-token"));
        await LoginPage.AsAsync(page, DemoCompany.AdminEmail);
        if (dark)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Light theme" })).ToBeVisibleAsync();
        }

        foreach (var path in Pages)
        {
            await page.GotoAsync(path);
            await new HomePage(page).WaitUntilInteractiveAsync();
            await page.Locator("h1").First.WaitForAsync();
            problems.AddRange(await ViolationsAsync(page, path));
        }

        // The deal drawer is a page of its own for a keyboard or screen reader user.
        var board = await PipelineBoardPage.OpenAsync(page);
        await board.Cards(1).First.ClickAsync();
        await page.GetByTestId("deal-drawer").WaitForAsync();
        problems.AddRange(await ViolationsAsync(page, "/pipeline (drawer)"));

        // So is the admin's invite dialog.
        var dialog = await (await AdminUsersPage.OpenAsync(page)).OpenInviteAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" })).ToBeVisibleAsync();
        problems.AddRange(await ViolationsAsync(page, "/admin (invite dialog)"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    /// <summary>The serious and critical violations axe finds on the page as it stands, one line each.</summary>
    internal static async Task<List<string>> ViolationsAsync(IPage page, string path)
    {
        var result = await page.RunAxe(Options);
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + n.Html))}")
            .ToList();
    }
}
