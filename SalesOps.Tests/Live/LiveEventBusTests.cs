using Microsoft.Extensions.Logging.Abstractions;
using SalesOps.Shared.Domain;
using SalesOps.Web.Live;

namespace SalesOps.Tests.Live;

public class LiveEventBusTests
{
    private static LiveEvent Event(long sequence, int? teamId = null) => new() { Sequence = sequence, Kind = "test", TeamId = teamId };

    [Fact]
    public async Task A_subscriber_that_hangs_does_not_delay_the_others()
    {
        var bus = new LiveEventBus(NullLogger<LiveEventBus>.Instance);
        var hang = new TaskCompletionSource();
        var received = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stuck = bus.Subscribe(_ => hang.Task);
        using var healthy = bus.Subscribe(e => { received.TrySetResult(e.Sequence); return Task.CompletedTask; });

        bus.Publish(Event(1));

        Assert.Equal(1, await received.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        hang.SetResult();
    }

    [Fact]
    public async Task Each_subscriber_gets_only_the_events_it_filters_for_in_sequence_order()
    {
        var bus = new LiveEventBus(NullLogger<LiveEventBus>.Instance);
        var seen = new List<long>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var team2 = bus.Subscribe(e =>
        {
            seen.Add(e.Sequence);
            if (e.Sequence == 5)
            {
                done.SetResult();
            }

            return Task.CompletedTask;
        }, e => e.TeamId == 2);

        foreach (var (sequence, team) in new[] { (1L, 1), (2L, 2), (3L, 1), (4L, 2), (5L, 2) })
        {
            bus.Publish(Event(sequence, team));
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([2L, 4L, 5L], seen);
        Assert.Equal(5, bus.LastSequence);
    }

    [Fact]
    public async Task A_failing_subscriber_keeps_receiving_later_events()
    {
        var bus = new LiveEventBus(NullLogger<LiveEventBus>.Instance);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var flaky = bus.Subscribe(e => e.Sequence == 1 ? throw new InvalidOperationException("boom") : Task.Run(second.SetResult));

        bus.Publish(Event(1));
        bus.Publish(Event(2));

        await second.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void A_disposed_subscription_is_removed()
    {
        var bus = new LiveEventBus(NullLogger<LiveEventBus>.Instance);
        var subscription = bus.Subscribe(_ => Task.CompletedTask);

        subscription.Dispose();

        Assert.Equal(0, bus.SubscriberCount);
    }

    [Fact]
    public async Task A_subscriber_that_never_finishes_holds_at_most_its_capacity_and_the_newest_events_survive()
    {
        var bus = new LiveEventBus(NullLogger<LiveEventBus>.Instance);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new List<long>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slow = bus.Subscribe(async e =>
        {
            handled.Add(e.Sequence);
            if (e.Sequence == 1)
            {
                entered.SetResult();
                await release.Task;
            }
            else if (e.Sequence == 100)
            {
                done.SetResult();
            }
        }, capacity: 10);

        bus.Publish(Event(1));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        for (var sequence = 2; sequence <= 100; sequence++)
        {
            bus.Publish(Event(sequence));
        }

        Assert.Equal(10, slow.Queued);
        Assert.Equal(10, slow.PeakQueued);
        Assert.Equal(89, slow.Dropped);
        release.SetResult();
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([1L, .. Enumerable.Range(91, 10).Select(i => (long)i)], handled);
    }

    [Fact]
    public async Task A_filter_that_throws_does_not_keep_the_event_from_other_subscribers()
    {
        var bus = new LiveEventBus(NullLogger<LiveEventBus>.Instance);
        var received = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var broken = bus.Subscribe(_ => Task.CompletedTask, _ => throw new InvalidOperationException("boom"));
        using var healthy = bus.Subscribe(e => { received.TrySetResult(e.Sequence); return Task.CompletedTask; });

        bus.Publish(Event(7));

        Assert.Equal(7, await received.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }
}
