using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Pipeline;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Pipeline;
using SalesOps.Web.Live;

namespace SalesOps.Bench;

/// <param name="FirstTotals">The very first totals call: EF model build and query compilation.</param>
/// <param name="ColdLoad">The first board load: staleness medians (then cached for an hour) and the card queries' compilation.</param>
/// <param name="Staleness">The staleness medians computed again on a new cache, with the file in the page cache.</param>
public sealed record ColdCalls(TimeSpan FirstTotals, TimeSpan ColdLoad, TimeSpan Staleness);

/// <summary>
/// The pipeline board's server side in process over one SQLite file: the app's <see cref="PipelineBoardService"/>,
/// <see cref="StalenessCache"/> and <see cref="LiveEventBus"/> wired as the app wires them. Opening it makes the cold
/// calls; <see cref="Call"/> gives a case's call to time.
/// </summary>
public sealed class PipelineTiming : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly SqlCapture _capture;
    private readonly PipelineBoardService _board;
    private readonly LiveEventBus _bus;
    private readonly DateOnly _today;

    /// <summary>Above any sequence the database has, so the bench's change events are always "newer".</summary>
    private long _sequence = 1L << 40;

    private PipelineTiming(ServiceProvider provider, SqlCapture capture)
    {
        _provider = provider;
        _capture = capture;
        _board = provider.GetRequiredService<PipelineBoardService>();
        _bus = provider.GetRequiredService<LiveEventBus>();
        _today = InProcessServices.Today(provider);
    }

    public ColdCalls Cold { get; private set; } = default!;

    public static async Task<PipelineTiming> OpenAsync(string dbPath, CancellationToken cancellationToken)
    {
        var capture = new SqlCapture();
        var provider = await InProcessServices.BuildAsync(
            dbPath,
            s => s.AddLogging().AddSingleton<LiveEventBus>().AddSingleton<StalenessCache>().AddSingleton<PipelineBoardService>(),
            o => o.AddInterceptors(capture),
            cancellationToken);
        var timing = new PipelineTiming(provider, capture);
        try
        {
            var vp = new Actor("bench", Roles.VP);
            var board = timing._board;
            var firstTotals = await CallTiming.OnceAsync(ct => board.TotalsAsync(vp, BoardFilter.Default, timing._today, ct), cancellationToken);
            var coldLoad = await CallTiming.OnceAsync(ct => board.LoadAsync(vp, BoardFilter.Default, timing._today, cancellationToken: ct), cancellationToken);
            var fresh = new StalenessCache(provider.GetRequiredService<IDbContextFactory<SalesOpsDbContext>>(), TimeProvider.System);
            timing.Cold = new ColdCalls(firstTotals, coldLoad, await CallTiming.OnceAsync(fresh.GetAsync, cancellationToken));
            return timing;
        }
        catch
        {
            await timing.DisposeAsync();
            throw;
        }
    }

    /// <summary>The queries one read of the case sends (a refresh's shared read is one read of its scope and filter).</summary>
    public async Task<IReadOnlyList<CapturedSql>> CaptureAsync(PipelineCase @case, CancellationToken cancellationToken)
    {
        _capture.Take();
        _capture.Capturing = true;
        try
        {
            await (@case.Call == PipelineCall.Totals
                ? (Task)_board.TotalsAsync(@case.Actor, @case.Filter, _today, cancellationToken)
                : _board.ReadAsync(@case.Actor, @case.Filter, _today, cancellationToken: cancellationToken));
        }
        finally
        {
            _capture.Capturing = false;
        }

        return _capture.Take();
    }

    public Func<CancellationToken, Task> Call(PipelineCase @case) => @case.Call switch
    {
        PipelineCall.Totals => ct => _board.TotalsAsync(@case.Actor, @case.Filter, _today, ct),
        PipelineCall.Read => ct => _board.ReadAsync(@case.Actor, @case.Filter, _today, cancellationToken: ct),
        _ => ct =>
        {
            // What a move does to every open board: a newer event on the bus, then each board reloads.
            _bus.Publish(new LiveEvent { Sequence = ++_sequence, At = DateTime.UtcNow, Kind = LiveEventKinds.DealStageChanged });
            return Task.WhenAll(@case.Boards!.Select(actor => _board.LoadAsync(actor, @case.Filter, _today, cancellationToken: ct)));
        },
    };

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
