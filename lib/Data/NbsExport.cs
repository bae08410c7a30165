using System.Globalization;
using System.Text;

namespace RuralEcom.Data;

/// <summary>
/// One indicator exported from the National Bureau of Statistics portal (data.stats.gov.cn, "分省年度数据"):
/// header lines <c>数据库：…</c>, <c>指标：…</c>, <c>时间：…</c>, a table with regions as rows and
/// <c>2021年</c>-style year columns, then footer lines such as <c>注：…</c> and <c>数据来源：…</c>.
/// The portal saves GBK; files re-saved as UTF-8 (with or without BOM) and the portal's .xls/.xlsx are read too
/// (all through the library's one file reader, so quoted fields are handled as in any CSV).
/// </summary>
public sealed class NbsExport
{
    private readonly Dictionary<(string, int), double?> _values;

    private NbsExport(string filePath, string encodingName, IReadOnlyDictionary<string, string> header, IReadOnlyList<string> footer,
        IReadOnlyList<string> regions, IReadOnlyList<int> years, Dictionary<(string, int), double?> values)
    {
        FilePath = filePath;
        EncodingName = encodingName;
        Database = header.GetValueOrDefault("数据库", "");
        IndicatorLabel = header.GetValueOrDefault("指标", "");
        TimeLabel = header.GetValueOrDefault("时间", "");
        Footer = footer;
        Regions = regions;
        Years = years;
        _values = values;
    }

    /// <summary>The file read.</summary>
    public string FilePath { get; }

    /// <summary>The encoding detected: "GBK", "UTF-8", "UTF-8 (BOM)", or "Excel" for a workbook.</summary>
    public string EncodingName { get; }

    /// <summary>The database line (e.g. 分省年度数据).</summary>
    public string Database { get; }

    /// <summary>The indicator line with its unit (e.g. 地区生产总值(亿元)).</summary>
    public string IndicatorLabel { get; }

    /// <summary>The time line (e.g. 最近20年).</summary>
    public string TimeLabel { get; }

    /// <summary>Footer lines (notes 注： and the source 数据来源：) as printed.</summary>
    public IReadOnlyList<string> Footer { get; }

    /// <summary>Region names as printed in the file, in file order.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>The years of the columns, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The value for a region (any name <see cref="ProvinceNames"/> knows, or as printed) and year; null when the cell is empty.</summary>
    /// <param name="region">Region name.</param>
    /// <param name="year">Year.</param>
    /// <exception cref="KeyNotFoundException">The region or year is not in the file.</exception>
    public double? Value(string region, int year)
    {
        var key = ResolveRegion(region);
        return _values.TryGetValue((key, year), out var v)
            ? v
            : throw new KeyNotFoundException($"{FilePath} has no column for {year}; its years are {Years[0]}-{Years[^1]}.");
    }

