namespace SalesOps.Shared.Territories;

/// <summary>
/// "Suggest a balanced plan": moves accounts between editable territories so potential (first) and account count
/// (second) even out, within a disruption budget. See <see cref="BalanceScore"/> for the imbalance measured and
/// <see cref="BalanceBound"/> for the lower bound reported next to it.
///
/// The heuristic, deterministic for the same request:
/// <list type="number">
/// <item>Potential: repeatedly take the territory furthest from the average and move to (or from) the territory at
/// the other extreme the account whose potential comes closest to half their difference (or, in the plan sized for
/// counts, to that half divided by half their account-count difference), as long as that strictly narrows the
/// pair; if the extreme partner has none, try the others in order; then try swapping two accounts (two moves).
/// Among accounts that do as well as the best one (or well enough to reach the lower bound), one going back to its
/// region's territory is preferred, then one already away from it, then one leaving it.</item>
/// <item>Account count: while the counts differ by two or more, move the account that narrows the counts without
/// taking any territory outside the potential band already reached.</item>
/// </list>
/// Every account moves at most once, so the plan never moves more accounts than the budget; locked accounts move
/// only when allowed; accounts of territories that are not editable stay, and those territories get none.
/// </summary>
public static class TerritoryBalancer
{
    /// <summary>
    /// Plans twice — once shipping potential in as few accounts as possible, once in accounts sized to also even
    /// out counts — and keeps the plan with the lower imbalance; when the two are within
    /// <see cref="EquallyBalanced"/> of each other, the one with the lower account imbalance.
    /// </summary>
    public static BalancePlan Suggest(BalanceRequest request)
    {
        var fewest = new Planner(request);
        var bound = fewest.LowerBound(request.MaxMoves);
        var unlimited = request.MaxMoves is null ? bound : fewest.LowerBound(null);
        var byCount = fewest.Clone().Run(sizeForCounts: true, bound, unlimited);
        var byPotential = fewest.Run(sizeForCounts: false, bound, unlimited);
        return Math.Abs(byCount.After.Imbalance - byPotential.After.Imbalance) <= EquallyBalanced
            ? byCount.After.AccountImbalance < byPotential.After.AccountImbalance ? byCount : byPotential
            : byCount.After.Imbalance < byPotential.After.Imbalance ? byCount : byPotential;
    }

    /// <summary>Plans whose imbalances differ by less than this (0.1 percentage point) count as equally balanced.</summary>
    public const double EquallyBalanced = 0.001;

    /// <summary>The lower bound on the imbalance of any plan within the request's budget (a fraction of the average).</summary>
    public static double LowerBound(BalanceRequest request) => new Planner(request).LowerBound(request.MaxMoves);

    /// <summary>The imbalance of the territories as they are.</summary>
    public static BalanceScore Score(BalanceRequest request) => new Planner(request).Score();

    private sealed class Planner
    {
        private const int SwapPartners = 3;

        // Swaps look at every account of the sending territory; past this many looks in one plan, stop swapping so a
        // pathological request still plans in bounded time (counted, not timed, to stay deterministic).
        private const long SwapLooks = 50_000_000;

        private readonly BalanceRequest _request;
        private readonly BalanceTerritory[] _editable;
        private readonly int[] _territory; // editable index, or −1 when the account cannot take part
        private readonly int[] _home;      // editable index of the account's region territory, or −1
        private readonly double[] _potential;
        private readonly int[] _id;
        private readonly bool[] _movable;
        private readonly double[] _level;
        private readonly int[] _count;
        private readonly double _mean;
        private readonly double _countMean;
        private readonly double _tolerance;
        private readonly CandidateList[] _native;
        private readonly CandidateList[] _foreign;
        private readonly Dictionary<(int From, int Home), CandidateList> _byHome;
        private readonly int[] _indexInOwnList;
        private readonly int[] _indexInHomeList;
        private readonly List<BalanceMove> _moves = [];
        private long _budgetLeft;
        private long _swapLooks;

        public Planner(BalanceRequest request)
        {
            _request = request;
            if (request.MaxMoves is < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(request), "The disruption budget cannot be negative.");
            }

