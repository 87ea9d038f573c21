using SalesOps.Shared.Domain;

namespace SalesOps.Bench;

/// <summary>Who belongs where in a generated company: reps are dealt round-robin to teams, two territories per team.</summary>
public sealed class CompanyShape
{
    private readonly List<int>[] _repsByTeam;

    public CompanyShape(int teams, int reps, int accounts)
    {
        Teams = teams;
        Reps = reps;
        Accounts = accounts;
        _repsByTeam = Enumerable.Range(0, teams + 1).Select(_ => new List<int>()).ToArray();
        for (var rep = 1; rep <= reps; rep++)
        {
            _repsByTeam[TeamOf(rep)].Add(rep);
        }

        RepChannel = new SalesChannel[reps + 1];
        AccountOwner = new int[accounts + 1];
        AccountName = new string[accounts + 1];
    }

    public int Teams { get; }
    public int Reps { get; }
    public int Accounts { get; }
    public int Territories => Teams * 2;

    /// <summary>Indexed by rep id; filled as reps are generated.</summary>
    public SalesChannel[] RepChannel { get; }

    /// <summary>Indexed by account id; filled as accounts are generated.</summary>
    public int[] AccountOwner { get; }

    /// <summary>Indexed by account id; filled as accounts are generated.</summary>
    public string[] AccountName { get; }

    public int TeamOf(int rep) => (rep - 1) % Teams + 1;

    public int TeamOfTerritory(int territory) => (territory - 1) / 2 + 1;

    public IReadOnlyList<int> RepsOf(int team) => _repsByTeam[team];
}
