namespace SalesOps.Shared.Kpis;

/// <summary>Open deals of one stage at one probability: the grain the database groups by.</summary>
public readonly record struct StageSlice(int StageId, int Probability, int Count, decimal Amount);

/// <summary>Count, amount and probability-weighted amount of a stage's open deals.</summary>
public sealed record StageTotals(int StageId, int Count, decimal Amount, decimal WeightedAmount);

public sealed record PipelineTotals(IReadOnlyList<StageTotals> Stages)
{
    public int Count => Stages.Sum(s => s.Count);
    public decimal Amount => Stages.Sum(s => s.Amount);
    public decimal WeightedAmount => Stages.Sum(s => s.WeightedAmount);
}

public static class PipelineCalculator
{
    /// <summary>
    /// Weighted amount = Σ amount × probability ÷ 100, per deal. Slices are summed per stage in
    /// <paramref name="stageOrder"/>; stages without deals appear with zeros so boards always show every column.
    /// </summary>
    public static PipelineTotals Summarize(IEnumerable<StageSlice> slices, IEnumerable<int> stageOrder)
    {
        var byStage = new Dictionary<int, (int Count, decimal Amount, decimal Weighted)>();
        foreach (var slice in slices)
        {
            var probability = Math.Clamp(slice.Probability, 0, 100);
            byStage.TryGetValue(slice.StageId, out var t);
            byStage[slice.StageId] = (t.Count + slice.Count, t.Amount + slice.Amount, t.Weighted + slice.Amount * probability / 100m);
        }

        var stages = stageOrder
            .Select(id => byStage.TryGetValue(id, out var t)
                ? new StageTotals(id, t.Count, t.Amount, decimal.Round(t.Weighted, 2))
                : new StageTotals(id, 0, 0, 0))
            .ToList();
        return new PipelineTotals(stages);
    }
}
