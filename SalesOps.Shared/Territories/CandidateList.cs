namespace SalesOps.Shared.Territories;

/// <summary>
/// Accounts that may still move out of a territory, sorted by potential, with removal and "nearest to a target
/// potential" in logarithmic time (skip pointers with path compression over removed entries), so the balancer stays fast on large
/// territories.
/// </summary>
internal sealed class CandidateList
{
    private readonly int[] _accounts;
    private readonly double[] _potentials;
    private readonly int[] _right; // first alive index ≥ i (Length = none)
    private readonly int[] _left;  // slot s stands for index s − 1, so slot 0 means none

    /// <param name="accounts">Sorted by potential, ascending.</param>
    /// <param name="indexOf">Receives each account's index in this list, for <see cref="Remove"/>.</param>
    public CandidateList(List<int> accounts, double[] potentialOf, int[] indexOf)
    {
        _accounts = [.. accounts];
        _potentials = new double[_accounts.Length];
        for (var i = 0; i < _accounts.Length; i++)
        {
            indexOf[_accounts[i]] = i;
            _potentials[i] = potentialOf[_accounts[i]];
        }

        _right = Enumerable.Range(0, _accounts.Length + 1).ToArray();
        _left = Enumerable.Range(0, _accounts.Length + 1).ToArray();
    }

    private CandidateList(CandidateList original)
    {
        _accounts = original._accounts;
        _potentials = original._potentials;
        _right = (int[])original._right.Clone();
        _left = (int[])original._left.Clone();
    }

    /// <summary>An independent copy: removals from one do not show in the other.</summary>
    public CandidateList Clone() => new(this);

    /// <summary>The potentials of every account the list started with, ascending, removed ones included.</summary>
    public ReadOnlySpan<double> AllPotentials => _potentials;

    public IEnumerable<int> Alive()
    {
        for (var i = FindRight(0); i < _accounts.Length; i = FindRight(i + 1))
        {
            yield return _accounts[i];
        }
    }

    public void Remove(int index)
    {
        _right[index] = index + 1;
        _left[index + 1] = index;
    }

    /// <summary>The alive accounts just below and just above <paramref name="target"/> (−1 when none).</summary>
    public (int Below, int Above) Nearest(double target)
    {
        var low = 0;
        var high = _potentials.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_potentials[middle] < target)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var above = FindRight(low);
        var below = FindLeft(low) - 1;
        return (below >= 0 ? _accounts[below] : -1, above < _accounts.Length ? _accounts[above] : -1);
    }

    private int FindRight(int i) => Root(_right, i);

    // Slot s of _left stands for index s − 1: returns 1 + the last alive index below s (0 when none).
    private int FindLeft(int s) => Root(_left, s);

    private static int Root(int[] next, int i)
    {
        var root = i;
        while (next[root] != root)
        {
            root = next[root];
        }

        while (next[i] != root)
        {
            var following = next[i];
            next[i] = root;
            i = following;
        }

        return root;
    }
}
