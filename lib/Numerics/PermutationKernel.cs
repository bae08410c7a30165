using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RuralEcom.Numerics;

/// <summary>
/// The allocation-free inner step of the stepwise permutation test, one instance per thread (its buffers are
/// reused for every permutation the thread runs; the bases are shared and only read). For a row order π of Y it
/// forms M = Uxᵀ P_π Vy from orthonormal full sets of canonical variates, and for every step d = 0..k − 1 the two
/// statistics of the trailing block M[d.., d..]: its largest singular value and Π (1 − σ_i²).
/// </summary>
/// <remarks>
/// <para>The canonical correlations of X and Y are the singular values of Q_xᵀ Q_y, where Q_x and Q_y are orthonormal
/// bases of the centred columns of X and Y (Björck &amp; Golub 1973, Math. Comp. 27:579-594).</para>
/// <para>Only what each step needs is computed. With the shorter side of M as rows (s = min(p, q) of them, the other
/// side's L = max(p, q) as columns m_l), the Gram matrices of all trailing blocks come from one backward sweep of
/// rank-one updates, G_d = Σ_{l ≥ d} m_l[d..] m_l[d..]ᵀ, whose eigenvalues are the σ_i². Each G_d is reduced to
/// tridiagonal form T (<see cref="SmallDense.Tridiagonalize"/>); Π (1 − σ_i²) = det(I − T) is a continuant
/// (<see cref="SmallDense.IdentityMinusTridiagonalDeterminant"/>) and σ_1² the largest root of det(T − λI)
/// (<see cref="SmallDense.LargestTridiagonalEigenvalue"/>), so no step computes the other singular values.
/// M itself is accumulated row by row, M += u_i v_{π(i)}ᵀ, reading the permuted rows in place.</para>
/// </remarks>
internal sealed class PermutationKernel
{
    private readonly Bases _bases;
    private readonly double[] _m;      // the long side's columns of M (padded to a multiple of 4), each of width w (the short side padded to 8)
    private readonly double[] _gram;   // s × s running sum Σ_{l ≥ d} m_l m_lᵀ
    private readonly double[] _block;  // the trailing block being reduced
    private readonly double[] _diagonals, _offDiagonals; // the tridiagonal form of G_d at [d s ..]

    /// <summary>Buffers for one thread over shared <paramref name="bases"/>.</summary>
    public PermutationKernel(Bases bases)
    {
        _bases = bases;
        _m = new double[bases.LongWidth * bases.Width];
        _gram = new double[bases.Short * bases.Short];
        _block = new double[bases.Short * bases.Short];
        _diagonals = new double[bases.Short * bases.Short];
        _offDiagonals = new double[bases.Short * bases.Short];
    }

    /// <summary>
    /// Orthonormal full sets of canonical variates laid out row by row for the kernel, each side's rows padded with
    /// zeros (the short side to a multiple of 8 values, the long side to a multiple of 4).
    /// </summary>
    internal sealed class Bases
    {
        /// <summary>From Ux (n × p) and Vy (n × q), row-major (entry (i, j) of an r × c matrix at [i c + j]).</summary>
        public Bases(double[] ux, double[] vy, int n, int p, int q)
        {
            Rows = n;
            PermuteShort = q < p; // Y's rows are permuted; Y is the short side when q < p
            Short = Math.Min(p, q);
            Long = Math.Max(p, q);
            Width = (Short + 7) / 8 * 8;
            LongWidth = (Long + 3) / 4 * 4;
            var (shortSide, longSide) = PermuteShort ? (vy, ux) : (ux, vy);
            ShortRows = new double[n * Width];
            LongRows = new double[n * LongWidth];
            for (int i = 0; i < n; i++)
            {
                shortSide.AsSpan(i * Short, Short).CopyTo(ShortRows.AsSpan(i * Width));
                longSide.AsSpan(i * Long, Long).CopyTo(LongRows.AsSpan(i * LongWidth));
            }
            Identity = Enumerable.Range(0, n).ToArray();
        }

        /// <summary>The number of samples n.</summary>
        public int Rows { get; }

        /// <summary>s = min(p, q): the side whose Gram matrices are reduced.</summary>
        public int Short { get; }

        /// <summary>L = max(p, q).</summary>
        public int Long { get; }

        /// <summary>The padded row width of the short side (a multiple of 8).</summary>
        public int Width { get; }

        /// <summary>The padded row width of the long side (a multiple of 4).</summary>
        public int LongWidth { get; }

        /// <summary>Whether Y is the short side (q &lt; p), so the permutation applies to the short side's rows.</summary>
        public bool PermuteShort { get; }

        /// <summary>0, 1, …, n − 1: the order of the side that is not permuted.</summary>
        public int[] Identity { get; }

        /// <summary>The short side's rows, n × <see cref="Width"/>.</summary>
        public double[] ShortRows { get; }

        /// <summary>The long side's rows, n × <see cref="LongWidth"/>.</summary>
        public double[] LongRows { get; }
    }

