namespace SalesOps.Shared.Import;

/// <summary>Data-hygiene matching: which account names are likely the same company, which product names nearly match.</summary>
public static class NameMatch
{
    /// <summary>Legal-form and filler words that do not tell two companies apart.</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "THE", "CORP", "CORPORATION", "INC", "INCORPORATED", "LLC", "LTD", "LIMITED", "CO", "COMPANY", "GROUP", "PLC", "GMBH", "SA", "SRL", "AG", "BV", "HOLDINGS",
    };

    /// <summary>"ACME Corporation", "Acme Corp." and "The Acme Co" all give "ACME".</summary>
    public static string CompanyKey(string name)
    {
        var words = name.Split([' ', '\t', ',', '.', '-', '&', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(ImportValues.Key).Where(w => w.Length > 0).ToList();
        var kept = words.Where(w => !Filler.Contains(w)).ToList();
        return string.Concat(kept.Count > 0 ? kept : words);
    }

    /// <summary>Groups of two or more names that share a company key, each group in the given order.</summary>
    public static IReadOnlyList<IReadOnlyList<T>> DuplicateGroups<T>(IEnumerable<T> items, Func<T, string> name) =>
        items.GroupBy(i => CompanyKey(name(i)), StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0 && g.Count() > 1)
            .Select(g => (IReadOnlyList<T>)g.ToList())
            .ToList();

    /// <summary>
    /// Whether <paramref name="candidate"/> is almost <paramref name="known"/>: the same letters and digits ignoring
    /// case, spaces and punctuation ("GTXPro" and "GTX Pro"), or one typo apart in names of five or more characters.
    /// </summary>
    public static bool NearlyMatches(string candidate, string known)
    {
        var a = ImportValues.Key(candidate);
        var b = ImportValues.Key(known);
        if (a.Length == 0 || b.Length == 0 || string.Equals(candidate.Trim(), known.Trim(), StringComparison.Ordinal))
        {
            return false;
        }

        return a == b || Math.Min(a.Length, b.Length) >= 5 && Distance(a, b) <= 1;
    }

    /// <summary>Levenshtein distance, stopping early: only 0, 1 or "more" matters here.</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return 2;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>A 0–100 hygiene score: the share of a rep's open deals with nothing to fix.</summary>
    public static int Score(int openDeals, int dealsWithIssues) =>
        openDeals == 0 ? 100 : (int)Math.Round(100.0 * (openDeals - Math.Min(dealsWithIssues, openDeals)) / openDeals, MidpointRounding.AwayFromZero);
}
