using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Auth;
using SalesOps.Web.Data;
using SalesOps.Web.Live;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Admin;

/// <summary>Who an admin invites: the new user's name, e-mail, role and team.</summary>
public sealed record Invitee(string Name, string Email, string Role, int? TeamId)
{
    public const int MaxName = 100;

    /// <summary>Identity's own column width for e-mails.</summary>
    public const int MaxEmail = 256;
}

/// <summary>Why an invitation was refused, in terms the page turns into text next to the field at fault.</summary>
public enum InvitationProblem
{
    None,
    NameInvalid,
    EmailInvalid,
    EmailTaken,
    UnknownRole,
    UnknownTeam,
    /// <summary>A Rep signs in to their own deals: a rep record must carry the invitee's e-mail.</summary>
    NoRepRecord,
    NotFound,
    /// <summary>The user has set a password already; there is nothing to invite them to.</summary>
    AlreadyJoined,
}

/// <summary>A new link, shown to the admin once: only its hash is stored.</summary>
public sealed record IssuedInvitation(string UserId, string Token, DateTime ExpiresAt);

public sealed record InvitationResult(InvitationProblem Problem, IssuedInvitation? Issued = null);

/// <summary>What an invitation link is worth when opened.</summary>
public enum InvitationStatus { Valid, Unknown, Expired, Used, Revoked }

/// <summary>An opened link: its status and, while valid, whom it invites.</summary>
public sealed record OpenedInvitation(InvitationStatus Status, string Name = "", string Email = "", DateTime ExpiresAt = default);

