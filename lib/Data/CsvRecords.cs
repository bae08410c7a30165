using System.Text;
using nietras.SeparatedValues;

namespace RuralEcom.Data;

/// <summary>Reads the records of a comma-separated text with Sep, keeping each record's 1-based line number.</summary>
internal static class CsvRecords
{
    /// <summary>A record: its fields and the 1-based line it starts on.</summary>
    internal sealed record Record(int Line, string[] Fields);

    /// <summary>
    /// Opens a UTF-8 text file (a byte-order mark is allowed) and parses it, turning a missing file or bytes that are not
    /// UTF-8 into a <see cref="PanelFormatException"/> that says what to do.
    /// </summary>
    internal static T ReadFile<T>(string path, Func<TextReader, T> parse)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new PanelFormatException(path, null, null, "The file does not exist.",
                $"Check the path (the current folder is {Directory.GetCurrentDirectory()}).");
        using var reader = new StreamReader(path, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return parse(reader);
        }
        catch (DecoderFallbackException)
        {
            throw new PanelFormatException(path, null, null, "The file is not valid UTF-8 (Excel and NBS often save GBK).",
                "Save it as 'CSV UTF-8', or import an NBS export with NbsExport.Read, which detects GBK.");
        }
    }

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