            var territoryIds = new HashSet<int>();
            foreach (var t in request.Territories)
            {
                if (!territoryIds.Add(t.Id))
                {
                    throw new ArgumentException($"Territory {t.Id} appears twice.", nameof(request));
                }
            }

            _editable = request.Territories.Where(t => t.Editable).ToArray();
            var indexOf = _editable.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var n = request.Accounts.Count;
            _territory = new int[n];
            _home = new int[n];
            _potential = new double[n];
            _id = new int[n];
            _movable = new bool[n];
            _level = new double[_editable.Length];
            _count = new int[_editable.Length];
            var accountIds = new HashSet<int>();
            for (var a = 0; a < n; a++)
            {
                var account = request.Accounts[a];
                if (!accountIds.Add(account.Id))
                {
                    throw new ArgumentException($"Account {account.Id} appears twice.", nameof(request));
                }

                if (!territoryIds.Contains(account.TerritoryId))
                {
                    throw new ArgumentException($"Account {account.Id} is in territory {account.TerritoryId}, which is not in the request.", nameof(request));
                }

                if (!double.IsFinite(account.Potential) || account.Potential < 0)
                {
                    throw new ArgumentException($"Account {account.Id} has potential {account.Potential}; it must be a number ≥ 0.", nameof(request));
                }

                _id[a] = account.Id;
                _potential[a] = account.Potential;
                _territory[a] = indexOf.GetValueOrDefault(account.TerritoryId, -1);
                _home[a] = account.RegionTerritoryId is { } home ? indexOf.GetValueOrDefault(home, -1) : -1;
                _movable[a] = _territory[a] >= 0 && (!account.Locked || request.AllowLocked);
                if (_territory[a] >= 0)
                {
                    _level[_territory[a]] += account.Potential;
                    _count[_territory[a]]++;
                }
            }

            var k = Math.Max(1, _editable.Length);
            _mean = _level.Sum() / k;
            _countMean = (double)_count.Sum() / k;
            _tolerance = 1e-9 * Math.Max(1, _mean);

            _indexInOwnList = new int[n];
            _indexInHomeList = new int[n];
            var native = _editable.Select(_ => new List<int>()).ToArray();
            var foreign = _editable.Select(_ => new List<int>()).ToArray();
            var byHome = new Dictionary<(int, int), List<int>>();
            var byPotential = Enumerable.Range(0, n).Where(a => _movable[a]).ToArray();
            Array.Sort(byPotential, new PotentialThenId(_potential, _id));
            foreach (var a in byPotential)
            {
                var t = _territory[a];
                if (_home[a] == t)
                {
                    native[t].Add(a);
                }
                else
                {
                    foreign[t].Add(a);
                    if (_home[a] >= 0)
                    {
                        (byHome.TryGetValue((t, _home[a]), out var list) ? list : byHome[(t, _home[a])] = []).Add(a);
                    }
                }
            }

            _native = native.Select(l => new CandidateList(l, _potential, _indexInOwnList)).ToArray();
            _foreign = foreign.Select(l => new CandidateList(l, _potential, _indexInOwnList)).ToArray();
            _byHome = byHome.ToDictionary(e => e.Key, e => new CandidateList(e.Value, _potential, _indexInHomeList));
        }

        /// <summary>A planner for the same request, as yet unplanned, sharing what planning does not change.</summary>
        private Planner(Planner original)
        {
            _request = original._request;
            _editable = original._editable;
            _territory = (int[])original._territory.Clone();
            _home = original._home;
            _potential = original._potential;
            _id = original._id;
            _movable = original._movable;
            _level = (double[])original._level.Clone();
            _count = (int[])original._count.Clone();
            _mean = original._mean;
            _countMean = original._countMean;
            _tolerance = original._tolerance;
            _native = original._native.Select(l => l.Clone()).ToArray();
            _foreign = original._foreign.Select(l => l.Clone()).ToArray();
            _byHome = original._byHome.ToDictionary(e => e.Key, e => e.Value.Clone());
            _indexInOwnList = original._indexInOwnList;
            _indexInHomeList = original._indexInHomeList;
        }

