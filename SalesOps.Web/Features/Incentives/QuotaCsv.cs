using System.Globalization;
using CsvHelper;
using SalesOps.Shared.Incentives;

namespace SalesOps.Web.Features.Incentives;

/// <summary>
/// Quotas as CSV (RFC 4180, invariant culture): <c>rep_id,rep,team,quarter,amount</c>. An import needs
/// <c>rep_id</c>, <c>quarter</c> and <c>amount</c>; other columns (the names an export adds for people) are ignored.
/// </summary>
public static class QuotaCsv
{
    /// <summary>Larger uploads are refused before they are read.</summary>
    public const long MaxBytes = 1024 * 1024;

    public const string ContentType = "text/csv";

    private static readonly CsvReaderOptions ReaderOptions = new()
    {
        TrimWhitespace = true,
        TrackLineNumbers = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    // Names come from people: a cell a spreadsheet would run as a formula is escaped.
    private static readonly CsvWriterOptions WriterOptions = new()
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private static readonly string[] Required = ["rep_id", "quarter", "amount"];

    public static byte[] Write(QuotaGrid grid)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, WriterOptions, leaveOpen: true))
        {
            csv.WriteHeader(["rep_id", "rep", "team", "quarter", "amount"]);
            foreach (var team in grid.Teams)
            {
                foreach (var rep in team.Reps)
                {
                    for (var q = 0; q < grid.Quarters.Count; q++)
                    {
                        if (rep.Amounts[q] is { } amount)
                        {
                            csv.WriteRecord([rep.RepId.ToString(CultureInfo.InvariantCulture), rep.Name, team.Name, QuotaRules.KeyOf(grid.Quarters[q]), amount.ToString(CultureInfo.InvariantCulture)]);
                        }
                    }
                }
            }
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Reads the rows; a row whose rep id or amount is not a number becomes an error naming that field.</summary>
    /// <remarks>Row numbers are the file's line numbers (the header is line 1), as a spreadsheet shows them.</remarks>
    public static (List<QuotaEdit> Edits, List<QuotaError> Errors) Read(TextReader reader)
    {
        var edits = new List<QuotaEdit>();
        var errors = new List<QuotaError>();
        using var csv = CsvReader.Create(reader, ReaderOptions, leaveOpen: true);
        try
        {
            var missing = Required.Where(h => !csv.Headers.Any(c => c.Trim().Equals(h, StringComparison.OrdinalIgnoreCase))).ToList();
            if (csv.Headers.Count == 0 || missing.Count > 0)
            {
                errors.Add(new QuotaError(1, "header", $"Missing column(s): {string.Join(", ", missing)}; expected a header row rep_id,quarter,amount."));
                return (edits, errors);
            }

            while (csv.Read())
            {
                var row = (int)csv.LineNumber;
                if (edits.Count + errors.Count >= QuotaRules.MaxEdits)
                {
                    errors.Add(new QuotaError(row, "file", $"At most {QuotaRules.MaxEdits:N0} rows at once."));
                    break;
                }

                Add(row, csv.GetStringOrNull("rep_id") ?? "", csv.GetStringOrNull("quarter") ?? "", csv.GetStringOrNull("amount") ?? "", edits, errors);
            }
        }
        catch (CsvFormatException ex)
        {
            errors.Add(new QuotaError(0, "file", "The file is not valid CSV: " + ex.Message));
        }

        return (edits, errors);
    }

    private static void Add(int row, string repText, string quarter, string amountText, List<QuotaEdit> edits, List<QuotaError> errors)
    {
        if (repText.Length == 0 && quarter.Length == 0 && amountText.Length == 0)
        {
            return;
        }

        var ok = true;
        if (!int.TryParse(repText, NumberStyles.None, CultureInfo.InvariantCulture, out var repId))
        {
            errors.Add(new QuotaError(row, "rep", $"'{Shorten(repText)}' is not a rep id.") { Quarter = quarter });
            ok = false;
        }

        if (!decimal.TryParse(amountText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            errors.Add(new QuotaError(row, "amount", $"'{Shorten(amountText)}' is not an amount such as 125000.00.") { RepId = ok ? repId : null, Quarter = quarter });
            ok = false;
        }

        if (ok)
        {
            edits.Add(new QuotaEdit(row, repId, quarter, amount));
        }
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