    /// <summary>Reads an export file: CSV (GBK or UTF-8, detected) or the portal's .xls/.xlsx.</summary>
    /// <param name="path">Path of the exported file.</param>
    /// <exception cref="PanelFormatException">The file is missing or not shaped like an NBS export.</exception>
    public static NbsExport Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var content = DataFile.Read(path);
        var records = content.Records;
        if (!content.IsNbsExport)
        {
            var first = records.Count > 0 ? string.Join(",", records[0].Fields) : "";
            throw new PanelFormatException(path, records.Count > 0 ? records[0].Line : null, null,
                $"Expected a header line such as 数据库：分省年度数据 or 指标：…, found '{Shorten(first)}'.",
                "Use the file exactly as downloaded from data.stats.gov.cn (分省年度数据, regions as rows; see data/nbs/DOWNLOAD.md).");
        }
        if (records.Count == 0 || records[0].Fields[0].Trim() != "地区")
            throw new PanelFormatException(path, records.Count > 0 ? records[0].Line : null, null, "No table header starting with 地区 (region) was found.",
                "Export with regions as rows and years as columns (the portal's default for 分省年度数据).");
        var head = records[0];
        int headerLine = head.Line;
        var headCells = head.Fields;
        var years = new int[headCells.Length - 1];
        for (int c = 1; c < headCells.Length; c++)
        {
            var h = headCells[c].Trim().TrimEnd('年');
            if (!int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out years[c - 1]))
                throw new PanelFormatException(path, headerLine, headCells[c], $"Column header '{headCells[c]}' is not a year like 2021年.",
                    "Export with years as columns; a file with indicators or regions as columns is not a 分省年度数据 export.");
        }
        if (years.Length == 0)
            throw new PanelFormatException(path, headerLine, null, "The table header has no year columns.", "Export at least one year.");
        var regions = new List<string>();
        var values = new Dictionary<(string, int), double?>();
        foreach (var r in records.Skip(1))
        {
            var cells = r.Fields;
            if (cells.Length != headCells.Length)
                throw new PanelFormatException(path, r.Line, null, $"The row has {cells.Length} fields but the header has {headCells.Length}.",
                    "Re-download the export; the file seems cut or edited.");
            var region = cells[0].Trim();
            if (values.ContainsKey((region, years[0])))
                throw new PanelFormatException(path, r.Line, "地区", $"Region '{region}' appears twice.", "Re-download the export.");
            regions.Add(region);
            for (int c = 1; c < cells.Length; c++)
                values[(region, years[c - 1])] = CellParser.Parse(cells[c], path, r.Line, headCells[c].Trim());
        }
        if (regions.Count == 0)
            throw new PanelFormatException(path, headerLine, null, "The table has no region rows.", "Re-download the export.");
        return new NbsExport(path, content.EncodingName, content.NbsHeader, content.Footer, regions, years.Order().ToArray(), values);
    }

    /// <summary>
    /// This indicator as a one-column panel (regions renamed to English via <see cref="ProvinceNames"/>), rows
    /// sorted by region code and year.
    /// </summary>
    /// <param name="symbol">The column name: the catalogue symbol the export measures (e.g. "Y2"), or a descriptive
    /// name for a series that is not one of the paper's indicators (e.g. "GDP").</param>
    /// <param name="firstYear">First year kept (null: all).</param>
    /// <param name="lastYear">Last year kept (null: all).</param>
    /// <param name="missing">What to do with empty cells.</param>
    public Panel ToPanel(string symbol, int? firstYear = null, int? lastYear = null, MissingValues missing = MissingValues.Fail) =>
        Join(new Dictionary<string, NbsExport> { [symbol] = this }, firstYear, lastYear, missing);

    /// <summary>
    /// Melts several exports (one per indicator) and joins them on (region, year) into a tidy panel, with
    /// regions renamed to English. Only region-years present in every export are kept; a region-year with
    /// an empty cell follows <paramref name="missing"/>.
    /// </summary>
    /// <param name="bySymbol">Exports keyed by column name: the catalogue symbol each one measures, or a descriptive name.</param>
    /// <param name="firstYear">First year kept (null: all).</param>
    /// <param name="lastYear">Last year kept (null: all).</param>
    /// <param name="missing">What to do with empty cells.</param>
    /// <exception cref="PanelFormatException">A region name is unknown, no years overlap, or cells are empty under <see cref="MissingValues.Fail"/>.</exception>
    public static Panel Join(IReadOnlyDictionary<string, NbsExport> bySymbol, int? firstYear = null, int? lastYear = null,
        MissingValues missing = MissingValues.Fail)
    {
        ArgumentNullException.ThrowIfNull(bySymbol);
        if (bySymbol.Count == 0) throw new ArgumentException("Give at least one export.", nameof(bySymbol));
        var symbols = bySymbol.Keys.ToArray();
        var exports = symbols.Select(s => bySymbol[s]).ToArray();
        foreach (var e in exports)
            foreach (var r in e.Regions)
                if (!ProvinceNames.TryFind(r, out _))
                    throw new PanelFormatException(e.FilePath, null, "地区", $"Region '{r}' is not one of the 31 mainland provinces in data/regions.csv.",
                        "Delete non-province rows (e.g. 全国) from the export, or add the name to data/regions.csv.");
        var years = exports.Select(e => e.Years.AsEnumerable()).Aggregate((a, b) => a.Intersect(b))
            .Where(y => (firstYear is null || y >= firstYear) && (lastYear is null || y <= lastYear)).Order().ToArray();
        if (years.Length == 0)
            throw new PanelFormatException(string.Join(" + ", exports.Select(e => Path.GetFileName(e.FilePath))), null, null,
                "The exports have no year in common within the requested range.", "Export the same years for every indicator.");
        var provinces = exports.Select(e => e.Regions.Select(r => ProvinceNames.Find(r)).ToHashSet())
            .Aggregate((a, b) => { a.IntersectWith(b); return a; }).OrderBy(p => p.Code).ToArray();
        var regions = new List<string>();
        var yrs = new List<int>();
        var rows = new List<double?[]>();
        foreach (var p in provinces)
            foreach (var y in years)
            {
                regions.Add(p.English);
                yrs.Add(y);
                rows.Add(exports.Select(e => e.Value(p.ChineseName, y)).ToArray());
            }
        var source = string.Join(" + ", exports.Select(e => Path.GetFileName(e.FilePath)));
        return PanelCsv.Build(regions, yrs, new int[regions.Count], symbols, symbols, rows, source, missing,
            "Empty cells in NBS exports mean the bureau published no value; choose years without gaps, or drop the rows with empty cells.");
    }

    /// <summary>The export as a table: one row per region (English and Chinese name), one column per year.</summary>
    public Table ToTable() =>
        new($"NBS export: {IndicatorLabel}", ["Region", "地区", .. Years.Select(y => y.ToString(CultureInfo.InvariantCulture))],
            Regions.Select(r => (IReadOnlyList<object?>)new object?[] { ProvinceNames.ToEnglish(r), r }
                .Concat(Years.Select(y => (object?)_values[(r, y)])).ToArray()),
            "G6", note: $"{Database}; {TimeLabel}; {string.Join(" ", Footer)} File: {Path.GetFileName(FilePath)} ({EncodingName}).");

    private string ResolveRegion(string region)
    {
        if (Regions.Contains(region)) return region;
        if (ProvinceNames.TryFind(region, out var p))
            foreach (var r in Regions)
                if (ProvinceNames.TryFind(r, out var q) && q == p) return r;
        throw new KeyNotFoundException($"{FilePath} has no row for region '{region}'. Regions: {string.Join(", ", Regions)}.");
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
