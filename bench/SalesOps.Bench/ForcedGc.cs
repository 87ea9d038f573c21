using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace SalesOps.Bench;

/// <summary>
/// A full blocking GC in another .NET process, through its diagnostics port (what <c>dotnet-gcdump</c> does): an
/// EventPipe session with the runtime's GCHeapCollect keyword makes the runtime induce one when it starts. The
/// app needs no endpoint for it.
/// </summary>
public static class ForcedGc
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1, GcHeapCollectKeyword = 0x800000;

    /// <summary>How long the session stays open: the induced GC of a few hundred MiB heap is done well within it.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static async Task CollectAsync(int processId, CancellationToken cancellationToken)
    {
        var client = new DiagnosticsClient(processId);
        using var session = client.StartEventPipeSession(
            new EventPipeProvider(RuntimeProvider, EventLevel.Informational, GcKeyword | GcHeapCollectKeyword), requestRundown: false);
        var drain = session.EventStream.CopyToAsync(Stream.Null, cancellationToken);
        await Task.Delay(Settle, cancellationToken);
        await session.StopAsync(cancellationToken);
        await drain;
    }
}
