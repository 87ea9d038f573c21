using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Auth;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Admin;

/// <summary>A user as the admin grid shows them.</summary>
/// <param name="Joined">The user has a password: false for an invitee who has not used their link yet.</param>
/// <param name="InvitationExpiresAt">When the invitee's pending link dies (UTC); null when no link is pending.</param>
public sealed record AdminUserRow(string Id, string Email, string Name, string Role, int? TeamId, string? Team, bool Active,
    bool Joined = true, DateTime? InvitationExpiresAt = null);

/// <summary>What an admin asks of a user: their role, their team, and whether they may sign in.</summary>
public sealed record UserChange(string Role, int? TeamId, bool Active);

/// <summary>Why a user change was refused, in terms the page turns into text.</summary>
public enum UserChangeProblem
{
    None,
    NotFound,
    UnknownRole,
    UnknownTeam,
    /// <summary>The change would leave no active admin: nobody could manage users any more.</summary>
    LastAdmin,
}

/// <summary>
/// Admins change a user's role and team and deactivate or reactivate them. Each change renews the user's security
/// stamp in the same transaction as its audit entry and live event, so the user's open sessions and circuits lose
/// the old rights at their next check (SalesOps:SessionValidationInterval) and the admin grids follow live.
/// </summary>
public sealed class UserAdminService(IDbContextFactory<SalesOpsDbContext> factory, LiveWriter writer, TimeProvider clock)
{
    public async Task<IReadOnlyList<AdminUserRow>> ListAsync(Actor actor)
    {
        EnsureAdmin(actor);
        await using var db = await factory.CreateDbContextAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync();
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = (await db.UserInvitations.AsNoTracking().Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now).ToListAsync())
            .GroupBy(i => i.UserId).ToDictionary(g => g.Key, g => g.Max(i => i.ExpiresAt));
        return users.Select(u => new AdminUserRow(
                u.Id, u.Email ?? "", u.DisplayName,
                WidestRole(roles.Where(r => r.UserId == u.Id).Select(r => r.Name)),
                u.TeamId, u.TeamId is { } team ? teams.GetValueOrDefault(team) : null,
                !IsDeactivated(u),
                u.PasswordHash is not null,
                pending.TryGetValue(u.Id, out var expires) ? expires : null))
            .ToList();
    }

    public async Task<IReadOnlyList<Team>> TeamsAsync(Actor actor)
    {
        EnsureAdmin(actor);
        await using var db = await factory.CreateDbContextAsync();
        return await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
    }

    public Task<UserChangeProblem> ChangeAsync(Actor actor, string userId, UserChange change)
    {
        EnsureAdmin(actor);
        if (!Roles.People.Contains(change.Role))
        {
            return Task.FromResult(UserChangeProblem.UnknownRole);
        }

        return writer.CommitAsync(async (db, changes) =>
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId);
            if (user is null)
            {
                return UserChangeProblem.NotFound;
            }

            if (change.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId))
            {
                return UserChangeProblem.UnknownTeam;
            }

            var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
            var current = await db.UserRoles.Where(ur => ur.UserId == userId).ToListAsync();
            var before = new UserChange(WidestRole(current.Select(ur => roleIds.FirstOrDefault(r => r.Value == ur.RoleId).Key)), user.TeamId, !IsDeactivated(user));
            if (before == change)
            {
                return UserChangeProblem.None;
            }

            var stillAdmin = change.Role == Roles.Admin && change.Active;
            if (before is { Role: Roles.Admin, Active: true } && !stillAdmin && !await AnotherActiveAdminAsync(db, roleIds[Roles.Admin], userId))
            {
                return UserChangeProblem.LastAdmin;
            }

            db.UserRoles.RemoveRange(current);
            db.UserRoles.Add(new() { UserId = userId, RoleId = roleIds[change.Role] });
            user.TeamId = change.TeamId;
            user.LockoutEnabled = true;
            user.LockoutEnd = change.Active ? null : DateTimeOffset.MaxValue;
            // What ends the user's open sessions: cookies and circuits compare it at their next check.
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            changes.Audit(actor.Name, "User", user.Email ?? userId, "changed", before, change);
            // No names or e-mails in the event: outside screens hear every event kind, and the admin grid re-reads anyway.
            changes.Publish(LiveEventKinds.UserChanged, null, null, null, null);
            return UserChangeProblem.None;
        });
    }

    private static async Task<bool> AnotherActiveAdminAsync(SalesOpsDbContext db, string adminRoleId, string userId)
    {
        var admins = await (from ur in db.UserRoles
                            join u in db.Users on ur.UserId equals u.Id
                            where ur.RoleId == adminRoleId && u.Id != userId
                            select u).ToListAsync();
        // An invitee who has not set a password yet cannot manage anything.
        return admins.Any(u => !IsDeactivated(u) && u.PasswordHash is not null);
    }

    // Sign-in throttling keeps its own count (it never sets a lock-out end), so any lock-out end means "deactivated".
    private static bool IsDeactivated(AppUser user) => user.LockoutEnabled && user.LockoutEnd is not null;

    // A user with several roles acts with the widest one (as ActorFactory does); the grid edits that one.
    private static string WidestRole(IEnumerable<string?> roles)
    {
        var held = roles.OfType<string>().ToHashSet();
        return ActorFactory.RolesByPower.FirstOrDefault(held.Contains) ?? "";
    }

    /// <summary>The one rights check of user administration: a signed-in admin (not an API key).</summary>
    internal static void EnsureAdmin(Actor actor)
    {
        if (actor.Role != Roles.Admin || actor.ReadOnly)
        {
            throw new UnauthorizedAccessException("Only admins manage users.");
        }
    }
}
