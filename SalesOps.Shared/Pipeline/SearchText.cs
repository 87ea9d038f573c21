using System.Text;

namespace SalesOps.Shared.Pipeline;

/// <summary>Turns what a user types into a full-text query: every word must start a word of the deal or account name.</summary>
public static class SearchText
{
    /// <summary>"ever hold" → <c>"ever"* "hold"*</c>; null when nothing searchable was typed.</summary>
    public static string? ToPrefixQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        // Only letters and digits survive, so no quote or operator of the query language can be smuggled in.
        return words.Count == 0 ? null : string.Join(' ', words.Take(8).Select(w => $"\"{w}\"*"));
    }
}
