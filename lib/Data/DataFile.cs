using System.Globalization;
using System.Text;
using ExcelDataReader;
using nietras.SeparatedValues;

namespace RuralEcom.Data;

/// <summary>How to read a data file: the separator of a text file and the sheet of a workbook.</summary>
public sealed record FileFormat
{
    /// <summary>The field separator of a CSV/text file; null detects it among ',', ';', tab and '|'.</summary>
    public char? Separator { get; init; }

    /// <summary>The worksheet of an .xlsx/.xls workbook; null takes the first sheet.</summary>
    public string? Sheet { get; init; }
}

/// <summary>
/// The content of a data file as records, with what the reader found out: the encoding, the separator, and for
/// an export of the National Bureau of Statistics portal its header lines (数据库/指标/时间) and footer lines (注/数据来源).
/// </summary>
/// <param name="Source">The name used in messages: the path, with "[sheet]" for a workbook.</param>
/// <param name="Records">The table's records (NBS header and footer lines removed), blank lines skipped.</param>
/// <param name="EncodingName">"UTF-8", "UTF-8 (BOM)", "GBK" or "Excel".</param>
/// <param name="Separator">The separator used for a text file; null for a workbook.</param>
/// <param name="NbsHeader">The NBS header lines as key → value (e.g. 指标 → 地区生产总值(亿元)); empty for other files.</param>
/// <param name="Footer">The NBS footer lines (注：…, 数据来源：…) as printed; empty for other files.</param>
internal sealed record DataFileContent(string Source, List<CsvRecords.Record> Records, string EncodingName, char? Separator,
    IReadOnlyDictionary<string, string> NbsHeader, IReadOnlyList<string> Footer)
{
    /// <summary>Whether the file starts with the NBS portal's header lines.</summary>
    public bool IsNbsExport => NbsHeader.ContainsKey("指标");
}

/// <summary>
/// The one reader under every loader of the library (panels, tables, NBS exports, catalogues, the streaming fit):
/// text files in UTF-8 (with or without BOM) or GBK, with any common separator (detected or given), and
/// .xlsx/.xls workbooks. Every problem is a <see cref="PanelFormatException"/> in the user's terms.
/// </summary>
internal static class DataFile
{
    /// <summary>The separators tried when none is given, in order of preference on ties.</summary>
    internal static readonly char[] Candidates = [',', ';', '\t', '|'];

    private static readonly string[] NbsHeaderKeys = ["数据库", "指标", "时间", "地区"];

