using System.Globalization;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace RuralEcom.Data;

/// <summary>
/// Streams named numeric columns of a query (or of a Parquet file) out of an embedded, in-memory DuckDB
/// database, a batch of rows at a time, so that data larger than memory can be analysed in one pass. DuckDB reads
/// the file (in parallel, pushing the column selection down into Parquet) and this reader copies each result
/// chunk of 2,048 rows into the caller's row-major buffer.
/// </summary>
/// <remarks>
/// Values are read as DuckDB DOUBLEs (integers and decimals are cast). As with <see cref="CsvTable.Matrix"/>:
/// an empty cell (SQL NULL) is an error, and every empty cell is counted and the first twenty are listed once the
/// whole result has been read; a NaN or infinite value, or text that is not a number, stops the read at once with
/// the message of the CSV loaders. Rows are numbered from 1 in the order of the result (a Parquet or CSV file's own
/// order, since DuckDB preserves insertion order by default). DuckDB is the DuckDB.NET.Data.Full package, which
/// ships the native library for Linux, macOS and Windows.
/// </remarks>
public sealed class DuckDbRowReader : IDisposable
{
    /// <summary>Rows DuckDB returns per chunk (its STANDARD_VECTOR_SIZE).</summary>
    public const int ChunkRows = 2048;

    /// <summary>The source name used in messages for a query that is not a single file.</summary>
    public const string QuerySource = "the query";

    private const int Listed = 20;

    private readonly DuckDBConnection _connection;
    private readonly string[] _columns;
    private readonly DuckDBPreparedStatement _statement;
    private DuckDBResult _result;
    private DuckDBDataChunk? _chunk;
    private int _chunkSize, _chunkOffset;
    private bool _finished;
    private readonly List<string> _empty = [];
    private readonly List<(long Row, int Column)> _segmentEmpty = [];
    private string? _firstEmptyColumn;
    private long _emptyCount;
    private long _expectedRows;

    private DuckDbRowReader(DuckDBConnection connection, string source, string[] columns, DuckDBPreparedStatement statement, DuckDBResult result)
    {
        _connection = connection;
        Source = source;
        _columns = columns;
        _statement = statement;
        _result = result;
    }

    /// <summary>The file or "the query", as used in error messages.</summary>
    public string Source { get; }

    /// <summary>The number of columns read (values per row).</summary>
    public int Columns => _columns.Length;

    /// <summary>The number of rows read so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>
    /// The fraction of the input read (0 to 1): DuckDB's estimate of the fraction of the query done when it has one,
    /// else the rows read over the rows expected (<see cref="Open"/>), else NaN.
    /// </summary>
    public double Progress
    {
        get
        {
            double percent = _connection.GetQueryProgress().Percentage;
            if (percent >= 0) return Math.Min(1.0, percent / 100);
            return _expectedRows > 0 ? Math.Min(1.0, (double)RowsRead / _expectedRows) : double.NaN;
        }
    }

