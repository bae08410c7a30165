using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RuralEcom.Numerics;

/// <summary>
/// Allocation-free dense kernels for the small matrices of a canonical correlation analysis (a few dozen
/// rows and columns): Householder QR, one-sided Jacobi SVD, vector dot products and plane rotations.
/// </summary>
/// <remarks>
/// Why hand-written: MathNet.Numerics 5.0.0's managed provider allocates work arrays on every call, its matrix
/// products start parallel loops that cost milliseconds under load, and it has no allocation-free small symmetric
/// eigen solver or SVD. For the speed of the two, see the MathNet baselines in benchmarks/README.md. These kernels
/// are checked against MathNet's SVD and QR in the tests.
/// </remarks>
internal static class SmallDense
{
    /// <summary>Relative threshold below which two rows count as orthogonal in the Jacobi sweeps.</summary>
    private const double JacobiTolerance = 1e-15;

    /// <summary>More sweeps than a one-sided Jacobi SVD of these sizes ever needs (it converges quadratically).</summary>
    private const int MaxSweeps = 60;

    /// <summary>Σ a_i b_i over the common length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, i = 0;
        double sum = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            ref double ra = ref MemoryMarshal.GetReference(a);
            ref double rb = ref MemoryMarshal.GetReference(b);
            var acc = Vector256<double>.Zero;
            for (; i <= n - 4; i += 4)
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ra, (nuint)i), Vector256.LoadUnsafe(ref rb, (nuint)i), acc);
            sum = Vector256.Sum(acc);
        }
        for (; i < n; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>y ← y + alpha x over the common length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(Span<double> y, double alpha, ReadOnlySpan<double> x)
    {
        int n = y.Length, i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            ref double ry = ref MemoryMarshal.GetReference(y);
            ref double rx = ref MemoryMarshal.GetReference(x);
            var va = Vector256.Create(alpha);
            for (; i <= n - 4; i += 4)
                Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref rx, (nuint)i), Vector256.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
        }
        for (; i < n; i++) y[i] += alpha * x[i];
    }

    /// <summary>(a, b) ← (c a − s b, s a + c b), elementwise.</summary>
    private static void Rotate(Span<double> a, Span<double> b, double c, double s)
    {
        int n = a.Length, i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            ref double ra = ref MemoryMarshal.GetReference(a);
            ref double rb = ref MemoryMarshal.GetReference(b);
            var vc = Vector256.Create(c);
            var vs = Vector256.Create(s);
            for (; i <= n - 4; i += 4)
            {
                var x = Vector256.LoadUnsafe(ref ra, (nuint)i);
                var y = Vector256.LoadUnsafe(ref rb, (nuint)i);
                (vc * x - vs * y).StoreUnsafe(ref ra, (nuint)i);
                (vs * x + vc * y).StoreUnsafe(ref rb, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            double x = a[i], y = b[i];
            a[i] = c * x - s * y;
            b[i] = s * x + c * y;
        }
    }

    /// <summary>
    /// Thin QR decomposition A = Q R by Householder reflections (Golub &amp; Van Loan 2013, Matrix Computations,
    /// 4th ed., §5.2.1).
    /// </summary>
    /// <param name="a">A, n × m column-major (column j at a[j n ..]); overwritten by the reflection vectors.</param>
    /// <param name="n">Rows, n ≥ m.</param>
    /// <param name="m">Columns.</param>
    /// <param name="r">Receives R, m × m row-major upper triangular (the diagonal may be negative).</param>
    /// <param name="q">Receives Q, n × m row-major with orthonormal columns.</param>
    /// <param name="beta">Work space of length m (the reflection scalars).</param>
    public static void ThinQR(Span<double> a, int n, int m, Span<double> r, Span<double> q, Span<double> beta)
    {
        r[..(m * m)].Clear();
        for (int k = 0; k < m; k++)
        {
            var v = a.Slice(k * n + k, n - k);
            double norm = Math.Sqrt(Dot(v, v));
            double alpha = v[0] > 0 ? -norm : norm;
            r[k * m + k] = alpha;
            v[0] -= alpha;
            double vv = Dot(v, v);
            beta[k] = vv > 0 ? 2 / vv : 0;
            for (int j = k + 1; j < m; j++)
            {
                var col = a.Slice(j * n + k, n - k);
                AddScaled(col, -beta[k] * Dot(v, col), v);
                r[k * m + j] = col[0];
            }
        }
        // Q = H_0 H_1 … H_{m−1} I[:, 0..m): apply the reflections to the unit columns, last first; one column at a time
        // in a column-major scratch column, then scatter into the row-major Q.
        Span<double> column = n <= 512 ? stackalloc double[n] : new double[n];
        for (int j = 0; j < m; j++)
        {
            column.Clear();
            column[j] = 1;
            for (int k = Math.Min(j, m - 1); k >= 0; k--)
            {
                var v = a.Slice(k * n + k, n - k);
                var part = column[k..];
                AddScaled(part, -beta[k] * Dot(v, part), v);
            }
            for (int i = 0; i < n; i++) q[i * m + j] = column[i];
        }
    }

    /// <summary>
    /// One-sided Jacobi orthogonalization of the k rows of W (k × len, row-major with row stride
    /// <paramref name="stride"/>) by plane rotations from the left (Hestenes 1958; Demmel &amp; Veselić 1992,
    /// "Jacobi's method is more accurate than QR", SIAM J. Matrix Anal. Appl. 13:1204-1245). On return the rows are
    /// mutually orthogonal, W = Vᵀ W₀, so W₀ = V Σ Û with Σ the row norms (the singular values of W₀) and Û the
    /// normalized rows. When <paramref name="v"/> is not empty it must hold the k × k identity on entry and
    /// receives Vᵀ (row-major: row i is the i-th column of V), so the rotations run over contiguous rows.
    /// </summary>
    public static void JacobiRows(Span<double> w, int k, int len, int stride, Span<double> v)
    {
        bool vectors = !v.IsEmpty;
        Span<double> norms = k <= 256 ? stackalloc double[k] : new double[k];
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            // Squared row norms, recomputed exactly once per sweep and updated through the rotations in between
            // (‖w_i‖² ← ‖w_i‖² − t γ, ‖w_j‖² ← ‖w_j‖² + t γ), so each pair needs one dot product instead of three.
            for (int i = 0; i < k; i++)
            {
                var wi = w.Slice(i * stride, len);
                norms[i] = Dot(wi, wi);
            }
            bool rotated = false;
            for (int i = 0; i < k - 1; i++)
            {
                var wi = w.Slice(i * stride, len);
                for (int j = i + 1; j < k; j++)
                {
                    var wj = w.Slice(j * stride, len);
                    double alpha = norms[i], beta = norms[j], gamma = Dot(wi, wj);
                    if (Math.Abs(gamma) <= JacobiTolerance * Math.Sqrt(alpha * beta) || gamma == 0) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.Sign(zeta) / (Math.Abs(zeta) + Math.Sqrt(1 + zeta * zeta));
                    if (zeta == 0) t = 1;
                    double c = 1 / Math.Sqrt(1 + t * t), s = c * t;
                    Rotate(wi, wj, c, s);
                    norms[i] = alpha - t * gamma;
                    norms[j] = beta + t * gamma;
                    if (vectors) Rotate(v.Slice(i * k, k), v.Slice(j * k, k), c, s);
                }
            }
            if (!rotated) return;
        }
        throw new InvalidOperationException("The Jacobi SVD did not converge; the matrix probably holds NaN or infinite values.");
    }

    /// <summary>
    /// The singular values of W (k × len row-major, k ≤ len, row stride ≥ len), largest first, as the square roots
    /// of the eigenvalues of the k × k matrix W Wᵀ (<see cref="SymmetricEigenvalues"/>). Forming W Wᵀ costs
    /// absolute accuracy ε/(2σ) in a singular value σ, which is immaterial for the statistics built on them
    /// (σ₁ and Π(1 − σ²)); about four times fewer operations than a Jacobi SVD at k = 8.
    /// </summary>
    public static void SingularValues(ReadOnlySpan<double> w, int k, int len, int stride, Span<double> values)
    {
        Span<double> g = k <= 64 ? stackalloc double[k * k] : new double[k * k];
        for (int i = 0; i < k; i++)
        {
            var wi = w.Slice(i * stride, len);
            for (int j = 0; j <= i; j++) g[i * k + j] = g[j * k + i] = Dot(wi, w.Slice(j * stride, len));
        }
        SymmetricEigenvalues(g, k, values);
        for (int i = 0; i < k; i++) values[i] = Math.Sqrt(Math.Max(values[i], 0.0));
    }

    /// <summary>
    /// The eigenvalues, largest first, of a symmetric k × k matrix (row-major, overwritten): Householder reduction to
    /// tridiagonal form (<see cref="Tridiagonalize"/>), then the implicit QL algorithm
    /// (<see cref="TridiagonalEigenvalues"/>).
    /// </summary>
    public static void SymmetricEigenvalues(Span<double> a, int k, Span<double> values)
    {
        Span<double> e = k <= 128 ? stackalloc double[k] : new double[k];
        Tridiagonalize(a, k, values, e);
        TridiagonalEigenvalues(values[..k], e);
    }

    /// <summary>
    /// Householder reduction of a symmetric k × k matrix A (row-major, overwritten) to a tridiagonal T = Hᵀ A H with
    /// the same eigenvalues (Golub &amp; Van Loan 2013, Matrix Computations, 4th ed., Algorithm 8.3.1): for each
    /// column j, H_j = I − β x xᵀ zeroes A[j+2.., j] and A22 ← H_j A22 H_j by the rank-2 update
    /// A22 − x wᵀ − w xᵀ with p = β A22 x and w = p − (β/2)(pᵀx) x.
    /// </summary>
    /// <param name="a">A, k × k row-major; overwritten.</param>
    /// <param name="k">The order.</param>
    /// <param name="diagonal">Receives T's diagonal (k values).</param>
    /// <param name="offDiagonal">Receives T's subdiagonal T[i+1, i] at [i] (k values; the last is 0).</param>
    public static void Tridiagonalize(Span<double> a, int k, Span<double> diagonal, Span<double> offDiagonal)
    {
        if (a.Length < k * k) throw new ArgumentException($"A {k} × {k} matrix needs {k * k} values; {a.Length} were given.", nameof(a));
        // Plain scalar loops: at the orders used here (k ≤ a few dozen) vector set-up costs more than it saves.
        Span<double> xs = k <= 128 ? stackalloc double[k] : new double[k];
        Span<double> ps = k <= 128 ? stackalloc double[k] : new double[k];
        ref double x = ref MemoryMarshal.GetReference(xs);
        ref double p = ref MemoryMarshal.GetReference(ps);
        ref double a0 = ref MemoryMarshal.GetReference(a);
        for (int j = 0; j < k - 2; j++)
        {
            int m = k - j - 1, o = j + 1;
            double xx = 0;
            for (int i = 0; i < m; i++)
            {
                double xi = Unsafe.Add(ref a0, (o + i) * k + j);
                Unsafe.Add(ref x, i) = xi;
                xx += xi * xi;
            }
            if (xx == 0) continue;
            double norm = Math.Sqrt(xx), x0 = x;
            double alpha = x0 > 0 ? -norm : norm;
            x = x0 - alpha;
            // ‖x − α e₁‖² = ‖x‖² − 2 α x₀ + α².
            double beta = 2 / (xx - 2 * alpha * x0 + alpha * alpha);
            double px = 0;
            for (int i = 0; i < m; i++)
            {
                ref double row = ref Unsafe.Add(ref a0, (o + i) * k + o);
                double sum = 0;
                for (int l = 0; l < m; l++) sum += Unsafe.Add(ref row, l) * Unsafe.Add(ref x, l);
                double pi = beta * sum;
                Unsafe.Add(ref p, i) = pi;
                px += pi * Unsafe.Add(ref x, i);
            }
            double half = beta / 2 * px;
            for (int i = 0; i < m; i++) Unsafe.Add(ref p, i) -= half * Unsafe.Add(ref x, i);
            for (int i = 0; i < m; i++)
            {
                ref double row = ref Unsafe.Add(ref a0, (o + i) * k + o);
                double xi = Unsafe.Add(ref x, i), pi = Unsafe.Add(ref p, i);
                for (int l = 0; l < m; l++) Unsafe.Add(ref row, l) -= xi * Unsafe.Add(ref p, l) + pi * Unsafe.Add(ref x, l);
            }
            Unsafe.Add(ref a0, o * k + j) = Unsafe.Add(ref a0, j * k + o) = alpha;
        }
        for (int i = 0; i < k; i++)
        {
            diagonal[i] = a[i * k + i];
            offDiagonal[i] = i + 1 < k ? a[(i + 1) * k + i] : 0;
        }
    }

    /// <summary>
    /// The eigenvalues, largest first, of a symmetric tridiagonal matrix by the implicit QL algorithm with shifts
    /// (Bowdler, Martin, Reinsch &amp; Wilkinson 1968, "The QR and QL algorithms for symmetric matrices",
    /// Numer. Math. 11:293-306, procedure tql1).
    /// </summary>
    /// <param name="d">The diagonal; overwritten by the eigenvalues, largest first.</param>
    /// <param name="e">The subdiagonal at [0 .. k − 2] (length k); overwritten.</param>
    public static void TridiagonalEigenvalues(Span<double> d, Span<double> e)
    {
        int k = d.Length;
        for (int l = 0; l < k; l++)
        {
            for (int iteration = 0; ; iteration++)
            {
                int m = l;
                for (; m < k - 1; m++)
                    if (Math.Abs(e[m]) <= double.Epsilon + 2.2e-16 * (Math.Abs(d[m]) + Math.Abs(d[m + 1]))) break;
                if (m == l) break;
                if (iteration == 60)
                    throw new InvalidOperationException("The symmetric eigenvalue iteration did not converge; the matrix probably holds NaN or infinite values.");
                // Shift from the leading 2 × 2 block, then chase the bulge from the bottom of the block up.
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Math.Sqrt(g * g + 1);
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
                double s = 1, c = 1, shift = 0;
                int i = m - 1;
                for (; i >= l; i--)
                {
                    double f = s * e[i], b = c * e[i];
                    r = Math.Sqrt(f * f + g * g);
                    e[i + 1] = r;
                    if (r == 0)
                    {
                        d[i + 1] -= shift;
                        e[m] = 0;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - shift;
                    r = (d[i] - g) * s + 2 * c * b;
                    shift = s * r;
                    d[i + 1] = g + shift;
                    g = c * r - b;
                }
                if (i >= l) continue;
                d[l] -= shift;
                e[l] = g;
                e[m] = 0;
            }
        }
        for (int i = 1; i < k; i++)
        {
            double x = d[i];
            int j = i - 1;
            for (; j >= 0 && d[j] < x; j--) d[j + 1] = d[j];
            d[j + 1] = x;
        }
    }

    /// <summary>
    /// The largest eigenvalue of a symmetric tridiagonal matrix T (diagonal d, subdiagonal e) by Laguerre's method on
    /// its characteristic polynomial f(λ) = det(T − λI), evaluated with f′ and f″ by the three-term recurrence
    /// f_j = (d_j − λ) f_{j−1} − e_{j−1}² f_{j−2} (Wilkinson 1965, The Algebraic Eigenvalue Problem, §5.36-5.37).
    /// Started above the Gershgorin bound, Laguerre's iteration λ ← λ − k / (G + √((k − 1)(k H − G²))), with
    /// G = f′/f = Σ 1/(λ − λ_i) and H = G² − f″/f = Σ 1/(λ − λ_i)², decreases monotonically to the largest root of a
    /// polynomial whose roots are all real, cubically near a simple root (Wilkinson 1965, §7.13; Parlett 1964,
    /// "Laguerre's method applied to the matrix eigenvalue problem", Math. Comp. 18:464-485). Falls back to
    /// <see cref="TridiagonalEigenvalues"/> if the iteration stalls.
    /// </summary>
    /// <param name="d">The diagonal (k values; not changed).</param>
    /// <param name="e">The subdiagonal at [0 .. k − 2] (not changed).</param>
    /// <param name="upperBound">A known upper bound of the largest eigenvalue (e.g. from Cauchy interlacing), or +∞;
    /// the iteration starts at the smaller of it (raised by 1e−10 relative, to stay above the root despite rounding)
    /// and the Gershgorin bound.</param>
    public static double LargestTridiagonalEigenvalue(ReadOnlySpan<double> d, ReadOnlySpan<double> e, double upperBound = double.PositiveInfinity)
    {
        int k = d.Length;
        if (k == 1) return d[0];
        double lambda = double.NegativeInfinity, scale = 0;
        for (int i = 0; i < k; i++)
        {
            double radius = (i > 0 ? Math.Abs(e[i - 1]) : 0) + (i + 1 < k ? Math.Abs(e[i]) : 0);
            lambda = Math.Max(lambda, d[i] + radius);
            scale = Math.Max(scale, Math.Abs(d[i]) + radius);
        }
        if (scale == 0) return 0;
        lambda = Math.Min(lambda, upperBound + 1e-10 * Math.Abs(upperBound) + 1e-300);
        for (int iteration = 0; iteration < 40; iteration++)
        {
            // f, f′, f″ at λ, rescaled together when they grow (G and H are ratios, so a common factor cancels).
            double f0 = 1, g0 = 0, h0 = 0, f1 = d[0] - lambda, g1 = -1, h1 = 0;
            for (int j = 1; j < k; j++)
            {
                double t = d[j] - lambda, e2 = e[j - 1] * e[j - 1];
                double f2 = t * f1 - e2 * f0, g2 = t * g1 - f1 - e2 * g0, h2 = t * h1 - 2 * g1 - e2 * h0;
                (f0, g0, h0, f1, g1, h1) = (f1, g1, h1, f2, g2, h2);
                double size = Math.Abs(f1) + Math.Abs(g1) + Math.Abs(h1);
                if (size > 1e150)
                {
                    f0 /= size; g0 /= size; h0 /= size; f1 /= size; g1 /= size; h1 /= size;
                }
            }
            if (f1 == 0) return lambda;
            double g = g1 / f1, h = g * g - h1 / f1;
            if (!(g > 0)) return lambda; // at the root within rounding (λ − λ_1 no longer resolvable)
            double step = k / (g + Math.Sqrt(Math.Max(0, (k - 1) * (k * h - g * g))));
            if (!double.IsFinite(step)) break;
            lambda -= step;
            if (step <= 4e-16 * scale) return lambda;
        }
        Span<double> dd = k <= 128 ? stackalloc double[k] : new double[k];
        Span<double> ee = k <= 128 ? stackalloc double[k] : new double[k];
        d.CopyTo(dd);
        e[..(k - 1)].CopyTo(ee);
        ee[k - 1] = 0;
        TridiagonalEigenvalues(dd, ee);
        return dd[0];
    }

    /// <summary>
    /// det(I − T) of a symmetric tridiagonal T (diagonal d, subdiagonal e) by the three-term recurrence
    /// D_j = (1 − d_j) D_{j−1} − e_{j−1}² D_{j−2}, D_0 = 1 (the continuant; Wilkinson 1965, §5.36). For T similar to
    /// a Gram matrix W Wᵀ with singular values σ_i of W this is Π (1 − σ_i²).
    /// </summary>
    /// <param name="d">The diagonal.</param>
    /// <param name="e">The subdiagonal at [0 .. k − 2].</param>
    public static double IdentityMinusTridiagonalDeterminant(ReadOnlySpan<double> d, ReadOnlySpan<double> e)
    {
        double previous = 1, current = 1 - d[0];
        for (int j = 1; j < d.Length; j++)
            (previous, current) = (current, (1 - d[j]) * current - e[j - 1] * e[j - 1] * previous);
        return current;
    }

    /// <summary>
    /// The singular value decomposition C = U diag(ρ) Vᵀ of a p × q matrix, k = min(p, q) triplets, largest first:
    /// U is p × k, V is q × k, ρ clamped to [0, 1] (C = Qxᵀ Qy has singular values in [0, 1] up to rounding).
    /// </summary>
    public static (double[] Rho, double[,] U, double[,] V) Svd(double[,] c)
    {
        int p = c.GetLength(0), q = c.GetLength(1);
        bool wide = p <= q;
        int k = Math.Min(p, q), len = Math.Max(p, q);
        // Rows of W are the k vectors to orthogonalize: the rows of C when p ≤ q, else its columns.
        var w = new double[k * len];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < q; j++) w[wide ? i * len + j : j * len + i] = c[i, j];
        var rot = new double[k * k];
        for (int i = 0; i < k; i++) rot[i * k + i] = 1;
        JacobiRows(w, k, len, len, rot);
        var norms = new double[k];
        for (int i = 0; i < k; i++) norms[i] = Math.Sqrt(Dot(w.AsSpan(i * len, len), w.AsSpan(i * len, len)));
        // Indices by decreasing norm; a stable insertion sort (ties keep their order), k is at most a few dozen.
        var order = new int[k];
        for (int i = 0; i < k; i++)
        {
            int j = i - 1;
            for (; j >= 0 && norms[order[j]] < norms[i]; j--) order[j + 1] = order[j];
            order[j + 1] = i;
        }
        var rho = new double[k];
        var small = new double[k, k];
        var large = new double[len, k];
        for (int c2 = 0; c2 < k; c2++)
        {
            int i = order[c2];
            rho[c2] = Math.Clamp(norms[i], 0.0, 1.0);
            for (int r = 0; r < k; r++) small[r, c2] = rot[i * k + r];
            double inv = norms[i] > 0 ? 1 / norms[i] : 0;
            for (int r = 0; r < len; r++) large[r, c2] = w[i * len + r] * inv;
        }
        return wide ? (rho, small, large) : (rho, large, small);
    }

    /// <summary>
    /// The Cholesky factor L (A = L Lᵀ, lower triangular) of a symmetric positive definite matrix (Golub &amp; Van Loan
    /// 2013, Algorithm 4.2.1), stopping at the first column j whose pivot d_j (the part of a_jj not explained by the
    /// columns before it) is at most <paramref name="relativePivot"/> · a_jj.
    /// </summary>
    /// <returns>L and −1, or the index of the first column that failed (L is then incomplete).</returns>
    public static (double[,] L, int FailedColumn) Cholesky(double[,] a, double relativePivot)
    {
        int p = a.GetLength(0);
        var l = new double[p, p];
        for (int j = 0; j < p; j++)
        {
            double d = a[j, j];
            for (int m = 0; m < j; m++) d -= l[j, m] * l[j, m];
            if (!(d > relativePivot * a[j, j])) return (l, j);
            l[j, j] = Math.Sqrt(d);
            for (int i = j + 1; i < p; i++)
            {
                double v = a[i, j];
                for (int m = 0; m < j; m++) v -= l[i, m] * l[j, m];
                l[i, j] = v / l[j, j];
            }
        }
        return (l, -1);
    }

    /// <summary>
    /// G = Aᵀ B / divisor for A (n × pa) and B (n × pb), both column-major, or both row-major when
    /// <paramref name="rowMajor"/> is true.
    /// </summary>
    public static double[,] Gram(double[] a, double[] b, int n, int pa, int pb, double divisor, bool rowMajor = false)
    {
        var g = new double[pa, pb];
        if (rowMajor)
        {
            var flat = Flat(g);
            for (int r = 0; r < n; r++)
            {
                var br = b.AsSpan(r * pb, pb);
                for (int i = 0; i < pa; i++) AddScaled(flat.Slice(i * pb, pb), a[r * pa + i], br);
            }
            if (divisor != 1.0)
                for (int i = 0; i < flat.Length; i++) flat[i] /= divisor;
            return g;
        }
        for (int i = 0; i < pa; i++)
            for (int j = 0; j < pb; j++)
                g[i, j] = Dot(a.AsSpan(i * n, n), b.AsSpan(j * n, n)) / divisor;
        return g;
    }

    /// <summary>X = scale · R⁻¹ U for R (m × m row-major upper triangular, non-zero diagonal) by back substitution.</summary>
    public static double[,] SolveUpper(double[] r, double[,] u, double scale)
    {
        int m = u.GetLength(0), k = u.GetLength(1);
        var x = new double[m, k];
        var fx = Flat(x);
        var fu = Flat(u);
        for (int c = 0; c < k; c++)
            for (int i = m - 1; i >= 0; i--)
            {
                double v = fu[i * k + c] * scale;
                for (int j = i + 1; j < m; j++) v -= r[i * m + j] * fx[j * k + c];
                fx[i * k + c] = v / r[i * m + i];
            }
        return x;
    }

    /// <summary>The entries of a rectangular array as one row-major span (empty for an empty array).</summary>
    public static Span<double> Flat(double[,] a) =>
        a.Length == 0 ? Span<double>.Empty : MemoryMarshal.CreateSpan(ref a[0, 0], a.Length);

    /// <summary>A B.</summary>
    public static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), m = a.GetLength(1), k = b.GetLength(1);
        var c = new double[n, k];
        var fa = Flat(a);
        var fb = Flat(b);
        var fc = Flat(c);
        for (int i = 0; i < n; i++)
            for (int l = 0; l < m; l++) AddScaled(fc.Slice(i * k, k), fa[i * m + l], fb.Slice(l * k, k));
        return c;
    }

    /// <summary>Aᵀ B.</summary>
    public static double[,] TransposeMultiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), m = a.GetLength(1), k = b.GetLength(1);
        var c = new double[m, k];
        var fa = Flat(a);
        var fb = Flat(b);
        var fc = Flat(c);
        for (int l = 0; l < n; l++)
            for (int i = 0; i < m; i++) AddScaled(fc.Slice(i * k, k), fa[l * m + i], fb.Slice(l * k, k));
        return c;
    }

    /// <summary>Z A for Z (n × m column-major) and A (m × k): each column of the product is a combination of Z's columns.</summary>
    public static double[,] MultiplyColumnMajor(double[] z, int n, double[,] a)
    {
        int m = a.GetLength(0), k = a.GetLength(1);
        var c = new double[n, k];
        var fc = Flat(c);
        var fa = Flat(a);
        Span<double> column = n <= 1024 ? stackalloc double[n] : new double[n];
        for (int j = 0; j < k; j++)
        {
            column.Clear();
            for (int l = 0; l < m; l++) AddScaled(column, fa[l * k + j], z.AsSpan(l * n, n));
            for (int i = 0; i < n; i++) fc[i * k + j] = column[i];
        }
        return c;
    }

    /// <summary>X = L⁻¹ B for lower triangular L (m × m) by forward substitution.</summary>
    public static double[,] SolveLower(double[,] l, double[,] b)
    {
        int m = b.GetLength(0), k = b.GetLength(1);
        var x = new double[m, k];
        for (int c = 0; c < k; c++)
            for (int i = 0; i < m; i++)
            {
                double v = b[i, c];
                for (int j = 0; j < i; j++) v -= l[i, j] * x[j, c];
                x[i, c] = v / l[i, i];
            }
        return x;
    }

    /// <summary>X = L⁻ᵀ B for lower triangular L (m × m) by back substitution.</summary>
    public static double[,] SolveLowerTransposed(double[,] l, double[,] b)
    {
        int m = b.GetLength(0), k = b.GetLength(1);
        var x = new double[m, k];
        for (int c = 0; c < k; c++)
            for (int i = m - 1; i >= 0; i--)
            {
                double v = b[i, c];
                for (int j = i + 1; j < m; j++) v -= l[j, i] * x[j, c];
                x[i, c] = v / l[i, i];
            }
        return x;
    }

    /// <summary>Aᵀ.</summary>
    public static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) t[j, i] = a[i, j];
        return t;
    }
    /// <summary>
    /// Raᵀ C Rb / divisor for upper triangular Ra (ma × ma) and Rb (mb × mb), both row-major flat with zeros below the
    /// diagonal, and C (ma × mb); C = null stands for the identity (then ma = mb), so Raᵀ Rb costs one product.
    /// </summary>
    public static double[,] UpperTransposeMultiply(double[] ra, int ma, double[] rb, int mb, double[,]? c, double divisor)
    {
        // T = C Rb (ma × mb): T[i, j] = Σ_{l ≤ j} C[i, l] Rb[l, j] (T = Rb when C = I); then Raᵀ T: Σ_{l ≤ i} Ra[l, i] T[l, j].
        ReadOnlySpan<double> t = rb.AsSpan(0, mb * mb);
        if (c is not null)
        {
            var product = new double[ma * mb];
            var fc = Flat(c);
            for (int i = 0; i < ma; i++)
                for (int j = 0; j < mb; j++)
                {
                    double v = 0;
                    for (int l = 0; l <= j; l++) v += fc[i * mb + l] * rb[l * mb + j];
                    product[i * mb + j] = v;
                }
            t = product;
        }
        var result = new double[ma, mb];
        var fr = Flat(result);
        for (int i = 0; i < ma; i++)
            for (int j = 0; j < mb; j++)
            {
                double v = 0;
                for (int l = 0; l <= i; l++) v += ra[l * ma + i] * t[l * mb + j];
                fr[i * mb + j] = v / divisor;
            }
        return result;
    }
}
