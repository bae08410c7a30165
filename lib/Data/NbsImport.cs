using System.Globalization;

namespace RuralEcom.Data;

/// <summary>What the importer did with one file of the folder.</summary>
/// <param name="File">The file name.</param>
/// <param name="Status">"used", "not an NBS export", "indicator not in the mapping" or "unreadable".</param>
/// <param name="Detail">The 指标 line and encoding of a used export, or the reason it was skipped.</param>
/// <param name="Series">The series id the export was recognized as; null when skipped.</param>
public sealed record NbsImportedFile(string File, string Status, string Detail, string? Series);

/// <summary>
/// A folder of NBS 分省年度数据 exports (one indicator per file) turned into a tidy panel: one row per province
/// (31 mainland divisions, English names) and year, one column per paper indicator that could be computed
/// (through <see cref="NbsMapping"/>) and per NBS series found, each with a source column naming the file(s)
/// and formula behind every value; empty cells where the bureau published no value or an input is missing.
/// </summary>
public sealed class NbsImport
{
    private readonly Dictionary<string, Dictionary<(int Code, int Year), double>> _values;
    private readonly Dictionary<string, string> _sources;

    private NbsImport(string folder, IReadOnlyList<NbsImportedFile> files, IReadOnlyList<int> years, IReadOnlyList<string> columns,
        Dictionary<string, Dictionary<(int, int), double>> values, Dictionary<string, string> sources, NbsMapping mapping)
    {
        Folder = folder;
        Files = files;
        Years = years;
        Columns = columns;
        _values = values;
        _sources = sources;
        Mapping = mapping;
    }

    /// <summary>The folder read.</summary>
    public string Folder { get; }

    /// <summary>Every file of the folder with what was done with it.</summary>
    public IReadOnlyList<NbsImportedFile> Files { get; }

    /// <summary>The years of the panel: every year of any export used, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The value columns: computed indicator symbols (catalogue order) then NBS series ids (mapping order).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The mapping used.</summary>
    public NbsMapping Mapping { get; }

