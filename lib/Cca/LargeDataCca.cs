using System.Collections.Concurrent;
using RuralEcom.Data;

namespace RuralEcom.Cca;

/// <summary>
/// Canonical correlation analysis of data too large for memory or kept elsewhere: a Parquet or CSV file of any size,
/// or a SQL query over such files, read through the embedded DuckDB engine; or the one-row result of the co-moment
/// query of <see cref="CoMomentSql"/>, run where the table lives (<see cref="FitMomentsFile"/>). Rows stream from DuckDB (<see cref="DuckDbRowReader"/>) in chunks of
/// <see cref="CoMoments.ChunkRows"/> into the co-moment kernel (<see cref="CoMoments"/>, chunks merged in row order
/// with the update of Chan, Golub &amp; LeVeque 1979), and the analysis is solved from the accumulated row count,
/// means and co-moments (<see cref="CanonicalCorrelationAnalysis.FitMoments"/>). Memory stays at a few chunks
/// (about 3 × 16,384 rows) however long the input is.
/// </summary>
/// <remarks>
/// DuckDB decodes the next chunks on its own threads while the kernel accumulates the current one on the calling
/// thread. The result is the same as that of <see cref="CanonicalCorrelationAnalysis.FitLarge"/> on the same
/// rows, to rounding (the chunks are the same, merged in the same order).
/// </remarks>
public static class LargeDataCca
{
    /// <summary>Chunks read ahead of the kernel (bounds the memory to Buffers × ChunkRows rows).</summary>
    private const int Buffers = 3;

    /// <summary>Fits a canonical correlation analysis to named columns of a Parquet file (CSV files: <see cref="StreamingCca"/>).</summary>
    /// <param name="path">A <c>.parquet</c> file.</param>
    /// <param name="xColumns">The names of the X columns.</param>
    /// <param name="yColumns">The names of the Y columns.</param>
    /// <param name="progress">Receives the fraction of the input read (0 to 1) now and then; optional.</param>
    /// <param name="method">The algorithm (default: Cholesky factors and SVD).</param>
    /// <returns>The analysis with means, standard deviations and raw coefficients, but no scores.</returns>
    /// <exception cref="PanelFormatException">The file or a column is missing, or a value is empty, NaN, infinite or not a number.</exception>
    /// <exception cref="CcaDataException">Too few rows, or a constant or collinear variable.</exception>
    public static CcaResult FitFile(string path, IReadOnlyList<string> xColumns, IReadOnlyList<string> yColumns,
        IProgress<double>? progress = null, CcaMethod method = CcaMethod.Stable) =>
        Fit(DuckDbRowReader.FileQuery(path), path, xColumns, yColumns, progress, method,
            progress is null ? 0 : DuckDbRowReader.ParquetRows(path));

    /// <summary>Fits a canonical correlation analysis to named columns of the result of a DuckDB SQL query.</summary>
    /// <param name="sql">A SELECT query, e.g. <c>SELECT * FROM read_parquet('panel/*.parquet') WHERE year &gt;= 2015</c>.</param>
    /// <param name="xColumns">The names of the X columns of the result.</param>
    /// <param name="yColumns">The names of the Y columns of the result.</param>
    /// <param name="progress">Receives the fraction of the query done (0 to 1) now and then; optional.</param>
    /// <param name="method">The algorithm (default: Cholesky factors and SVD).</param>
    /// <returns>The analysis with means, standard deviations and raw coefficients, but no scores.</returns>
    /// <exception cref="PanelFormatException">The query fails, a column is missing, or a value is empty, NaN, infinite or not a number.</exception>
    /// <exception cref="CcaDataException">Too few rows, or a constant or collinear variable.</exception>
    public static CcaResult FitQuery(string sql, IReadOnlyList<string> xColumns, IReadOnlyList<string> yColumns,
        IProgress<double>? progress = null, CcaMethod method = CcaMethod.Stable) =>
        Fit(sql, DuckDbRowReader.QuerySource, xColumns, yColumns, progress, method);

