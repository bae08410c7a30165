using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using RuralEcom.Numerics;

namespace RuralEcom.Cca;

/// <summary>
/// The sufficient statistics of a canonical correlation analysis of v = p + q variables: the number of rows n,
/// the means and the co-moment matrix C = Σ_rows (z − z̄)(z − z̄)ᵀ (so the covariance matrix is C / (n − 1)).
/// Built chunk by chunk, so data larger than memory (or much larger than a cache) can be analysed in one pass.
/// </summary>
/// <remarks>
/// Numerics: each chunk is shifted by the mean of its first rows (an estimate of its mean, so the shifted sums do
/// not cancel), its shifted cross-products are accumulated in blocks by a vectorised kernel, and chunks are
/// combined with the pairwise update of Chan, Golub &amp; LeVeque (1979), "Updating formulae and a pairwise
/// algorithm for computing sample variances", Stanford CS report STAN-CS-79-773 (also Chan, Golub &amp; LeVeque
/// 1983, The American Statistician 37:242-247): with n = n_a + n_b and δ = x̄_b − x̄_a,
/// x̄ = x̄_a + δ n_b / n and C = C_a + C_b + δ δᵀ n_a n_b / n.
/// <para>
/// <see cref="Compute"/> splits the rows into fixed chunks of <see cref="ChunkRows"/> and merges the chunk results
/// in row order, so the result does not depend on the number of threads.
/// </para>
/// <para>
/// Scale invariance: before the rows reach the kernel, each variable is multiplied by an exact power of two 2^−e
/// chosen from the first rows added (<see cref="ColumnStandardization.PowerOfTwoScale"/>: the first chunk's largest
/// absolute value is brought into [0.5, 1)), so the cross-products neither overflow for data near 1e300 nor
/// underflow near 1e−300. The statistics are kept in these units and <see cref="Means"/> and
/// <see cref="Covariance"/> undo the scaling exactly (a covariance beyond the range of a double is then infinite;
/// <see cref="CanonicalCorrelationAnalysis.FitMoments"/> works in the scaled units and is not affected).
/// </para>
/// </remarks>
public sealed class CoMoments
{
    /// <summary>Rows per chunk in <see cref="Compute"/> (chunks are processed in parallel and merged in order).</summary>
    public const int ChunkRows = 16384;

    /// <summary>How many rows ahead <see cref="PackPanels"/> asks the memory system for the source rows.</summary>
    private const int PrefetchRows = 8;

    /// <summary>Rows per block of the cross-product kernel (a block of 100 padded columns stays in the L2 cache).</summary>
    private const int BlockRows = 256;

    /// <summary>
    /// The packed width is a multiple of this: one 8-wide panel with AVX-512, else a tile of three 4-wide vectors.
    /// </summary>
    private static readonly int TileColumns = Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? 8 : 12;

    private readonly double[] _mean;
    private readonly double[] _comoment; // v × v; only the upper triangle (i ≤ j) is kept current
    private readonly double[] _scale; // the power of two 2^−e_j each variable is multiplied by (the statistics are in these units)
    private bool _scaleChosen;

