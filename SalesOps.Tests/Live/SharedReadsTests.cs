using Microsoft.Extensions.Logging.Abstractions;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Live;

namespace SalesOps.Tests.Live;

/// <summary>Screens that show the same thing as of the same change share one read; a change, time or a failure ends the sharing.</summary>
public class SharedReadsTests
{
    private readonly LiveEventBus _bus = new(NullLogger<LiveEventBus>.Instance);
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = TestClock.New();
    private readonly SharedReads _shared;
    private int _reads;

    public SharedReadsTests() => _shared = new SharedReads(_bus, _clock);

    private sealed record Key(int Id);

    private sealed record OtherKey(int Id);

    private Func<Task<string>> Read(Task<string> result) => () =>
    {
        Interlocked.Increment(ref _reads);
        return result;
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Screens_asking_at_once_for_the_same_thing_wait_for_one_read_and_share_its_result()
    {
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var asks = Enumerable.Range(0, 10).Select(_ => _shared.GetAsync(new Key(1), Read(gate.Task), Ct)).ToList();

        gate.SetResult("board");
        var results = await Task.WhenAll(asks);

        Assert.Equal(1, _reads);
        Assert.Equal(1, _shared.Reads);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task Different_keys_and_key_kinds_are_read_separately()
    {
        Assert.Equal("a", await _shared.GetAsync(new Key(1), Read(Task.FromResult("a")), Ct));
        Assert.Equal("b", await _shared.GetAsync(new Key(2), Read(Task.FromResult("b")), Ct));
        Assert.Equal("c", await _shared.GetAsync(new OtherKey(1), Read(Task.FromResult("c")), Ct));
        Assert.Equal("a", await _shared.GetAsync(new Key(1), Read(Task.FromResult("not read")), Ct));

        Assert.Equal(3, _reads);
    }

    [Fact]
    public async Task A_live_event_after_the_read_makes_the_next_ask_read_again()
    {
        Assert.Equal("before", await _shared.GetAsync(new Key(1), Read(Task.FromResult("before")), Ct));

        _bus.Publish(new LiveEvent { Sequence = 1, Kind = "deal.updated" });

        Assert.Equal("after", await _shared.GetAsync(new Key(1), Read(Task.FromResult("after")), Ct));
        Assert.Equal("after", await _shared.GetAsync(new Key(1), Read(Task.FromResult("not read")), Ct));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task A_result_is_shared_for_at_most_its_time_even_when_nothing_changed()
    {
        await _shared.GetAsync(new Key(1), Read(Task.FromResult("first")), Ct);

        _clock.Advance(SharedReads.ShareFor - TimeSpan.FromMilliseconds(1));
        Assert.Equal("first", await _shared.GetAsync(new Key(1), Read(Task.FromResult("not read")), Ct));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("second", await _shared.GetAsync(new Key(1), Read(Task.FromResult("second")), Ct));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task A_failed_read_is_not_handed_to_the_next_screen()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _shared.GetAsync(new Key(1), Read(Task.FromException<string>(new InvalidOperationException("database busy"))), Ct));

        Assert.Equal("read again", await _shared.GetAsync(new Key(1), Read(Task.FromResult("read again")), Ct));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task A_screen_that_leaves_stops_only_its_own_wait()
    {
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var leaving = new CancellationTokenSource();
        var left = _shared.GetAsync(new Key(1), Read(gate.Task), leaving.Token);
        var staying = _shared.GetAsync(new Key(1), Read(gate.Task), Ct);

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);
        gate.SetResult("board");

        Assert.Equal("board", await staying);
        Assert.Equal(1, _reads);
    }

    [Fact]
    public void Dictionaries_in_keys_compare_by_content_whatever_their_order()
    {
        Assert.Equal(SharedReads.KeyOf(new Dictionary<int, int> { [2] = 40, [1] = 20 }), SharedReads.KeyOf(new Dictionary<int, int> { [1] = 20, [2] = 40 }));
        Assert.NotEqual(SharedReads.KeyOf(new Dictionary<int, int> { [1] = 20 }), SharedReads.KeyOf(new Dictionary<int, int> { [1] = 40 }));
        Assert.Equal("", SharedReads.KeyOf<int>(null));
    }
}