    /// <summary>
    /// Reads every .csv, .xls and .xlsx file directly in <paramref name="folder"/> (sorted by name), recognizes each
    /// NBS export's indicator from its 指标 line through <paramref name="mapping"/>, and computes every indicator whose
    /// inputs are all present (formula of data/nbs/nbs-mapping.csv, per province and year; a cell is empty when any
    /// input is empty).
    /// </summary>
    /// <param name="folder">The folder of downloads.</param>
    /// <param name="mapping">The mapping; null uses <see cref="NbsMapping.Default"/>.</param>
    /// <exception cref="PanelFormatException">The folder does not exist, holds no NBS export, two files hold the same
    /// indicator, or an export is malformed (region unknown, cell not a number; the message names file, line and column).</exception>
    public static NbsImport FromFolder(string folder, NbsMapping? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        mapping ??= NbsMapping.Default;
        if (folder.Trim().Length == 0 || !Directory.Exists(folder))
            throw new PanelFormatException(folder, null, null, File.Exists(folder) ? "This is a file, not a folder." : "The folder does not exist.",
                "Give the folder that holds the downloaded exports (one indicator per file).");
        var files = new List<NbsImportedFile>();
        var bySeries = new Dictionary<string, NbsExport>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext is not (".csv" or ".xls" or ".xlsx")) continue;
            DataFileContent content;
            try { content = DataFile.Read(path); }
            catch (PanelFormatException e) { files.Add(new NbsImportedFile(name, "unreadable", e.Problem, null)); continue; }
            if (!content.IsNbsExport)
            {
                files.Add(new NbsImportedFile(name, "not an NBS export", "no 指标 line at the top", null));
                continue;
            }
            var label = content.NbsHeader["指标"];
            var series = mapping.FindByLabel(label);
            if (series is null)
            {
                files.Add(new NbsImportedFile(name, "indicator not in the mapping", $"指标：{label}", null));
                continue;
            }
            if (bySeries.TryGetValue(series.Id, out var earlier))
                throw new PanelFormatException(path, null, null,
                    $"This export holds {label}, like {Path.GetFileName(earlier.FilePath)}.", "Keep one file per indicator in the folder.");
            var export = NbsExport.Read(path);
            foreach (var r in export.Regions)
                if (!ProvinceNames.TryFind(r, out _) && r.Trim() != "全国")
                    throw new PanelFormatException(path, null, "地区", $"Region '{r}' is not one of the 31 mainland provinces in data/regions.csv.",
                        "Delete rows that are not provinces from the export, or download the provinces only.");
            bySeries[series.Id] = export;
            files.Add(new NbsImportedFile(name, "used", $"指标：{label} ({export.EncodingName}, {export.Years[0]}-{export.Years[^1]})", series.Id));
        }
        if (bySeries.Count == 0)
            throw new PanelFormatException(folder, null, null,
                files.Count == 0 ? "The folder holds no .csv, .xls or .xlsx file." : $"None of its {files.Count} data files is an NBS export of an indicator in the mapping ({string.Join("; ", files.Select(f => $"{f.File}: {f.Status}"))}).",
                "Download 分省年度数据 exports as described in data/nbs/DOWNLOAD.md; data/nbs/nbs-series.csv lists the 指标 lines recognized.");

        var years = bySeries.Values.SelectMany(e => e.Years).Distinct().Order().ToArray();
        var values = new Dictionary<string, Dictionary<(int, int), double>>(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, export) in bySeries)
        {
            var column = new Dictionary<(int, int), double>();
            foreach (var r in export.Regions)
            {
                if (!ProvinceNames.TryFind(r, out var p)) continue; // 全国 (national total)
                foreach (var y in export.Years)
                    if (export.Value(r, y) is { } v) column[(p!.Code, y)] = v;
            }
            values[id] = column;
            sources[id] = $"{Path.GetFileName(export.FilePath)} (NBS 分省年度数据, 指标：{export.IndicatorLabel})";
        }
        var computed = new List<string>();
        foreach (var entry in mapping.Indicators.Where(i => i.Kind != "none"))
        {
            if (!entry.Inputs.All(bySeries.ContainsKey)) continue;
            var formula = SeriesFormula.Parse(entry.Formula, entry.Symbol);
            var column = new Dictionary<(int, int), double>();
            foreach (var p in ProvinceNames.All)
                foreach (var y in years)
                {
                    var inputs = new Dictionary<string, double>(StringComparer.Ordinal);
                    foreach (var id in entry.Inputs)
                        if (values[id].TryGetValue((p.Code, y), out var v)) inputs[id] = v;
                    if (inputs.Count < entry.Inputs.Count) continue;
                    var result = formula.Evaluate(inputs);
                    if (double.IsFinite(result)) column[(p.Code, y)] = result;
                }
            values[entry.Symbol] = column;
            sources[entry.Symbol] = entry.Kind == "direct"
                ? sources[entry.Inputs[0]]
                : $"{entry.Symbol} = {entry.Formula}; " + string.Join("; ", entry.Inputs.Select(id => $"{id}: {sources[id]}"));
            computed.Add(entry.Symbol);
        }
        var columns = computed.Concat(mapping.Series.Select(s => s.Id).Where(bySeries.ContainsKey)).ToArray();
        return new NbsImport(Path.GetFullPath(folder), files, years, columns, values, sources, mapping);
    }

    /// <summary>The value of a column for a province (any name) and year, or null when the cell is empty.</summary>
    /// <param name="column">A symbol or series id of <see cref="Columns"/>.</param>
    /// <param name="region">Any name <see cref="ProvinceNames"/> knows.</param>
    /// <param name="year">The year.</param>
    public double? Value(string column, string region, int year) =>
        _values[column].TryGetValue((ProvinceNames.Find(region).Code, year), out var v) ? v : null;

    /// <summary>The source of a column's values: the export file(s) and, for a derived indicator, the formula.</summary>
    /// <param name="column">A symbol or series id of <see cref="Columns"/>.</param>
    public string Source(string column) => _sources[column];

    /// <summary>
    /// The tidy panel as CSV text: <c>region,year</c>, the value columns, then <c>source_COLUMN</c> for each value column
    /// (the file and formula behind the value, or why the cell is empty). Numbers are written round-trip ("R").
    /// </summary>
    public string ToCsv() => new Table($"NBS import from {Path.GetFileName(Folder)}",
        ["region", "year", .. Columns, .. Columns.Select(c => "source_" + c)],
        ProvinceNames.All.SelectMany(p => Years.Select(y => (IReadOnlyList<object?>)[
            p.English, y,
            .. Columns.Select(c => _values[c].TryGetValue((p.Code, y), out var v) ? (object?)v : null),
            .. Columns.Select(c => (object?)(_values[c].ContainsKey((p.Code, y)) ? _sources[c] : "no value: " + _sources[c])),
        ])), numberFormat: "R").ToCsv();

    /// <summary>
    /// Coverage of every paper indicator and NBS series found: one row per column and year with the number of
    /// provinces that have a value and the provinces missing; and one row per indicator that could not be computed,
    /// naming the NBS indicators to download or saying that no public provincial source exists.
    /// </summary>
    public Table CoverageTable()
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var c in Columns)
            foreach (var y in Years)
            {
                var missing = ProvinceNames.All.Where(p => !_values[c].ContainsKey((p.Code, y))).Select(p => p.English).ToArray();
                rows.Add([c, y.ToString(CultureInfo.InvariantCulture), ProvinceNames.All.Count - missing.Length, missing.Length,
                    missing.Length == 0 ? "" : string.Join("; ", missing)]);
            }
        foreach (var entry in Mapping.Indicators.Where(i => !Columns.Contains(i.Symbol)))
            rows.Add([entry.Symbol, "all", 0, ProvinceNames.All.Count * Years.Count, "not imported: " + Mapping.WhereToGet(entry.Symbol)]);
        return new Table($"Coverage of the NBS import from {Path.GetFileName(Folder)} (31 provinces × {Years.Count} years)",
            ["Indicator or series", "Year", "Provinces with a value", "Missing cells", "Missing provinces, or where to get the indicator"], rows,
            note: $"{Columns.Count} column(s) imported; {Files.Count(f => f.Status == "used")} of {Files.Count} data file(s) used.");
    }

    /// <summary>What was done with every file of the folder, as a table.</summary>
    public Table FilesTable() => new($"Files in {Path.GetFileName(Folder)}", ["File", "Status", "Detail", "Series"],
        Files.Select(f => (IReadOnlyList<object?>)[f.File, f.Status, f.Detail, f.Series ?? ""]));
}
