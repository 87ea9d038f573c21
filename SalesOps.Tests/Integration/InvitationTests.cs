using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Admin;

namespace SalesOps.Tests.Integration;

/// <summary>
/// Invitations by one-time link: the token is random, kept only as a hash, good until (not at) its expiry instant and
/// only once; revoking or re-issuing kills it; only admins invite; an e-mail already in use is refused.
/// </summary>
public class InvitationTests : AppTest
{
    private static readonly Actor Admin = new("Ada Admin", Roles.Admin);
    private const string Password = "Welcome-2026!";
    private static readonly Invitee Nora = new("Nora Nistor", "nora.nistor@example.com", Roles.Manager, null);

    private InvitationService Invitations() => App.Services.CreateScope().ServiceProvider.GetRequiredService<InvitationService>();

    private UserAdminService Users() => App.Services.CreateScope().ServiceProvider.GetRequiredService<UserAdminService>();

    private async Task<IssuedInvitation> InviteNoraAsync()
    {
        var result = await Invitations().InviteAsync(Admin, Nora with { TeamId = await QueryAsync(db => db.Teams.Select(t => t.Id).FirstAsync()) });
        Assert.Equal(InvitationProblem.None, result.Problem);
        return result.Issued!;
    }

    /// <summary>What a refused action must leave as it was: users, invitations, live events and audit entries.</summary>
    private Task<(int Users, int Invitations, long Events, long Audits)> StateAsync() => QueryAsync(async db =>
        (await db.Users.CountAsync(), await db.UserInvitations.CountAsync(), await db.LiveEvents.LongCountAsync(), await db.AuditEntries.LongCountAsync()));

