using RuralEcom.Data;

namespace RuralEcom.Cca;

/// <summary>
/// Canonical correlation analysis of a CSV file too large to load: the file is read once, in chunks of
/// <see cref="CoMoments.ChunkRows"/> rows, accumulating the row count, means and co-moments
/// (<see cref="CoMoments"/>, merged with the update of Chan, Golub &amp; LeVeque 1979), and the analysis is solved
/// from them (<see cref="CanonicalCorrelationAnalysis.FitMoments"/>). Memory use is independent of the file's length.
/// </summary>
public static class StreamingCca
{
    /// <summary>
    /// Fits a canonical correlation analysis to named columns of a CSV file with a header row.
    /// </summary>
    /// <param name="path">The CSV file (UTF-8, any common separator, a header row with the column names, '.' as decimal point).</param>
    /// <param name="xColumns">The names of the X columns.</param>
    /// <param name="yColumns">The names of the Y columns.</param>
    /// <param name="progress">Receives the fraction of the file read so far (0 to 1), once per chunk; optional.</param>
    /// <returns>The analysis with means, standard deviations and raw coefficients, but no scores.</returns>
    /// <exception cref="CcaDataException">The file is missing, a column is missing, or a value is not a finite
    /// number (the message gives the line and column).</exception>
    public static CcaResult FitCsv(string path, IReadOnlyList<string> xColumns, IReadOnlyList<string> yColumns,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(xColumns);
        ArgumentNullException.ThrowIfNull(yColumns);
        var columns = xColumns.Concat(yColumns).ToArray();
        var moments = ReadCsv(path, columns, progress);
        return CanonicalCorrelationAnalysis.FitMoments(moments, xColumns.Count, columns);
    }

    /// <summary>
    /// Reads named numeric columns of a CSV file with a header row, chunk by chunk, into their sufficient statistics.
    /// </summary>
    /// <param name="path">The CSV file (UTF-8, any common separator, a header row, '.' as decimal point).</param>
    /// <param name="columns">The names of the columns to read, in the order of the statistics.</param>
    /// <param name="progress">Receives the fraction of the file read so far (0 to 1), once per chunk; optional.</param>
    /// <exception cref="CcaDataException">The file or a column is missing, a row is short, or a value is not a finite number.</exception>
    public static CoMoments ReadCsv(string path, IReadOnlyList<string> columns, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count < 2)
            throw new ArgumentException("Name at least two columns (at least one X and one Y variable).", nameof(columns));
        int v = columns.Count;
        var total = new CoMoments(v);
        var ws = new CoMoments.Workspace(v);
        var buffer = new double[CoMoments.ChunkRows * v];
        int rows = 0;
        Func<double> fraction = () => 1.0;
        void Flush()
        {
            if (rows == 0) return;
            total.AddChunk(ws, buffer.AsSpan(0, rows * v));
            rows = 0;
            progress?.Report(fraction());
        }
        // The file is read by the library's one reader (lib/Data), which gives its errors with file, line and column.
        try
        {
            DataFile.StreamColumns(path, columns, null, values =>
            {
                values.CopyTo(buffer.AsSpan(rows * v, v));
                if (++rows == CoMoments.ChunkRows) Flush();
            }, out fraction);
        }
        catch (PanelFormatException e)
        {
            throw new CcaDataException(e.Message, nameof(path));
        }
        Flush();
        progress?.Report(1.0);
        return total;
    }
}
