using System.Diagnostics;
using System.Globalization;
using SalesOps.Shared.Domain;

namespace SalesOps.Bench;

/// <summary>
/// <c>hub-listen --url URL --key KEY --clients N</c>: an internal command, started by <c>pipeline</c> as a child
/// process so that the hub clients of a fan-out test get their own cores instead of competing with the server.
/// It speaks a line protocol: it prints <c>READY connected frequency</c>; then answers <c>COUNT</c> with
/// <c>COUNT n</c> (stage-change events received, all clients) and <c>DUMP</c> with one <c>A client dealId timestamp</c>
/// line per arrival and <c>END</c>; <c>QUIT</c> or end of input stops it. Timestamps are <see cref="Stopwatch"/>
/// ticks, which on Linux are CLOCK_MONOTONIC and so comparable between processes.
/// </summary>
public static class HubListenCommand
{
    public const string Name = "hub-listen";

    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var url = new Uri(args.RequiredText("url"));
        var key = args.RequiredText("key");
        var count = args.Number("clients", 1, 10_000) ?? throw new UsageException("--clients is required.");
        var batch = args.Number("batch", 1, 1_000) ?? 50;
        var lifetime = TimeSpan.FromSeconds(args.Number("lifetime", 10, 7_200) ?? 1_800);
        args.EnsureAllRead();

        // Never outlive the parent by long, whatever happens to its pipe.
        using var life = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        life.CancelAfter(lifetime);
        var clients = await LiveClient.ConnectManyAsync(url, key, count, batch, life.Token);
        try
        {
            var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            await Answer(output, $"READY {clients.Count} {Stopwatch.Frequency}");
            while (await Console.In.ReadLineAsync(life.Token) is { } command && command != "QUIT")
            {
                switch (command)
                {
                    case "COUNT":
                        await Answer(output, $"COUNT {clients.Sum(c => StageChanges(c).Count())}");
                        break;
                    case "DUMP":
                        for (var i = 0; i < clients.Count; i++)
                        {
                            foreach (var (eventKey, at) in StageChanges(clients[i]))
                            {
                                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A {i} {eventKey.DealId} {at}"));
                            }
                        }

                        await Answer(output, "END");
                        break;
                    default:
                        await Answer(output, $"ERROR unknown command '{command}'");
                        break;
                }
            }

            return 0;
        }
        finally
        {
            await LiveClient.DisposeAllAsync(clients);
        }
    }

    private static IEnumerable<(EventKey Key, long At)> StageChanges(LiveClient client) =>
        client.Arrivals.Where(a => a.Key.Kind == LiveEventKinds.DealStageChanged).Select(a => (a.Key, a.Value));

    private static async Task Answer(StreamWriter output, string line)
    {
        await output.WriteLineAsync(line);
        await output.FlushAsync();
    }
}