        /// <summary>Call before <see cref="Run"/> changes this one.</summary>
        public Planner Clone() => new(this);

        public BalanceScore Score() => new(Fraction(Deviation()), CountFraction());

        public double LowerBound(int? maxMoves)
        {
            var descending = new double[_editable.Length][];
            for (var t = 0; t < descending.Length; t++)
            {
                descending[t] = MergeDescending(_native[t].AllPotentials, _foreign[t].AllPotentials);
            }

            return Fraction(BalanceBound.MinDeviation(_level, descending, maxMoves ?? BalanceBound.Unlimited));
        }

        private static double[] MergeDescending(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            var merged = new double[a.Length + b.Length];
            int i = a.Length - 1, j = b.Length - 1;
            for (var o = 0; o < merged.Length; o++)
            {
                merged[o] = j < 0 || (i >= 0 && a[i] >= b[j]) ? a[i--] : b[j--];
            }

            return merged;
        }

        public BalancePlan Run(bool sizeForCounts, double bound, double unlimited)
        {
            var before = Score();
            var levelsBefore = (double[])_level.Clone();
            var countsBefore = (int[])_count.Clone();
            _budgetLeft = _request.MaxMoves ?? long.MaxValue;

            BalancePotential(bound * _mean, sizeForCounts);
            BalanceCounts();

            var editableIndex = _editable.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var fixedLevels = _request.Territories.Where(t => !t.Editable).ToDictionary(t => t.Id, _ => (Potential: 0.0, Accounts: 0));
            foreach (var account in _request.Accounts)
            {
                if (fixedLevels.TryGetValue(account.TerritoryId, out var load))
                {
                    fixedLevels[account.TerritoryId] = (load.Potential + account.Potential, load.Accounts + 1);
                }
            }

            var loads = _request.Territories.Select(t => editableIndex.TryGetValue(t.Id, out var i)
                    ? new TerritoryLoad(t.Id, t.Name, true, levelsBefore[i], _level[i], countsBefore[i], _count[i])
                    : new TerritoryLoad(t.Id, t.Name, false, fixedLevels[t.Id].Potential, fixedLevels[t.Id].Potential, fixedLevels[t.Id].Accounts, fixedLevels[t.Id].Accounts))
                .ToList();
            return new BalancePlan(_moves, before, Score(), bound, unlimited, _request.MaxMoves, loads);
        }

        private void BalancePotential(double boundDeviation, bool sizeForCounts)
        {
            while (_budgetLeft > 0 && _editable.Length > 1)
            {
                var (over, under) = Extremes(_level);
                var overBy = _level[over] - _mean;
                var underBy = _mean - _level[under];
                if (Math.Max(overBy, underBy) <= boundDeviation + _tolerance)
                {
                    return; // nothing within the budget can do better
                }

                var fromOver = overBy >= underBy;
                var critical = fromOver ? over : under;
                var reason = fromOver ? MoveReason.SourceOverAverage : MoveReason.TargetUnderAverage;
                var partners = Partners(critical, fromOver, fromOver ? under : over);
                var moved = false;
                foreach (var partner in partners)
                {
                    var (from, to) = fromOver ? (critical, partner) : (partner, critical);
                    if (BestMove(from, to, boundDeviation, sizeForCounts) is { } account)
                    {
                        Move(account, to, reason, critical);
                        moved = true;
                        break;
                    }
                }

                if (!moved && _budgetLeft >= 2 && _swapLooks < SwapLooks)
                {
                    foreach (var partner in Partners(critical, fromOver, fromOver ? under : over).Take(SwapPartners))
                    {
                        var (from, to) = fromOver ? (critical, partner) : (partner, critical);
                        if (BestSwap(from, to) is { } swap)
                        {
                            Move(swap.Out, to, MoveReason.Swap, critical, swap.In);
                            Move(swap.In, from, MoveReason.Swap, critical, swap.Out, percentAlreadyRecorded: true);
                            moved = true;
                            break;
                        }
                    }
                }

                if (!moved)
                {
                    return;
                }
            }
        }

