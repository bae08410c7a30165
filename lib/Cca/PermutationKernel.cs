using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RuralEcom.Cca;

/// <summary>
/// The canonical correlations of X with row-permuted Y, computed fast enough for tens of thousands of permutations:
/// the building block of permutation tests and of null distributions.
/// </summary>
/// <remarks>
/// With the thin QR decompositions Zx = Qx Rx and Zy = Qy Ry of the standardized blocks, the canonical correlations
/// are the singular values of Qxᵀ Qy (Björck &amp; Golub 1973). Permuting the rows of Y by P leaves Qx, Rx and Ry
/// unchanged and replaces Qy by P Qy, so each permutation costs one small product M = Qxᵀ P Qy (n·p·q
/// multiply-adds) and the singular values of the p × q matrix M: the square roots of the eigenvalues of the small
/// symmetric matrix M Mᵀ (or Mᵀ M), by Householder tridiagonalization and implicit QL, in stack buffers (no heap
/// allocation per permutation).
/// <para>
/// With <c>removedPairs</c> = j &gt; 0 the first j canonical variates are removed from both sets before
/// permuting, as in the stepwise test of Winkler, Renaud, Smith &amp; Nichols (2020), "Permutation inference for
/// canonical correlation analysis", NeuroImage 220:117065: the bases become Qx U[:, j..] and Qy V[:, j..], where
/// U (p × p) and V (q × q) are the full singular vector matrices of Qxᵀ Qy, and the correlations returned are
/// those of the residual subspaces (min(p, q) − j of them).
/// </para>
/// <para>
/// Determinism: <see cref="Sample"/> splits the permutations into fixed chunks of <see cref="ChunkSize"/>, each
/// with its own random stream seeded from (seed, chunk index), so the same seed gives the same result whatever the
/// number of threads.
/// </para>
/// </remarks>
public sealed class PermutationKernel
{
    /// <summary>Permutations per chunk of <see cref="Sample"/>; each chunk has its own seeded random stream.</summary>
    public const int ChunkSize = 256;

    // Bases, row-major and zero-padded to a multiple of 4 columns: the "short" side has K columns and the "long" side
    // L; M is formed with the short side's columns as rows (K × L), so the Jacobi sweeps run over K rows.
    private readonly double[] _short, _long;
    private readonly int _shortWidth, _longStride;
    private readonly bool _permuteShort;
    private readonly double[] _observed;

    /// <summary>
    /// Prepares the kernel for two data matrices (rows are samples), with the same checks as
    /// <see cref="CanonicalCorrelationAnalysis.Fit"/>.
    /// </summary>
    /// <param name="x">The X set, n × p.</param>
    /// <param name="y">The Y set, n × q, whose rows are permuted.</param>
    /// <param name="removedPairs">How many leading canonical pairs to remove before permuting (0 for the usual
    /// test of all pairs; j for the stepwise test of pair j + 1).</param>
    /// <exception cref="CcaDataException">The data cannot be analysed (see <see cref="CanonicalCorrelationAnalysis.Fit"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="removedPairs"/> is negative or not below min(p, q).</exception>
    public PermutationKernel(double[,] x, double[,] y, int removedPairs = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var (qx, qy, n, p, q) = CanonicalCorrelationAnalysis.Bases(x, y);
        int k = Math.Min(p, q);
        ArgumentOutOfRangeException.ThrowIfNegative(removedPairs);
        if (removedPairs >= k)
            throw new ArgumentOutOfRangeException(nameof(removedPairs), removedPairs, $"At most min(p, q) − 1 = {k - 1} pairs can be removed.");
        if (removedPairs > 0)
        {
            var c = SmallDense.Gram(qx, qy, n, p, q, 1.0, rowMajor: true);
            var (u, v) = FullSingularVectors(c);
            qx = Rotate(qx, n, p, u, removedPairs);
            qy = Rotate(qy, n, q, v, removedPairs);
            p -= removedPairs;
            q -= removedPairs;
        }
        N = n;
        RemovedPairs = removedPairs;
        Count = Math.Min(p, q);
        _permuteShort = q < p;
        int shortCols = Math.Min(p, q), longCols = Math.Max(p, q);
        _shortWidth = shortCols;
        _longStride = (longCols + 3) / 4 * 4;
        _short = Pad(q < p ? qy : qx, n, shortCols, shortCols);
        _long = Pad(q < p ? qx : qy, n, longCols, _longStride);
        _observed = new double[Count];
        var identity = new int[n];
        for (int i = 0; i < n; i++) identity[i] = i;
        Correlations(identity, _observed);
    }

