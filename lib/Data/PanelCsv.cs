using System.Globalization;
using System.Text;

namespace RuralEcom.Data;

/// <summary>Options of <see cref="PanelCsv"/>.</summary>
public sealed record PanelCsvOptions
{
    /// <summary>What to do with empty cells (default: fail and list them).</summary>
    public MissingValues Missing { get; init; } = MissingValues.Fail;

    /// <summary>Header of the region column (default "region").</summary>
    public string RegionColumn { get; init; } = "region";

    /// <summary>Header of the year column (default "year").</summary>
    public string YearColumn { get; init; } = "year";

    /// <summary>Renames other headers to catalogue symbols, e.g. {"Y2_urbanization_rate_pct": "Y2"}.</summary>
    public IReadOnlyDictionary<string, string> ColumnMap { get; init; } = new Dictionary<string, string>();

    /// <summary>Headers to skip (e.g. notes or auxiliary series); all other headers must be symbols or mapped.</summary>
    public IReadOnlyCollection<string> IgnoreColumns { get; init; } = [];

    /// <summary>Skip every header that is neither a key, a symbol nor in <see cref="ColumnMap"/> (default false: such headers are errors).</summary>
    public bool IgnoreOtherColumns { get; init; }

    /// <summary>The catalogue the symbols must belong to (default <see cref="IndicatorCatalog.Default"/>).</summary>
    public IndicatorCatalog? Catalog { get; init; }

    /// <summary>The separator of a text file or the sheet of a workbook (default: detect the separator, first sheet).</summary>
    public FileFormat? Format { get; init; }
}

/// <summary>
/// Loads a tidy panel (header <c>region,year,X1,...,Y11</c>, any subset of the catalogue's symbols) from a CSV/text
/// file (UTF-8 or GBK, any common separator) or an .xlsx/.xls sheet, checking every cell. Every problem throws a <see cref="PanelFormatException"/> that names the file, line and
/// column; nothing is coerced silently.
/// </summary>
public static class PanelCsv
{
    /// <summary>Loads a panel from a CSV/text file or (by extension) an .xlsx/.xls workbook.</summary>
    /// <param name="path">Path of the file.</param>
    /// <param name="options">Column mapping, missing-value policy, separator or sheet; null for the defaults.</param>
    /// <exception cref="PanelFormatException">The file is missing, a folder, or malformed.</exception>
    public static Panel Load(string path, PanelCsvOptions? options = null) =>
        FromContent(DataFile.Read(path, options?.Format), options);

    /// <summary>Parses panel CSV given as a string (handy in notebooks and tests).</summary>
    /// <param name="csv">The CSV text, header first.</param>
    /// <param name="sourceName">Name used for the file in error messages.</param>
    /// <param name="options">Column mapping and missing-value policy; null for the defaults.</param>
    /// <exception cref="PanelFormatException">The text is malformed.</exception>
    public static Panel FromText(string csv, string sourceName, PanelCsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StringReader(csv);
        return Parse(reader, sourceName, options);
    }

    /// <summary>Parses panel CSV text.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">Name used for the file in error messages.</param>
    /// <param name="options">Column mapping and missing-value policy; null for the defaults.</param>
    /// <exception cref="PanelFormatException">The text is malformed.</exception>
    public static Panel Parse(TextReader reader, string sourceName, PanelCsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return FromContent(DataFile.ReadText(reader.ReadToEnd(), sourceName, options?.Format?.Separator), options);
    }

    /// <summary>Validates and builds a panel from a file's records (CSV lines or spreadsheet rows).</summary>
    internal static Panel FromContent(DataFileContent content, PanelCsvOptions? options)
    {
        var (records, sourceName) = (content.Records, content.Source);
        options ??= new PanelCsvOptions();
        if (content.IsNbsExport)
            throw new PanelFormatException(sourceName, 1, null,
                $"This is an export of the NBS portal (指标：{content.NbsHeader["指标"]}), with regions as rows and years as columns, not a panel.",
                "Turn a folder of such exports into a panel first (command line: import-nbs --dir FOLDER --out panel.csv; see data/nbs/DOWNLOAD.md).");
        var catalog = options.Catalog ?? IndicatorCatalog.Default;
        if (records.Count == 0)
            throw new PanelFormatException(sourceName, null, null, "The file is empty.",
                $"Start it with a header such as {options.RegionColumn},{options.YearColumn},X1,Y1 (see data/template/panel-template.csv).");
        var header = records[0];
        int regionCol = -1, yearCol = -1;
        var symbolCols = new List<(int Index, string Symbol, string Header)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < header.Fields.Length; c++)
        {
            var h = header.Fields[c].Trim();
            if (h.Length == 0)
                throw new PanelFormatException(sourceName, header.Line, $"#{c + 1}", $"Header field {c + 1} is empty.", "Give every column a name, or delete the empty column.");
            if (h == options.RegionColumn) { regionCol = Claim(h, c); continue; }
            if (h == options.YearColumn) { yearCol = Claim(h, c); continue; }
            if (options.IgnoreColumns.Contains(h)) continue;
            if (h.Equals(options.RegionColumn, StringComparison.OrdinalIgnoreCase) || h.Equals(options.YearColumn, StringComparison.OrdinalIgnoreCase))
                throw new PanelFormatException(sourceName, header.Line, h, $"'{h}' looks like a key column but header names are case-sensitive.",
                    $"Rename it to {(h.Equals(options.RegionColumn, StringComparison.OrdinalIgnoreCase) ? options.RegionColumn : options.YearColumn)}.");
            var symbol = options.ColumnMap.TryGetValue(h, out var mapped) ? mapped : h;
            if (!catalog.Contains(symbol) && options.IgnoreOtherColumns && !options.ColumnMap.ContainsKey(h)) continue;
            if (!catalog.Contains(symbol))
            {
                var close = catalog.Symbols.FirstOrDefault(s => s.Equals(symbol, StringComparison.OrdinalIgnoreCase));
                throw new PanelFormatException(sourceName, header.Line, h,
                    $"'{h}' is not an indicator symbol" + (close is not null ? $" (symbols are case-sensitive: did you mean {close}?)." : "."),
                    $"Use {options.RegionColumn}, {options.YearColumn} and symbols from the catalogue ({string.Join(", ", catalog.Symbols)}): rename the column to its symbol, or skip it (command line: --ignore-columns {h}).");
            }
            Claim(symbol, c);
            symbolCols.Add((c, symbol, h));
        }
        if (regionCol < 0 || yearCol < 0)
            throw new PanelFormatException(sourceName, header.Line, null,
                $"The header has no '{(regionCol < 0 ? options.RegionColumn : options.YearColumn)}' column.",
                $"Name the key columns {options.RegionColumn} and {options.YearColumn} (lower case)." + DataFile.UnsplitHeaderHint(header.Fields, content.Separator));
        if (symbolCols.Count == 0)
            throw new PanelFormatException(sourceName, header.Line, null, "The header has no indicator columns.", $"Add columns named by symbol ({string.Join(", ", catalog.Symbols)}).");
        if (records.Count == 1)
            throw new PanelFormatException(sourceName, null, null, "The file has a header but no data rows.", "Add one row per region and year.");

