using System.Globalization;
using nietras.SeparatedValues;

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
    /// <param name="path">The CSV file (comma-separated, a header row with the column names, '.' as decimal point).</param>
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
    /// <param name="path">The CSV file (comma-separated, a header row, '.' as decimal point).</param>
    /// <param name="columns">The names of the columns to read, in the order of the statistics.</param>
    /// <param name="progress">Receives the fraction of the file read so far (0 to 1), once per chunk; optional.</param>
    /// <exception cref="CcaDataException">The file or a column is missing, a row is short, or a value is not a finite number.</exception>
    public static CoMoments ReadCsv(string path, IReadOnlyList<string> columns, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count < 2)
            throw new ArgumentException("Name at least two columns (at least one X and one Y variable).", nameof(columns));
        if (!File.Exists(path))
            throw new CcaDataException($"The file '{path}' does not exist. Check the path (relative paths start at {Environment.CurrentDirectory}).", nameof(path));
        int v = columns.Count;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        long length = stream.Length;
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true }).From(stream);
        var header = reader.Header.ColNames;
        var index = new int[v];
        for (int j = 0; j < v; j++)
        {
            index[j] = -1;
            for (int c = 0; c < header.Count; c++)
                if (header[c].Trim() == columns[j]) { index[j] = c; break; }
            if (index[j] < 0)
                throw new CcaDataException($"{path}: there is no column '{columns[j]}' in the header. The columns are: {string.Join(", ", header)}.", nameof(columns));
        }
        var total = new CoMoments(v);
        var ws = new CoMoments.Workspace(v);
        var buffer = new double[CoMoments.ChunkRows * v];
        int rows = 0;
        void Flush()
        {
            if (rows == 0) return;
            var chunk = new CoMoments(v);
            chunk.Accumulate(ws, rows, (start, count, dest, stride) =>
            {
                for (int r = 0; r < count; r++) buffer.AsSpan((start + r) * v, v).CopyTo(dest.Slice(r * stride));
            });
            total.Merge(chunk);
            rows = 0;
            // The reader closes the stream at its end; before that, its position (read ahead by a buffer) tells the progress.
            progress?.Report(length > 0 && stream.CanSeek ? Math.Min(1.0, (double)stream.Position / length) : 1.0);
        }
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace()) continue;
            for (int j = 0; j < v; j++)
            {
                int line = row.LineNumberFrom;
                if (index[j] >= row.ColCount)
                    throw new CcaDataException($"{path}, line {line}: the row has {row.ColCount} fields, so column '{columns[j]}' (field {index[j] + 1}) is missing.", nameof(path));
                var text = row[index[j]].Span.Trim();
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                    throw new CcaDataException($"{path}, line {line}, column '{columns[j]}': '{text.ToString()}' is not a finite number. Fix the value or remove the row (missing values are not allowed).", nameof(path));
                buffer[rows * v + j] = value;
            }
            if (++rows == CoMoments.ChunkRows) Flush();
        }
        Flush();
        progress?.Report(1.0);
        return total;
    }
}
