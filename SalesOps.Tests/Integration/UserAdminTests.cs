using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Admin;

namespace SalesOps.Tests.Integration;

/// <summary>The admin users grid's service: who may change users, what it refuses, and what a change does.</summary>
public class UserAdminTests : AppTest
{
    private static readonly Actor Admin = new("Ada Admin", Roles.Admin);

    private UserAdminService Users() => App.Services.CreateScope().ServiceProvider.GetRequiredService<UserAdminService>();

    private async Task<AdminUserRow> RowAsync(string email) => (await Users().ListAsync(Admin)).Single(u => u.Email == email);

    [Fact]
    public async Task Only_admins_list_or_change_users()
    {
        var manager = await RowAsync(DemoCompany.ManagerEmail);

        foreach (var actor in new[] { new Actor("VP", Roles.VP), new Actor("Rep", Roles.Rep, RepId: 1), new Actor("Key", Roles.Admin) { ReadOnly = true } })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Users().ListAsync(actor));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Users().ChangeAsync(actor, manager.Id, new(Roles.Admin, null, true)));
        }

        Assert.Equal(Roles.Manager, (await RowAsync(DemoCompany.ManagerEmail)).Role);
    }

    [Fact]
    public async Task A_role_and_team_change_is_saved_audited_published_and_ends_the_user_s_sessions()
    {
        var manager = await RowAsync(DemoCompany.ManagerEmail);
        var otherTeam = await QueryAsync(db => db.Teams.Where(t => t.Id != manager.TeamId).Select(t => t.Id).FirstAsync());
        var stampBefore = await QueryAsync(db => db.Users.Where(u => u.Id == manager.Id).Select(u => u.SecurityStamp).SingleAsync());
        var before = await CountsAsync();

        var problem = await Users().ChangeAsync(Admin, manager.Id, new(Roles.Analyst, otherTeam, true));

        Assert.Equal(UserChangeProblem.None, problem);
        var after = await RowAsync(DemoCompany.ManagerEmail);
        Assert.Equal((Roles.Analyst, otherTeam, true), (after.Role, after.TeamId, after.Active));
        Assert.NotEqual(stampBefore, await QueryAsync(db => db.Users.Where(u => u.Id == manager.Id).Select(u => u.SecurityStamp).SingleAsync()));
        var counts = await CountsAsync();
        Assert.Equal((before.Events + 1, before.Audits + 1), (counts.Events, counts.Audits));
        var audit = await QueryAsync(db => db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(("Ada Admin", "User", DemoCompany.ManagerEmail), (audit.Actor, audit.EntityType, audit.EntityId));
        Assert.Equal(LiveEventKinds.UserChanged, await QueryAsync(db => db.LiveEvents.OrderByDescending(e => e.Sequence).Select(e => e.Kind).FirstAsync()));
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_a_reactivated_one_can()
    {
        var rep = await RowAsync(DemoCompany.RepEmail);

        Assert.Equal(UserChangeProblem.None, await Users().ChangeAsync(Admin, rep.Id, new(rep.Role, rep.TeamId, Active: false)));
        var (_, refused) = await PostSignInAsync(DemoCompany.RepEmail, "SalesOps-demo-1");
        Assert.False((await RowAsync(DemoCompany.RepEmail)).Active);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        Assert.Equal(UserChangeProblem.None, await Users().ChangeAsync(Admin, rep.Id, new(rep.Role, rep.TeamId, Active: true)));
        await SignedInClientAsync(DemoCompany.RepEmail);
    }

    [Theory]
    [InlineData(Roles.VP, true)]
    [InlineData(Roles.Admin, false)]
    public async Task The_last_active_admin_can_be_neither_demoted_nor_deactivated(string role, bool active)
    {
        var admin = await RowAsync(DemoCompany.AdminEmail);
        var before = await CountsAsync();

        var problem = await Users().ChangeAsync(Admin, admin.Id, new(role, admin.TeamId, active));

        Assert.Equal(UserChangeProblem.LastAdmin, problem);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal((Roles.Admin, true), ((await RowAsync(DemoCompany.AdminEmail)).Role, (await RowAsync(DemoCompany.AdminEmail)).Active));
    }

    [Fact]
    public async Task Once_another_admin_exists_the_first_may_step_down()
    {
        var vp = await RowAsync(DemoCompany.VpEmail);
        var admin = await RowAsync(DemoCompany.AdminEmail);
        Assert.Equal(UserChangeProblem.None, await Users().ChangeAsync(Admin, vp.Id, new(Roles.Admin, vp.TeamId, true)));

        Assert.Equal(UserChangeProblem.None, await Users().ChangeAsync(Admin, admin.Id, new(Roles.VP, admin.TeamId, true)));
        Assert.Equal(Roles.VP, (await RowAsync(DemoCompany.AdminEmail)).Role);
    }

    [Theory]
    [InlineData("Integration", null, UserChangeProblem.UnknownRole)]
    [InlineData("Emperor", null, UserChangeProblem.UnknownRole)]
    [InlineData(Roles.Rep, 987_654, UserChangeProblem.UnknownTeam)]
    public async Task Bad_input_is_refused_and_writes_nothing(string role, int? teamId, UserChangeProblem expected)
    {
        var manager = await RowAsync(DemoCompany.ManagerEmail);
        var before = await CountsAsync();

        Assert.Equal(expected, await Users().ChangeAsync(Admin, manager.Id, new(role, teamId, true)));
        Assert.Equal(UserChangeProblem.NotFound, await Users().ChangeAsync(Admin, "no-such-user", new(Roles.Rep, null, true)));

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(Roles.Manager, (await RowAsync(DemoCompany.ManagerEmail)).Role);
    }
}
