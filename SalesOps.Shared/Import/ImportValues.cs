using System.Globalization;

namespace SalesOps.Shared.Import;

/// <summary>Reads the values CRM exports write: amounts with symbols and separators, ISO and US dates.</summary>
public static class ImportValues
{
    private static readonly string[] IsoDates = ["yyyy-MM-dd", "yyyy-M-d", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fffZ", "yyyy/MM/dd"];
    private static readonly string[] UsDates = ["M/d/yyyy", "M/d/yy", "M/d/yyyy H:mm", "M/d/yyyy h:mm tt", "M/d/yyyy H:mm:ss", "M-d-yyyy"];
    private static readonly string[] DayFirstDates = ["d/M/yyyy", "d.M.yyyy", "d/M/yy", "d.M.yy", "d-M-yyyy"];

    /// <summary>
    /// "$1,234.50", "1.234,50 €", "USD 1 234", "(200)" (negative). When both separators appear the last one is the
    /// decimal point; a lone separator followed by exactly three digits (once or repeated) groups thousands.
    /// </summary>
    public static bool TryParseAmount(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var negative = false;
        Span<char> kept = stackalloc char[Math.Min(text.Length, 64)];
        var length = 0;
        foreach (var c in text.Trim())
        {
            if (char.IsDigit(c) || c is '.' or ',')
            {
                if (length == kept.Length)
                {
                    return false;
                }

                kept[length++] = c;
            }
            else if (c is '-' or '(' or '−')
            {
                negative = true;
            }
            else if (c is ')' or '\'' or ' ' or '\u00A0' or '\u202F' || char.IsLetter(c) || char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol)
            {
                // Currency codes and symbols, spaces and apostrophes as thousands separators.
            }
            else
            {
                return false;
            }
        }

        var digits = kept[..length].ToString();
        if (!digits.Any(char.IsDigit))
        {
            return false;
        }

        var lastDot = digits.LastIndexOf('.');
        var lastComma = digits.LastIndexOf(',');
        string normalized;
        if (lastDot >= 0 && lastComma >= 0)
        {
            var decimalMark = lastDot > lastComma ? '.' : ',';
            var groupMark = decimalMark == '.' ? ',' : '.';
            normalized = digits.Replace(groupMark.ToString(), "", StringComparison.Ordinal).Replace(decimalMark, '.');
        }
        else if (lastDot >= 0 || lastComma >= 0)
        {
            var mark = lastDot >= 0 ? '.' : ',';
            var groups = digits.Split(mark);
            var thousands = groups.Length > 2 || groups[^1].Length == 3 && groups[0].Length is > 0 and <= 3 && mark == ',';
            if (groups.Length > 2 && groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }

            normalized = thousands ? digits.Replace(mark.ToString(), "", StringComparison.Ordinal) : digits.Replace(mark, '.');
        }
        else
        {
            normalized = digits;
        }

        if (!decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }

        amount = negative ? -amount : amount;
        return true;
    }

    /// <summary>ISO dates always; then US (month first) or, when <paramref name="dayFirst"/>, day-first dates.</summary>
    public static bool TryParseDate(string? text, bool dayFirst, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, IsoDates, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            || DateTime.TryParseExact(trimmed, dayFirst ? DayFirstDates : UsDates, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            date = DateOnly.FromDateTime(value);
            return date.Year is >= 1900 and <= 2200;
        }

        return false;
    }

    /// <summary>Upper-cased letters and digits only, so "Acme Corp." and "ACME corp" compare equal.</summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        Span<char> buffer = stackalloc char[Math.Min(text.Length, 256)];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && length < buffer.Length)
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        return buffer[..length].ToString();
    }
}
