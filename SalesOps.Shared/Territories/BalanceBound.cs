namespace SalesOps.Shared.Territories;

/// <summary>
/// The lower bound on the best imbalance any plan can reach under a disruption budget.
///
/// <para><b>The problem.</b> Editable territories t = 1..k start at potential B_t; μ = ΣB_t ÷ k never changes. A plan
/// moves at most N movable accounts, each whole, to another editable territory; its deviation is
/// max_t |P_t − μ| (imbalance = deviation ÷ μ).</para>
///
/// <para><b>The relaxation.</b> Let an account be moved fractionally: x_i ∈ [0, 1] of it leaves its territory and that
/// mass may be spread over any territories, with Σ x_i ≤ N. Every real plan is such a fractional plan (x_i ∈ {0, 1}),
/// so the best fractional deviation d* is ≤ the best real one: d* is a lower bound.</para>
///
/// <para><b>Solving it exactly.</b> A deviation d is reachable iff every territory can end in [μ − d, μ + d]:
/// a territory above μ + d must send at least lo_t = B_t − μ − d; territories below μ − d must receive
/// need = Σ (μ − d − B_t)⁺ in total; a sender may go down to μ − d. Receiving costs nothing and no territory needs to
/// both send and receive (re-routing such mass only lowers the cost), so the cheapest cost is
/// min Σ g_t(out_t) subject to lo_t ≤ out_t ≤ min(M_t, B_t − μ + d), Σ out_t ≥ need, where M_t is t's movable mass
/// and g_t(r), the fewest (fractional) accounts carrying mass r out of t, takes t's largest accounts first (fractional
/// knapsack), so g_t is convex and piecewise linear. A convex separable minimum like this is found by starting at
/// lo_t and adding the cheapest marginal mass — always the largest remaining account of any territory. Reachability
/// only gets easier as d grows, so a bisection on d finds d*; the bound returned is the largest d found
/// unreachable (or 0), which is ≤ d*.</para>
///
/// <para><b>Indivisibility.</b> The largest movable account a (potential p) cannot be split in a real plan: it either
/// stays (then it is fixed where it is) or moves whole to some t (then B_h − p, B_t + p, budget N − 1). Every plan
/// falls in one of these k cases, so the smallest of the k relaxed bounds is still a bound — and a much better one
/// when one account is large next to the average (the classic "the largest account alone exceeds the average").
/// With no budget, the same computation is the perfect-split bound: 0 unless locked accounts or that largest account
/// keep some territory away from μ.</para>
/// </summary>
internal static class BalanceBound
{
    public const long Unlimited = long.MaxValue;

    /// <param name="levels">B_t, the potential of each editable territory.</param>
    /// <param name="movableDescending">Potentials of each territory's movable accounts, largest first.</param>
    /// <param name="budget">N, or <see cref="Unlimited"/>.</param>
    /// <returns>A lower bound on the smallest reachable max_t |P_t − μ| (absolute potential, not a fraction).</returns>
    public static double MinDeviation(double[] levels, double[][] movableDescending, long budget)
    {
        var k = levels.Length;
        if (k == 0)
        {
            return 0;
        }

        var mean = levels.Sum() / k;
        var largestTerritory = -1;
        var largest = 0.0;
        for (var t = 0; t < k; t++)
        {
            if (movableDescending[t].Length > 0 && movableDescending[t][0] > largest)
            {
                largest = movableDescending[t][0];
                largestTerritory = t;
            }
        }

        var state = new Relaxation(levels, movableDescending, mean);
        if (largestTerritory < 0 || budget == 0)
        {
            return state.Deviation();
        }

        state.Skip[largestTerritory] = 1;
        var best = state.Solve(budget);
        for (var t = 0; t < k && best > 0; t++)
        {
            if (t == largestTerritory)
            {
                continue;
            }

            state.Base[largestTerritory] -= largest;
            state.Base[t] += largest;
            best = Math.Min(best, state.Solve(budget == Unlimited ? Unlimited : budget - 1));
            state.Base[largestTerritory] += largest;
            state.Base[t] -= largest;
        }

        return best;
    }

    private sealed class Relaxation
    {
        private readonly double[][] _items;
        private readonly double[][] _prefix;
        private readonly double _mean;
        private readonly double _eps;
        private readonly PriorityQueue<int, (double, int)> _marginal = new();
        private readonly int[] _item;
        private readonly double[] _position;
        private readonly double[] _room;

