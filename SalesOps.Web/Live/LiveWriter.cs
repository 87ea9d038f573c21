using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Domain;
using SalesOps.Web.Data;

namespace SalesOps.Web.Live;

/// <summary>
/// Funnels every user-visible change through one writer: the change, its audit entries and its live events
/// commit in one transaction, then the events are published in sequence order. One writer at a time also keeps
/// SQLite out of its busy handler, where concurrent writers stall for seconds.
/// </summary>
public sealed class LiveWriter(IDbContextFactory<SalesOpsDbContext> factory, LiveEventBus bus, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <remarks>A singleton: the container disposes it when the app stops.</remarks>
    public void Dispose() => _gate.Dispose();

    /// <param name="change">
    /// Makes the change on the given context and records it with <see cref="ChangeSet"/>; it must not save.
    /// Whatever it saved is rolled back if it, or the final save, throws.
    /// </param>
    public async Task<T> CommitAsync<T>(Func<SalesOpsDbContext, ChangeSet, Task<T>> change, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            // A change may save midway (to learn a new row's id); the transaction keeps it all-or-nothing.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // One instant for the whole change: its audit entries and events say it happened at once.
            var changes = new ChangeSet(db, clock.GetUtcNow().UtcDateTime);
            var result = await change(db, changes);
            if (db.ChangeTracker.HasChanges() || changes.Events.Count > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            if (changes.Events.Count > 0)
            {
                foreach (var liveEvent in changes.Events)
                {
                    bus.Publish(liveEvent);
                }
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Collects the audit entries and live events of one change, saved with it.</summary>
public sealed class ChangeSet(SalesOpsDbContext db, DateTime at)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly List<LiveEvent> _events = [];

    public IReadOnlyList<LiveEvent> Events => _events;

    /// <summary>The instant of the whole change, in UTC.</summary>
    public DateTime At => at;

    public void Audit(string actor, string entityType, object entityId, string action, object? before, object? after)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            Actor = actor,
            EntityType = entityType,
            EntityId = entityId.ToString()!,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
    }

    /// <summary>Adds a live event; its sequence number is assigned by the database when the change commits.</summary>
    public void Publish(string kind, int? entityId, int? teamId, int? repId, object? payload)
    {
        var liveEvent = new LiveEvent
        {
            At = at,
            Kind = kind,
            EntityId = entityId,
            TeamId = teamId,
            RepId = repId,
            Payload = payload is null ? null : JsonSerializer.Serialize(payload, Json),
        };
        db.LiveEvents.Add(liveEvent);
        _events.Add(liveEvent);
    }
}
