using System.Collections.Concurrent;
using System.Globalization;

namespace SalesOps.Web.Live;

/// <summary>
/// One read per change for what many open screens show alike. A committed change makes every screen that shows it
/// re-read at once; screens asking for the same thing (the same key) as of the same change share one read and one
/// copy of its result instead of repeating it per circuit. A result is reused until a newer live event exists than
/// the one it was read after, and never for longer than <see cref="ShareFor"/> (what a read shows may depend on the
/// time, e.g. days in stage).
/// </summary>
/// <remarks>
/// Keys are value-equal records, one record type per kind of read (so two kinds never collide). What differs per
/// viewer (rights, edit flags) belongs in the key, or is applied to the shared result afterwards by the caller;
/// shared results are never changed in place.
/// </remarks>
public sealed class SharedReads(LiveEventBus bus, TimeProvider clock)
{
    /// <summary>How long screens that show the same thing may share one read when nothing changed in between.</summary>
    public static readonly TimeSpan ShareFor = TimeSpan.FromSeconds(15);

    /// <summary>Entries kept before old ones are swept (each holds one result, e.g. one board).</summary>
    public const int MaxEntries = 512;

    private readonly ConcurrentDictionary<object, Entry> _entries = new();
    private long _reads;

    /// <summary>How many reads went to the database (diagnostics, benches and tests).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <param name="key">What is read: a value-equal record naming the read and everything it depends on.</param>
    /// <param name="read">Reads it. Runs on the thread pool, not on the asking circuit, since others wait for it too.</param>
    /// <param name="cancellationToken">Stops this caller's wait only: others may be waiting for the same read.</param>
    public Task<T> GetAsync<T>(object key, Func<Task<T>> read, CancellationToken cancellationToken = default)
    {
        var sequence = bus.LastSequence;
        var now = clock.GetUtcNow();
        var entry = _entries.AddOrUpdate(
            key,
            static (_, state) => state.Self.Start(state.Sequence, state.Now, state.Read),
            static (_, existing, state) => existing.Fresh(state.Sequence, state.Now) ? existing : state.Self.Start(state.Sequence, state.Now, state.Read),
            (Self: this, Sequence: sequence, Now: now, Read: read));
        if (_entries.Count > MaxEntries)
        {
            Sweep(sequence, now);
        }

        return ((Task<T>)entry.Read.Value).WaitAsync(cancellationToken);
    }

    /// <summary>A per-key dictionary (page sizes, sort orders per column) as a key part: equal contents, equal text.</summary>
    public static string KeyOf<TValue>(IReadOnlyDictionary<int, TValue>? values) =>
        values is null ? "" : string.Join(',', values.OrderBy(kv => kv.Key).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}:{kv.Value}")));

    private Entry Start<T>(long sequence, DateTimeOffset now, Func<Task<T>> read) =>
        new(sequence, now, new Lazy<Task>(() =>
        {
            Interlocked.Increment(ref _reads);
            return Task.Run(read);
        }));

    private void Sweep(long sequence, DateTimeOffset now)
    {
        foreach (var old in _entries.Where(kv => !kv.Value.Fresh(sequence, now)).ToList())
        {
            _entries.TryRemove(old);
        }
    }

    private sealed record Entry(long Sequence, DateTimeOffset At, Lazy<Task> Read)
    {
        public bool Fresh(long sequence, DateTimeOffset now) =>
            Sequence >= sequence && now - At < ShareFor && !(Read.IsValueCreated && (Read.Value.IsFaulted || Read.Value.IsCanceled));
    }
}
