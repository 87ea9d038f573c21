using Microsoft.Extensions.Logging.Abstractions;
using SalesOps.Shared.Domain;
using SalesOps.Web.Live;

namespace SalesOps.Tests.Live;

public class LiveRefresherTests
{
    [Fact]
    public async Task A_burst_of_events_during_a_refresh_costs_one_more_refresh_not_one_per_event()
    {
        var bus = new LiveEventBus(NullLogger<LiveEventBus>.Instance);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refreshes = 0;
        using var refresher = new LiveRefresher(bus, _ => true, async () =>
        {
            var n = Interlocked.Increment(ref refreshes);
            if (n == 1)
            {
                firstStarted.SetResult();
                await releaseFirst.Task;
            }
            else
            {
                secondDone.TrySetResult();
            }
        }, NullLogger.Instance);

        bus.Publish(new LiveEvent { Sequence = 1, Kind = "k" });
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        for (var i = 2; i <= 50; i++)
        {
            bus.Publish(new LiveEvent { Sequence = i, Kind = "k" });
        }

        // Wait until the bus has handed all 49 to the refresher (they only flag "again"), then let the first finish.
        await WaitUntilAsync(() => bus.SubscriberCount == 1 && refresher.Requests >= 50);
        releaseFirst.SetResult();
        await secondDone.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(2, Volatile.Read(ref refreshes));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