        private void BalanceCounts()
        {
            var counts = new double[_count.Length];
            while (_budgetLeft > 0 && _editable.Length > 1)
            {
                for (var t = 0; t < counts.Length; t++)
                {
                    counts[t] = _count[t];
                }

                var (most, fewest) = Extremes(counts);
                if (_count[most] - _count[fewest] <= 1)
                {
                    return;
                }

                var band = Deviation();
                var pairs = Partners(most, fromOver: true, fewest, counts).Where(t => _count[t] <= _count[most] - 2).Select(t => (most, t))
                    .Concat(Partners(fewest, fromOver: false, most, counts).Where(t => t != most && _count[t] >= _count[fewest] + 2).Select(t => (t, fewest)));
                var moved = false;
                foreach (var (from, to) in pairs)
                {
                    if (CountMove(from, to, band) is { } account)
                    {
                        var driver = _count[from] - _countMean >= _countMean - _count[to] ? from : to;
                        Move(account, to, MoveReason.AccountCount, driver);
                        moved = true;
                        break;
                    }
                }

                if (!moved)
                {
                    return;
                }
            }
        }

        /// <summary>
        /// The other editable territories from the opposite extreme inwards, lazily: the extreme one first, the rest
        /// sorted only when it did not do.
        /// </summary>
        private IEnumerable<int> Partners(int critical, bool fromOver, int extreme, double[]? values = null)
        {
            yield return extreme;
            values ??= _level;
            var order = Enumerable.Range(0, _editable.Length).Where(t => t != critical && t != extreme).ToList();
            order.Sort((a, b) => values[a] != values[b] ? (fromOver ? values[a].CompareTo(values[b]) : values[b].CompareTo(values[a])) : a.CompareTo(b));
            foreach (var t in order)
            {
                yield return t;
            }
        }

        private static (int Max, int Min) Extremes(double[] values)
        {
            int max = 0, min = 0;
            for (var t = 1; t < values.Length; t++)
            {
                if (values[t] > values[max])
                {
                    max = t;
                }

                if (values[t] < values[min])
                {
                    min = t;
                }
            }

            return (max, min);
        }

        /// <param name="sizeForCounts">
        /// Aim for the account size that would ship half the potential gap in half the account-count gap, rather than
        /// in one account, when the sender also has more accounts than the receiver.
        /// </param>
        private int? BestMove(int from, int to, double boundDeviation, bool sizeForCounts)
        {
            var target = (_level[from] - _level[to]) / 2;
            if (target <= 0)
            {
                return null;
            }

            var surplus = (_count[from] - _count[to]) / 2.0;
            if (sizeForCounts && surplus >= 1)
            {
                target /= surplus;
            }

            var before = Math.Max(Math.Abs(_level[from] - _mean), Math.Abs(_level[to] - _mean));
            var lists = CandidatesOf(from, to);
            var best = new (int Account, double After)[lists.Length];
            var bestAfter = double.PositiveInfinity;
            for (var c = 0; c < lists.Length; c++)
            {
                best[c] = (-1, double.PositiveInfinity);
                if (lists[c] is not { } list)
                {
                    continue;
                }

                var (below, above) = list.Nearest(target);
                foreach (var a in (ReadOnlySpan<int>)[above, below])
                {
                    if (a >= 0 && PairDeviation(from, to, _potential[a]) is var after && after < best[c].After)
                    {
                        best[c] = (a, after);
                    }
                }

                bestAfter = Math.Min(bestAfter, best[c].After);
            }

            if (!(bestAfter < before - _tolerance))
            {
                return null;
            }

            // As good as the best, or good enough that nothing could do better: prefer keeping regions together.
            var goodEnough = Math.Max(bestAfter, boundDeviation) + _tolerance;
            return best.First(b => b.Account >= 0 && b.After <= goodEnough && b.After < before - _tolerance).Account;
        }

        private int? CountMove(int from, int to, double band)
        {
            var most = Math.Min(_level[from] - _mean + band, _mean + band - _level[to]);
            if (most < 0)
            {
                return null;
            }

            var target = Math.Clamp((_level[from] - _level[to]) / 2, 0, most);
            foreach (var list in CandidatesOf(from, to))
            {
                if (list is null)
                {
                    continue;
                }

                var (below, above) = list.Nearest(target);
                if (above >= 0 && _potential[above] > most + _tolerance)
                {
                    above = -1;
                }

                if (below >= 0 || above >= 0)
                {
                    return below < 0 || (above >= 0 && _potential[above] - target < target - _potential[below]) ? above : below;
                }
            }

            return null;
        }

