using System.Globalization;

namespace RuralEcom.Data;

/// <summary>
/// Parses numeric cells strictly: invariant culture, no thousands separators, no units, finite only, and no value
/// outside the range of a double: a cell such as 1e-400 (below the smallest double, 4.9e-324, so it would round to 0)
/// or 1e-310 (subnormal: fewer than the usual 15-17 significant digits survive) is an error, not a silent 0.
/// </summary>
internal static class CellParser
{
    /// <summary>
    /// The number in a non-empty cell without allocating when it is a plain normal double (the streaming fit's fast
    /// path); every other cell, empty ones included, goes through <see cref="Parse(string, string, int, string)"/>,
    /// which throws the same errors (an empty cell is an error here: a streamed fit cannot leave rows out).
    /// </summary>
    internal static double ParseRequired(ReadOnlySpan<char> text, string file, int line, string column)
    {
        var s = text.Trim();
        if (double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var v) && double.IsNormal(v))
            return v;
        return Parse(s.ToString(), file, line, column) ?? throw new PanelFormatException(file, line, column, "The cell is empty.",
            "Fill it in or delete the row: every row of a streamed file must have a value in each column used.");
    }

    /// <summary>Null for an empty cell, else the number; throws a <see cref="PanelFormatException"/> with a hint otherwise.</summary>
    internal static double? Parse(string text, string file, int line, string column)
    {
        var s = text.Trim();
        if (s.Length == 0) return null;
        if (double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var v))
        {
            if (double.IsFinite(v) && !double.IsSubnormal(v) && (v != 0 || !HasNonZeroDigit(s))) return v;
            if (double.IsFinite(v))
                throw new PanelFormatException(file, line, column,
                    $"'{s}' is smaller in magnitude than a double can hold with full precision (about 2.2E-308), so it would be read as {(v == 0 ? "0" : v.ToString("R", CultureInfo.InvariantCulture))}.",
                    "Rescale the column (express it in another unit), or write 0 if the value is zero.");
            if (double.IsInfinity(v) && s.Any(char.IsDigit))
                throw new PanelFormatException(file, line, column,
                    $"'{s}' is larger in magnitude than a double can hold (about 1.8E308).",
                    "Rescale the column (express it in another unit).");
        }
        if (s.Equals("NaN", StringComparison.OrdinalIgnoreCase) || s.Contains("inf", StringComparison.OrdinalIgnoreCase) || s.Contains('∞'))
            throw new PanelFormatException(file, line, column, $"'{s}' is not a finite number (NaN and infinities are not data).",
                "Leave the cell empty if the value is missing, or correct the value.");
        string remedy;
        if (s.EndsWith('%'))
            remedy = "Write the number without the percent sign (12.5, not 12.5%); the catalogue gives each indicator's unit.";
        else if (s.Contains(','))
            remedy = "Remove thousands separators and use a point for decimals (1234.5, not 1,234.5 or 1234,5).";
        else if (s is "-" or "--" or "—" or "..." or "…" or "NA" or "N/A" or "na" or "null" or "NULL")
            remedy = "If the value is missing, leave the cell empty; placeholders are not read as missing.";
        else if (s.Any(c => char.IsLetter(c)))
            remedy = "Write a plain number in the catalogue's unit, without units or words.";
        else
            remedy = "Write a plain number such as 1234.5 or 1.2E3.";
        throw new PanelFormatException(file, line, column, $"'{s}' is not a number.", remedy);
    }

    /// <summary>Whether the mantissa (the part before an exponent) has a digit 1-9, i.e. the number written is not zero.</summary>
    private static bool HasNonZeroDigit(string s)
    {
        foreach (var c in s)
        {
            if (c is 'e' or 'E') return false;
            if (c is >= '1' and <= '9') return true;
        }
        return false;
    }
}