    /// <summary>The number of samples n.</summary>
    public int N { get; }

    /// <summary>The number of leading canonical pairs removed before permuting.</summary>
    public int RemovedPairs { get; }

    /// <summary>The number of canonical correlations each permutation yields: min(p, q) − <see cref="RemovedPairs"/>.</summary>
    public int Count { get; }

    /// <summary>The canonical correlations of the unpermuted data (of the residual subspaces when pairs were removed).</summary>
    public IReadOnlyList<double> Observed => _observed;

    /// <summary>
    /// The canonical correlations, largest first, when row i of Y is replaced by row <c>rowOrder[i]</c>.
    /// Thread-safe; allocates nothing for n ≤ 4096 and p, q ≤ 64.
    /// </summary>
    /// <param name="rowOrder">A permutation of 0..n−1.</param>
    /// <param name="destination">Receives <see cref="Count"/> correlations.</param>
    /// <exception cref="ArgumentException">The lengths do not match (the permutation itself is not checked).</exception>
    public void Correlations(ReadOnlySpan<int> rowOrder, Span<double> destination)
    {
        if (rowOrder.Length != N)
            throw new ArgumentException($"The row order has {rowOrder.Length} entries; the data have {N} rows.", nameof(rowOrder));
        if (destination.Length < Count)
            throw new ArgumentException($"The destination holds {destination.Length} values; {Count} are needed.", nameof(destination));
        int size = _shortWidth * _longStride;
        Span<double> m = size <= 4096 ? stackalloc double[size] : new double[size];
        Span<double> values = stackalloc double[_shortWidth];
        Cross(rowOrder, m);
        // The zero padding of each row leaves the dot products unchanged, and full vectors avoid scalar tails.
        SmallDense.SingularValues(m, _shortWidth, _longStride, _longStride, values);
        for (int i = 0; i < Count; i++) destination[i] = Math.Min(values[i], 1.0);
    }

    /// <summary>
    /// The canonical correlations of <paramref name="permutations"/> random permutations of Y's rows (uniform,
    /// by Fisher–Yates shuffles), one row per permutation, largest correlation first. The identity is not included.
    /// </summary>
    /// <param name="permutations">The number of random permutations (≥ 1).</param>
    /// <param name="seed">The seed; the same seed gives the same result whatever the number of threads.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use (−1: all cores; 1: sequential).</param>
    /// <returns>A permutations × <see cref="Count"/> array.</returns>
    public double[,] Sample(int permutations, int seed, int maxDegreeOfParallelism = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use −1 for all cores or a positive thread count.");
        var result = new double[permutations, Count];
        int chunks = (permutations + ChunkSize - 1) / ChunkSize;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, chunk =>
        {
            var rng = new Random(ChunkSeed(seed, chunk));
            var order = new int[N];
            var values = new double[Count];
            int end = Math.Min(permutations, (chunk + 1) * ChunkSize);
            for (int b = chunk * ChunkSize; b < end; b++)
            {
                for (int i = 0; i < N; i++) order[i] = i;
                for (int i = N - 1; i > 0; i--)
                {
                    int j = rng.Next(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }
                Correlations(order, values);
                for (int c = 0; c < Count; c++) result[b, c] = values[c];
            }
        });
        return result;
    }

    /// <summary>Wilks' lambda Λ = Π (1 − r_i²) of a list of canonical correlations (Wilks 1932).</summary>
    /// <param name="correlations">Canonical correlations, e.g. one row of <see cref="Sample"/>.</param>
    public static double WilksLambda(ReadOnlySpan<double> correlations)
    {
        double lambda = 1;
        foreach (double r in correlations) lambda *= 1 - r * r;
        return lambda;
    }

