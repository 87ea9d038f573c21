using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Data;
using SalesOps.Web.Live;

namespace SalesOps.Web.Auth;

/// <summary>
/// What a key may do, chosen when it is created: read only (hear and replay events) or also create and change
/// deals; over the whole company (<paramref name="TeamIds"/> null) or only the deals of some teams.
/// </summary>
public sealed record ApiKeyScope(bool ReadOnly = false, IReadOnlyList<int>? TeamIds = null)
{
    /// <summary>Read-write over the whole company: what a CRM that pushes every deal needs, and the demo key has.</summary>
    public static readonly ApiKeyScope WholeCompany = new();

    public const int MaxTeams = 100;
}

/// <summary>Admins create and revoke the keys CRMs use to push deals. The plain key is shown once, at creation.</summary>
public sealed class ApiKeyService(
    IDbContextFactory<SalesOpsDbContext> factory,
    LiveWriter writer,
    ApiKeyCache cache,
    ApiKeyConnections connections,
    TimeProvider clock)
{
    public sealed record CreatedKey(ApiKey Key, string PlainKey);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(Actor actor)
    {
        EnsureAdmin(actor);
        await using var db = await factory.CreateDbContextAsync();
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync();
    }

    /// <param name="scope">What the key may do; by default read-write over the whole company.</param>
    public Task<CreatedKey> CreateAsync(Actor actor, string name, ApiKeyScope? scope = null, string? plainKey = null)
    {
        EnsureAdmin(actor);
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw new ArgumentException("A key needs a name of 1–100 characters.", nameof(name));
        }

        scope ??= ApiKeyScope.WholeCompany;
        var teamIds = scope.TeamIds?.Distinct().Order().ToList();
        if (teamIds is { Count: 0 or > ApiKeyScope.MaxTeams })
        {
            // An empty list must not quietly mean "every team".
            throw new ArgumentException($"A key limited to teams names 1–{ApiKeyScope.MaxTeams} of them; leave the teams out for the whole company.", nameof(scope));
        }

        plainKey ??= ApiKeyHasher.NewKey();
        return writer.CommitAsync(async (db, changes) =>
        {
            if (teamIds is not null)
            {
                var known = await db.Teams.Where(t => teamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync();
                if (teamIds.Except(known).ToList() is { Count: > 0 } unknown)
                {
                    throw new ArgumentException($"No team has id {string.Join(", ", unknown)}.", nameof(scope));
                }
            }

            var key = new ApiKey
            {
                Name = name,
                Prefix = plainKey[..Math.Min(6, plainKey.Length)],
                Hash = ApiKeyHasher.Hash(plainKey),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                CreatedBy = actor.Name,
                ReadOnly = scope.ReadOnly,
                TeamIds = teamIds,
            };
            db.ApiKeys.Add(key);
            changes.Audit(actor.Name, nameof(ApiKey), name, "created", null, new { key.Name, key.Prefix, key.ReadOnly, key.TeamIds });
            return new CreatedKey(key, plainKey);
        });
    }

    public sealed record TeamChoice(int Id, string Name);

    /// <summary>The teams a key can be limited to.</summary>
    public async Task<IReadOnlyList<TeamChoice>> ListTeamsAsync(Actor actor)
    {
        EnsureAdmin(actor);
        await using var db = await factory.CreateDbContextAsync();
        return await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamChoice(t.Id, t.Name)).ToListAsync();
    }

    /// <summary>Revokes the key and closes its open hub connections; its next request is refused.</summary>
    public async Task<bool> RevokeAsync(Actor actor, int id)
    {
        EnsureAdmin(actor);
        var revokedHash = await writer.CommitAsync(async (db, changes) =>
        {
            var key = await db.ApiKeys.FindAsync(id);
            if (key is null || key.RevokedAt is not null)
            {
                return null;
            }

            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            changes.Audit(actor.Name, nameof(ApiKey), key.Name, "revoked", null, null);
            return key.Hash;
        });
        if (revokedHash is null)
        {
            return false;
        }

        // Only now: forgotten before the commit, a request in between would read the still-active key and cache it.
        cache.Forget(revokedHash);
        connections.AbortAll(revokedHash);
        return true;
    }

    private static void EnsureAdmin(Actor actor)
    {
        if (actor.Role != Roles.Admin)
        {
            throw new UnauthorizedAccessException("Only admins manage API keys.");
        }
    }
}
