using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Pipeline;
using SalesOps.Web.Data;

namespace SalesOps.Web.Features.Pipeline;

/// <summary>
/// The median stay per stage and channel, learned from the stage history of the most recent deals. Usual stays
/// change slowly, so the medians are recomputed at most once an hour, when a board asks for them.
/// </summary>
public sealed class StalenessCache(IDbContextFactory<SalesOpsDbContext> factory, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    /// <summary>How many of the newest deals' histories make "comparable deals".</summary>
    public const int SampleDeals = 20_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (Staleness Value, DateTimeOffset At)? _current;

    /// <remarks>A singleton: the container disposes it when the app stops.</remarks>
    public void Dispose() => _gate.Dispose();

    public async Task<Staleness> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } fresh && clock.GetUtcNow() - fresh.At < MaxAge)
        {
            return fresh.Value;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && clock.GetUtcNow() - again.At < MaxAge)
            {
                return again.Value;
            }

            var value = Staleness.FromHistory(await LoadStaysAsync(cancellationToken));
            _current = (value, clock.GetUtcNow());
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IEnumerable<StageStay>> LoadStaysAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // A stay ends when the next change of the same deal happens; the last change of a deal is still running.
        var rows = await db.Database.SqlQuery<StayRow>($"""
            SELECT StageId, Channel, Days FROM (
                SELECT h.ToStageId AS StageId, d.Channel AS Channel,
                       julianday(LEAD(h.ChangedAt) OVER (PARTITION BY h.DealId ORDER BY h.ChangedAt, h.Id)) - julianday(h.ChangedAt) AS Days
                FROM DealStageChanges AS h
                JOIN Deals AS d ON d.Id = h.DealId
                WHERE h.DealId > (SELECT IFNULL(MAX(Id), 0) FROM Deals) - {SampleDeals})
            WHERE Days IS NOT NULL
            """).ToListAsync(cancellationToken);
        return rows.Select(r => new StageStay(r.StageId, Enum.TryParse<SalesChannel>(r.Channel, out var c) ? c : SalesChannel.Field, r.Days));
    }

    private sealed record StayRow(int StageId, string Channel, double Days);
}