    /// <summary>
    /// Roy's r (largest singular value, at most 1) and Π (1 − σ_i²) (in [0, 1]) of the trailing block of every step,
    /// with Y's row i replaced by row <paramref name="order"/>[i] (null: the observed order).
    /// </summary>
    public void Statistics(int[]? order, Span<double> roy, Span<double> wilks)
    {
        var b = _bases;
        int s = b.Short, w = b.Width, len = b.Long;
        CrossProduct(order);
        Array.Clear(_gram);
        // Backward over the long side's columns: after column d, the running sum's trailing block is G_d; reduce it.
        for (int l = len - 1; l >= 0; l--)
        {
            AddOuterLower(_m.AsSpan(l * w, s), _gram);
            if (l >= s) continue;
            int d = l, size = s - d;
            for (int i = 0; i < size; i++)
                for (int j = 0; j <= i; j++) _block[i * size + j] = _block[j * size + i] = _gram[(d + i) * s + d + j];
            SmallDense.Tridiagonalize(_block.AsSpan(0, size * size), size, _diagonals.AsSpan(d * s, size), _offDiagonals.AsSpan(d * s, size));
        }
        // Forward over the steps: G_d's largest eigenvalue is at most G_{d−1}'s (Cauchy interlacing, as G_d is a
        // principal submatrix of G_{d−1} minus a positive semidefinite term), a close start for Laguerre.
        double bound = double.PositiveInfinity;
        for (int d = 0; d < s; d++)
        {
            var diagonal = _diagonals.AsSpan(d * s, s - d);
            var off = _offDiagonals.AsSpan(d * s, s - d);
            bound = SmallDense.LargestTridiagonalEigenvalue(diagonal, off, bound);
            roy[d] = Math.Min(1.0, Math.Sqrt(Math.Max(0.0, bound)));
            wilks[d] = Math.Clamp(SmallDense.IdentityMinusTridiagonalDeterminant(diagonal, off), 0.0, 1.0);
        }
    }

    /// <summary>G += c cᵀ on and below the diagonal (G is c.Length × c.Length, row-major).</summary>
    private static void AddOuterLower(ReadOnlySpan<double> c, double[] g)
    {
        int s = c.Length;
        ref double g0 = ref MemoryMarshal.GetArrayDataReference(g);
        ref double c0 = ref MemoryMarshal.GetReference(c);
        for (int i = 0; i < s; i++)
        {
            double ci = Unsafe.Add(ref c0, i);
            ref double row = ref Unsafe.Add(ref g0, i * s);
            for (int j = 0; j <= i; j++) Unsafe.Add(ref row, j) += ci * Unsafe.Add(ref c0, j);
        }
    }

    /// <summary>
    /// M = Σ_i u_i v_{π(i)}ᵀ (or Σ_i u_{π(i)} v_iᵀ when Y is the short side), stored as the long side's columns of
    /// width w: register-blocked, each 8 × 4 tile of M summed over all rows in eight 4-wide accumulators.
    /// </summary>
    private void CrossProduct(int[]? order)
    {
        var b = _bases;
        int n = b.Rows, w = b.Width, lw = b.LongWidth;
        var permuted = order ?? b.Identity;
        var (shortIndex, longIndex) = b.PermuteShort ? (permuted, b.Identity) : (b.Identity, permuted);
        ref double m = ref MemoryMarshal.GetArrayDataReference(_m);
        ref double shortRows = ref MemoryMarshal.GetArrayDataReference(b.ShortRows);
        ref double longRows = ref MemoryMarshal.GetArrayDataReference(b.LongRows);
        for (int c = 0; c < w; c += 8)
            for (int l = 0; l < lw; l += 4)
            {
                Vector256<double> a0 = default, a1 = default, a2 = default, a3 = default, b0 = default, b1 = default, b2 = default, b3 = default;
                for (int i = 0; i < n; i++)
                {
                    ref double u = ref Unsafe.Add(ref shortRows, shortIndex[i] * w + c);
                    ref double v = ref Unsafe.Add(ref longRows, longIndex[i] * lw + l);
                    var lo = Vector256.LoadUnsafe(ref u);
                    var hi = Vector256.LoadUnsafe(ref u, 4);
                    var v0 = Vector256.Create(v);
                    a0 = Vector256.FusedMultiplyAdd(lo, v0, a0); b0 = Vector256.FusedMultiplyAdd(hi, v0, b0);
                    var v1 = Vector256.Create(Unsafe.Add(ref v, 1));
                    a1 = Vector256.FusedMultiplyAdd(lo, v1, a1); b1 = Vector256.FusedMultiplyAdd(hi, v1, b1);
                    var v2 = Vector256.Create(Unsafe.Add(ref v, 2));
                    a2 = Vector256.FusedMultiplyAdd(lo, v2, a2); b2 = Vector256.FusedMultiplyAdd(hi, v2, b2);
                    var v3 = Vector256.Create(Unsafe.Add(ref v, 3));
                    a3 = Vector256.FusedMultiplyAdd(lo, v3, a3); b3 = Vector256.FusedMultiplyAdd(hi, v3, b3);
                }
                ref double tile = ref Unsafe.Add(ref m, l * w + c);
                a0.StoreUnsafe(ref tile); b0.StoreUnsafe(ref tile, 4);
                a1.StoreUnsafe(ref tile, (nuint)w); b1.StoreUnsafe(ref tile, (nuint)(w + 4));
                a2.StoreUnsafe(ref tile, (nuint)(2 * w)); b2.StoreUnsafe(ref tile, (nuint)(2 * w + 4));
                a3.StoreUnsafe(ref tile, (nuint)(3 * w)); b3.StoreUnsafe(ref tile, (nuint)(3 * w + 4));
            }
    }
}
