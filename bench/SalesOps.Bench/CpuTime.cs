using System.Globalization;

namespace SalesOps.Bench;

/// <summary>
/// CPU time (user + system) of processes, from Linux's /proc: over a measurement it shows who used the cores, e.g.
/// the app's circuits or the browsers' renderers. Zero where /proc is not there.
/// </summary>
public static class CpuTime
{
    /// <summary>USER_HZ, the unit of /proc's CPU times; 100 on every Linux the bench runs on.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan OfProcess(int pid) => TimeSpan.FromSeconds(Ticks($"/proc/{pid}/stat") / TicksPerSecond);

    /// <summary>
    /// Descendants of <paramref name="rootPid"/> whose name starts with <paramref name="namePrefix"/> (e.g. "chrom"
    /// for the browser, GPU and renderer processes the bench's Playwright started, not other people's browsers).
    /// </summary>
    public static TimeSpan OfDescendants(int rootPid, string namePrefix) =>
        TimeSpan.FromSeconds(DescendantIds(rootPid, namePrefix).Sum(pid => Ticks($"/proc/{pid}/stat")) / TicksPerSecond);

    /// <summary>Ids of the descendants of <paramref name="rootPid"/> whose name starts with <paramref name="namePrefix"/>.</summary>
    public static IReadOnlyList<int> DescendantIds(int rootPid, string namePrefix)
    {
        if (!Directory.Exists("/proc"))
        {
            return [];
        }

        var processes = new Dictionary<int, (int Parent, string Name)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Read(Path.Combine(dir, "stat")) is { } stat && Parse(stat) is { } parsed)
            {
                processes[pid] = (parsed.Parent, parsed.Name);
            }
        }

        bool Descends(int pid)
        {
            for (var hops = 0; hops < 64 && processes.TryGetValue(pid, out var entry); hops++, pid = entry.Parent)
            {
                if (entry.Parent == rootPid)
                {
                    return true;
                }
            }

            return false;
        }

        return processes.Where(p => Descends(p.Key) && p.Value.Name.StartsWith(namePrefix, StringComparison.Ordinal)).Select(p => p.Key).ToList();
    }

    private static long Ticks(string statPath) => Read(statPath) is { } stat && Parse(stat) is { } parsed ? parsed.Ticks : 0;

    private static string? Read(string statPath)
    {
        try
        {
            return File.ReadAllText(statPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended meanwhile
        }
    }

    /// <summary>"pid (name) state ppid …": the name, the parent, and utime + stime (the 14th and 15th fields).</summary>
    private static (string Name, int Parent, long Ticks)? Parse(string stat)
    {
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return null;
        }

        var fields = stat[(close + 2)..].Split(' ');
        return (stat[(open + 1)..close], int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }
}
