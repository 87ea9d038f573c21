using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace SalesOps.Bench;

/// <summary>Resident memory of a process, in MiB, as Linux reports it.</summary>
public sealed record MemoryUse(double RssMiB, double PeakRssMiB);

/// <summary>
/// SalesOps.Web running as a child process (<c>dotnet SalesOps.Web.dll</c> from its build output) on a free loopback
/// port, with its database and key ring in <see cref="DataDirectory"/>. Stopping sends SIGTERM for a graceful
/// shutdown and kills the process tree if that takes too long.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    public const string ReadyPath = "/account/login";
    public const string ProductionEnvironment = "Production";
    public const string DevelopmentEnvironment = "Development";
    private const int OutputLines = 200;
    private const int SigTerm = 15;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri baseAddress, string dataDirectory, string databasePath)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        DatabasePath = databasePath;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public string DatabasePath { get; }

    public int ProcessId => _process.Id;

    /// <summary>The last lines the app wrote, for error messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the app and waits until <see cref="ReadyPath"/> answers 200; returns the app and how long that took.</summary>
    /// <param name="seedDemoCompany">Passed to the app's SalesOps:SeedDemoCompany setting.</param>
    public static Task<(AppProcess App, TimeSpan StartTime)> StartAsync(
        string webDll, string dataDirectory, bool seedDemoCompany, TimeSpan timeout, CancellationToken cancellationToken) =>
        StartAsync(webDll, dataDirectory, Path.Combine(dataDirectory, "salesops.db"), seedDemoCompany, ProductionEnvironment, timeout, cancellationToken);

    /// <summary>The same, on a database file outside <paramref name="dataDirectory"/> (e.g. a generated company kept between runs).</summary>
    /// <param name="environmentName">
    /// <see cref="ProductionEnvironment"/> for measurements; see <see cref="EnvironmentForBrowsers"/> when a browser needs the static assets.
    /// </param>
    public static async Task<(AppProcess App, TimeSpan StartTime)> StartAsync(
        string webDll, string dataDirectory, string databasePath, bool seedDemoCompany, string environmentName, TimeSpan timeout, CancellationToken cancellationToken,
        Uri? baseAddress = null)
    {
        if (!File.Exists(webDll))
        {
            throw new FileNotFoundException($"The app is not built: {webDll}. Build the bench with -c Release first.", webDll);
        }

        baseAddress ??= new Uri($"http://127.0.0.1:{FreePort()}");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { webDll },
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = environmentName;
        startInfo.Environment["DOTNET_ENVIRONMENT"] = environmentName;
        startInfo.Environment["ConnectionStrings__SalesOps"] = $"Data Source={Path.GetFullPath(databasePath)}";
        startInfo.Environment["SalesOps__DataProtectionKeysPath"] = Path.Combine(dataDirectory, "keys");
        startInfo.Environment["SalesOps__SeedDemoCompany"] = seedDemoCompany ? "true" : "false";
        // The bench measures the app at full speed; the API's per-key rate limit would measure the limit instead.
        startInfo.Environment["SalesOps__RateLimits__Api__PermitLimit"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, baseAddress, dataDirectory, Path.GetFullPath(databasePath));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync(timeout, cancellationToken);
            return (app, clock.Elapsed);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The environment to run <paramref name="webDll"/> in when a browser must load its scripts and styles. A build
    /// output (unlike a publish output) has no wwwroot folder: its static assets live in the project, the npm and
    /// NuGet folders, and only the Development environment reads the manifest that maps them. In Production such
    /// an app answers every asset with an empty 200, so Blazor's script never runs.
    /// </summary>
    public static string EnvironmentForBrowsers(string webDll) =>
        Directory.Exists(Path.Combine(Path.GetDirectoryName(webDll)!, "wwwroot")) ? ProductionEnvironment : DevelopmentEnvironment;

    /// <summary>VmRSS and VmHWM from /proc; null where /proc is not available.</summary>
    public MemoryUse? ReadMemory()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        double Kb(string key) => File.ReadLines(status)
            .Where(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .FirstOrDefault();
        return new MemoryUse(Kb("VmRSS") / 1024, Kb("VmHWM") / 1024);
    }

    /// <summary>SIGKILL, as a power cut or an OOM kill would end it: no shutdown, circuits and sockets just vanish.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        if (!OperatingSystem.IsWindows() && Kill(_process.Id, SigTerm) == 0)
        {
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                // Did not shut down in time: fall through to killing it.
            }
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        var last = "no answer";
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(ReadyPath, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message; // not listening yet
            }

            await Task.Delay(10, cancellationToken);
        }

        throw new TimeoutException($"GET {ReadyPath} did not answer 200 within {timeout.TotalSeconds:0} s (last: {last}):{Environment.NewLine}{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
