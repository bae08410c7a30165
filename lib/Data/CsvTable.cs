namespace RuralEcom.Data;

/// <summary>
/// A CSV file of named columns (a header line, then one row per sample) whose numeric columns are read by name,
/// e.g. the reference data sets in data/reference or any user file for the command line. Unlike
/// <see cref="PanelCsv"/> it accepts any headers: no region or year column and no indicator catalogue are required.
/// </summary>
/// <remarks>
/// The text is read with the same CSV reader and the same strict number parser as panels: invariant culture,
/// no thousands separators or units, finite values only. Only the columns asked for are parsed, so text columns
/// (ids, country names) may sit beside them. Every problem throws a <see cref="PanelFormatException"/> naming
/// the file, line and column.
/// </remarks>
public sealed class CsvTable
{
    private readonly string[][] _rows;
    private readonly int[] _lines;
    private readonly Dictionary<string, int> _index;

    private CsvTable(string source, string[] columns, string[][] rows, int[] lines, char? separator)
    {
        Source = source;
        Separator = separator;
        Columns = columns;
        _rows = rows;
        _lines = lines;
        _index = columns.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
    }

    /// <summary>The file (or source name) the table was read from, used in error messages.</summary>
    public string Source { get; }

    /// <summary>The separator the text was split with (given or detected); null for a workbook sheet.</summary>
    public char? Separator { get; }

    /// <summary>The column headers, trimmed, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The number of data rows (blank lines are skipped).</summary>
    public int RowCount => _rows.Length;

    /// <summary>Reads a data file: CSV/text (UTF-8 or GBK, any common separator) or one sheet of an .xlsx/.xls workbook.</summary>
    /// <param name="path">Path of the file.</param>
    /// <param name="format">The separator or sheet; null detects the separator and takes the first sheet.</param>
    /// <exception cref="PanelFormatException">The file is missing, a folder, unreadable, or malformed.</exception>
    public static CsvTable Load(string path, FileFormat? format = null) => FromContent(DataFile.Read(path, format));

    /// <summary>Reads CSV text (the separator is detected among ',', ';', tab and '|').</summary>
    /// <param name="reader">The CSV text, header first.</param>
    /// <param name="sourceName">Name used for the file in error messages.</param>
    /// <exception cref="PanelFormatException">The text is empty, a header is empty or repeated, or a row has the wrong number of fields.</exception>
    public static CsvTable Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return FromContent(DataFile.ReadText(reader.ReadToEnd(), sourceName, null));
    }

    private static CsvTable FromContent(DataFileContent content)
    {
        var (sourceName, records) = (content.Source, content.Records);
        if (records.Count == 0)
            throw new PanelFormatException(sourceName, null, null, "The file is empty.", "Start it with a header line of column names, e.g. id,A,B,C.");
        var header = records[0];
        var columns = header.Fields.Select(f => f.Trim()).ToArray();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < columns.Length; c++)
        {
            if (columns[c].Length == 0)
                throw new PanelFormatException(sourceName, header.Line, $"#{c + 1}", $"Header field {c + 1} is empty.", "Give every column a name, or delete the empty column.");
            if (seen.TryGetValue(columns[c], out var first))
                throw new PanelFormatException(sourceName, header.Line, columns[c], $"Column '{columns[c]}' appears twice (fields {first + 1} and {c + 1}).", "Give every column its own name.");
            seen[columns[c]] = c;
        }
        if (records.Count == 1)
            throw new PanelFormatException(sourceName, null, null, "The file has a header but no data rows.", "Add one row per sample.");
        foreach (var r in records.Skip(1))
            if (r.Fields.Length != columns.Length)
                throw new PanelFormatException(sourceName, r.Line, null, $"The row has {r.Fields.Length} fields but the header has {columns.Length}.",
                    DataFile.FieldCountRemedy(content.Separator));
        var rows = records.Skip(1).ToArray();
        return new CsvTable(sourceName, columns, rows.Select(r => r.Fields).ToArray(), rows.Select(r => r.Line).ToArray(), content.Separator);
    }

    /// <summary>The raw text of a column (e.g. row labels), untrimmed as in the file.</summary>
    /// <param name="column">The column header.</param>
    /// <exception cref="PanelFormatException">There is no such column; the message lists the columns.</exception>
    public IReadOnlyList<string> Text(string column)
    {
        int j = IndexOf(column);
        return _rows.Select(r => r[j]).ToArray();
    }

    /// <summary>One numeric column.</summary>
    /// <param name="column">The column header.</param>
    /// <exception cref="PanelFormatException">No such column, an empty cell, or a cell that is not a finite number.</exception>
    public double[] Column(string column)
    {
        var m = Matrix([column]);
        return Enumerable.Range(0, RowCount).Select(i => m[i, 0]).ToArray();
    }

    /// <summary>The n × k matrix of the named numeric columns, in the order given (one row per data row).</summary>
    /// <param name="columns">The column headers (case-sensitive).</param>
    /// <exception cref="PanelFormatException">A column does not exist (the message lists those that do), a cell is empty
    /// (all empty cells of the requested columns are listed), or a cell is not a finite number.</exception>
    public double[,] Matrix(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var idx = columns.Select(IndexOf).ToArray();
        var m = new double[RowCount, idx.Length];
        var empty = new List<CellPosition>();
        for (int i = 0; i < RowCount; i++)
            for (int j = 0; j < idx.Length; j++)
            {
                var v = CellParser.Parse(_rows[i][idx[j]], Source, _lines[i], columns[j]);
                if (v is null) empty.Add(new CellPosition(_lines[i], columns[j]));
                else m[i, j] = v.Value;
            }
        if (empty.Count > 0)
        {
            const int shown = 20;
            var list = string.Join("; ", empty.Take(shown)) + (empty.Count > shown ? $"; and {empty.Count - shown} more" : "");
            throw new PanelFormatException(Source, empty[0].Line, empty[0].Column, $"{empty.Count} empty cell(s): {list}.",
                "Fill them in or delete those rows: an analysis needs a value in every cell it uses.", empty);
        }
        return m;
    }

    private int IndexOf(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (_index.TryGetValue(column, out var j)) return j;
        var close = Columns.FirstOrDefault(c => c.Equals(column, StringComparison.OrdinalIgnoreCase));
        throw new PanelFormatException(Source, 1, column,
            $"There is no column '{column}'" + (close is not null ? $" (names are case-sensitive: did you mean {close}?)." : "."),
            $"The columns are: {string.Join(", ", Columns)}." + DataFile.UnsplitHeaderHint(Columns, Separator));
    }
}
