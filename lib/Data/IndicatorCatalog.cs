
namespace RuralEcom.Data;

/// <summary>
/// The indicator system of the paper: X1..X8 (rural e-commerce development, Table 2) and Y1..Y11
/// (urban-rural integration, Table 1), with names, units, directions and the fixes made to the paper's
/// wording. <see cref="Default"/> reads the copy of data/indicators.csv compiled into the library.
/// </summary>
public sealed class IndicatorCatalog
{
    private static readonly string[] Header =
        ["symbol", "system", "group", "name", "chinese_name", "unit", "direction", "rationale", "usual_source", "note"];

    private static readonly Lazy<IndicatorCatalog> DefaultCatalog = new(() =>
    {
        using var reader = BundledFile.OpenText("indicators.csv");
        return Parse(reader, "indicators.csv (bundled)");
    });

    private readonly Dictionary<string, Indicator> _bySymbol;

    private IndicatorCatalog(IReadOnlyList<Indicator> indicators)
    {
        All = indicators;
        _bySymbol = indicators.ToDictionary(i => i.Symbol, StringComparer.Ordinal);
        XSymbols = indicators.Where(i => i.IsX).Select(i => i.Symbol).ToArray();
        YSymbols = indicators.Where(i => !i.IsX).Select(i => i.Symbol).ToArray();
        Symbols = indicators.Select(i => i.Symbol).ToArray();
    }

    /// <summary>The catalogue shipped with the library (data/indicators.csv).</summary>
    public static IndicatorCatalog Default => DefaultCatalog.Value;

    /// <summary>All indicators in file order (X1..X8 then Y1..Y11 for the bundled file).</summary>
    public IReadOnlyList<Indicator> All { get; }

    /// <summary>All symbols in file order.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>The rural e-commerce symbols (those starting with X).</summary>
    public IReadOnlyList<string> XSymbols { get; }

    /// <summary>The urban-rural integration symbols (those starting with Y).</summary>
    public IReadOnlyList<string> YSymbols { get; }

    /// <summary>The indicator with this symbol.</summary>
    /// <param name="symbol">A symbol such as "X7" (case-sensitive).</param>
    /// <exception cref="KeyNotFoundException">The symbol is not in the catalogue; the message lists the valid ones.</exception>
    public Indicator this[string symbol] => Get(symbol);

    /// <summary>The indicator with this symbol.</summary>
    /// <param name="symbol">A symbol such as "X7" (case-sensitive).</param>
    /// <exception cref="KeyNotFoundException">The symbol is not in the catalogue; the message lists the valid ones.</exception>
    public Indicator Get(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return _bySymbol.TryGetValue(symbol, out var indicator)
            ? indicator
            : throw new KeyNotFoundException($"Unknown indicator symbol '{symbol}'. Valid symbols: {string.Join(", ", Symbols)}.");
    }

    /// <summary>Whether the catalogue has this symbol.</summary>
    /// <param name="symbol">A symbol such as "Y10".</param>
    public bool Contains(string symbol) => symbol is not null && _bySymbol.ContainsKey(symbol);

    /// <summary>Reads a catalogue file with the columns of data/indicators.csv (UTF-8 or GBK, comma-separated).</summary>
    /// <param name="path">Path of the CSV file.</param>
    /// <exception cref="PanelFormatException">The file is missing or malformed.</exception>
    public static IndicatorCatalog Load(string path)
    {
        return FromRecords(DataFile.Read(path, new FileFormat { Separator = ',' }).Records, path);
    }

    /// <summary>Reads a catalogue from text with the columns of data/indicators.csv.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">File name used in error messages.</param>
    /// <exception cref="PanelFormatException">The text is malformed.</exception>
    public static IndicatorCatalog Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return FromRecords(CsvRecords.Read(reader), sourceName);
    }

    private static IndicatorCatalog FromRecords(List<CsvRecords.Record> records, string sourceName)
    {
        if (records.Count == 0 || !records[0].Fields.SequenceEqual(Header))
            throw new PanelFormatException(sourceName, 1, null, "The header is not " + string.Join(",", Header) + ".",
                "Start the file with exactly that header line.");
        var list = new List<Indicator>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in records.Skip(1))
        {
            if (r.Fields.Length != Header.Length)
                throw new PanelFormatException(sourceName, r.Line, null, $"The row has {r.Fields.Length} fields, the header {Header.Length}.",
                    "Quote fields that contain commas.");
            var f = r.Fields;
            if (!seen.Add(f[0]))
                throw new PanelFormatException(sourceName, r.Line, "symbol", $"Symbol '{f[0]}' appears twice.", "Keep one row per symbol.");
            if (f[0].Length < 2 || f[0][0] is not ('X' or 'Y') || !int.TryParse(f[0].AsSpan(1), out _))
                throw new PanelFormatException(sourceName, r.Line, "symbol", $"Symbol '{f[0]}' is not X or Y followed by a number.", "Use symbols like X1 or Y10.");
            var direction = f[6] switch
            {
                "positive" => IndicatorDirection.Positive,
                "negative" => IndicatorDirection.Negative,
                _ => throw new PanelFormatException(sourceName, r.Line, "direction", $"Direction '{f[6]}' is neither 'positive' nor 'negative'.",
                    "Write positive or negative."),
            };
            list.Add(new Indicator(f[0], f[1], f[2], f[3], f[4], f[5], direction, f[7], f[8], f[9]));
        }
        return new IndicatorCatalog(list);
    }

    /// <summary>The indicators as a table, optionally only those of one level-1 system.</summary>
    /// <param name="system">"rural e-commerce development", "urban-rural integration", or null for all.</param>
    public Table ToTable(string? system = null)
    {
        var rows = All.Where(i => system is null || i.System == system)
            .Select(i => (IReadOnlyList<object?>)[i.Symbol, i.Group, i.Name, i.ChineseName, i.Unit,
                i.Direction == IndicatorDirection.Positive ? "+" : "-", i.Note]).ToList();
        if (rows.Count == 0)
            throw new ArgumentException($"No indicators belong to system '{system}'. Systems: {string.Join(", ", All.Select(i => i.System).Distinct())}.", nameof(system));
        return new Table(system is null ? "Indicator system (Tables 1-2)" : $"Indicator system: {system}",
            ["Symbol", "Group", "Name", "Chinese", "Unit", "Dir.", "Fix or reading of the paper's wording"], rows,
            note: "Dir. + : larger is more developed/integrated; - : smaller (toward 1) is. Source: data/indicators.csv.");
    }
}