/// <summary>
/// Invitations by one-time link. The admin's invite creates the user (with no password, so they cannot sign in) and
/// a random 256-bit token of which only the hash is stored; the invitee opens the link, sets a password and is signed
/// in, and the link is spent. Revoking or re-issuing kills the pending link. Every change is audited and published as
/// <see cref="LiveEventKinds.UserChanged"/>, so the admin grids show it live.
/// </summary>
public sealed class InvitationService(LiveWriter writer, IDbContextFactory<SalesOpsDbContext> factory, UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>How long a link stays good.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Enough for any passphrase; a megabyte "password" would only make the server hash a megabyte.</summary>
    public const int MaxPassword = 200;

    // A token is 32 random bytes in base64url: 43 characters. Longer input is not a token and is not looked up.
    private const int MaxTokenLength = 64;

    public Task<InvitationResult> InviteAsync(Actor actor, Invitee invitee)
    {
        UserAdminService.EnsureAdmin(actor);
        var name = invitee.Name.Trim();
        var email = invitee.Email.Trim();
        if (name.Length is 0 or > Invitee.MaxName)
        {
            return Task.FromResult(new InvitationResult(InvitationProblem.NameInvalid));
        }

        if (email.Length > Invitee.MaxEmail || !new EmailAddressAttribute().IsValid(email) || email.Any(char.IsWhiteSpace))
        {
            return Task.FromResult(new InvitationResult(InvitationProblem.EmailInvalid));
        }

        if (!Roles.People.Contains(invitee.Role))
        {
            return Task.FromResult(new InvitationResult(InvitationProblem.UnknownRole));
        }

        return writer.CommitAsync(async (db, changes) =>
        {
            var normalized = users.NormalizeEmail(email);
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized))
            {
                return new InvitationResult(InvitationProblem.EmailTaken);
            }

            if (invitee.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId))
            {
                return new InvitationResult(InvitationProblem.UnknownTeam);
            }

            int? repId = null;
            if (invitee.Role == Roles.Rep)
            {
                var reps = await db.Reps.AsNoTracking().Where(r => EF.Functions.Collate(r.Email, "NOCASE") == email).Select(r => r.Id).ToListAsync();
                if (reps.Count != 1)
                {
                    return new InvitationResult(InvitationProblem.NoRepRecord);
                }

                repId = reps[0];
            }

            var user = new AppUser
            {
                DisplayName = name,
                UserName = email,
                NormalizedUserName = users.NormalizeName(email),
                Email = email,
                NormalizedEmail = normalized,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
                RepId = repId,
                TeamId = invitee.TeamId,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = (await db.Roles.SingleAsync(r => r.Name == invitee.Role)).Id });
            var issued = Issue(db, user.Id, actor, changes.At);
            changes.Audit(actor.Name, "User", email, "invited", null, new { Name = name, Email = email, invitee.Role, invitee.TeamId, issued.ExpiresAt });
            changes.Publish(LiveEventKinds.UserChanged, null, null, null, null);
            return new InvitationResult(InvitationProblem.None, issued);
        });
    }

    /// <summary>A new link for a user who has not joined yet; the one before, if still pending, dies.</summary>
    public Task<InvitationResult> ReissueAsync(Actor actor, string userId)
    {
        UserAdminService.EnsureAdmin(actor);
        return writer.CommitAsync(async (db, changes) =>
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId);
            if (user is null)
            {
                return new InvitationResult(InvitationProblem.NotFound);
            }

            if (user.PasswordHash is not null)
            {
                return new InvitationResult(InvitationProblem.AlreadyJoined);
            }

            await RevokePendingAsync(db, userId, changes.At);
            var issued = Issue(db, userId, actor, changes.At);
            changes.Audit(actor.Name, "User", user.Email ?? userId, "invitation re-issued", null, new { issued.ExpiresAt });
            changes.Publish(LiveEventKinds.UserChanged, null, null, null, null);
            return new InvitationResult(InvitationProblem.None, issued);
        });
    }

    /// <summary>Kills the user's pending link; they stay listed, without a password, until re-invited.</summary>
    public Task<InvitationProblem> RevokeAsync(Actor actor, string userId)
    {
        UserAdminService.EnsureAdmin(actor);
        return writer.CommitAsync(async (db, changes) =>
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId);
            if (user is null || !await RevokePendingAsync(db, userId, changes.At))
            {
                return InvitationProblem.NotFound;
            }

            changes.Audit(actor.Name, "User", user.Email ?? userId, "invitation revoked", null, null);
            changes.Publish(LiveEventKinds.UserChanged, null, null, null, null);
            return InvitationProblem.None;
        });
    }

    /// <summary>What the link <paramref name="token"/> is worth now; reads only.</summary>
    public async Task<OpenedInvitation> OpenAsync(string? token)
    {
        if (token is not { Length: > 0 and <= MaxTokenLength })
        {
            return new(InvitationStatus.Unknown);
        }

        await using var db = await factory.CreateDbContextAsync();
        return Judge(await FindAsync(db, token), clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Why a password was refused: Identity's error codes (the page words them) or a spent link.</summary>
    public sealed record Acceptance(InvitationStatus Status, IReadOnlyList<string> PasswordErrors, AppUser? User);

    /// <summary>
    /// Sets the invitee's password and spends the link, in one transaction: of two tabs posting the same link, one
    /// wins and the other finds it used. The caller signs the returned user in.
    /// </summary>
    public async Task<Acceptance> AcceptAsync(string? token, string password, string culture)
    {
        var opened = await OpenAsync(token);
        if (opened.Status != InvitationStatus.Valid)
        {
            return new(opened.Status, [], null);
        }

        // The same rules as everywhere Identity sets a password (SalesOps:Auth's IdentityOptions).
        var probe = new AppUser { DisplayName = opened.Name, UserName = opened.Email, Email = opened.Email };
        if (password.Length > MaxPassword)
        {
            return new(InvitationStatus.Valid, ["PasswordTooLong"], null);
        }

        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, password);
            errors.AddRange(result.Errors.Select(e => e.Code));
        }

        if (errors.Count > 0)
        {
            return new(InvitationStatus.Valid, errors, null);
        }

        return await writer.CommitAsync(async (db, changes) =>
        {
            var found = await FindAsync(db, token!);
            var status = Judge(found, changes.At).Status;
            if (status != InvitationStatus.Valid)
            {
                return new Acceptance(status, [], null);
            }

            var (invitation, user) = found!.Value;
            invitation.AcceptedAt = changes.At;
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            // The link reached the address: that is what confirming an e-mail means.
            user.EmailConfirmed = true;
            if (ShellExtensions.SupportedCultures.Any(c => c.Name == culture))
            {
                user.Culture = culture;
            }

            changes.Audit(user.DisplayName, "User", user.Email ?? user.Id, "invitation accepted", null, null);
            changes.Publish(LiveEventKinds.UserChanged, null, null, null, null);
            return new Acceptance(InvitationStatus.Valid, [], user);
        });
    }

    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static IssuedInvitation Issue(SalesOpsDbContext db, string userId, Actor actor, DateTime now)
    {
        var token = NewToken();
        var invitation = new UserInvitation
        {
            UserId = userId,
            // Random 256-bit tokens need no salt or slow hash: one SHA-256, as for API keys.
            TokenHash = ApiKeyHasher.Hash(token),
            CreatedAt = now,
            CreatedBy = actor.Name,
            ExpiresAt = now + Lifetime,
        };
        db.UserInvitations.Add(invitation);
        return new IssuedInvitation(userId, token, invitation.ExpiresAt);
    }

    private static async Task<bool> RevokePendingAsync(SalesOpsDbContext db, string userId, DateTime now)
    {
        var pending = await db.UserInvitations.Where(i => i.UserId == userId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now).ToListAsync();
        foreach (var invitation in pending)
        {
            invitation.RevokedAt = now;
        }

        return pending.Count > 0;
    }

    private static async Task<(UserInvitation Invitation, AppUser User)?> FindAsync(SalesOpsDbContext db, string token)
    {
        var hash = ApiKeyHasher.Hash(token);
        var found = await (from i in db.UserInvitations
                           join u in db.Users on i.UserId equals u.Id
                           where i.TokenHash == hash
                           select new { i, u }).SingleOrDefaultAsync();
        return found is null ? null : (found.i, found.u);
    }

    private static OpenedInvitation Judge((UserInvitation Invitation, AppUser User)? found, DateTime now)
    {
        if (found is not var (invitation, user))
        {
            return new(InvitationStatus.Unknown);
        }

        var status = invitation switch
        {
            { AcceptedAt: not null } => InvitationStatus.Used,
            { RevokedAt: not null } => InvitationStatus.Revoked,
            // The same check as the grid's deactivation: a deactivated invitee's link is dead too.
            _ when user.LockoutEnabled && user.LockoutEnd is not null => InvitationStatus.Revoked,
            // A password set some other way (the CLI) spends the link as surely as using it.
            _ when user.PasswordHash is not null => InvitationStatus.Used,
            _ when now >= invitation.ExpiresAt => InvitationStatus.Expired,
            _ => InvitationStatus.Valid,
        };
        return new(status, user.DisplayName, user.Email ?? "", invitation.ExpiresAt);
    }
}
