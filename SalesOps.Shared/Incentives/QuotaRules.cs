using System.Globalization;
using SalesOps.Shared.Kpis;

namespace SalesOps.Shared.Incentives;

/// <summary>One quota to set: a rep's won-revenue quota for a quarter (<c>2026-Q4</c>). <paramref name="Row"/> numbers it for errors (CSV line or grid edit).</summary>
public sealed record QuotaEdit(int Row, int RepId, string Quarter, decimal Amount);

/// <summary>
/// Why a quota edit was refused, with the field named: <c>rep</c>, <c>quarter</c> or <c>amount</c> (and, for a CSV,
/// <c>file</c> or <c>header</c>).
/// </summary>
public sealed record QuotaError(int Row, string Field, string Message)
{
    public int? RepId { get; init; }
    public string? Quarter { get; init; }
}

/// <summary>A quota already stored for a rep.</summary>
public sealed record StoredQuota(int RepId, Period Period);

/// <summary>
/// Checks a batch of quota edits before any is written (all or nothing): the rep exists and is one the editor may set
/// quotas for, the quarter is a real quarter, no two edits set the same rep and quarter, no stored quota of another
/// shape (a month, a half-year) overlaps it, and the amount is a sane number of whole cents.
/// </summary>
public static class QuotaRules
{
    /// <summary>Above this a quota is a typo (an extra zero or two), not a target.</summary>
    public const decimal MaxAmount = 100_000_000m;

    /// <summary>The most edits one save or import takes.</summary>
    public const int MaxEdits = 10_000;

    public static string KeyOf(Period quarter) => $"{quarter.Start.Year}-Q{(quarter.Start.Month - 1) / 3 + 1}";

    /// <summary>Reads <c>2026-Q4</c> (case-insensitive, years 2000–2100).</summary>
    public static bool TryParseQuarter(string? text, out Period quarter)
    {
        quarter = default;
        text = text?.Trim();
        if (text is not { Length: 7 } || text[4] != '-' || char.ToUpperInvariant(text[5]) != 'Q' || text[6] is < '1' or > '4'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return false;
        }

        quarter = Period.QuarterOf(new DateOnly(year, (text[6] - '1') * 3 + 1, 1));
        return true;
    }

    /// <param name="repTeams">Team of every rep the edits name that exists.</param>
    /// <param name="mayEditTeam">Whether the editor may set quotas for a team's reps.</param>
    /// <param name="stored">The stored quotas of the reps the edits name.</param>
    public static IReadOnlyList<QuotaError> Validate(
        IReadOnlyList<QuotaEdit> edits, IReadOnlyDictionary<int, int> repTeams, Func<int, bool> mayEditTeam, IReadOnlyList<StoredQuota> stored)
    {
        var errors = new List<QuotaError>();
        if (edits.Count > MaxEdits)
        {
            errors.Add(new QuotaError(0, "file", $"At most {MaxEdits:N0} quotas at once; this has {edits.Count:N0}."));
            return errors;
        }

        var seen = new Dictionary<(int, Period), int>();
        foreach (var edit in edits)
        {
            void Refuse(string field, string message) => errors.Add(new QuotaError(edit.Row, field, message) { RepId = edit.RepId, Quarter = edit.Quarter });

            if (!repTeams.TryGetValue(edit.RepId, out var team))
            {
                Refuse("rep", $"There is no rep {edit.RepId}.");
            }
            else if (!mayEditTeam(team))
            {
                Refuse("rep", $"Rep {edit.RepId} is not in a team whose quotas you set.");
            }

            if (edit.Amount < 0)
            {
                Refuse("amount", "A quota cannot be negative.");
            }
            else if (edit.Amount > MaxAmount)
            {
                Refuse("amount", $"{edit.Amount.ToString("N0", CultureInfo.InvariantCulture)} is more than any quarter's quota can be ({MaxAmount.ToString("N0", CultureInfo.InvariantCulture)}).");
            }
            else if (decimal.Round(edit.Amount, 2) != edit.Amount)
            {
                Refuse("amount", "A quota is in whole cents.");
            }

            if (!TryParseQuarter(edit.Quarter, out var quarter))
            {
                Refuse("quarter", $"'{Shorten(edit.Quarter)}' is not a quarter such as 2026-Q4.");
                continue;
            }

            if (seen.TryGetValue((edit.RepId, quarter), out var earlier))
            {
                Refuse("quarter", $"Overlaps row {earlier}, which sets rep {edit.RepId}'s quota for {KeyOf(quarter)} too.");
            }
            else
            {
                seen[(edit.RepId, quarter)] = edit.Row;
            }

            // A stored quota of the same quarter is replaced; one of another shape that overlaps it would count twice.
            if (stored.FirstOrDefault(s => s.RepId == edit.RepId && s.Period != quarter && s.Period.Start <= quarter.End && s.Period.End >= quarter.Start) is { } clash)
            {
                Refuse("quarter", $"Overlaps rep {edit.RepId}'s quota for {clash.Period.Start:yyyy-MM-dd} – {clash.Period.End:yyyy-MM-dd}.");
            }
        }

        return errors;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 20 ? text : text[..20] + "…";
}
