using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace SalesOps.Bench;

/// <summary>One arrival of a stage-change event at a hub client of a listener process.</summary>
public readonly record struct Arrival(int Client, int DealId, long At);

/// <summary>The parent's side of a <see cref="HubListenCommand"/> child process: start it, wait for its clients, collect their arrivals.</summary>
public sealed class HubListenerProcess : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _errors = new();

    private HubListenerProcess(Process process, int clients)
    {
        _process = process;
        Clients = clients;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && _errors.Count < 50)
            {
                _errors.Enqueue(line);
            }
        };
        _process.BeginErrorReadLine();
    }

    public int Clients { get; }

    public static HubListenerProcess Start(Uri baseAddress, string apiKey, int clients, int batch)
    {
        var bench = Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("No entry assembly to start as a listener.");
        var startInfo = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            ArgumentList =
            {
                bench, HubListenCommand.Name, "--url", baseAddress.ToString(), "--key", apiKey,
                "--clients", clients.ToString(CultureInfo.InvariantCulture), "--batch", batch.ToString(CultureInfo.InvariantCulture),
            },
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return new HubListenerProcess(Process.Start(startInfo) ?? throw new InvalidOperationException("The listener did not start."), clients);
    }

    /// <summary>Waits for <c>READY</c>; fails with the child's error output if it exits or times out first.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ready = await ReadLineAsync(timeout, cancellationToken);
        var parts = ready?.Split(' ') ?? [];
        if (parts is not ["READY", var connected, var frequency])
        {
            throw new InvalidOperationException($"A hub listener did not get ready (said '{ready}'): {Errors}");
        }

        if (long.Parse(frequency, CultureInfo.InvariantCulture) != Stopwatch.Frequency || int.Parse(connected, CultureInfo.InvariantCulture) != Clients)
        {
            throw new InvalidOperationException($"A hub listener is not comparable: '{ready}' (expected {Clients} clients, frequency {Stopwatch.Frequency}).");
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync("COUNT");
        await _process.StandardInput.FlushAsync(cancellationToken);
        var answer = await ReadLineAsync(AnswerTimeout, cancellationToken);
        return answer is not null && answer.StartsWith("COUNT ", StringComparison.Ordinal)
            ? long.Parse(answer[6..], CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"A hub listener answered '{answer}' to COUNT: {Errors}");
    }

    public async Task<IReadOnlyList<Arrival>> DumpAsync(CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync("DUMP");
        await _process.StandardInput.FlushAsync(cancellationToken);
        List<Arrival> arrivals = [];
        while (await ReadLineAsync(AnswerTimeout, cancellationToken) is { } line && line != "END")
        {
            var parts = line.Split(' ');
            if (parts.Length != 4 || parts[0] != "A")
            {
                throw new InvalidOperationException($"A hub listener dumped '{line}': {Errors}");
            }

            arrivals.Add(new Arrival(
                int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture)));
        }

        return arrivals;
    }

    /// <summary>VmRSS of the listener, for the report: a saturated or bloated client skews the latencies.</summary>
    public double? RssMiB() =>
        File.Exists($"/proc/{_process.Id}/status")
            ? File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
                .Select(l => double.Parse(l[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024).FirstOrDefault()
            : null;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _process.StandardInput.WriteLineAsync("QUIT");
                await _process.StandardInput.FlushAsync();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                await _process.WaitForExitAsync(grace.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private string Errors => _errors.IsEmpty ? "(no error output)" : string.Join(Environment.NewLine, _errors);

    private async Task<string?> ReadLineAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await _process.StandardOutput.ReadLineAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"A hub listener did not answer within {timeout.TotalSeconds:0} s: {Errors}");
        }
    }
}
