using nietras.SeparatedValues;

namespace RuralEcom.Data;

/// <summary>Splits separated text into records with Sep, keeping each record's 1-based line number.</summary>
internal static class CsvRecords
{
    /// <summary>A record: its fields and the 1-based line it starts on.</summary>
    internal sealed record Record(int Line, string[] Fields);

    /// <summary>Every record of <paramref name="reader"/>, blank lines skipped, quotes removed, fields untrimmed.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="separator">The field separator (',' by default).</param>
    internal static List<Record> Read(TextReader reader, char separator = ',')
    {
        using var sep = Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(reader);
        var records = new List<Record>();
        foreach (var row in sep)
        {
            var fields = new string[row.ColCount];
            for (int c = 0; c < fields.Length; c++) fields[c] = row[c].ToString();
            if (fields.Length == 1 && fields[0].Trim().Length == 0) continue;
            // Sep 0.17.1 reports LineNumberFrom = 2 for the very first row when there is no header; it starts on line 1.
            records.Add(new Record(row.RowIndex == 0 ? 1 : row.LineNumberFrom, fields));
        }
        return records;
    }
}
