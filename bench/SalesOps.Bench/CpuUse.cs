using System.Diagnostics;
using System.Globalization;

namespace SalesOps.Bench;

/// <summary>
/// CPU used by the app and by the bench's Chromium over a run of live changes: on a 2-core machine that drives its
/// own browsers, who used the cores explains the latency tail better than the tail itself.
/// </summary>
public sealed class CpuUse
{
    private readonly int _appPid;
    private readonly TimeSpan _app;
    private readonly TimeSpan _browsers;
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    private CpuUse(int appPid)
    {
        _appPid = appPid;
        _app = CpuTime.OfProcess(appPid);
        _browsers = BrowserCpu();
    }

    public static CpuUse Start(int appPid) => new(appPid);

    /// <summary>
    /// CPU used while nothing changes, for <paramref name="window"/>: what open pages cost by just being open (an
    /// animation that never stops, a timer) is paid again by every change measured after it.
    /// </summary>
    public static async Task AddIdleToAsync(Report report, string what, int appPid, TimeSpan window, CancellationToken cancellationToken)
    {
        var idle = Start(appPid);
        await Task.Delay(window, cancellationToken);
        var (app, browsers) = idle.Used();
        report.Value($"{what}: CPU used while idle by the app / by its Chromium (of wall time × cores)",
            string.Create(CultureInfo.InvariantCulture, $"{app.TotalSeconds:0.0} s / {browsers.TotalSeconds:0.0} s (of {window.TotalSeconds:0} s × {Environment.ProcessorCount})"));
    }

    private (TimeSpan App, TimeSpan Browsers) Used() => (CpuTime.OfProcess(_appPid) - _app, BrowserCpu() - _browsers);

    /// <param name="what">The report's row prefix, e.g. "Territory moves".</param>
    /// <param name="changes">Changes made during the run (warm-up included), for the app's CPU per change.</param>
    public void AddTo(Report report, string what, int changes)
    {
        var (app, browsers) = Used();
        report.Value($"{what}: CPU used by the app / by its Chromium (of wall time × cores)",
            string.Create(CultureInfo.InvariantCulture, $"{app.TotalSeconds:0.0} s / {browsers.TotalSeconds:0.0} s (of {_wall.Elapsed.TotalSeconds:0} s × {Environment.ProcessorCount})"));
        report.Value($"{what}: app CPU per change (reads, every circuit's render and push)", Report.Ms(app.TotalMilliseconds / Math.Max(1, changes)));
    }

    /// <summary>Chromium processes under the bench (Playwright's driver starts them): not other people's test browsers.</summary>
    private static TimeSpan BrowserCpu() => CpuTime.OfDescendants(Environment.ProcessId, "chrom");
}
