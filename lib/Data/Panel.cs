using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;
using RuralEcom.Numerics;

namespace RuralEcom.Data;

/// <summary>
/// A tidy region-by-year panel: one row per (region, year), one column per indicator symbol, every value
/// finite. Rows keep the order they were read or built in; <see cref="Matrix"/> returns them in that order.
/// </summary>
public sealed class Panel
{
    private readonly double[,] _values;
    private readonly Dictionary<string, int> _column;
    private readonly Dictionary<(string, int), int> _row;

    /// <summary>Builds a panel from row keys and an n x k value matrix.</summary>
    /// <param name="regions">Region of each row (n entries).</param>
    /// <param name="years">Year of each row (n entries).</param>
    /// <param name="symbols">Indicator symbol of each column (k entries, distinct).</param>
    /// <param name="values">n x k values, all finite.</param>
    /// <param name="source">Where the data came from (file path or description), used in messages.</param>
    /// <param name="droppedRows">Rows removed by listwise deletion before building the panel.</param>
    /// <exception cref="ArgumentException">Sizes disagree, a symbol or region-year repeats, or a value is not finite.</exception>
    public Panel(IReadOnlyList<string> regions, IReadOnlyList<int> years, IReadOnlyList<string> symbols, double[,] values,
        string source = "(in memory)", IReadOnlyList<DroppedRow>? droppedRows = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(values);
        if (regions.Count != years.Count || values.GetLength(0) != regions.Count)
            throw new ArgumentException($"regions ({regions.Count}), years ({years.Count}) and the rows of values ({values.GetLength(0)}) must have the same length.", nameof(values));
        if (values.GetLength(1) != symbols.Count)
            throw new ArgumentException($"values has {values.GetLength(1)} columns but {symbols.Count} symbols were given.", nameof(symbols));
        _column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < symbols.Count; j++)
            if (!_column.TryAdd(symbols[j], j))
                throw new ArgumentException($"Symbol '{symbols[j]}' appears twice; give each column once.", nameof(symbols));
        _row = new Dictionary<(string, int), int>();
        for (int i = 0; i < regions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(regions[i]))
                throw new ArgumentException($"Row {i} has an empty region name.", nameof(regions));
            if (!_row.TryAdd((regions[i], years[i]), i))
                throw new ArgumentException($"Region-year ({regions[i]}, {years[i]}) appears twice (rows {_row[(regions[i], years[i])]} and {i}).", nameof(regions));
            for (int j = 0; j < symbols.Count; j++)
                if (!double.IsFinite(values[i, j]))
                    throw new ArgumentException($"Value of {symbols[j]} for ({regions[i]}, {years[i]}) is {values[i, j]}; a panel holds finite numbers only.", nameof(values));
        }
        Regions = regions.ToArray();
        Years = years.ToArray();
        Symbols = symbols.ToArray();
        _values = (double[,])values.Clone();
        Source = source;
        DroppedRows = droppedRows?.ToArray() ?? [];
    }

    /// <summary>Number of rows (region-years).</summary>
    public int Count => Regions.Count;

    /// <summary>Region of each row.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>Year of each row.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The indicator columns, in file order.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>Where the data came from (file path or description).</summary>
    public string Source { get; }

    /// <summary>Rows removed by listwise deletion (empty unless the loader was asked to delete).</summary>
    public IReadOnlyList<DroppedRow> DroppedRows { get; }

    /// <summary>The distinct regions in order of first appearance.</summary>
    public IReadOnlyList<string> DistinctRegions => Regions.Distinct().ToArray();

    /// <summary>The distinct years, ascending.</summary>
    public IReadOnlyList<int> DistinctYears => Years.Distinct().Order().ToArray();

    /// <summary>The value in a row and column.</summary>
    /// <param name="row">Zero-based row index.</param>
    /// <param name="symbol">Indicator symbol.</param>
    public double this[int row, string symbol]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
            return _values[row, ColumnIndex(symbol)];
        }
    }

    /// <summary>Whether the panel has a column for this symbol.</summary>
    /// <param name="symbol">Indicator symbol.</param>
    public bool HasColumn(string symbol) => _column.ContainsKey(symbol);

    /// <summary>The value of an indicator for a region and year.</summary>
    /// <param name="region">Region name as stored in the panel.</param>
    /// <param name="year">Year.</param>
    /// <param name="symbol">Indicator symbol.</param>
    /// <exception cref="KeyNotFoundException">The region-year or the symbol is not in the panel.</exception>
    public double Value(string region, int year, string symbol) =>
        _row.TryGetValue((region, year), out var i)
            ? _values[i, ColumnIndex(symbol)]
            : throw new KeyNotFoundException($"The panel has no row for ({region}, {year}). Regions: {string.Join(", ", DistinctRegions)}; years: {string.Join(", ", DistinctYears)}.");

    /// <summary>Zero-based index of the row for a region and year, or -1.</summary>
    /// <param name="region">Region name.</param>
    /// <param name="year">Year.</param>
    public int RowIndex(string region, int year) => _row.TryGetValue((region, year), out var i) ? i : -1;

    /// <summary>One indicator's values in row order.</summary>
    /// <param name="symbol">Indicator symbol.</param>
    public double[] Column(string symbol)
    {
        int j = ColumnIndex(symbol);
        var v = new double[Count];
        for (int i = 0; i < Count; i++) v[i] = _values[i, j];
        return v;
    }

    /// <summary>
    /// The n x k data matrix of the given indicators in row order, ready for the CCA. Fails if a column is
    /// constant, since a constant variable has no correlation with anything and makes the correlation matrix singular.
    /// </summary>
    /// <param name="symbols">The indicators, in the column order wanted.</param>
    /// <exception cref="KeyNotFoundException">A symbol is not a column of the panel.</exception>
    /// <exception cref="PanelFormatException">A requested column is constant.</exception>
    public double[,] Matrix(IReadOnlyList<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var idx = symbols.Select(ColumnIndex).ToArray();
        CheckNotConstant(symbols);
        var m = new double[Count, idx.Length];
        for (int i = 0; i < Count; i++)
            for (int j = 0; j < idx.Length; j++) m[i, j] = _values[i, idx[j]];
        return m;
    }

    /// <summary>
    /// The symbols (among <paramref name="symbols"/>, or all columns) that are constant by the library's one rule
    /// (standard deviation at most 1e−13 times the absolute mean, judged on the column's own scale), the rule the
    /// canonical correlation analysis and the z-scores apply.
    /// </summary>
    /// <param name="symbols">Columns to check; null checks every column.</param>
    public IReadOnlyList<string> ConstantColumns(IReadOnlyList<string>? symbols = null) =>
        ReadOnly.Copy((symbols ?? Symbols).Where(s => Count < 2 || ColumnStandardization.Describe(Column(s)).Constant));

    /// <summary>Throws if any of the columns is constant (or the panel has fewer than two rows).</summary>
    /// <param name="symbols">Columns to check; null checks every column.</param>
    /// <exception cref="PanelFormatException">A column is constant; the message names it and its value.</exception>
    public void CheckNotConstant(IReadOnlyList<string>? symbols = null)
    {
        if (Count < 2)
            throw new PanelFormatException(Source, null, null, $"The panel has {Count} row(s); correlations need at least two.", "Load more region-years.");
        var constant = ConstantColumns(symbols);
        if (constant.Count > 0)
        {
            var c = constant[0];
            throw new PanelFormatException(Source, null, c,
                $"The column is constant (every one of the {Count} rows is {this[0, c].ToString(CultureInfo.InvariantCulture)}), so it has no variance and its correlations are undefined."
                + (constant.Count > 1 ? $" Also constant: {string.Join(", ", constant.Skip(1))}." : ""),
                "Check the import (a column filled with one value is usually a copy error) or leave the indicator out of the analysis.");
        }
    }

    /// <summary>A panel with only the rows for which <paramref name="keep"/> is true (dropped-row report kept).</summary>
    /// <param name="keep">Predicate on (region, year).</param>
    public Panel Where(Func<string, int, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var rows = Enumerable.Range(0, Count).Where(i => keep(Regions[i], Years[i])).ToArray();
        var v = new double[rows.Length, Symbols.Count];
        for (int r = 0; r < rows.Length; r++)
            for (int j = 0; j < Symbols.Count; j++) v[r, j] = _values[rows[r], j];
        return new Panel(rows.Select(i => Regions[i]).ToArray(), rows.Select(i => Years[i]).ToArray(), Symbols, v, Source, DroppedRows);
    }

    /// <summary>The panel as a Microsoft.Data.Analysis DataFrame: columns region, year, then one per symbol.</summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn("region", Regions),
            new PrimitiveDataFrameColumn<int>("year", Years),
        };
        columns.AddRange(Symbols.Select(s => (DataFrameColumn)new DoubleDataFrameColumn(s, Column(s))));
        return new DataFrame(columns);
    }

    /// <summary>
    /// A panel from a Microsoft.Data.Analysis DataFrame with a region column, a year column and one numeric column
    /// per indicator (the shape <see cref="ToDataFrame"/> writes), so data prepared with DataFrame operations in a
    /// notebook enter the analysis with the panel's checks.
    /// </summary>
    /// <param name="frame">The data frame.</param>
    /// <param name="regionColumn">The column holding the region names (default "region").</param>
    /// <param name="yearColumn">The column holding the years (default "year"), whole numbers.</param>
    /// <param name="source">A description used in messages (default "DataFrame").</param>
    /// <exception cref="PanelFormatException">A column is missing, a value is missing or not a number, a year is not a whole
    /// number, or a region-year repeats; the message names the column and the row (1-based).</exception>
    public static Panel FromDataFrame(DataFrame frame, string regionColumn = "region", string yearColumn = "year", string source = "DataFrame")
    {
        ArgumentNullException.ThrowIfNull(frame);
        var regionData = FrameColumn(frame, regionColumn, source);
        var yearData = FrameColumn(frame, yearColumn, source);
        var symbols = frame.Columns.Select(c => c.Name).Where(n => n != regionColumn && n != yearColumn).ToArray();
        int n = checked((int)frame.Rows.Count);
        var regions = new string[n];
        var years = new int[n];
        for (int i = 0; i < n; i++)
        {
            regions[i] = regionData[i]?.ToString() is { Length: > 0 } r ? r
                : throw new PanelFormatException(source, i + 1, regionColumn, "The region is missing.", "Fill in the region of every row.");
            double year = FrameNumber(yearData, i, source);
            if (year != Math.Floor(year) || year < int.MinValue || year > int.MaxValue)
                throw new PanelFormatException(source, i + 1, yearColumn, $"The year {year.ToString(CultureInfo.InvariantCulture)} is not a whole number.", "Give years as whole numbers, e.g. 2016.");
            years[i] = (int)year;
        }
        var values = FrameMatrix(frame, symbols, source);
        try { return new Panel(regions, years, symbols, values, source); }
        catch (ArgumentException e) { throw new PanelFormatException(source, null, null, e.Message, "Give each region-year once, with a finite number in every cell."); }
    }

    /// <summary>The named numeric columns of a DataFrame as an n × k matrix (rows in frame order), every value checked.</summary>
    /// <param name="frame">The data frame.</param>
    /// <param name="columns">The columns, in the order wanted.</param>
    /// <param name="source">A description used in messages.</param>
    /// <exception cref="PanelFormatException">A column is missing, or a value is missing or not a finite number (column and 1-based row named).</exception>
    public static double[,] FrameMatrix(DataFrame frame, IReadOnlyList<string> columns, string source = "DataFrame")
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(columns);
        int n = checked((int)frame.Rows.Count);
        var m = new double[n, columns.Count];
        for (int j = 0; j < columns.Count; j++)
        {
            var column = FrameColumn(frame, columns[j], source);
            for (int i = 0; i < n; i++) m[i, j] = FrameNumber(column, i, source);
        }
        return m;
    }

    private static DataFrameColumn FrameColumn(DataFrame frame, string name, string source)
    {
        var column = frame.Columns.FirstOrDefault(c => c.Name == name);
        return column ?? throw new PanelFormatException(source, null, name, $"The data frame has no column '{name}'; its columns are {string.Join(", ", frame.Columns.Select(c => c.Name))}.",
            "Name the column as the analysis expects, or pass the column names you use.");
    }

    private static double FrameNumber(DataFrameColumn column, int row, string source)
    {
        object? value = column[row];
        double v = value switch
        {
            null => throw new PanelFormatException(source, row + 1, column.Name, "The value is missing.", "Fill in the value, or drop the row (e.g. frame.DropNulls())."),
            double d => d,
            float f => f,
            decimal m => (double)m,
            int or long or short or byte or uint or ulong or ushort or sbyte => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => throw new PanelFormatException(source, row + 1, column.Name, $"The value '{value}' is not a number.", "Keep only numbers in the indicator columns."),
        };
        if (!double.IsFinite(v))
            throw new PanelFormatException(source, row + 1, column.Name, $"The value {v.ToString(CultureInfo.InvariantCulture)} is not a finite number.", "Fix or drop that row.");
        return v;
    }

    /// <summary>The data as a table (region, year, values), the first <paramref name="maxRows"/> rows.</summary>
    /// <param name="maxRows">How many rows to show.</param>
    /// <param name="numberFormat">Format of the values.</param>
    public Table ToTable(int maxRows = 10, string numberFormat = "G6")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        var shown = Math.Min(maxRows, Count);
        var rows = Enumerable.Range(0, shown).Select(i =>
            (IReadOnlyList<object?>)new object?[] { Regions[i], Years[i] }.Concat(Symbols.Select(s => (object?)_values[i, _column[s]])).ToArray());
        return new Table($"Panel: {Count} rows x {Symbols.Count} indicators", ["region", "year", .. Symbols], rows, numberFormat,
            note: shown < Count ? $"First {shown} of {Count} rows. Source: {Source}" : $"Source: {Source}");
    }

    /// <summary>
    /// Per-indicator summary: n, mean, sample standard deviation (n - 1), min, max, and the number of empty cells
    /// in rows dropped by listwise deletion.
    /// </summary>
    public Table SummaryTable()
    {
        var catalog = IndicatorCatalog.Default;
        var rows = Symbols.Select(s =>
        {
            var c = Column(s);
            double mean = c.Length > 0 ? c.Average() : double.NaN;
            double sd = c.Length > 1 ? Math.Sqrt(c.Sum(v => (v - mean) * (v - mean)) / (c.Length - 1)) : double.NaN;
            var unit = catalog.Contains(s) ? catalog[s].Unit : "";
            return (IReadOnlyList<object?>)[s, unit, c.Length, mean, sd, c.Length > 0 ? c.Min() : double.NaN, c.Length > 0 ? c.Max() : double.NaN,
                DroppedRows.Count(d => d.EmptyColumns.Contains(s))];
        });
        return new Table("Summary by indicator", ["Indicator", "Unit", "n", "Mean", "SD", "Min", "Max", "Missing (dropped rows)"], rows, "G5",
            note: $"{Count} rows, {DistinctRegions.Count} regions, years {DistinctYears.FirstOrDefault()}-{DistinctYears.LastOrDefault()}; {DroppedRows.Count} row(s) dropped for empty cells. SD uses n - 1. Source: {Source}");
    }

    /// <summary>The rows dropped by listwise deletion, with their empty columns.</summary>
    public Table MissingValueReport() =>
        new("Rows dropped for missing values", ["Line", "Region", "Year", "Empty columns"],
            DroppedRows.Select(d => (IReadOnlyList<object?>)[d.Line, d.Region, d.Year, string.Join(" ", d.EmptyColumns)]),
            note: DroppedRows.Count == 0 ? "No rows were dropped." : $"{DroppedRows.Count} row(s) dropped (listwise deletion).");

    /// <summary>
    /// The panel as tidy CSV text (region,year,symbols...; "\n" line ends), values rounded to <paramref name="decimals"/>
    /// decimals and written in the invariant culture, so the same panel always gives the same bytes.
    /// </summary>
    /// <param name="decimals">Decimals kept (0-15).</param>
    public string ToCsv(int decimals = 6)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 15);
        var format = decimals == 0 ? "0" : "0." + new string('#', decimals);
        var sb = new StringBuilder();
        sb.Append("region,year,").AppendJoin(',', Symbols).Append('\n');
        for (int i = 0; i < Count; i++)
        {
            sb.Append(Quote(Regions[i])).Append(',').Append(Years[i].ToString(CultureInfo.InvariantCulture));
            for (int j = 0; j < Symbols.Count; j++)
            {
                var v = Math.Round(_values[i, j], decimals, MidpointRounding.ToEven);
                if (v == 0) v = 0; // no "-0"
                sb.Append(',').Append(v.ToString(format, CultureInfo.InvariantCulture));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    private int ColumnIndex(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return _column.TryGetValue(symbol, out var j)
            ? j
            : throw new KeyNotFoundException($"The panel has no column '{symbol}'. Its columns: {string.Join(", ", Symbols)}.");
    }
}
