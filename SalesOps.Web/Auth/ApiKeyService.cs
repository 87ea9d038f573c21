using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Auth;

/// <summary>Admins create and revoke the keys CRMs use to push deals. The plain key is shown once, at creation.</summary>
/// <remarks>Also lists users for the admin page: both are admin-only reads of the same kind.</remarks>
public sealed class ApiKeyService(IDbContextFactory<SalesOpsDbContext> factory, LiveWriter writer, ApiKeyCache cache, TimeProvider clock)
{
    public sealed record CreatedKey(ApiKey Key, string PlainKey);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(Actor actor)
    {
        EnsureAdmin(actor);
        await using var db = await factory.CreateDbContextAsync();
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync();
    }

    public Task<CreatedKey> CreateAsync(Actor actor, string name, string? plainKey = null)
    {
        EnsureAdmin(actor);
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw new ArgumentException("A key needs a name of 1–100 characters.", nameof(name));
        }

        plainKey ??= ApiKeyHasher.NewKey();
        return writer.CommitAsync((db, changes) =>
        {
            var key = new ApiKey
            {
                Name = name,
                Prefix = plainKey[..Math.Min(6, plainKey.Length)],
                Hash = ApiKeyHasher.Hash(plainKey),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                CreatedBy = actor.Name,
            };
            db.ApiKeys.Add(key);
            changes.Audit(actor.Name, nameof(ApiKey), name, "created", null, new { key.Name, key.Prefix });
            return Task.FromResult(new CreatedKey(key, plainKey));
        });
    }

    public sealed record UserRow(string Email, string Name, string Roles);

    public async Task<IReadOnlyList<UserRow>> ListUsersAsync(Actor actor)
    {
        EnsureAdmin(actor);
        await using var db = await factory.CreateDbContextAsync();
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId into userRoles
                          from ur in userRoles.DefaultIfEmpty()
                          join r in db.Roles on ur.RoleId equals r.Id into roles
                          from r in roles.DefaultIfEmpty()
                          orderby u.Email
                          select new { u.Email, u.DisplayName, Role = r == null ? null : r.Name }).ToListAsync();
        return rows.GroupBy(r => (r.Email, r.DisplayName))
            .Select(g => new UserRow(g.Key.Email ?? "", g.Key.DisplayName, string.Join(", ", g.Select(r => r.Role).OfType<string>())))
            .ToList();
    }

    public Task<bool> RevokeAsync(Actor actor, int id)
    {
        EnsureAdmin(actor);
        return writer.CommitAsync(async (db, changes) =>
        {
            var key = await db.ApiKeys.FindAsync(id);
            if (key is null || key.RevokedAt is not null)
            {
                return false;
            }

            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            cache.Forget(key.Hash);
            changes.Audit(actor.Name, nameof(ApiKey), key.Name, "revoked", null, null);
            return true;
        });
    }

    private static void EnsureAdmin(Actor actor)
    {
        if (actor.Role != Roles.Admin)
        {
            throw new UnauthorizedAccessException("Only admins manage API keys.");
        }
    }
}
