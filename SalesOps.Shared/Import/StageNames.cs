namespace SalesOps.Shared.Import;

/// <summary>
/// Maps an export's stage names onto ours: the mapping's own table first, then our names, then the names
/// Salesforce and HubSpot use out of the box.
/// </summary>
public sealed class StageNames
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["CLOSEDWON"] = "Won", ["WON"] = "Won", ["CLOSEDLOST"] = "Lost", ["LOST"] = "Lost",
        ["PROSPECTING"] = "Prospecting", ["APPOINTMENTSCHEDULED"] = "Prospecting", ["NEW"] = "Prospecting", ["LEAD"] = "Prospecting",
        ["QUALIFICATION"] = "Qualification", ["QUALIFIEDTOBUY"] = "Qualification", ["NEEDSANALYSIS"] = "Qualification", ["ENGAGING"] = "Qualification",
        ["PROPOSAL"] = "Proposal", ["VALUEPROPOSITION"] = "Proposal", ["PROPOSALPRICEQUOTE"] = "Proposal", ["PRESENTATIONSCHEDULED"] = "Proposal",
        ["DECISIONMAKERBOUGHTIN"] = "Proposal", ["IDDECISIONMAKERS"] = "Qualification", ["PERCEPTIONANALYSIS"] = "Qualification",
        ["NEGOTIATION"] = "Negotiation", ["NEGOTIATIONREVIEW"] = "Negotiation", ["CONTRACTSENT"] = "Negotiation",
    };

    private readonly Dictionary<string, int> _ours;
    private readonly Dictionary<string, int> _mapped;

    /// <param name="ours">Our stages' names and ids.</param>
    public StageNames(IEnumerable<(int Id, string Name)> ours, IReadOnlyDictionary<string, string> mapping)
    {
        _ours = ours.ToDictionary(s => ImportValues.Key(s.Name), s => s.Id);
        _mapped = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (theirs, target) in mapping)
        {
            if (_ours.TryGetValue(ImportValues.Key(target), out var id))
            {
                _mapped[ImportValues.Key(theirs)] = id;
            }
        }
    }

    public int? Find(string? name)
    {
        var key = ImportValues.Key(name);
        if (key.Length == 0)
        {
            return null;
        }

        if (_mapped.TryGetValue(key, out var id) || _ours.TryGetValue(key, out id))
        {
            return id;
        }

        return Known.TryGetValue(key, out var ourName) && _ours.TryGetValue(ImportValues.Key(ourName), out id) ? id : null;
    }
}
