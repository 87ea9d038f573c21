using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

/// <summary>The admin's users grid in a browser: search, role change, and an invitation used from another browser.</summary>
[Collection(E2EGroup.Name)]
public class AdminUsersTests(E2EFixture fixture)
{
    private const string InviteeName = "Nina Neagu";
    private const string InviteeEmail = "nina.neagu@example.com";
    private const string Password = "Welcome-2026!";

    [Fact]
    public async Task An_admin_changes_a_role_and_invites_a_manager_who_joins_with_the_one_time_link()
    {
        // A rep's own sign-in other than the five demo users: nothing else in the suite signs in as them.
        var (userId, name) = await fixture.QueryAsync(async db =>
        {
            var user = await db.Users.Where(u => u.RepId != null && u.Email != DemoCompany.RepEmail).OrderByDescending(u => u.Email).FirstAsync();
            return (user.Id, user.DisplayName);
        });
        var team = await fixture.QueryAsync(db => db.Teams.OrderBy(t => t.Name).Select(t => t.Name).FirstAsync());
        var page = await fixture.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await LoginPage.AsAsync(page, DemoCompany.AdminEmail);
        var users = await AdminUsersPage.OpenAsync(page);

        await users.SearchAsync(name);
        await Expect(users.Rows).ToHaveCountAsync(1);
        await users.ChooseAsync(page.GetByLabel($"Role of {name}"), "Sales analyst");
        await Expect(users.User(userId)).ToHaveAttributeAsync("data-role", "Analyst");
        Assert.Equal("role-analyst", await fixture.QueryAsync(db => db.UserRoles.Where(r => r.UserId == userId).Select(r => r.RoleId).SingleAsync()));

        var dialog = await users.OpenInviteAsync();
        await dialog.GetByLabel("Name").FillAsync(InviteeName);
        await dialog.GetByLabel("E-mail").FillAsync(InviteeEmail);
        await users.ChooseAsync(dialog.GetByLabel("Role", new() { Exact = true }), "Sales manager");
        await users.ChooseAsync(dialog.GetByLabel("Team", new() { Exact = true }), team);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var link = dialog.GetByTestId("invitation-link");
        await Expect(link).ToBeVisibleAsync();
        var url = (await link.GetAttributeAsync("data-url"))!;
        Assert.Matches("/account/invite/[A-Za-z0-9_-]{43}$", url);
        await page.SetViewportSizeAsync(1280, 800);
        await E2EFixture.ScreenshotAsync(page, "admin-invite.png");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(E2EFixture.ScreenshotDirectory, "admin-invite-390.png"), Animations = ScreenshotAnimations.Disabled });
        await page.SetViewportSizeAsync(1440, 900);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        await Expect(page.GetByText("Link copied to the clipboard.")).ToBeVisibleAsync();
        Assert.Equal(url, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await users.SearchAsync(InviteeName);
        await Expect(users.Rows).ToHaveCountAsync(1);
        var invitee = users.Rows.Locator("[data-user-id]");
        await Expect(invitee).ToHaveAttributeAsync("data-joined", "false");
        await Expect(users.Rows.GetByTestId("user-invitation")).ToContainTextAsync("Invited, expires");

        // Another browser, signed in as nobody, opens the link.
        var newcomer = await fixture.NewPageAsync();
        await newcomer.GotoAsync(url);
        await Expect(newcomer.GetByText($"Welcome, {InviteeName}.")).ToBeVisibleAsync();
        await newcomer.ScreenshotAsync(new() { Path = Path.Combine(E2EFixture.ScreenshotDirectory, "invite-page.png"), Animations = ScreenshotAnimations.Disabled });
        await newcomer.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await newcomer.GetByLabel("Repeat the password").FillAsync(Password);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        var home = new HomePage(newcomer);
        await home.WaitUntilInteractiveAsync();
        await Expect(home.Heading).ToHaveTextAsync($"Your team, {InviteeName}");

        // The admin's grid follows live: the invitee has joined and can be deactivated like anyone.
        await Expect(invitee).ToHaveAttributeAsync("data-joined", "true");
        await Expect(invitee).ToHaveAttributeAsync("data-role", "Manager");
        await Expect(users.Rows.GetByTestId("user-active")).ToBeVisibleAsync();

        // Spent: the link only says so.
        var late = await fixture.NewPageAsync();
        var response = await late.GotoAsync(url);
        Assert.Equal(410, response!.Status);
        await Expect(late.GetByTestId("invite-page")).ToHaveAttributeAsync("data-status", "Used");
        await Expect(late.GetByLabel("Password", new() { Exact = true })).ToHaveCountAsync(0);

        foreach (var context in new[] { page.Context, newcomer.Context, late.Context })
        {
            await context.CloseAsync();
        }
    }
}

/// <summary>The users grid on /admin.</summary>
public sealed class AdminUsersPage(IPage page)
{
    public static async Task<AdminUsersPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/admin");
        await new HomePage(page).WaitUntilInteractiveAsync();
        return new AdminUsersPage(page);
    }

    /// <summary>The grid's rows as filtered now.</summary>
    public ILocator Rows => page.GetByTestId("users").Locator("tbody tr").Filter(new() { Has = page.Locator("[data-user-id]") });

    /// <summary>The cell that carries a user's raw values (data-role, data-team-id, data-active, data-joined).</summary>
    public ILocator User(string id) => page.Locator($"[data-user-id='{id}']");

    public Task SearchAsync(string text) => page.GetByRole(AriaRole.Textbox, new() { Name = "Search users" }).FillAsync(text);

    public async Task ChooseAsync(ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    public async Task<ILocator> OpenInviteAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite user" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.WaitForAsync();
        return dialog;
    }
}