    /// <summary>Empty statistics (no rows yet) of <paramref name="variables"/> variables.</summary>
    /// <param name="variables">The number of variables v = p + q (≥ 2).</param>
    public CoMoments(int variables)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(variables, 2);
        Variables = variables;
        _mean = new double[variables];
        _comoment = new double[variables * variables];
        _scale = Enumerable.Repeat(1.0, variables).ToArray();
    }

    /// <summary>Empty statistics in the same scaled units as this object (for one chunk of rows to merge into it).</summary>
    internal CoMoments EmptyLike()
    {
        var chunk = new CoMoments(Variables);
        _scale.CopyTo(chunk._scale, 0);
        chunk._scaleChosen = _scaleChosen;
        return chunk;
    }

    /// <summary>
    /// Fixes the power-of-two scale of each variable from the first <paramref name="rows"/> rows of
    /// <paramref name="source"/> when no rows have been added yet; later calls do nothing.
    /// </summary>
    internal void ChooseScales(RowSource source, int rows)
    {
        if (_scaleChosen || Count > 0) return;
        var max = new double[Variables];
        LargestMagnitudes(source.First, source.FirstWidth, rows, max.AsSpan(0, source.FirstWidth));
        LargestMagnitudes(source.Second, source.SecondWidth, rows, max.AsSpan(source.FirstWidth));
        for (int j = 0; j < Variables; j++) _scale[j] = ColumnStandardization.PowerOfTwoScale(max[j]);
        _scaleChosen = true;
    }

    /// <summary>max[j] = the largest |value| of column j over the first rows of a row-major block of the given width.</summary>
    private static void LargestMagnitudes(ReadOnlySpan<double> values, int width, int rows, Span<double> max)
    {
        if (width == 0) return;
        int vectorWidth = width / 4 * 4;
        for (int r = 0; r < rows; r++)
        {
            var row = values.Slice(r * width, width);
            for (int j = 0; j < vectorWidth; j += 4)
                Vector256.Max(Vector256.Create(max.Slice(j, 4)), Vector256.Abs(Vector256.Create(row.Slice(j, 4)))).CopyTo(max.Slice(j, 4));
            for (int j = vectorWidth; j < width; j++) max[j] = Math.Max(max[j], Math.Abs(row[j]));
        }
    }

    /// <summary>The scale each variable was multiplied by (a copy; powers of two).</summary>
    internal double[] Scales() => (double[])_scale.Clone();

    /// <summary>The means in the scaled units (mean_j · scale_j).</summary>
    internal double[] ScaledMeans() => (double[])_mean.Clone();

    /// <summary>The covariance matrix in the scaled units: C_ij scale_i scale_j / (n − 1).</summary>
    internal double[,] ScaledCovariance()
    {
        if (Count < 2) throw new InvalidOperationException($"A covariance needs at least two rows; {Count} have been added.");
        int v = Variables;
        var s = new double[v, v];
        for (int i = 0; i < v; i++)
            for (int j = i; j < v; j++) s[i, j] = s[j, i] = _comoment[i * v + j] / (Count - 1);
        return s;
    }

    /// <summary>Statistics computed elsewhere (e.g. by a database): a row count, the means and the co-moments.</summary>
    /// <param name="count">The number of rows n (≥ 2).</param>
    /// <param name="means">The v means.</param>
    /// <param name="comoments">The v × v co-moment matrix C = Σ (z − z̄)(z − z̄)ᵀ (only the upper triangle is read).</param>
    /// <exception cref="ArgumentException">The sizes disagree.</exception>
    public static CoMoments FromStatistics(long count, double[] means, double[,] comoments)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(comoments);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        int v = means.Length;
        if (comoments.GetLength(0) != v || comoments.GetLength(1) != v)
            throw new ArgumentException($"The co-moment matrix is {comoments.GetLength(0)} × {comoments.GetLength(1)} for {v} means.", nameof(comoments));
        var m = new CoMoments(v) { Count = count };
        means.CopyTo(m._mean, 0);
        for (int i = 0; i < v; i++)
            for (int j = i; j < v; j++) m._comoment[i * v + j] = comoments[i, j];
        return m;
    }

    /// <summary>The number of variables v.</summary>
    public int Variables { get; }

    /// <summary>The number of rows accumulated so far.</summary>
    public long Count { get; private set; }

    /// <summary>The means of the variables (a copy).</summary>
    public double[] Means() => _mean.Select((m, j) => m / _scale[j]).ToArray();

    /// <summary>The covariance matrix C / (n − 1), v × v.</summary>
    /// <exception cref="InvalidOperationException">Fewer than two rows have been added.</exception>
    public double[,] Covariance()
    {
        var s = ScaledCovariance();
        for (int i = 0; i < Variables; i++)
            for (int j = 0; j < Variables; j++) s[i, j] = s[i, j] / _scale[i] / _scale[j];
        return s;
    }

    /// <summary>Adds rows given row-major (row r, variable j at [r v + j]).</summary>
    /// <param name="rows">A whole number of rows of <see cref="Variables"/> values each.</param>
    /// <exception cref="ArgumentException">The length is not a multiple of <see cref="Variables"/>.</exception>
    public void Add(ReadOnlySpan<double> rows)
    {
        if (rows.Length % Variables != 0)
            throw new ArgumentException($"{rows.Length} values do not make whole rows of {Variables} variables.", nameof(rows));
        if (rows.Length == 0) return;
        AddChunk(new Workspace(Variables), rows);
    }

    /// <summary>
    /// Adds one chunk of whole rows (row-major, v values each) with a reusable workspace: the scales are fixed from
    /// the first chunk, the chunk's statistics are accumulated and merged in.
    /// </summary>
    internal void AddChunk(Workspace ws, ReadOnlySpan<double> rows)
    {
        int count = rows.Length / Variables;
        if (count == 0) return;
        var source = new RowSource(rows, Variables, default, 0);
        ChooseScales(source, Math.Min(count, ChunkRows));
        var chunk = EmptyLike();
        chunk.Accumulate(ws, source, count);
        Merge(chunk);
    }

    /// <summary>
    /// Combines another set of statistics of the same variables (other rows) into this one (Chan, Golub &amp; LeVeque 1979).
    /// </summary>
    /// <param name="other">Statistics of further rows.</param>
    public void Merge(CoMoments other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Variables != Variables)
            throw new ArgumentException($"The statistics have {other.Variables} variables, these have {Variables}.", nameof(other));
        if (other.Count == 0) return;
        long na = Count, nb = other.Count, n = na + nb;
        int v = Variables;
        if (!other._scale.AsSpan().SequenceEqual(_scale))
        {
            if (na == 0)
            {
                other._scale.CopyTo(_scale, 0);
                _scaleChosen = true;
            }
            else
            {
                // Bring the other statistics into these units (ratios of powers of two: exact).
                var converted = other.EmptyLike();
                converted.Count = nb;
                for (int i = 0; i < v; i++)
                {
                    double ri = _scale[i] / other._scale[i];
                    converted._mean[i] = other._mean[i] * ri;
                    for (int j = i; j < v; j++) converted._comoment[i * v + j] = other._comoment[i * v + j] * ri * (_scale[j] / other._scale[j]);
                }
                _scale.CopyTo(converted._scale, 0);
                other = converted;
            }
        }
        double f = (double)na * nb / n;
        Span<double> delta = v <= 512 ? stackalloc double[v] : new double[v];
        for (int j = 0; j < v; j++) delta[j] = other._mean[j] - _mean[j];
        for (int i = 0; i < v; i++)
        {
            double di = f * delta[i];
            for (int j = i; j < v; j++) _comoment[i * v + j] += other._comoment[i * v + j] + di * delta[j];
        }
        for (int j = 0; j < v; j++) _mean[j] = na == 0 ? other._mean[j] : _mean[j] + delta[j] * ((double)nb / n);
        Count = n;
    }

    /// <summary>
    /// The statistics of the p + q columns of X and Y side by side (X first), in parallel over fixed chunks of rows.
    /// </summary>
    /// <param name="x">X, n × p (rows are samples).</param>
    /// <param name="y">Y, n × q.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use (−1: all cores; 1: sequential). The result is
    /// the same for every value.</param>
    /// <exception cref="CcaDataException">The row counts differ, or a value is NaN or infinite (named by row and column).</exception>
    public static CoMoments Compute(double[,] x, double[,] y, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n = x.GetLength(0), p = x.GetLength(1), q = y.GetLength(1), v = p + q;
        CcaCore.RequireSameRows(x, y);
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use −1 for all cores or a positive thread count.");
        var total = new CoMoments(Math.Max(v, 2));
        if (n == 0 || p == 0 || q == 0) return total;
        // Rows [first, first + count) of X and Y, read in place.
        RowSource Rows(int first, int count) => new(
            MemoryMarshal.CreateReadOnlySpan(ref x[0, 0], x.Length).Slice(first * p, count * p), p,
            MemoryMarshal.CreateReadOnlySpan(ref y[0, 0], y.Length).Slice(first * q, count * q), q);
        total.ChooseScales(Rows(0, Math.Min(n, ChunkRows)), Math.Min(n, ChunkRows));
        int chunks = (n + ChunkRows - 1) / ChunkRows;
        var parts = new CoMoments[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => new Workspace(v),
            (chunk, _, ws) =>
            {
                int first = chunk * ChunkRows, rows = Math.Min(ChunkRows, n - first);
                var part = total.EmptyLike();
                part.Accumulate(ws, Rows(first, rows), rows);
                parts[chunk] = part;
                return ws;
            },
            _ => { });
        foreach (var part in parts) total.Merge(part);
        total.RequireFinite(x, y);
        return total;
    }

    /// <summary>Names the first non-finite value when the statistics are not finite (the error path only).</summary>
    private void RequireFinite(double[,] x, double[,] y)
    {
        if (_mean.All(double.IsFinite) && _comoment.All(double.IsFinite)) return;
        foreach (var (m, set) in new[] { (x, "X"), (y, "Y") })
            for (int i = 0; i < m.GetLength(0); i++)
                for (int j = 0; j < m.GetLength(1); j++)
                    if (!double.IsFinite(m[i, j]))
                        throw new CcaDataException($"{set} column {j + 1} has the value {m[i, j].ToString(CultureInfo.InvariantCulture)} in row {i + 1}: every value must be a finite number. Fix or remove that sample.", set == "X" ? nameof(x) : nameof(y));
        throw new CcaDataException("The cross-products overflowed: the values are too large. Rescale the variables (e.g. to thousands) and fit again.");
    }

    /// <summary>
    /// The rows of one chunk, read in place: row r is first[r · firstWidth ..] (firstWidth values) followed by
    /// second[r · secondWidth ..] (secondWidth values), e.g. X and Y side by side, or one row-major buffer.
    /// </summary>
    internal readonly ref struct RowSource(ReadOnlySpan<double> first, int firstWidth, ReadOnlySpan<double> second, int secondWidth)
    {
        public readonly ReadOnlySpan<double> First = first, Second = second;
        public readonly int FirstWidth = firstWidth, SecondWidth = secondWidth;

        /// <summary>Copies the v values of row r to dest.</summary>
        public void CopyRow(int r, Span<double> dest)
        {
            First.Slice(r * FirstWidth, FirstWidth).CopyTo(dest);
            if (SecondWidth > 0) Second.Slice(r * SecondWidth, SecondWidth).CopyTo(dest[FirstWidth..]);
        }
    }

    /// <summary>
    /// Reusable buffers of one thread: the packed panels of a block of rows (AVX-512) or the block itself (AVX2), and
    /// the cross-product tile sums.
    /// </summary>
    internal sealed class Workspace
    {
        public Workspace(int variables)
        {
            Stride = (variables + TileColumns - 1) / TileColumns * TileColumns;
            Block = TileColumns == 8 ? [] : new double[BlockRows * Stride];
            Panels = TileColumns == 8 ? new double[Stride / 8 * PanelSize(BlockRows)] : [];
            Gram = new double[Stride * Stride];
            Sum = new double[Stride];
            Shift = new double[Stride];
            Scale = new double[Stride];
            Row = new double[Stride];
        }

        public int Stride { get; }
        public double[] Block { get; }
        public double[] Panels { get; }
        public double[] Gram { get; }
        public double[] Sum { get; }
        public double[] Shift { get; }
        public double[] Scale { get; }
        public double[] Row { get; }
    }

    /// <summary>
    /// Accumulates one chunk of <paramref name="rows"/> rows (this object must be empty): shift by the mean of the
    /// first block, shifted sums and cross-products block by block, then the centred co-moments
    /// C = S − s sᵀ / n and mean = shift + s / n.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Accumulate(Workspace ws, RowSource source, int rows)
    {
        int v = Variables, stride = ws.Stride;
        _scale.CopyTo(ws.Scale, 0); // padded columns keep the scale 0 (their values are 0 anyway)
        Array.Clear(ws.Gram);
        Array.Clear(ws.Sum);
        Array.Clear(ws.Shift);
        // The shift: the mean of the first block in the scaled units (each scaled value is exact).
        int firstBlock = Math.Min(BlockRows, rows);
        var scaled = ws.Row.AsSpan(0, v);
        for (int r = 0; r < firstBlock; r++)
        {
            source.CopyRow(r, scaled);
            for (int j = 0; j < v; j++) scaled[j] *= _scale[j];
            SmallDense.AddScaled(ws.Shift.AsSpan(0, v), 1.0 / firstBlock, scaled);
        }
        for (int start = 0; start < rows; start += BlockRows)
        {
            int count = Math.Min(BlockRows, rows - start);
            if (TileColumns == 8)
            {
                PackPanels(source, start, count, stride, ws.Scale, ws.Shift, ws.Sum, ws.Panels);
                GramUpper512(ws.Panels, count, stride, ws.Gram);
                continue;
            }
            var block = ws.Block.AsSpan(0, count * stride);
            for (int r = 0; r < count; r++)
            {
                var row = block.Slice(r * stride, stride);
                source.CopyRow(start + r, row);
                ScaleAndSubtract(row, ws.Scale, ws.Shift);
                SmallDense.AddScaled(ws.Sum, 1.0, row);
            }
            GramUpper(block, count, stride, ws.Gram);
        }
        for (int i = 0; i < v; i++)
        {
            double si = ws.Sum[i] / rows;
            for (int j = i; j < v; j++) _comoment[i * v + j] = ws.Gram[i * stride + j] - si * ws.Sum[j];
        }
        for (int j = 0; j < v; j++) _mean[j] = ws.Shift[j] + ws.Sum[j] / rows;
        Count = rows;
    }

    /// <summary>row ← row · scale − shift, elementwise (the product by a power of two is exact, so one rounding).</summary>
    private static void ScaleAndSubtract(Span<double> row, ReadOnlySpan<double> scale, ReadOnlySpan<double> shift)
    {
        ref double a = ref MemoryMarshal.GetReference(row);
        ref double c = ref MemoryMarshal.GetReference(scale);
        ref double b = ref MemoryMarshal.GetReference(shift);
        for (int j = 0; j < row.Length; j += 4)
            Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)j), Vector256.LoadUnsafe(ref c, (nuint)j), -Vector256.LoadUnsafe(ref b, (nuint)j))
                .StoreUnsafe(ref a, (nuint)j);
    }

    /// <summary>
    /// G += Dᵀ D on and above the diagonal (in 4 × 12 tiles) for D = rows × stride row-major, stride a multiple of 12
    /// (the kernel for CPUs without AVX-512):
    /// a register-blocked kernel (12 vector accumulators, 3 loads and 4 broadcasts per row) as in BLAS micro-kernels
    /// (Goto &amp; van de Geijn 2008, "Anatomy of high-performance matrix multiplication", ACM TOMS 34:12).
    /// </summary>
    internal static void GramUpper(ReadOnlySpan<double> d, int rows, int stride, Span<double> g)
    {
        ref double dRef = ref MemoryMarshal.GetReference(d);
        ref double gRef = ref MemoryMarshal.GetReference(g);
        for (int i0 = 0; i0 < stride; i0 += 4)
            for (int j0 = i0 / 12 * 12; j0 < stride; j0 += 12)
            {
                Vector256<double> c00 = default, c01 = default, c02 = default, c10 = default, c11 = default, c12 = default;
                Vector256<double> c20 = default, c21 = default, c22 = default, c30 = default, c31 = default, c32 = default;
                for (int r = 0; r < rows; r++)
                {
                    ref double row = ref Unsafe.Add(ref dRef, r * stride);
                    var b0 = Vector256.LoadUnsafe(ref row, (nuint)j0);
                    var b1 = Vector256.LoadUnsafe(ref row, (nuint)(j0 + 4));
                    var b2 = Vector256.LoadUnsafe(ref row, (nuint)(j0 + 8));
                    var a = Vector256.Create(Unsafe.Add(ref row, i0));
                    c00 = Vector256.FusedMultiplyAdd(a, b0, c00); c01 = Vector256.FusedMultiplyAdd(a, b1, c01); c02 = Vector256.FusedMultiplyAdd(a, b2, c02);
                    a = Vector256.Create(Unsafe.Add(ref row, i0 + 1));
                    c10 = Vector256.FusedMultiplyAdd(a, b0, c10); c11 = Vector256.FusedMultiplyAdd(a, b1, c11); c12 = Vector256.FusedMultiplyAdd(a, b2, c12);
                    a = Vector256.Create(Unsafe.Add(ref row, i0 + 2));
                    c20 = Vector256.FusedMultiplyAdd(a, b0, c20); c21 = Vector256.FusedMultiplyAdd(a, b1, c21); c22 = Vector256.FusedMultiplyAdd(a, b2, c22);
                    a = Vector256.Create(Unsafe.Add(ref row, i0 + 3));
                    c30 = Vector256.FusedMultiplyAdd(a, b0, c30); c31 = Vector256.FusedMultiplyAdd(a, b1, c31); c32 = Vector256.FusedMultiplyAdd(a, b2, c32);
                }
                AddTo(ref gRef, i0 * stride + j0, c00, c01, c02);
                AddTo(ref gRef, (i0 + 1) * stride + j0, c10, c11, c12);
                AddTo(ref gRef, (i0 + 2) * stride + j0, c20, c21, c22);
                AddTo(ref gRef, (i0 + 3) * stride + j0, c30, c31, c32);
            }
    }

    /// <summary>
    /// The distance between two packed panels of <paramref name="rows"/> rows: rows × 8 values and one spare cache
    /// line, so the panels written row by row do not all fall into the same L1 cache set (a multiple of 4 KiB apart).
    /// </summary>
    internal static int PanelSize(int rows) => rows * 8 + 8;

    /// <summary>
    /// For the AVX-512 kernel: reads rows [start, start + rows) of <paramref name="source"/> in place, scales them by
    /// <paramref name="scale"/> and shifts them by <paramref name="shift"/> (one fused multiply-add: the product by a
    /// power of two is exact), adds them to <paramref name="sum"/>, and writes them as packed panels of 8 columns
    /// (panel p holds rows × 8 values, row after row, at p · <see cref="PanelSize"/>; columns past v are 0), in one pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void PackPanels(RowSource source, int start, int rows, int stride, ReadOnlySpan<double> scale, ReadOnlySpan<double> shift, Span<double> sum, Span<double> panels)
    {
        int count = stride / 8, size = PanelSize(rows), wa = source.FirstWidth, wb = source.SecondWidth;
        if (rows == 0) return;
        if ((long)(start + rows) * wa > source.First.Length || (long)(start + rows) * wb > source.Second.Length || panels.Length < count * size
            || scale.Length < stride || shift.Length < stride || sum.Length < stride)
            throw new ArgumentException("The rows, panels or column vectors do not fit the buffers given.", nameof(source));
        // Panels [0, inFirst) lie in the first side, [firstOfSecond, pastSecond) in the second; the others (at most
        // two: across the sides, and the last one past v) are read with masked loads (lanes outside a side are
        // neither read nor kept), so no read leaves the spans.
        int inFirst = wa / 8, firstOfSecond = (wa + 7) / 8, pastSecond = (wa + wb) / 8;
        var lane = Vector512.Create(0L, 1, 2, 3, 4, 5, 6, 7);
        fixed (double* firstPtr = source.First, secondPtr = source.Second, pPtr = panels, scalePtr = scale, shiftPtr = shift, sumPtr = sum)
        {
            // Row by row, so the source is read front to back; each row's 8-column pieces go to their panels.
            for (int r = 0; r < rows; r++)
            {
                double* a = firstPtr + (long)(start + r) * wa, b = secondPtr + (long)(start + r) * wb - wa; // b[j]: column j ≥ wa
                if (r + PrefetchRows < rows)
                {
                    // Ask for a later row's lines now, so they arrive from memory while this row is packed.
                    double* ahead = a + PrefetchRows * wa;
                    for (int j = 0; j < wa; j += 8) Sse.Prefetch0(ahead + j);
                    ahead = b + wa + PrefetchRows * wb;
                    for (int j = 0; j < wb; j += 8) Sse.Prefetch0(ahead + j);
                }
                for (int p = 0; p < count; p++)
                {
                    int c0 = p * 8;
                    Vector512<double> raw;
                    if (p < inFirst) raw = Vector512.Load(a + c0);
                    else if (p >= firstOfSecond && p < pastSecond) raw = Vector512.Load(b + c0);
                    else
                    {
                        var column = lane + Vector512.Create((long)c0);
                        var inA = Vector512.LessThan(column, Vector512.Create((long)wa)).AsDouble();
                        var inB = Vector512.LessThan(column, Vector512.Create((long)(wa + wb))).AsDouble() & ~inA;
                        raw = Avx512F.MaskLoad(a + c0, inA, Vector512<double>.Zero) | Avx512F.MaskLoad(b + c0, inB, Vector512<double>.Zero);
                    }
                    var value = Vector512.FusedMultiplyAdd(raw, Vector512.Load(scalePtr + c0), -Vector512.Load(shiftPtr + c0));
                    Vector512.Store(Vector512.Load(sumPtr + c0) + value, sumPtr + c0);
                    Vector512.Store(value, pPtr + (long)p * size + r * 8);
                }
            }
        }
    }

    /// <summary>
    /// The AVX-512 form of <see cref="GramUpper"/>: G += Dᵀ D on and above the diagonal for D given as packed
    /// 8-column panels (<see cref="PackPanels"/>; G is stride × stride with stride = 8 × panels), as a
    /// register-blocked matrix product in the manner of BLAS (Goto &amp; van de Geijn 2008, "Anatomy of
    /// high-performance matrix multiplication", ACM TOMS 34:12). For each 8-row panel of G, the micro-kernel
    /// accumulates an 8 × 24 tile (three panels of columns, 24 of the 32 vector registers) over all rows, reading
    /// one 8-value line of its own panel (broadcast) and three of the column panels per row: 24 fused multiply-adds
    /// per 11 loads, all from contiguous memory. The row panel (rows × 64 bytes) stays in L1 while the column panels
    /// stream from L2.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void GramUpper512(ReadOnlySpan<double> panels, int rows, int stride, Span<double> g)
    {
        int count = stride / 8, size = PanelSize(rows);
        ref double pRef = ref MemoryMarshal.GetReference(panels);
        ref double gRef = ref MemoryMarshal.GetReference(g);
        for (int ip = 0; ip < count; ip++)
        {
            ref double a = ref Unsafe.Add(ref pRef, ip * size);
            ref double tile = ref Unsafe.Add(ref gRef, ip * 8 * stride);
            int jp = ip;
            for (; jp + 3 <= count; jp += 3) Tile8x24(ref a, ref Unsafe.Add(ref pRef, jp * size), size, rows, ref Unsafe.Add(ref tile, jp * 8), stride);
            if (count - jp == 2) Tile8x16(ref a, ref Unsafe.Add(ref pRef, jp * size), size, rows, ref Unsafe.Add(ref tile, jp * 8), stride);
            else if (count - jp == 1) Tile8x8(ref a, ref Unsafe.Add(ref pRef, jp * size), size, rows, ref Unsafe.Add(ref tile, jp * 8), stride);
        }
    }

    /// <summary>An 8 × 24 tile of G += Aᵀ B over <paramref name="rows"/> rows of packed 8-column panels (24 accumulators of 8 doubles).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile8x24(ref double a, ref double b, int panelSize, int rows, ref double g, int stride)
    {
        Vector512<double> c00 = default, c01 = default, c02 = default, c03 = default, c04 = default, c05 = default, c06 = default, c07 = default;
        Vector512<double> c10 = default, c11 = default, c12 = default, c13 = default, c14 = default, c15 = default, c16 = default, c17 = default;
        Vector512<double> c20 = default, c21 = default, c22 = default, c23 = default, c24 = default, c25 = default, c26 = default, c27 = default;
        for (int r = 0; r < rows; r++)
        {
            ref double ar = ref Unsafe.Add(ref a, r * 8);
            var b0 = Vector512.LoadUnsafe(ref b, (nuint)(r * 8));
            var b1 = Vector512.LoadUnsafe(ref b, (nuint)(1 * panelSize + r * 8));
            var b2 = Vector512.LoadUnsafe(ref b, (nuint)(2 * panelSize + r * 8));
            var a0 = Vector512.Create(Unsafe.Add(ref ar, 0));
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00); c10 = Vector512.FusedMultiplyAdd(a0, b1, c10); c20 = Vector512.FusedMultiplyAdd(a0, b2, c20);
            var a1 = Vector512.Create(Unsafe.Add(ref ar, 1));
            c01 = Vector512.FusedMultiplyAdd(a1, b0, c01); c11 = Vector512.FusedMultiplyAdd(a1, b1, c11); c21 = Vector512.FusedMultiplyAdd(a1, b2, c21);
            var a2 = Vector512.Create(Unsafe.Add(ref ar, 2));
            c02 = Vector512.FusedMultiplyAdd(a2, b0, c02); c12 = Vector512.FusedMultiplyAdd(a2, b1, c12); c22 = Vector512.FusedMultiplyAdd(a2, b2, c22);
            var a3 = Vector512.Create(Unsafe.Add(ref ar, 3));
            c03 = Vector512.FusedMultiplyAdd(a3, b0, c03); c13 = Vector512.FusedMultiplyAdd(a3, b1, c13); c23 = Vector512.FusedMultiplyAdd(a3, b2, c23);
            var a4 = Vector512.Create(Unsafe.Add(ref ar, 4));
            c04 = Vector512.FusedMultiplyAdd(a4, b0, c04); c14 = Vector512.FusedMultiplyAdd(a4, b1, c14); c24 = Vector512.FusedMultiplyAdd(a4, b2, c24);
            var a5 = Vector512.Create(Unsafe.Add(ref ar, 5));
            c05 = Vector512.FusedMultiplyAdd(a5, b0, c05); c15 = Vector512.FusedMultiplyAdd(a5, b1, c15); c25 = Vector512.FusedMultiplyAdd(a5, b2, c25);
            var a6 = Vector512.Create(Unsafe.Add(ref ar, 6));
            c06 = Vector512.FusedMultiplyAdd(a6, b0, c06); c16 = Vector512.FusedMultiplyAdd(a6, b1, c16); c26 = Vector512.FusedMultiplyAdd(a6, b2, c26);
            var a7 = Vector512.Create(Unsafe.Add(ref ar, 7));
            c07 = Vector512.FusedMultiplyAdd(a7, b0, c07); c17 = Vector512.FusedMultiplyAdd(a7, b1, c17); c27 = Vector512.FusedMultiplyAdd(a7, b2, c27);
        }
        AddTo(ref g, 0 * stride + 0, c00);
        AddTo(ref g, 0 * stride + 8, c10);
        AddTo(ref g, 0 * stride + 16, c20);
        AddTo(ref g, 1 * stride + 0, c01);
        AddTo(ref g, 1 * stride + 8, c11);
        AddTo(ref g, 1 * stride + 16, c21);
        AddTo(ref g, 2 * stride + 0, c02);
        AddTo(ref g, 2 * stride + 8, c12);
        AddTo(ref g, 2 * stride + 16, c22);
        AddTo(ref g, 3 * stride + 0, c03);
        AddTo(ref g, 3 * stride + 8, c13);
        AddTo(ref g, 3 * stride + 16, c23);
        AddTo(ref g, 4 * stride + 0, c04);
        AddTo(ref g, 4 * stride + 8, c14);
        AddTo(ref g, 4 * stride + 16, c24);
        AddTo(ref g, 5 * stride + 0, c05);
        AddTo(ref g, 5 * stride + 8, c15);
        AddTo(ref g, 5 * stride + 16, c25);
        AddTo(ref g, 6 * stride + 0, c06);
        AddTo(ref g, 6 * stride + 8, c16);
        AddTo(ref g, 6 * stride + 16, c26);
        AddTo(ref g, 7 * stride + 0, c07);
        AddTo(ref g, 7 * stride + 8, c17);
        AddTo(ref g, 7 * stride + 16, c27);
    }

    /// <summary>An 8 × 16 tile of G += Aᵀ B over <paramref name="rows"/> rows of packed 8-column panels (16 accumulators of 8 doubles).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile8x16(ref double a, ref double b, int panelSize, int rows, ref double g, int stride)
    {
        Vector512<double> c00 = default, c01 = default, c02 = default, c03 = default, c04 = default, c05 = default, c06 = default, c07 = default;
        Vector512<double> c10 = default, c11 = default, c12 = default, c13 = default, c14 = default, c15 = default, c16 = default, c17 = default;
        for (int r = 0; r < rows; r++)
        {
            ref double ar = ref Unsafe.Add(ref a, r * 8);
            var b0 = Vector512.LoadUnsafe(ref b, (nuint)(r * 8));
            var b1 = Vector512.LoadUnsafe(ref b, (nuint)(1 * panelSize + r * 8));
            var a0 = Vector512.Create(Unsafe.Add(ref ar, 0));
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00); c10 = Vector512.FusedMultiplyAdd(a0, b1, c10);
            var a1 = Vector512.Create(Unsafe.Add(ref ar, 1));
            c01 = Vector512.FusedMultiplyAdd(a1, b0, c01); c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(Unsafe.Add(ref ar, 2));
            c02 = Vector512.FusedMultiplyAdd(a2, b0, c02); c12 = Vector512.FusedMultiplyAdd(a2, b1, c12);
            var a3 = Vector512.Create(Unsafe.Add(ref ar, 3));
            c03 = Vector512.FusedMultiplyAdd(a3, b0, c03); c13 = Vector512.FusedMultiplyAdd(a3, b1, c13);
            var a4 = Vector512.Create(Unsafe.Add(ref ar, 4));
            c04 = Vector512.FusedMultiplyAdd(a4, b0, c04); c14 = Vector512.FusedMultiplyAdd(a4, b1, c14);
            var a5 = Vector512.Create(Unsafe.Add(ref ar, 5));
            c05 = Vector512.FusedMultiplyAdd(a5, b0, c05); c15 = Vector512.FusedMultiplyAdd(a5, b1, c15);
            var a6 = Vector512.Create(Unsafe.Add(ref ar, 6));
            c06 = Vector512.FusedMultiplyAdd(a6, b0, c06); c16 = Vector512.FusedMultiplyAdd(a6, b1, c16);
            var a7 = Vector512.Create(Unsafe.Add(ref ar, 7));
            c07 = Vector512.FusedMultiplyAdd(a7, b0, c07); c17 = Vector512.FusedMultiplyAdd(a7, b1, c17);
        }
        AddTo(ref g, 0 * stride + 0, c00);
        AddTo(ref g, 0 * stride + 8, c10);
        AddTo(ref g, 1 * stride + 0, c01);
        AddTo(ref g, 1 * stride + 8, c11);
        AddTo(ref g, 2 * stride + 0, c02);
        AddTo(ref g, 2 * stride + 8, c12);
        AddTo(ref g, 3 * stride + 0, c03);
        AddTo(ref g, 3 * stride + 8, c13);
        AddTo(ref g, 4 * stride + 0, c04);
        AddTo(ref g, 4 * stride + 8, c14);
        AddTo(ref g, 5 * stride + 0, c05);
        AddTo(ref g, 5 * stride + 8, c15);
        AddTo(ref g, 6 * stride + 0, c06);
        AddTo(ref g, 6 * stride + 8, c16);
        AddTo(ref g, 7 * stride + 0, c07);
        AddTo(ref g, 7 * stride + 8, c17);
    }

    /// <summary>An 8 × 8 tile of G += Aᵀ B over <paramref name="rows"/> rows of packed 8-column panels (8 accumulators of 8 doubles).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile8x8(ref double a, ref double b, int panelSize, int rows, ref double g, int stride)
    {
        Vector512<double> c00 = default, c01 = default, c02 = default, c03 = default, c04 = default, c05 = default, c06 = default, c07 = default;
        for (int r = 0; r < rows; r++)
        {
            ref double ar = ref Unsafe.Add(ref a, r * 8);
            var b0 = Vector512.LoadUnsafe(ref b, (nuint)(r * 8));
            var a0 = Vector512.Create(Unsafe.Add(ref ar, 0));
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
            var a1 = Vector512.Create(Unsafe.Add(ref ar, 1));
            c01 = Vector512.FusedMultiplyAdd(a1, b0, c01);
            var a2 = Vector512.Create(Unsafe.Add(ref ar, 2));
            c02 = Vector512.FusedMultiplyAdd(a2, b0, c02);
            var a3 = Vector512.Create(Unsafe.Add(ref ar, 3));
            c03 = Vector512.FusedMultiplyAdd(a3, b0, c03);
            var a4 = Vector512.Create(Unsafe.Add(ref ar, 4));
            c04 = Vector512.FusedMultiplyAdd(a4, b0, c04);
            var a5 = Vector512.Create(Unsafe.Add(ref ar, 5));
            c05 = Vector512.FusedMultiplyAdd(a5, b0, c05);
            var a6 = Vector512.Create(Unsafe.Add(ref ar, 6));
            c06 = Vector512.FusedMultiplyAdd(a6, b0, c06);
            var a7 = Vector512.Create(Unsafe.Add(ref ar, 7));
            c07 = Vector512.FusedMultiplyAdd(a7, b0, c07);
        }
        AddTo(ref g, 0 * stride + 0, c00);
        AddTo(ref g, 1 * stride + 0, c01);
        AddTo(ref g, 2 * stride + 0, c02);
        AddTo(ref g, 3 * stride + 0, c03);
        AddTo(ref g, 4 * stride + 0, c04);
        AddTo(ref g, 5 * stride + 0, c05);
        AddTo(ref g, 6 * stride + 0, c06);
        AddTo(ref g, 7 * stride + 0, c07);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(ref double g, int offset, Vector512<double> a) =>
        (Vector512.LoadUnsafe(ref g, (nuint)offset) + a).StoreUnsafe(ref g, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(ref double g, int offset, Vector256<double> a, Vector256<double> b, Vector256<double> c)
    {
        (Vector256.LoadUnsafe(ref g, (nuint)offset) + a).StoreUnsafe(ref g, (nuint)offset);
        (Vector256.LoadUnsafe(ref g, (nuint)(offset + 4)) + b).StoreUnsafe(ref g, (nuint)(offset + 4));
        (Vector256.LoadUnsafe(ref g, (nuint)(offset + 8)) + c).StoreUnsafe(ref g, (nuint)(offset + 8));
    }
}
