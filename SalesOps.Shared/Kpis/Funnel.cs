namespace SalesOps.Shared.Kpis;

/// <summary>A deal entering a stage, from its stage history.</summary>
public readonly record struct StageVisit(int StageId, DateTime EnteredAt);

/// <summary>One stage of the funnel.</summary>
/// <param name="Reached">Deals that got to this stage or past it (a deal that skipped it still passed it).</param>
/// <param name="Advanced">Of those, the deals that got to the next stage or past it (for the last open stage: won).</param>
/// <param name="Conversion">Advanced ÷ reached, 0–1; null when no deal reached the stage.</param>
/// <param name="AvgDaysInStage">Mean days from entering the stage to the next change, over stays that ended.</param>
public sealed record FunnelStage(int StageId, int Reached, int Advanced, double? Conversion, double? AvgDaysInStage, int Stays);

/// <summary>
/// Stage-to-stage conversion and time in stage, learned from deals' stage histories. Feed it each deal's visits in
/// time order (<see cref="Add"/>), then read <see cref="Stages"/>. Memory stays flat: it keeps counts, not deals.
/// </summary>
public sealed class FunnelCalculator
{
    private readonly IReadOnlyList<int> _openStages;
    private readonly int _wonId;
    private readonly Dictionary<int, int> _orderOf;
    private readonly int[] _furthest;
    private int _won;
    private readonly double[] _days;
    private readonly int[] _stays;

    /// <param name="openStages">The open stages in pipeline order.</param>
    /// <param name="wonId">The won stage; a won deal has passed every open stage.</param>
    public FunnelCalculator(IReadOnlyList<int> openStages, int wonId)
    {
        _openStages = openStages;
        _wonId = wonId;
        _orderOf = openStages.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        _furthest = new int[openStages.Count];
        _days = new double[openStages.Count];
        _stays = new int[openStages.Count];
    }

    public int Deals { get; private set; }

    public void Add(IReadOnlyList<StageVisit> visits)
    {
        if (visits.Count == 0)
        {
            return;
        }

        Deals++;
        var furthest = -1;
        var won = false;
        for (var i = 0; i < visits.Count; i++)
        {
            var visit = visits[i];
            if (visit.StageId == _wonId)
            {
                won = true;
            }

            if (!_orderOf.TryGetValue(visit.StageId, out var order))
            {
                continue;
            }

            furthest = Math.Max(furthest, order);
            if (i + 1 < visits.Count)
            {
                _days[order] += Math.Max(0, (visits[i + 1].EnteredAt - visit.EnteredAt).TotalDays);
                _stays[order]++;
            }
        }

        if (won)
        {
            _won++;
        }
        else if (furthest >= 0)
        {
            _furthest[furthest]++;
        }
    }

    public IReadOnlyList<FunnelStage> Stages
    {
        get
        {
            // Reached(i) = won deals + deals whose furthest open stage is i or later.
            var reached = new int[_openStages.Count + 1];
            reached[_openStages.Count] = _won;
            for (var i = _openStages.Count - 1; i >= 0; i--)
            {
                reached[i] = reached[i + 1] + _furthest[i];
            }

            return _openStages.Select((id, i) => new FunnelStage(
                    id,
                    reached[i],
                    reached[i + 1],
                    reached[i] == 0 ? null : (double)reached[i + 1] / reached[i],
                    _stays[i] == 0 ? null : _days[i] / _stays[i],
                    _stays[i]))
                .ToList();
        }
    }
}