        public Relaxation(double[] levels, double[][] items, double mean)
        {
            Base = (double[])levels.Clone();
            _items = items;
            _mean = mean;
            _eps = 1e-9 * Math.Max(1, Math.Abs(mean));
            Skip = new int[levels.Length];
            _prefix = items.Select(p =>
            {
                var sums = new double[p.Length + 1];
                for (var i = 0; i < p.Length; i++)
                {
                    sums[i + 1] = sums[i] + p[i];
                }

                return sums;
            }).ToArray();
            _item = new int[levels.Length];
            _position = new double[levels.Length];
            _room = new double[levels.Length];
        }

        public double[] Base { get; }

        /// <summary>How many of a territory's largest accounts are fixed (the branched-on account).</summary>
        public int[] Skip { get; }

        public double Deviation() => Base.Max(b => Math.Abs(b - _mean));

        public double Solve(long budget)
        {
            var unreachable = 0.0;
            var reachable = Deviation();
            if (Reachable(0, budget))
            {
                return 0;
            }

            for (var i = 0; i < 200 && reachable - unreachable > 1e-13 * Math.Max(1, Math.Abs(_mean)); i++)
            {
                var middle = (unreachable + reachable) / 2;
                if (Reachable(middle, budget))
                {
                    reachable = middle;
                }
                else
                {
                    unreachable = middle;
                }
            }

            // Leave room for rounding in the sums so the bound never creeps above the true optimum.
            return Math.Max(0, unreachable - _eps);
        }

        private double Movable(int t) => _prefix[t][^1] - _prefix[t][Skip[t]];

        /// <summary>g_t(r): the fewest accounts (fractionally) that carry mass r out of t, largest first.</summary>
        private double Accounts(int t, double mass)
        {
            var prefix = _prefix[t];
            var offset = prefix[Skip[t]];
            var j = LastAtMost(prefix, Skip[t], offset + mass);
            var whole = j - Skip[t];
            var rest = mass - (prefix[j] - offset);
            return j < _items[t].Length && rest > 0 && _items[t][j] > 0 ? whole + rest / _items[t][j] : whole;
        }

        private static int LastAtMost(double[] prefix, int from, double value)
        {
            int low = from, high = prefix.Length - 1;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (prefix[middle] <= value)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return low;
        }

        private bool Reachable(double d, long budget)
        {
            double cost = 0, sent = 0, need = 0;
            for (var t = 0; t < Base.Length; t++)
            {
                var excess = Base[t] - _mean - d;
                if (excess > 0)
                {
                    var movable = Movable(t);
                    if (excess > movable + _eps)
                    {
                        return false;
                    }

                    cost += Accounts(t, Math.Min(excess, movable));
                    sent += excess;
                }

                need += Math.Max(0, _mean - d - Base[t]);
            }

            if (cost > budget + 1e-9)
            {
                return false;
            }

            var extra = need - sent;
            return extra <= _eps || SendMore(d, extra, cost, budget);
        }

        /// <summary>Whether territories can send <paramref name="extra"/> more without any dropping below μ − d, within budget.</summary>
        private bool SendMore(double d, double extra, double cost, long budget)
        {
            if (budget == Unlimited)
            {
                var room = 0.0;
                for (var t = 0; t < Base.Length; t++)
                {
                    room += Math.Max(0, Math.Min(Movable(t), Base[t] - _mean + d) - Math.Max(0, Base[t] - _mean - d));
                }

                return room + _eps >= extra;
            }

            _marginal.Clear();
            for (var t = 0; t < Base.Length; t++)
            {
                var start = Math.Max(0, Base[t] - _mean - d);
                _room[t] = Math.Min(Movable(t), Base[t] - _mean + d) - start;
                _position[t] = _prefix[t][Skip[t]] + start;
                _item[t] = LastAtMost(_prefix[t], Skip[t], _position[t]);
                if (_room[t] > _eps && _item[t] < _items[t].Length && _items[t][_item[t]] > 0)
                {
                    _marginal.Enqueue(t, (-_items[t][_item[t]], t));
                }
            }

            // Cheapest mass first: a unit from an account of potential p costs 1/p of a move.
            while (_marginal.TryDequeue(out var t, out _))
            {
                var j = _item[t];
                var amount = Math.Min(Math.Min(_prefix[t][j + 1] - _position[t], _room[t]), extra);
                cost += amount / _items[t][j];
                extra -= amount;
                _room[t] -= amount;
                _position[t] += amount;
                if (cost > budget + 1e-9)
                {
                    return false;
                }

                if (extra <= _eps)
                {
                    return true;
                }

                if (_room[t] > _eps && j + 1 < _items[t].Length && _items[t][j + 1] > 0)
                {
                    _item[t] = j + 1;
                    _marginal.Enqueue(t, (-_items[t][j + 1], t));
                }
            }

            return false;
        }
    }
}