    /// <summary>The number of rows of a Parquet file, from its metadata (no data are read).</summary>
    /// <param name="path">The Parquet file.</param>
    /// <exception cref="PanelFormatException">The file does not exist or is not Parquet.</exception>
    public static long ParquetRows(string path)
    {
        var sql = FileQuery(path);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM ({sql})";
        try
        {
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (DuckDBException e)
        {
            throw QueryError(path, e.Message);
        }
    }

    /// <summary>
    /// The SQL that reads a whole Parquet file (<c>.parquet</c>, <c>.parq</c>) with <c>read_parquet</c>. CSV files
    /// are read by the project's own streaming reader, which measured faster than DuckDB's CSV path
    /// (benchmarks/README.md); a CSV file can still be given to DuckDB in a query with <c>read_csv('…')</c>.
    /// </summary>
    /// <param name="path">The Parquet file.</param>
    /// <exception cref="PanelFormatException">The file does not exist or is not a Parquet file.</exception>
    public static string FileQuery(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new PanelFormatException(path, null, null, "The file does not exist.",
                $"Check the path (the current folder is {Directory.GetCurrentDirectory()}).");
        string literal = "'" + Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal) + "'";
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".parquet" or ".parq" => $"SELECT * FROM read_parquet({literal})",
            var ext => throw new PanelFormatException(path, null, null, $"Files ending in '{ext}' are not read through DuckDB.",
                "Give a .parquet file, or read any other source with a DuckDB query (e.g. SELECT * FROM read_csv('file.csv'))."),
        };
    }

    /// <summary>
    /// Opens <paramref name="sql"/> in a new in-memory DuckDB database, checks that it has the named numeric columns,
    /// and starts streaming them.
    /// </summary>
    /// <param name="sql">A DuckDB SELECT query, e.g. <c>SELECT * FROM read_parquet('f.parquet') WHERE year &gt;= 2015</c>.</param>
    /// <param name="columns">The columns to read, in the order of the values of each row (exact, case-sensitive names).</param>
    /// <param name="source">The file or "the query", named in error messages.</param>
    /// <param name="expectedRows">The number of rows expected, for <see cref="Progress"/> when DuckDB gives no estimate (0: unknown).</param>
    /// <exception cref="PanelFormatException">The query fails, a column is missing or holds text that is not a
    /// number (the first such value is named with its row).</exception>
    public static DuckDbRowReader Open(string sql, IReadOnlyList<string> columns, string source, long expectedRows = 0)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(source);
        if (columns.Count == 0) throw new ArgumentException("Name at least one column.", nameof(columns));
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            string inner = sql.Trim().TrimEnd(';');
            var types = ColumnTypes(connection, inner, source);
            var select = new List<string>();
            foreach (var name in columns)
            {
                if (!types.TryGetValue(name, out var type))
                {
                    var close = types.Keys.FirstOrDefault(c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
                    throw new PanelFormatException(source, null, name,
                        $"There is no column '{name}'" + (close is not null ? $" (names are case-sensitive: did you mean {close}?)." : "."),
                        $"The columns are: {string.Join(", ", types.Keys)}.");
                }
                if (IsNumeric(type))
                {
                    select.Add($"CAST({Quote(name)} AS DOUBLE)");
                }
                else
                {
                    RequireNumbers(connection, inner, name, type, source);
                    select.Add($"CAST(NULLIF(trim({Quote(name)}), '') AS DOUBLE)");
                }
            }
            string query = $"SELECT {string.Join(", ", select)} FROM ({inner}) AS source";
            var state = NativeMethods.PreparedStatements.DuckDBPrepare(connection.NativeConnection, query, out var statement);
            if (state != DuckDBState.Success)
            {
                string message = NativeMethods.PreparedStatements.DuckDBPrepareError(statement);
                statement.Dispose();
                throw QueryError(source, message);
            }
            state = NativeMethods.PreparedStatements.DuckDBExecutePreparedStreaming(statement, out var result);
            if (state != DuckDBState.Success)
            {
                string message = NativeMethods.Query.DuckDBResultError(ref result);
                NativeMethods.Query.DuckDBDestroyResult(ref result);
                statement.Dispose();
                throw QueryError(source, message);
            }
            return new DuckDbRowReader(connection, source, columns.ToArray(), statement, result) { _expectedRows = expectedRows };
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with the next whole rows, row-major (row r, column j at [r · Columns + j]).
    /// </summary>
    /// <param name="destination">Room for at least one row.</param>
    /// <returns>The number of rows written; 0 when the result is exhausted.</returns>
    /// <exception cref="PanelFormatException">A value is NaN or infinite, or (at the end) some cells were empty.</exception>
    public unsafe int Read(Span<double> destination)
    {
        int v = _columns.Length, capacity = destination.Length / v;
        if (capacity == 0) throw new ArgumentException($"The buffer holds fewer than {v} values (one row).", nameof(destination));
        int written = 0;
        while (written < capacity)
        {
            if (_chunk is null || _chunkOffset == _chunkSize)
            {
                if (!NextChunk()) break;
            }
            int take = Math.Min(capacity - written, _chunkSize - _chunkOffset);
            for (int j = 0; j < v; j++)
            {
                var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk!, j);
                var data = (double*)NativeMethods.Vectors.DuckDBVectorGetData(vector);
                ulong* validity = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
                for (int r = 0; r < take; r++)
                {
                    int row = _chunkOffset + r;
                    double value = data[row];
                    if (validity != null && (validity[row >> 6] & (1UL << (row & 63))) == 0)
                    {
                        _segmentEmpty.Add((RowsRead + r + 1, j));
                        value = 0;
                    }
                    else if (!double.IsFinite(value))
                    {
                        throw new PanelFormatException(Source, null, _columns[j],
                            $"Row {RowsRead + r + 1}: '{value.ToString(CultureInfo.InvariantCulture)}' is not a finite number (NaN and infinities are not data).",
                            "Leave the cell empty if the value is missing, or correct the value.");
                    }
                    destination[(written + r) * v + j] = value;
                }
            }
            if (_segmentEmpty.Count > 0)
            {
                // Found column by column; listed row by row, as the in-memory loader lists them.
                foreach (var (row, column) in _segmentEmpty.OrderBy(e => e.Row).ThenBy(e => e.Column)) NoteEmpty(row, column);
                _segmentEmpty.Clear();
            }
            _chunkOffset += take;
            written += take;
            RowsRead += take;
        }
        if (written == 0 && _emptyCount > 0)
            throw new PanelFormatException(Source, null, _firstEmptyColumn,
                $"{_emptyCount} empty cell(s): {string.Join("; ", _empty)}{(_emptyCount > Listed ? $"; and {_emptyCount - Listed} more" : "")}.",
                "Fill them in or delete those rows: an analysis needs a value in every cell it uses" +
                (Source == QuerySource ? " (e.g. add WHERE ... IS NOT NULL to the query)." : "."));
        return written;
    }

    private void NoteEmpty(long row, int column)
    {
        _firstEmptyColumn ??= _columns[column];
        if (_empty.Count < Listed) _empty.Add($"row {row} column {_columns[column]}");
        _emptyCount++;
    }

    private bool NextChunk()
    {
        _chunk?.Dispose();
        _chunk = null;
        if (_finished) return false;
        var chunk = NativeMethods.StreamingResult.DuckDBStreamFetchChunk(_result);
        if (chunk.IsInvalid)
        {
            chunk.Dispose();
            string? error = NativeMethods.Query.DuckDBResultError(ref _result);
            _finished = true;
            if (!string.IsNullOrEmpty(error)) throw QueryError(Source, error);
            return false;
        }
        _chunk = chunk;
        _chunkSize = (int)NativeMethods.DataChunks.DuckDBDataChunkGetSize(chunk);
        _chunkOffset = 0;
        return _chunkSize > 0 || NextChunk();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _chunk?.Dispose();
        _chunk = null;
        NativeMethods.Query.DuckDBDestroyResult(ref _result);
        _statement.Dispose();
        _connection.Dispose();
    }

    /// <summary>Quotes an identifier for DuckDB ("a""b").</summary>
    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static Dictionary<string, string> ColumnTypes(DuckDBConnection connection, string sql, string source)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE ({sql})";
        try
        {
            using var reader = command.ExecuteReader();
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read()) types.TryAdd(reader.GetString(0), reader.GetString(1));
            return types;
        }
        catch (DuckDBException e)
        {
            throw QueryError(source, e.Message);
        }
    }

    private static bool IsNumeric(string type) =>
        type is "DOUBLE" or "FLOAT" or "REAL" or "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT"
            or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT"
        || type.StartsWith("DECIMAL", StringComparison.Ordinal);

    /// <summary>
    /// A column DuckDB typed as text: if some value is not a number, names the first with the message of the CSV
    /// loaders (<see cref="CellParser"/>); otherwise the column can be cast. Other types (dates, lists) are refused.
    /// </summary>
    private static void RequireNumbers(DuckDBConnection connection, string sql, string column, string type, string source)
    {
        if (type != "VARCHAR")
            throw new PanelFormatException(source, null, column, $"The column holds values of type {type}, not numbers.",
                "Choose numeric columns, or convert this one in a SQL query (e.g. CAST(... AS DOUBLE)).");
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT row, value FROM (SELECT row_number() OVER () AS row, {Quote(column)} AS value FROM ({sql}) AS source) " +
            "WHERE trim(value) <> '' AND TRY_CAST(trim(value) AS DOUBLE) IS NULL ORDER BY row LIMIT 1";
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return;
        long row = reader.GetInt64(0);
        try
        {
            CellParser.Parse(reader.GetString(1), source, 0, column);
        }
        catch (PanelFormatException e)
        {
            throw new PanelFormatException(source, null, column, $"Row {row}: {e.Problem}", e.Remedy);
        }
    }

    private static PanelFormatException QueryError(string source, string message) =>
        new(source, null, null, $"DuckDB could not run the query: {message.Trim()}",
            "Check the SQL (DuckDB's dialect; files are read with read_parquet('...') or read_csv('...')) and the file paths in it.");
}
