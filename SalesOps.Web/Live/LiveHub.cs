using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Auth;
using SalesOps.Web.Data;

namespace SalesOps.Web.Live;

/// <summary>
/// Relays live events to outside clients (integrations, external screens). Each connection joins the groups its
/// user may see, so a rep's client hears only the rep's deals. Clients receive "event" messages and, after a
/// reconnect, call <see cref="Replay"/> with the last sequence number they saw.
/// </summary>
[Authorize(Policy = AuthExtensions.LiveClientPolicy)]
public sealed class LiveHub(
    IDbContextFactory<SalesOpsDbContext> factory,
    LiveEventBus bus,
    ApiKeyCache keys,
    ApiKeyConnections keyConnections,
    SignInManager<AppUser> signIn) : Hub
{
    public const string Path = "/hubs/live";
    public const string EventMethod = "event";
    public const string EveryoneGroup = "scope:all";
    private const int MaxReplay = 1000;

    public static string TeamGroup(int teamId) => $"scope:team:{teamId}";
    public static string RepGroup(int repId) => $"scope:rep:{repId}";

    private string? KeyHash => Context.User?.FindFirstValue(SalesOpsClaims.ApiKeyHash);

    public override async Task OnConnectedAsync()
    {
        // Registered before the check, so a revocation that lands in between either finds it or is seen by the check.
        if (KeyHash is { } hash)
        {
            keyConnections.Add(hash, Context);
        }

        var scope = (await CallerAsync()).DealScope;
        IEnumerable<string> groups = scope.All ? [EveryoneGroup]
            : scope.RepId is { } rep ? [RepGroup(rep)]
            : scope.Teams.Select(TeamGroup);
        foreach (var group in groups)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (KeyHash is { } hash)
        {
            keyConnections.Remove(hash, Context.ConnectionId);
        }

        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The newest sequence number, so a new client knows where it starts.</summary>
    public async Task<long> LastSequence()
    {
        await CallerAsync();
        return bus.LastSequence;
    }

    /// <summary>Events after <paramref name="afterSequence"/> that this user may see, oldest first, at most 1,000.</summary>
    public async Task<IReadOnlyList<LiveEvent>> Replay(long afterSequence)
    {
        var scope = (await CallerAsync()).DealScope;
        await using var db = await factory.CreateDbContextAsync(Context.ConnectionAborted);
        var query = db.LiveEvents.AsNoTracking().Where(e => e.Sequence > afterSequence).VisibleTo(scope);
        return await query.OrderBy(e => e.Sequence).Take(MaxReplay).ToListAsync(Context.ConnectionAborted);
    }

    /// <summary>
    /// The caller as it stands now, not as it was when the connection opened: a revoked key, or a user whose
    /// sign-in was invalidated (password, roles changed), is refused and the connection closed.
    /// </summary>
    private async Task<Actor> CallerAsync()
    {
        var user = Context.User!;
        var stillAllowed = KeyHash is { } hash
            ? await keys.FindActiveByHashAsync(hash, Context.ConnectionAborted) is not null
            : await signIn.ValidateSecurityStampAsync(user) is not null;
        if (!stillAllowed)
        {
            Context.Abort();
            throw new HubException("The API key was revoked or the sign-in has ended; this connection is closed.");
        }

        return ActorFactory.From(user);
    }
}
