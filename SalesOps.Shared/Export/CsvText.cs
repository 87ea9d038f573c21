using System.Globalization;
using System.Text;

namespace SalesOps.Shared.Export;

/// <summary>
/// The one CSV writer every export uses (RFC 4180, invariant culture, CRLF), safe to open in a spreadsheet: a cell
/// that would run as a formula is defused.
/// </summary>
public static class CsvText
{
    /// <summary>A header row, then one row per item.</summary>
    public static string Build(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        Row(text, header);
        foreach (var row in rows)
        {
            Row(text, row);
        }

        return text.ToString();
    }

    public static void Row(StringBuilder text, IEnumerable<string?> cells) =>
        text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");

    /// <summary>
    /// A cell that a spreadsheet would run as a formula (= + - @, or a tab or CR first) gets a leading apostrophe,
    /// unless it is a plain number (a negative amount must stay one); a cell with a comma, quote or line break is
    /// quoted with its quotes doubled.
    /// </summary>
    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(value))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>A number as a cell: invariant, unrounded; empty for null.</summary>
    public static string Number<T>(T? value) where T : struct, IFormattable =>
        value?.ToString(null, CultureInfo.InvariantCulture) ?? "";

    public static string Number<T>(T value) where T : struct, IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static bool IsNumber(string value) =>
        decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