        private (int Out, int In)? BestSwap(int from, int to)
        {
            var shift = (_level[from] - _level[to]) / 2;
            if (shift <= 0)
            {
                return null;
            }

            var before = Math.Max(Math.Abs(_level[from] - _mean), Math.Abs(_level[to] - _mean));
            (int Out, int In, double After) best = (-1, -1, before - _tolerance);
            foreach (var outgoing in _native[from].Alive().Concat(_foreign[from].Alive()))
            {
                _swapLooks++;
                foreach (var list in (ReadOnlySpan<CandidateList>)[_native[to], _foreign[to]])
                {
                    var (below, above) = list.Nearest(_potential[outgoing] - shift);
                    foreach (var incoming in (ReadOnlySpan<int>)[above, below])
                    {
                        if (incoming < 0 || _potential[incoming] >= _potential[outgoing])
                        {
                            continue;
                        }

                        var after = PairDeviation(from, to, _potential[outgoing] - _potential[incoming]);
                        if (after < best.After)
                        {
                            best = (outgoing, incoming, after);
                        }
                    }
                }
            }

            return best.Out >= 0 ? (best.Out, best.In) : null;
        }

        /// <summary>Where to look for an account leaving <paramref name="from"/> for <paramref name="to"/>, best for regions first.</summary>
        private CandidateList?[] CandidatesOf(int from, int to) =>
            [_byHome.GetValueOrDefault((from, to)), _foreign[from], _native[from]];

        private double PairDeviation(int from, int to, double shift) =>
            Math.Max(Math.Abs(_level[from] - shift - _mean), Math.Abs(_level[to] + shift - _mean));

        private void Move(int account, int to, MoveReason reason, int driver, int swappedWith = -1, bool percentAlreadyRecorded = false)
        {
            var from = _territory[account];
            var percent = percentAlreadyRecorded
                ? _moves[^1].DriverPercentFromAverage
                : reason == MoveReason.AccountCount
                    ? Percent(_count[driver], _countMean)
                    : Percent(_level[driver], _mean);

            (_home[account] == from ? _native[from] : _foreign[from]).Remove(_indexInOwnList[account]);
            if (_home[account] >= 0 && _home[account] != from)
            {
                _byHome[(from, _home[account])].Remove(_indexInHomeList[account]);
            }

            _level[from] -= _potential[account];
            _level[to] += _potential[account];
            _count[from]--;
            _count[to]++;
            _territory[account] = to;
            _budgetLeft--;

            var source = _request.Accounts[account];
            var other = swappedWith >= 0 ? _request.Accounts[swappedWith] : null;
            var contiguity = _home[account] == to ? ContiguityEffect.JoinsRegionTerritory
                : _home[account] == from ? ContiguityEffect.LeavesRegionTerritory
                : ContiguityEffect.Neutral;
            _moves.Add(new BalanceMove(
                source.Id, source.Name, source.Potential,
                _editable[from].Id, _editable[from].Name, _editable[to].Id, _editable[to].Name,
                reason, _editable[driver].Id, _editable[driver].Name, percent, contiguity, other?.Id, other?.Name));
        }

        private double Deviation() => _level.Length == 0 ? 0 : _level.Max(l => Math.Abs(l - _mean));

        private double CountFraction() =>
            _count.Length == 0 || _countMean == 0 ? 0 : _count.Max(c => Math.Abs(c - _countMean)) / _countMean;

        private double Fraction(double deviation) => _mean > 0 ? deviation / _mean : 0;

        private static double Percent(double value, double mean) => mean > 0 ? (value - mean) / mean * 100 : 0;
    }

    private sealed class PotentialThenId(double[] potential, int[] id) : IComparer<int>
    {
        public int Compare(int a, int b) => potential[a] != potential[b] ? potential[a].CompareTo(potential[b]) : id[a].CompareTo(id[b]);
    }
}