    /// <summary>
    /// Reads named columns of a DuckDB query into their sufficient statistics (row count, means, co-moments),
    /// in one streaming pass.
    /// </summary>
    /// <param name="sql">A SELECT query.</param>
    /// <param name="source">The file or "the query", for error messages.</param>
    /// <param name="columns">The columns, in the order of the statistics (at least two).</param>
    /// <param name="progress">Receives the fraction of the query done (0 to 1); optional.</param>
    /// <param name="expectedRows">The rows expected, for the progress when DuckDB gives no estimate (0: unknown).</param>
    /// <exception cref="PanelFormatException">As for <see cref="FitQuery"/>.</exception>
    public static CoMoments ReadMoments(string sql, string source, IReadOnlyList<string> columns, IProgress<double>? progress = null,
        long expectedRows = 0)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count < 2)
            throw new ArgumentException("Name at least two columns (at least one X and one Y variable).", nameof(columns));
        int v = columns.Count;
        using var reader = DuckDbRowReader.Open(sql, columns, source, expectedRows);
        using var free = new BlockingCollection<double[]>(Buffers);
        using var full = new BlockingCollection<(double[] Rows, int Count)>(Buffers);
        using var stop = new CancellationTokenSource();
        for (int b = 0; b < Buffers; b++) free.Add(new double[CoMoments.ChunkRows * v]);
        // DuckDB's streaming result is read on one thread (DuckDB fills its chunks with its own worker threads);
        // the kernel accumulates on this one.
        var producer = Task.Run(() =>
        {
            try
            {
                while (true)
                {
                    var buffer = free.Take(stop.Token);
                    int rows = 0, got;
                    while (rows < CoMoments.ChunkRows && (got = reader.Read(buffer.AsSpan(rows * v))) > 0) rows += got;
                    if (rows == 0) break;
                    full.Add((buffer, rows), stop.Token);
                    if (rows < CoMoments.ChunkRows) break;
                }
            }
            finally
            {
                full.CompleteAdding();
            }
        });
        var total = new CoMoments(v);
        var ws = new CoMoments.Workspace(v);
        try
        {
            foreach (var (rows, count) in full.GetConsumingEnumerable())
            {
                total.AddChunk(ws, rows.AsSpan(0, count * v)); // power-of-two units from the first chunk (scale invariance)
                free.Add(rows);
                if (progress is not null && !double.IsNaN(reader.Progress)) progress.Report(reader.Progress);
            }
        }
        catch
        {
            stop.Cancel(); // the reader stops at its next buffer; this error is the one to report
            try { producer.Wait(); }
            catch (AggregateException) { }
            throw;
        }
        producer.GetAwaiter().GetResult(); // the reader's own error (e.g. an empty cell), as thrown
        progress?.Report(1.0);
        return total;
    }

    /// <summary>
    /// Fits a canonical correlation analysis to the saved result of the co-moment query printed by
    /// <see cref="CoMomentSql.Query"/> (row count, means, co-moments; the variable names come from the file).
    /// </summary>
    /// <param name="path">The result, saved as CSV with its header.</param>
    /// <param name="method">The algorithm (default: Cholesky factors and SVD).</param>
    /// <returns>The analysis with means, standard deviations and raw coefficients, but no scores.</returns>
    /// <exception cref="PanelFormatException">The file does not have the documented shape.</exception>
    /// <exception cref="CcaDataException">Too few rows, or a constant or collinear variable.</exception>
    public static CcaResult FitMomentsFile(string path, CcaMethod method = CcaMethod.Stable)
    {
        var table = CoMomentSql.ReadResult(path);
        if (table.Count < table.X.Count + table.Y.Count + 2)
            throw new CcaDataException($"{table.Count} rows are too few for {table.X.Count + table.Y.Count} variables: canonical correlation analysis needs at least p + q + 2 = {table.X.Count + table.Y.Count + 2} rows.", nameof(path));
        var moments = CoMoments.FromStatistics(table.Count, table.Means, table.CoMoments);
        return CanonicalCorrelationAnalysis.FitMoments(moments, table.X.Count, table.X.Concat(table.Y).ToArray(), method);
    }

    private static CcaResult Fit(string sql, string source, IReadOnlyList<string> xColumns, IReadOnlyList<string> yColumns,
        IProgress<double>? progress, CcaMethod method, long expectedRows = 0)
    {
        ArgumentNullException.ThrowIfNull(xColumns);
        ArgumentNullException.ThrowIfNull(yColumns);
        var columns = xColumns.Concat(yColumns).ToArray();
        var moments = ReadMoments(sql, source, columns, progress, expectedRows);
        return CanonicalCorrelationAnalysis.FitMoments(moments, xColumns.Count, columns, method);
    }
}