        var regions = new List<string>();
        var years = new List<int>();
        var lines = new List<int>();
        var rows = new List<double?[]>();
        var firstLine = new Dictionary<(string, int), int>();
        foreach (var r in records.Skip(1))
        {
            if (r.Fields.Length != header.Fields.Length)
                throw new PanelFormatException(sourceName, r.Line, null,
                    $"The row has {r.Fields.Length} fields but the header has {header.Fields.Length}.",
                    DataFile.FieldCountRemedy(content.Separator));
            var region = r.Fields[regionCol].Trim();
            if (region.Length == 0)
                throw new PanelFormatException(sourceName, r.Line, options.RegionColumn, "The region is empty.", "Fill in the region name (e.g. Anhui or 安徽).");
            var yearText = r.Fields[yearCol].Trim();
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 2100)
                throw new PanelFormatException(sourceName, r.Line, options.YearColumn, $"'{yearText}' is not a year.",
                    "Write a four-digit year such as 2021 (not 2021年 or 2021.0).");
            if (firstLine.TryGetValue((region, year), out var earlier))
                throw new PanelFormatException(sourceName, r.Line, null, $"Region-year ({region}, {year}) already appears on line {earlier}.",
                    "Keep one row per region and year (delete or merge the duplicate).");
            firstLine[(region, year)] = r.Line;
            regions.Add(region);
            years.Add(year);
            lines.Add(r.Line);
            rows.Add(symbolCols.Select(sc => CellParser.Parse(r.Fields[sc.Index], sourceName, r.Line, sc.Header)).ToArray());
        }
        return Build(regions, years, lines, symbolCols.Select(s => s.Symbol).ToArray(), symbolCols.Select(s => s.Header).ToArray(),
            rows, sourceName, options.Missing, "Fill them in, or delete those rows (command line: --missing drop drops every row with an empty cell and lists them).");

        int Claim(string name, int c)
        {
            if (seen.TryGetValue(name, out var first))
                throw new PanelFormatException(sourceName, header.Line, name, $"Column '{name}' appears twice (fields {first + 1} and {c + 1}).",
                    "Keep one column per indicator.");
            seen[name] = c;
            return c;
        }
    }

    /// <summary>Builds a panel from parsed rows, applying the missing-value policy.</summary>
    internal static Panel Build(IReadOnlyList<string> regions, IReadOnlyList<int> years, IReadOnlyList<int> lines,
        IReadOnlyList<string> symbols, IReadOnlyList<string> headers, IReadOnlyList<double?[]> rows, string source,
        MissingValues missing, string remedy)
    {
        var empty = new List<CellPosition>();
        for (int i = 0; i < rows.Count; i++)
            for (int j = 0; j < symbols.Count; j++)
                if (rows[i][j] is null) empty.Add(new CellPosition(lines[i], headers[j]));
        var dropped = new List<DroppedRow>();
        var keep = new List<int>();
        for (int i = 0; i < rows.Count; i++)
        {
            var emptyCols = symbols.Where((_, j) => rows[i][j] is null).ToArray();
            if (emptyCols.Length == 0) keep.Add(i);
            else dropped.Add(new DroppedRow(lines[i], regions[i], years[i], emptyCols));
        }
        if (empty.Count > 0 && missing == MissingValues.Fail)
        {
            const int shown = 20;
            var list = string.Join("; ", empty.Take(shown)) + (empty.Count > shown ? $"; and {empty.Count - shown} more" : "");
            throw new PanelFormatException(source, empty[0].Line, empty[0].Column,
                $"{empty.Count} empty cell(s) in {dropped.Count} row(s): {list}.", remedy, empty);
        }
        if (keep.Count == 0)
            throw new PanelFormatException(source, null, null, $"Every one of the {rows.Count} rows has an empty cell, so listwise deletion leaves nothing.",
                "Fill in the missing values, or load fewer indicator columns.");
        var values = new double[keep.Count, symbols.Count];
        for (int r = 0; r < keep.Count; r++)
            for (int j = 0; j < symbols.Count; j++) values[r, j] = rows[keep[r]][j]!.Value;
        return new Panel(keep.Select(i => regions[i]).ToArray(), keep.Select(i => years[i]).ToArray(), symbols, values, source, dropped);
    }
}