    /// <summary>Reads a data file (CSV/text or .xlsx/.xls by extension).</summary>
    internal static DataFileContent Read(string path, FileFormat? format = null)
    {
        CheckFile(path);
        format ??= new FileFormat();
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".xlsx" or ".xls" or ".xlsm") return ReadWorkbookContent(path, format.Sheet);
        if (format.Sheet is not null)
            throw new PanelFormatException(path, null, null, $"A sheet ('{format.Sheet}') was given, but the file is not an Excel workbook (.xlsx or .xls).",
                "Leave out the sheet for a CSV file, or give the workbook's path.");
        var text = Decode(File.ReadAllBytes(path), path, out var encoding);
        return ReadText(text, path, format.Separator, encoding);
    }

    /// <summary>Reads one sheet of a workbook whatever the file's extension.</summary>
    internal static DataFileContent ReadWorkbookContent(string path, string? sheet)
    {
        CheckFile(path);
        var (source, rows) = ReadWorkbook(path, sheet);
        return SplitNbs(source, rows, "Excel", null, null);
    }

    /// <summary>Parses text (already decoded) with the given or detected separator.</summary>
    internal static DataFileContent ReadText(string text, string source, char? separator, string encodingName = "UTF-8")
    {
        var sep = separator ?? DetectSeparator(text);
        using var reader = new StringReader(text);
        var records = CsvRecords.Read(reader, sep);
        var lines = text.Split('\n');
        return SplitNbs(source, records, encodingName, sep, l => l >= 1 && l <= lines.Length ? lines[l - 1].TrimEnd('\r').Trim() : "");
    }

    /// <summary>Receives one row of a streamed file: the values of the requested columns, in their order (reused between rows).</summary>
    internal delegate void NumericRowHandler(ReadOnlySpan<double> values);

    /// <summary>
    /// Reads named numeric columns of a UTF-8 text file with a header row, one row at a time, without holding the
    /// file in memory (the streaming fit's reader): the separator is given or detected on the first 64 KiB, each cell
    /// is parsed as strictly as by every other loader, and <paramref name="fractionRead"/> tells how far the reader got.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">The header names of the columns to read.</param>
    /// <param name="separator">The separator, or null to detect it.</param>
    /// <param name="onRow">Called for every non-blank data row.</param>
    /// <param name="fractionRead">Set before the first row: returns the fraction of the file's bytes read so far (0 to 1).</param>
    /// <exception cref="PanelFormatException">The file is missing, not UTF-8, lacks a column, or a cell is empty or not a number (with line and column).</exception>
    internal static void StreamColumns(string path, IReadOnlyList<string> columns, char? separator, NumericRowHandler onRow, out Func<double> fractionRead)
    {
        CheckFile(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        long length = stream.Length;
        fractionRead = () => length > 0 && stream.CanSeek ? Math.Min(1.0, (double)stream.Position / length) : 1.0;
        using (stream)
        {
            char sep = separator ?? DetectSeparator(Head(stream));
            using var text = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
            try
            {
                using var reader = Sep.New(sep).Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true }).From(text);
                var header = reader.Header.ColNames.Select(h => h.Trim()).ToArray();
                var index = new int[columns.Count];
                for (int j = 0; j < index.Length; j++)
                {
                    index[j] = Array.IndexOf(header, columns[j]);
                    if (index[j] < 0)
                        throw new PanelFormatException(path, 1, columns[j], $"There is no column '{columns[j]}'.",
                            $"The columns are: {string.Join(", ", header)}." + UnsplitHeaderHint(header, sep));
                }
                var values = new double[index.Length];
                foreach (var row in reader)
                {
                    if (row.ColCount == 1 && row[0].Span.IsWhiteSpace()) continue;
                    int line = row.LineNumberFrom;
                    for (int j = 0; j < index.Length; j++)
                    {
                        if (index[j] >= row.ColCount)
                            throw new PanelFormatException(path, line, columns[j], $"The row has {row.ColCount} fields, so column '{columns[j]}' (field {index[j] + 1}) is missing.",
                                FieldCountRemedy(sep));
                        values[j] = CellParser.ParseRequired(row[index[j]].Span, path, line, columns[j]);
                    }
                    onRow(values);
                }
            }
            catch (DecoderFallbackException)
            {
                throw new PanelFormatException(path, null, null, "The file is not UTF-8 text (a file too large to load must be UTF-8; Excel and the NBS portal often save GBK).",
                    "Save it as 'CSV UTF-8'.");
            }
        }
    }

    /// <summary>The first 64 KiB of a stream as text (for separator detection), the stream rewound after.</summary>
    private static string Head(Stream stream)
    {
        var buffer = new byte[Math.Min(1 << 16, Math.Max(0, stream.Length))];
        int read = 0, n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0) read += n;
        stream.Position = 0;
        var head = Encoding.UTF8.GetString(buffer, 0, read);
        int lastLine = head.LastIndexOf('\n');
        return lastLine > 0 && read == buffer.Length ? head[..lastLine] : head;
    }

    /// <summary>
    /// Says clearly when <paramref name="path"/> is empty, a folder or missing (the reader would otherwise report
    /// a folder as "does not exist").
    /// </summary>
    internal static void CheckFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Trim().Length == 0)
            throw new PanelFormatException("(no file name)", null, null, "The file name is empty.", "Give the path of a data file, e.g. data/reference/linnerud.csv.");
        if (Directory.Exists(path))
        {
            var inside = Directory.EnumerateFiles(path).Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(5).ToArray();
            throw new PanelFormatException(path, null, null, "This is a folder, not a file.",
                inside.Length == 0 ? "Give the path of a data file (the folder is empty)." : $"Give the path of one file in it, e.g. {Path.Combine(path, inside[0]!)} (it holds {string.Join(", ", inside)}{(inside.Length == 5 ? ", ..." : "")}).");
        }
        if (!File.Exists(path))
            throw new PanelFormatException(path, null, null, "The file does not exist.",
                $"Check the path (the current folder is {Directory.GetCurrentDirectory()}).");
    }

    /// <summary>Decodes bytes as UTF-8 (a BOM is allowed) or, when they are not valid UTF-8, as GBK (code page 936, what the NBS portal and Chinese Excel save).</summary>
    internal static string Decode(byte[] bytes, string path, out string encodingName)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            encodingName = "UTF-8 (BOM)";
            return new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3);
        }
        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
            encodingName = "UTF-8";
            return text;
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            encodingName = "GBK";
            try
            {
                return Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new PanelFormatException(path, null, null, "The file is neither UTF-8 nor GBK text (is it a binary file, or a workbook with the wrong extension?).",
                    "Save it as 'CSV UTF-8' (or as .xlsx) and give that file.");
            }
        }
    }

    /// <summary>
    /// The separator among <see cref="Candidates"/> that splits the first lines (up to 30 that contain any candidate,
    /// quoted text ignored) most consistently: the most lines with the same non-zero count, then the larger count,
    /// then the order of <see cref="Candidates"/>. ',' when no line contains a candidate.
    /// </summary>
    internal static char DetectSeparator(string text)
    {
        var sample = new List<int[]>();
        foreach (var raw in text.Split('\n'))
        {
            var counts = new int[Candidates.Length];
            bool quoted = false;
            foreach (var ch in raw)
            {
                if (ch == '"') quoted = !quoted;
                else if (!quoted)
                    for (int k = 0; k < Candidates.Length; k++)
                        if (ch == Candidates[k]) counts[k]++;
            }
            if (counts.Any(c => c > 0)) sample.Add(counts);
            if (sample.Count == 30) break;
        }
        if (sample.Count == 0) return ',';
        int best = 0;
        (int Agree, int Count) bestScore = (-1, -1);
        for (int k = 0; k < Candidates.Length; k++)
        {
            var mode = sample.Where(c => c[k] > 0).GroupBy(c => c[k]).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).FirstOrDefault();
            if (mode is null) continue;
            var score = (mode.Count(), mode.Key);
            if (score.CompareTo(bestScore) > 0) { best = k; bestScore = score; }
        }
        return Candidates[best];
    }

    /// <summary>What to do about a row whose field count differs from the header's.</summary>
    internal static string FieldCountRemedy(char? separator) => separator is { } s
        ? $"The fields were split at each {Describe(s)}: check for a missing or extra one, quote text that contains it, or give the file's real separator (command line: --separator)."
        : "Check the row for extra or missing cells.";

    /// <summary>
    /// A hint when a header came out as one column that still contains another common separator: the file was split
    /// with the wrong separator. Empty otherwise.
    /// </summary>
    internal static string UnsplitHeaderHint(IReadOnlyList<string> columns, char? separator)
    {
        if (columns.Count != 1 || separator is null) return "";
        var other = Candidates.FirstOrDefault(c => c != separator && columns[0].Contains(c));
        return other == default ? "" : $" The header was not split: the file seems to be separated by {Describe(other)}, not {Describe(separator.Value)}; give that separator (command line: --separator '{(other == '\t' ? "\\t" : other.ToString())}') or let it be detected.";
    }

    /// <summary>The name of a separator as a user would type it.</summary>
    internal static string Describe(char separator) => separator switch
    {
        '\t' => "tab",
        ',' => "comma (,)",
        ';' => "semicolon (;)",
        '|' => "bar (|)",
        _ => $"'{separator}'",
    };

    /// <summary>
    /// Moves the NBS portal's header lines (数据库：…, 指标：…, 时间：… before the table) and footer lines (注：…,
    /// 数据来源：… after it) out of the records.
    /// </summary>
    private static DataFileContent SplitNbs(string source, List<CsvRecords.Record> records, string encoding, char? sep, Func<int, string>? lineText)
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        int start = 0;
        while (start < records.Count && NbsKey(records[start]) is { } key)
        {
            var f = Joined(records[start]);
            int colon = f.IndexOfAny(['：', ':']);
            header[key] = f[(colon + 1)..].Trim();
            start++;
        }
        if (!header.ContainsKey("指标")) return new DataFileContent(source, records, encoding, sep, new Dictionary<string, string>(), []);
        var footer = new List<string>();
        int end = records.Count;
        for (int i = start + 1; i < records.Count; i++)
        {
            var first = records[i].Fields[0].Trim();
            if (first.StartsWith('注') || first.StartsWith("数据来源", StringComparison.Ordinal))
            {
                end = i;
                break;
            }
        }
        for (int i = end; i < records.Count; i++)
            footer.Add(lineText?.Invoke(records[i].Line) is { Length: > 0 } t ? t : Joined(records[i]));
        return new DataFileContent(source, records.GetRange(start, end - start), encoding, sep, header, footer);

        string Joined(CsvRecords.Record r) => string.Join(sep?.ToString() ?? "", r.Fields.Where(x => x.Length > 0)).Trim();
    }

    /// <summary>The NBS header key (数据库, 指标 or 时间) when a record is such a header line, else null.</summary>
    private static string? NbsKey(CsvRecords.Record record)
    {
        var nonEmpty = record.Fields.Where(f => f.Trim().Length > 0).ToArray();
        if (nonEmpty.Length != 1) return null;
        var f = nonEmpty[0].Trim();
        foreach (var key in NbsHeaderKeys[..3])
            if (f.StartsWith(key + "：", StringComparison.Ordinal) || f.StartsWith(key + ":", StringComparison.Ordinal)) return key;
        return null;
    }

    /// <summary>Reads one worksheet into records ("line" is the worksheet row), refusing percent-formatted numbers.</summary>
    private static (string Source, List<CsvRecords.Record> Rows) ReadWorkbook(string path, string? sheetName)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // ExcelDataReader needs code pages on .NET
        using var stream = File.OpenRead(path);
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateReader(stream);
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.HeaderException or InvalidDataException or NotSupportedException)
        {
            throw new PanelFormatException(path, null, null, $"The file is not an Excel workbook ({e.Message}).",
                "Open it in Excel and save it as .xlsx, or save it as CSV UTF-8 and give that file.");
        }
        using (reader)
        {
            var sheets = new List<string>();
            do
            {
                sheets.Add(reader.Name);
                if (sheetName is null || reader.Name == sheetName)
                {
                    var source = $"{path} [{reader.Name}]";
                    return (source, ReadSheet(reader, source));
                }
            } while (reader.NextResult());
            throw new PanelFormatException(path, null, null, $"The workbook has no sheet named '{sheetName}'.",
                $"Use one of: {string.Join(", ", sheets)}.");
        }
    }

    private static List<CsvRecords.Record> ReadSheet(IExcelDataReader reader, string source)
    {
        var records = new List<CsvRecords.Record>();
        string[]? header = null;
        int row = 0;
        while (reader.Read())
        {
            row++;
            var fields = new string[reader.FieldCount];
            for (int c = 0; c < fields.Length; c++)
            {
                var value = reader.GetValue(c);
                var format = reader.GetNumberFormatString(c);
                if (value is double d && format is not null && format.Contains('%') && header is not null)
                    throw new PanelFormatException(source, row, c < header.Length ? header[c] : $"#{c + 1}",
                        $"The cell is formatted as a percentage, so Excel stores {d.ToString("R", CultureInfo.InvariantCulture)} for {(d * 100).ToString("G", CultureInfo.InvariantCulture)}%.",
                        "Format the column as a plain number holding the percentage (12.5 for 12.5%), the unit the catalogue uses.");
                fields[c] = value switch
                {
                    null => "",
                    double x => x.ToString("R", CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString() ?? "",
                };
            }
            if (fields.All(f => f.Length == 0)) continue; // blank row
            int last = Array.FindLastIndex(fields, f => f.Length > 0) + 1;
            if (header is null)
            {
                var rec = new CsvRecords.Record(row, fields[..last]);
                // Sheets often carry formatted but empty trailing columns; the header ends at its last named column.
                // The NBS header lines (one cell each) come before the table's header.
                if (NbsKey(rec) is null) header = rec.Fields;
                records.Add(rec);
                continue;
            }
            var cells = new string[Math.Max(header.Length, last)];
            Array.Fill(cells, "");
            Array.Copy(fields, cells, Math.Min(fields.Length, cells.Length));
            records.Add(new CsvRecords.Record(row, cells));
        }
        return records;
    }
}
