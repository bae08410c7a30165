using nietras.SeparatedValues;

namespace RuralEcom.Data;

/// <summary>Reads the records of a comma-separated text with Sep, keeping each record's 1-based line number.</summary>
internal static class CsvRecords
{
    /// <summary>A record: its fields and the 1-based line it starts on.</summary>
    internal sealed record Record(int Line, string[] Fields);

    /// <summary>Every record of <paramref name="reader"/>, blank lines skipped, quotes removed, fields untrimmed.</summary>
    internal static List<Record> Read(TextReader reader)
    {
        using var sep = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(reader);
        var records = new List<Record>();
        foreach (var row in sep)
        {
            var fields = new string[row.ColCount];
            for (int c = 0; c < fields.Length; c++) fields[c] = row[c].ToString();
            if (fields.Length == 1 && fields[0].Length == 0) continue;
            // Sep 0.17.1 reports LineNumberFrom = 2 for the very first row when there is no header; it starts on line 1.
            records.Add(new Record(row.RowIndex == 0 ? 1 : row.LineNumberFrom, fields));
        }
        return records;
    }
}
