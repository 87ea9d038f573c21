using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SalesOps.Bench;

/// <summary>The measurements of one bench command as Markdown: a table of single values and a table of latencies in ms.</summary>
public sealed class Report(string title)
{
    private readonly List<string> _context = [];
    private readonly List<(string Measure, string Value)> _values = [];
    private readonly List<(string Measure, Percentiles Timing, LatencyGoal? Goal)> _latencies = [];
    private readonly List<string> _notes = [];
    private readonly List<(string Title, string Body)> _details = [];

    public Report Context(string line)
    {
        _context.Add(line);
        return this;
    }

    public void Value(string measure, string value) => _values.Add((measure, value));

    /// <param name="goal">When given, the table gets a Goal column saying whether it was met.</param>
    public void Latency(string measure, Percentiles timing, LatencyGoal? goal = null) => _latencies.Add((measure, timing, goal));

    public void Note(string line) => _notes.Add(line);

    /// <summary>A block of preformatted text after the tables (SQL, query plans), under a bold title.</summary>
    public void Detail(string title, string body) => _details.Add((title, body.TrimEnd()));

    public static string Ms(TimeSpan time) => Ms(time.TotalMilliseconds);

    public static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms.ToString(ms < 10 ? "0.00" : ms < 100 ? "0.0" : "#,0", CultureInfo.InvariantCulture) + " ms";

    public static string MiB(double mib) => mib.ToString("#,0", CultureInfo.InvariantCulture) + " MiB";

    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Cores, OS, runtime and load: numbers from different machines, or from a busy one, are not comparable.</summary>
    public Report WithMachine() => Context(
        $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · {RuntimeInformation.OSDescription} · " +
        $".NET {Environment.Version} · {BenchPaths.Configuration} build{LoadAverage()}");

    /// <summary>The 1/5/15-minute load averages before the bench started; a busy machine skews every number.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $" · load average {string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "";

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine();
        foreach (var line in _context)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }

        if (_values.Count > 0)
        {
            md.AppendLine().AppendLine("| Measure | Value |").AppendLine("|---|---:|");
            foreach (var (measure, value) in _values)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {measure} | {value} |");
            }
        }

        if (_latencies.Count > 0)
        {
            var goals = _latencies.Any(l => l.Goal is not null);
            md.AppendLine().AppendLine("| Latency | n | p50 | p95 | p99 | max |" + (goals ? " Goal |" : ""))
                .AppendLine("|---|---:|---:|---:|---:|---:|" + (goals ? "---|" : ""));
            foreach (var (measure, t, goal) in _latencies)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {measure} | {Count(t.Count)} | {Ms(t.P50)} | {Ms(t.P95)} | {Ms(t.P99)} | {Ms(t.Max)} |");
                md.AppendLine(goals ? $" {goal?.Describe(t) ?? ""} |" : "");
            }
        }

        if (_notes.Count > 0)
        {
            md.AppendLine().AppendLine("Notes:");
            foreach (var note in _notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        foreach (var (detailTitle, body) in _details)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**{detailTitle}**").AppendLine().AppendLine("```").AppendLine(body).AppendLine("```");
        }

        return md.ToString();
    }

    /// <summary>Prints the report and writes it to <paramref name="path"/>.</summary>
    public async Task PublishAsync(string path)
    {
        var markdown = ToMarkdown();
        Console.WriteLine();
        Console.Write(markdown);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, markdown);
        Console.WriteLine();
        Console.WriteLine($"Written to {path}");
    }
}
