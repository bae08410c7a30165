namespace RuralEcom;

/// <summary>
/// An immutable matrix whose rows and columns carry names, e.g. canonical coefficients with one row per
/// variable (X1, X2, …) and one column per canonical variate (V1, V2, …).
/// </summary>
public sealed class LabeledMatrix
{
    private readonly double[,] _values;

    /// <summary>Creates a labeled matrix from a copy of <paramref name="values"/>.</summary>
    /// <param name="values">The entries, rows × columns.</param>
    /// <param name="rowNames">One name per row.</param>
    /// <param name="columnNames">One name per column.</param>
    /// <exception cref="ArgumentException">The number of names does not match the matrix size.</exception>
    public LabeledMatrix(double[,] values, IReadOnlyList<string> rowNames, IReadOnlyList<string> columnNames)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rowNames);
        ArgumentNullException.ThrowIfNull(columnNames);
        if (rowNames.Count != values.GetLength(0))
            throw new ArgumentException($"{rowNames.Count} row names for a matrix with {values.GetLength(0)} rows.", nameof(rowNames));
        if (columnNames.Count != values.GetLength(1))
            throw new ArgumentException($"{columnNames.Count} column names for a matrix with {values.GetLength(1)} columns.", nameof(columnNames));
        _values = (double[,])values.Clone();
        RowNames = ReadOnly.Copy(rowNames);
        ColumnNames = ReadOnly.Copy(columnNames);
    }

    /// <summary>Takes ownership of arrays the library built for this matrix alone (no copies): the caller must not
    /// change them afterwards.</summary>
    private LabeledMatrix(double[,] values, IReadOnlyList<string> rowNames, IReadOnlyList<string> columnNames, bool owned)
    {
        _values = values;
        RowNames = ReadOnly.Own(rowNames);
        ColumnNames = ReadOnly.Own(columnNames);
    }

    /// <summary>
    /// A labeled matrix over <paramref name="values"/> and the name lists themselves, without copying them: for results
    /// the library assembles from arrays it allocated and never changes afterwards. The sizes are not checked again.
    /// </summary>
    internal static LabeledMatrix Own(double[,] values, IReadOnlyList<string> rowNames, IReadOnlyList<string> columnNames) =>
        new(values, rowNames, columnNames, owned: true);

    /// <summary>The row names.</summary>
    public IReadOnlyList<string> RowNames { get; }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount => _values.GetLength(0);

    /// <summary>The number of columns.</summary>
    public int ColumnCount => _values.GetLength(1);

    /// <summary>The entry in row <paramref name="row"/> and column <paramref name="column"/> (zero-based).</summary>
    public double this[int row, int column] => _values[row, column];

    /// <summary>The entry for the named row and column.</summary>
    /// <exception cref="KeyNotFoundException">No row or column has that name; the message lists the names.</exception>
    public double this[string row, string column] => _values[IndexOf(RowNames, row, "row"), IndexOf(ColumnNames, column, "column")];

    /// <summary>A copy of the entries as a rectangular array.</summary>
    public double[,] ToArray() => (double[,])_values.Clone();

    /// <summary>A copy of one column.</summary>
    /// <param name="column">Zero-based column index.</param>
    public double[] Column(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnCount);
        var c = new double[RowCount];
        for (int i = 0; i < c.Length; i++) c[i] = _values[i, column];
        return c;
    }

    /// <summary>A copy of one row.</summary>
    /// <param name="row">Zero-based row index.</param>
    public double[] Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        var r = new double[ColumnCount];
        for (int j = 0; j < r.Length; j++) r[j] = _values[row, j];
        return r;
    }

    /// <summary>The matrix as a table: a first column with the row names, then one column per matrix column.</summary>
    /// <param name="title">The table's title.</param>
    /// <param name="numberFormat">The .NET format string for the entries.</param>
    /// <param name="note">An optional note under the table.</param>
    /// <param name="cornerHeader">The header of the row-name column.</param>
    public Table ToTable(string title, string numberFormat = "F4", string? note = null, string cornerHeader = "")
    {
        var columns = new List<string> { cornerHeader };
        columns.AddRange(ColumnNames);
        var rows = Enumerable.Range(0, RowCount).Select(i =>
        {
            var row = new object?[ColumnCount + 1];
            row[0] = RowNames[i];
            for (int j = 0; j < ColumnCount; j++) row[j + 1] = _values[i, j];
            return (IReadOnlyList<object?>)row;
        });
        return new Table(title, columns, rows, numberFormat, note);
    }

    /// <inheritdoc />
    public override string ToString() => ToTable("").ToMarkdown();

    private static int IndexOf(IReadOnlyList<string> names, string name, string what)
    {
        for (int i = 0; i < names.Count; i++) if (names[i] == name) return i;
        throw new KeyNotFoundException($"No {what} named '{name}'. Known {what}s: {string.Join(", ", names)}.");
    }
}
