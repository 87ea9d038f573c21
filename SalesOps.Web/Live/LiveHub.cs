using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
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
public sealed class LiveHub(IDbContextFactory<SalesOpsDbContext> factory, LiveEventBus bus) : Hub
{
    public const string Path = "/hubs/live";
    public const string EventMethod = "event";
    public const string EveryoneGroup = "scope:all";
    private const int MaxReplay = 1000;

    public static string TeamGroup(int teamId) => $"scope:team:{teamId}";
    public static string RepGroup(int repId) => $"scope:rep:{repId}";

    public override async Task OnConnectedAsync()
    {
        var scope = ActorFactory.From(Context.User!).DealScope;
        var group = scope.All ? EveryoneGroup : scope.RepId is { } rep ? RepGroup(rep) : scope.TeamId is { } team ? TeamGroup(team) : null;
        if (group is not null)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        await base.OnConnectedAsync();
    }

    /// <summary>The newest sequence number, so a new client knows where it starts.</summary>
    public long LastSequence() => bus.LastSequence;

    /// <summary>Events after <paramref name="afterSequence"/> that this user may see, oldest first, at most 1,000.</summary>
    public async Task<IReadOnlyList<LiveEvent>> Replay(long afterSequence)
    {
        var scope = ActorFactory.From(Context.User!).DealScope;
        await using var db = await factory.CreateDbContextAsync(Context.ConnectionAborted);
        var query = db.LiveEvents.AsNoTracking().Where(e => e.Sequence > afterSequence);
        if (!scope.All)
        {
            query = scope.RepId is { } rep ? query.Where(e => e.RepId == rep) : query.Where(e => e.TeamId == scope.TeamId);
        }

        return await query.OrderBy(e => e.Sequence).Take(MaxReplay).ToListAsync(Context.ConnectionAborted);
    }
}