    private Task<string?> PasswordHashAsync(string email) =>
        QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());

    [Fact]
    public async Task An_invitation_creates_a_user_who_cannot_sign_in_yet_and_keeps_only_the_token_s_hash()
    {
        var before = await StateAsync();

        var issued = await InviteNoraAsync();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", issued.Token);
        var stored = await QueryAsync(db => db.UserInvitations.SingleAsync(i => i.UserId == issued.UserId));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(issued.Token))), stored.TokenHash);
        Assert.DoesNotContain(issued.Token, string.Join('|', stored.TokenHash, stored.CreatedBy, stored.UserId));
        Assert.DoesNotContain(issued.Token, await QueryAsync(db => db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.After).FirstAsync()));
        Assert.Equal((TestClock.Start + TimeSpan.FromDays(7)).UtcDateTime, stored.ExpiresAt);
        Assert.Null(await PasswordHashAsync(Nora.Email));
        var after = await StateAsync();
        Assert.Equal((before.Users + 1, before.Invitations + 1, before.Events + 1, before.Audits + 1), after);
        var audit = await QueryAsync(db => db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(("Ada Admin", "User", Nora.Email, "invited"), (audit.Actor, audit.EntityType, audit.EntityId, audit.Action));
        Assert.Equal(LiveEventKinds.UserChanged, await QueryAsync(db => db.LiveEvents.OrderByDescending(e => e.Sequence).Select(e => e.Kind).FirstAsync()));

        var row = (await Users().ListAsync(Admin)).Single(u => u.Email == Nora.Email);
        Assert.Equal((Roles.Manager, false, stored.ExpiresAt), (row.Role, row.Joined, row.InvitationExpiresAt));
        var (_, refused) = await PostSignInAsync(Nora.Email, Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task The_link_works_until_just_before_its_expiry_instant_and_not_at_it()
    {
        var issued = await InviteNoraAsync();

        App.Clock.Advance(InvitationService.Lifetime - TimeSpan.FromTicks(1));
        Assert.Equal(InvitationStatus.Valid, (await Invitations().OpenAsync(issued.Token)).Status);
        Assert.Equal(issued.ExpiresAt, (await Users().ListAsync(Admin)).Single(u => u.Email == Nora.Email).InvitationExpiresAt);

        App.Clock.Advance(TimeSpan.FromTicks(1));
        var before = await StateAsync();
        Assert.Equal(InvitationStatus.Expired, (await Invitations().OpenAsync(issued.Token)).Status);
        var accepted = await Invitations().AcceptAsync(issued.Token, Password, "en-US");

        Assert.Equal((InvitationStatus.Expired, null), (accepted.Status, accepted.User));
        Assert.Equal(before, await StateAsync());
        Assert.Null(await PasswordHashAsync(Nora.Email));
        Assert.Null((await Users().ListAsync(Admin)).Single(u => u.Email == Nora.Email).InvitationExpiresAt);
    }

    [Fact]
    public async Task The_invitee_sets_a_password_is_signed_in_and_the_link_is_spent()
    {
        var issued = await InviteNoraAsync();
        var client = BrowserClient(new CookieContainer());
        var page = await client.GetStringAsync($"/account/invite/{issued.Token}", TestContext.Current.CancellationToken);
        Assert.Contains("Welcome, Nora Nistor", page);
        Assert.Contains("At least 8 characters", page);
        var before = await StateAsync();

        var response = await PostInviteAsync(client, issued.Token, Password, Password);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.AbsolutePath);
        var home = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Nora Nistor", await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var after = await StateAsync();
        Assert.Equal((before.Users, before.Invitations, before.Events + 1, before.Audits + 1), after);
        Assert.Equal("invitation accepted", await QueryAsync(db => db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Action).FirstAsync()));
        Assert.True((await Users().ListAsync(Admin)).Single(u => u.Email == Nora.Email).Joined);
        await SignedInClientAsync(Nora.Email, Password);

        // Spent: neither opening nor posting it again does anything.
        var again = await BrowserClient(new CookieContainer()).GetAsync($"/account/invite/{issued.Token}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var hash = await PasswordHashAsync(Nora.Email);
        Assert.Equal(InvitationStatus.Used, (await Invitations().AcceptAsync(issued.Token, "Another-pass-1!", "en-US")).Status);
        Assert.Equal(hash, await PasswordHashAsync(Nora.Email));
        Assert.Equal(after, await StateAsync());
    }

    [Fact]
    public async Task The_invite_page_speaks_romanian_to_a_romanian_browser()
    {
        var issued = await InviteNoraAsync();
        var client = BrowserClient(new CookieContainer());
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ro-RO");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/account/invite/{issued.Token}", TestContext.Current.CancellationToken));

        Assert.Contains("Bun venit, Nora Nistor!", page);
        Assert.Contains("Cel puțin 8 caractere", page);
        Assert.Contains("Setează parola și intră", page);
        Assert.DoesNotContain("Welcome", page);
    }

    [Theory]
    [InlineData("short1!", "short1!", "The password is too short.")]
    [InlineData("nouppercase-1", "nouppercase-1", "Add an upper-case letter.")]
    [InlineData(Password, "Welcome-2027!", "The two passwords differ.")]
    public async Task A_password_against_the_rules_is_refused_and_writes_nothing(string password, string confirm, string message)
    {
        var issued = await InviteNoraAsync();
        var client = BrowserClient(new CookieContainer());
        var before = await StateAsync();

        var response = await PostInviteAsync(client, issued.Token, password, confirm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(before, await StateAsync());
        Assert.Null(await PasswordHashAsync(Nora.Email));
        Assert.Equal(InvitationStatus.Valid, (await Invitations().OpenAsync(issued.Token)).Status);
    }

    [Fact]
    public async Task A_password_past_the_size_cap_is_refused()
    {
        var issued = await InviteNoraAsync();

        var accepted = await Invitations().AcceptAsync(issued.Token, "Aa1!" + new string('x', InvitationService.MaxPassword), "en-US");

        Assert.Equal(["PasswordTooLong"], accepted.PasswordErrors);
        Assert.Null(await PasswordHashAsync(Nora.Email));
    }

    [Fact]
    public async Task Revoking_kills_the_link_and_is_audited()
    {
        var issued = await InviteNoraAsync();
        var before = await StateAsync();

        Assert.Equal(InvitationProblem.None, await Invitations().RevokeAsync(Admin, issued.UserId));

        Assert.Equal((before.Users, before.Invitations, before.Events + 1, before.Audits + 1), await StateAsync());
        Assert.Equal(InvitationStatus.Revoked, (await Invitations().OpenAsync(issued.Token)).Status);
        Assert.Equal(InvitationStatus.Revoked, (await Invitations().AcceptAsync(issued.Token, Password, "en-US")).Status);
        Assert.Null(await PasswordHashAsync(Nora.Email));
        var row = (await Users().ListAsync(Admin)).Single(u => u.Email == Nora.Email);
        Assert.Equal((false, (DateTime?)null), (row.Joined, row.InvitationExpiresAt));
        // Nothing left to revoke.
        Assert.Equal(InvitationProblem.NotFound, await Invitations().RevokeAsync(Admin, issued.UserId));
    }

    [Fact]
    public async Task Re_issuing_kills_the_old_link_and_the_new_one_works()
    {
        var first = await InviteNoraAsync();
        App.Clock.Advance(TimeSpan.FromDays(2));

        var second = await Invitations().ReissueAsync(Admin, first.UserId);

        Assert.Equal(InvitationProblem.None, second.Problem);
        Assert.NotEqual(first.Token, second.Issued!.Token);
        Assert.Equal((TestClock.Start + TimeSpan.FromDays(9)).UtcDateTime, second.Issued.ExpiresAt);
        Assert.Equal(InvitationStatus.Revoked, (await Invitations().OpenAsync(first.Token)).Status);
        Assert.Equal(InvitationStatus.Revoked, (await Invitations().AcceptAsync(first.Token, Password, "en-US")).Status);
        var accepted = await Invitations().AcceptAsync(second.Issued.Token, Password, "ro-RO");
        Assert.Equal((InvitationStatus.Valid, Nora.Email), (accepted.Status, accepted.User?.Email));
        Assert.Equal("ro-RO", await QueryAsync(db => db.Users.Where(u => u.Email == Nora.Email).Select(u => u.Culture).SingleAsync()));
        // A user who has joined is not re-invited.
        Assert.Equal(InvitationProblem.AlreadyJoined, (await Invitations().ReissueAsync(Admin, first.UserId)).Problem);
    }

    [Fact]
    public async Task Only_admins_invite_revoke_or_re_issue()
    {
        var issued = await InviteNoraAsync();
        var before = await StateAsync();

        foreach (var actor in new[] { new Actor("VP", Roles.VP), new Actor("Manager", Roles.Manager, TeamId: 1), new Actor("Rep", Roles.Rep, RepId: 1), new Actor("Key", Roles.Admin) { ReadOnly = true } })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Invitations().InviteAsync(actor, Nora with { Email = "other@example.com" }));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Invitations().RevokeAsync(actor, issued.UserId));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Invitations().ReissueAsync(actor, issued.UserId));
        }

        Assert.Equal(before, await StateAsync());
        Assert.Equal(InvitationStatus.Valid, (await Invitations().OpenAsync(issued.Token)).Status);
    }

    [Theory]
    [InlineData(DemoCompany.ManagerEmail)]
    [InlineData("MANAGER@DEMO.SALESOPS")]
    [InlineData("  manager@demo.salesops ")]
    public async Task An_e_mail_already_in_use_is_refused_whatever_its_case(string email)
    {
        var before = await StateAsync();

        var result = await Invitations().InviteAsync(Admin, Nora with { Email = email });

        Assert.Equal((InvitationProblem.EmailTaken, null), (result.Problem, result.Issued));
        Assert.Equal(before, await StateAsync());
    }

    public static TheoryData<string, string, string, int?, InvitationProblem> BadInvitees => new()
    {
        { "", "a@example.com", Roles.Analyst, null, InvitationProblem.NameInvalid },
        { new string('n', Invitee.MaxName + 1), "a@example.com", Roles.Analyst, null, InvitationProblem.NameInvalid },
        { "Ann", "not an e-mail", Roles.Analyst, null, InvitationProblem.EmailInvalid },
        { "Ann", new string('a', Invitee.MaxEmail) + "@example.com", Roles.Analyst, null, InvitationProblem.EmailInvalid },
        { "Ann", "a@example.com", Roles.Integration, null, InvitationProblem.UnknownRole },
        { "Ann", "a@example.com", "Emperor", null, InvitationProblem.UnknownRole },
        { "Ann", "a@example.com", Roles.Analyst, 987_654, InvitationProblem.UnknownTeam },
        { "Ann", "a@example.com", Roles.Rep, null, InvitationProblem.NoRepRecord },
    };

    [Theory]
    [MemberData(nameof(BadInvitees))]
    public async Task Bad_input_is_refused_and_writes_nothing(string name, string email, string role, int? teamId, InvitationProblem expected)
    {
        var before = await StateAsync();

        var result = await Invitations().InviteAsync(Admin, new Invitee(name, email, role, teamId));

        Assert.Equal((expected, null), (result.Problem, result.Issued));
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("x")]
    public async Task An_unknown_link_shows_a_clear_page_and_writes_nothing(string token)
    {
        var before = await StateAsync();
        var client = BrowserClient(new CookieContainer());

        var response = await client.GetAsync($"/account/invite/{token}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This invitation link is not valid", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(InvitationStatus.Unknown, (await Invitations().AcceptAsync(token, Password, "en-US")).Status);
        Assert.Equal(InvitationStatus.Unknown, (await Invitations().OpenAsync(new string('A', 5000))).Status);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task An_invited_admin_who_has_not_joined_does_not_let_the_last_admin_step_down()
    {
        await Invitations().InviteAsync(Admin, Nora with { Role = Roles.Admin });
        var admin = (await Users().ListAsync(Admin)).Single(u => u.Email == DemoCompany.AdminEmail);

        Assert.Equal(UserChangeProblem.LastAdmin, await Users().ChangeAsync(Admin, admin.Id, new(Roles.VP, admin.TeamId, true)));
    }

    /// <summary>Posts the invite page's form as a browser would, with the form token an anonymous visitor gets.</summary>
    private static async Task<HttpResponseMessage> PostInviteAsync(HttpClient client, string token, string password, string confirm) =>
        await client.PostAsync($"/account/invite/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "invite",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client),
            ["Input.Password"] = password,
            ["Input.Confirm"] = confirm,
        }), TestContext.Current.CancellationToken);
}