    /// <summary>
    /// A seed for chunk <paramref name="chunk"/> of a run seeded with <paramref name="seed"/>: the SplitMix64 finalizer
    /// (Steele, Lea &amp; Flood 2014) of the pair, so neighbouring chunks get unrelated streams.
    /// </summary>
    public static int ChunkSeed(int seed, int chunk)
    {
        ulong z = ((ulong)(uint)seed << 32 | (uint)chunk) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    /// <summary>
    /// M (short × long, row stride _longStride) = Σ_r short_row(r')ᵀ long_row(r'') with Y's rows permuted; each row
    /// of M is summed in registers, 12 columns at a time (three 4-wide accumulators), so M is stored once.
    /// </summary>
    private void Cross(ReadOnlySpan<int> rowOrder, Span<double> m)
    {
        int k = _shortWidth, stride = _longStride, n = N;
        Span<int> sRows = n <= 4096 ? stackalloc int[n] : new int[n];
        Span<int> lRows = n <= 4096 ? stackalloc int[n] : new int[n];
        for (int r = 0; r < n; r++)
        {
            sRows[r] = (_permuteShort ? rowOrder[r] : r) * k;
            lRows[r] = (_permuteShort ? r : rowOrder[r]) * stride;
        }
        ref double mRef = ref MemoryMarshal.GetReference(m);
        ref double lRef = ref MemoryMarshal.GetArrayDataReference(_long);
        var shortSide = _short;
        for (int a = 0; a < k; a++)
        {
            int j = 0;
            for (; j + 12 <= stride; j += 12)
            {
                Vector256<double> c0 = default, c1 = default, c2 = default;
                for (int r = 0; r < n; r++)
                {
                    var va = Vector256.Create(shortSide[sRows[r] + a]);
                    ref double l = ref Unsafe.Add(ref lRef, lRows[r] + j);
                    c0 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref l), c0);
                    c1 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref l, 4), c1);
                    c2 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref l, 8), c2);
                }
                c0.StoreUnsafe(ref mRef, (nuint)(a * stride + j));
                c1.StoreUnsafe(ref mRef, (nuint)(a * stride + j + 4));
                c2.StoreUnsafe(ref mRef, (nuint)(a * stride + j + 8));
            }
            for (; j < stride; j += 4)
            {
                Vector256<double> c0 = default;
                for (int r = 0; r < n; r++)
                    c0 = Vector256.FusedMultiplyAdd(Vector256.Create(shortSide[sRows[r] + a]), Vector256.LoadUnsafe(ref Unsafe.Add(ref lRef, lRows[r] + j)), c0);
                c0.StoreUnsafe(ref mRef, (nuint)(a * stride + j));
            }
        }
    }

    private static double[] Pad(double[] rowMajor, int n, int cols, int stride)
    {
        if (stride == cols) return rowMajor;
        var padded = new double[n * stride];
        for (int i = 0; i < n; i++) rowMajor.AsSpan(i * cols, cols).CopyTo(padded.AsSpan(i * stride, cols));
        return padded;
    }

    /// <summary>Full left (p × p) and right (q × q) singular vectors of C, in order of decreasing singular value.</summary>
    private static (double[,] U, double[,] V) FullSingularVectors(double[,] c)
    {
        var svd = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(c).Svd(computeVectors: true);
        return (svd.U.ToArray(), svd.VT.Transpose().ToArray());
    }

    /// <summary>Q W[:, skip..] for Q (n × m row-major) and W (m × m): the basis with the first skip directions removed.</summary>
    private static double[] Rotate(double[] q, int n, int m, double[,] w, int skip)
    {
        int width = m - skip;
        var result = new double[n * width];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < width; c++)
            {
                double v = 0;
                for (int l = 0; l < m; l++) v += q[i * m + l] * w[l, c + skip];
                result[i * width + c] = v;
            }
        return result;
    }
}
