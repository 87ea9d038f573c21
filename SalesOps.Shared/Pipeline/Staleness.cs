using SalesOps.Shared.Domain;

namespace SalesOps.Shared.Pipeline;

/// <summary>One finished stay of a deal in a stage: how long it sat there before moving on.</summary>
public readonly record struct StageStay(int StageId, SalesChannel Channel, double Days);

/// <summary>
/// A deal is stale when it has sat in its stage longer than comparable deals usually do — the median stay in
/// that stage for deals of the same channel (phone deals move faster than field deals) — or when its expected
/// close date has passed. Closed deals are never stale.
/// </summary>
public sealed class Staleness
{
    /// <summary>Fewer finished stays than this make no trustworthy median; the stage-wide median is used instead.</summary>
    public const int MinimumSample = 20;

    private readonly Dictionary<(int Stage, SalesChannel Channel), double> _byChannel;
    private readonly Dictionary<int, double> _byStage;

    private Staleness(Dictionary<(int, SalesChannel), double> byChannel, Dictionary<int, double> byStage)
    {
        _byChannel = byChannel;
        _byStage = byStage;
    }

    public static readonly Staleness None = new([], []);

    public static Staleness FromHistory(IEnumerable<StageStay> stays)
    {
        var list = stays.ToList();
        var byChannel = list.GroupBy(s => (s.StageId, s.Channel))
            .Where(g => g.Count() >= MinimumSample)
            .ToDictionary(g => g.Key, g => Median(g.Select(s => s.Days)));
        var byStage = list.GroupBy(s => s.StageId)
            .Where(g => g.Count() >= MinimumSample)
            .ToDictionary(g => g.Key, g => Median(g.Select(s => s.Days)));
        return new Staleness(byChannel, byStage);
    }

    /// <summary>The usual stay in days for a stage and channel, or null when history is too thin to say.</summary>
    public double? MedianDays(int stageId, SalesChannel channel) =>
        _byChannel.TryGetValue((stageId, channel), out var m) ? m : _byStage.TryGetValue(stageId, out var s) ? s : null;

    public bool IsStale(int stageId, SalesChannel channel, int daysInStage, DateOnly expectedClose, DateOnly today, bool closed) =>
        !closed && (expectedClose < today || MedianDays(stageId, channel) is { } median && daysInStage > median);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
