using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace RuralEcom.Cca;

/// <summary>
/// Canonical correlation analysis (Hotelling 1936, "Relations between two sets of variates", Biometrika 28:321-377)
/// between a set of p variables X and a set of q variables Y observed on the same n samples: the pairs of
/// linear combinations V_k = a_kᵀ X and W_k = b_kᵀ Y with the largest correlations, each pair uncorrelated
/// with the earlier ones.
/// </summary>
/// <remarks>
/// Conventions follow SAS PROC CANCORR: variances use the divisor n − 1, canonical variates have unit variance,
/// standardized coefficients apply to z-scored variables and raw coefficients to centred raw variables.
/// The sign of each canonical pair is arbitrary in the mathematics; this library orients every pair so that the
/// sum of the X-set structure coefficients (correlations of the X variables with V_k) is positive (if that sum
/// is zero to 1e-12, the X structure coefficient largest in absolute value is made positive). Both variates of
/// a pair are flipped together, so every canonical correlation stays non-negative.
/// </remarks>
public static class CanonicalCorrelationAnalysis
{
    /// <summary>
    /// The smallest value of √(1 − R²_j), where R²_j is the squared multiple correlation of a variable with the
    /// variables before it in its set, that is still treated as linearly independent.
    /// </summary>
    public const double CollinearityTolerance = 1e-7;

    /// <summary>The rule that fixes the arbitrary sign of each canonical pair, in one sentence for printed output.</summary>
    public const string SignConvention =
        "Each canonical pair is oriented so that the structure coefficients of the X variables (their correlations with V_k) sum to a positive number; both variates of a pair are flipped together, so every canonical correlation is non-negative.";

    /// <summary>
    /// Fits a canonical correlation analysis to two data matrices with one row per sample.
    /// </summary>
    /// <param name="x">The X set, n × p (rows are samples).</param>
    /// <param name="y">The Y set, n × q, the same samples in the same order.</param>
    /// <param name="xNames">Names of the X variables (default X1..Xp).</param>
    /// <param name="yNames">Names of the Y variables (default Y1..Yq).</param>
    /// <param name="method">The algorithm (default: the stable QR/SVD route).</param>
    /// <returns>The canonical correlations with coefficients, structure, redundancy and scores.</returns>
    /// <exception cref="CcaDataException">
    /// Row counts differ, n &lt; p + q + 2, a value is NaN or infinite, a column is constant, or a column is a
    /// linear combination of others in its set; the message names the variable and row.
    /// </exception>
    public static CanonicalCorrelation Fit(double[,] x, double[,] y, IReadOnlyList<string>? xNames = null,
        IReadOnlyList<string>? yNames = null, CcaMethod method = CcaMethod.Stable)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n = x.GetLength(0), p = x.GetLength(1), q = y.GetLength(1);
        var xn = Names(xNames, p, "X", nameof(xNames));
        var yn = Names(yNames, q, "Y", nameof(yNames));
        if (y.GetLength(0) != n)
            throw new CcaDataException($"X has {n} rows but Y has {y.GetLength(0)}: both sets must hold the same samples in the same order.", nameof(y));
        if (p == 0 || q == 0)
            throw new CcaDataException($"Each set needs at least one variable (X has {p}, Y has {q}).", p == 0 ? nameof(x) : nameof(y));
        RequireSampleSize(n, p, q);

        var zx = Standardize(x, xn, "X", nameof(x), out var meanX, out var sdX);
        var zy = Standardize(y, yn, "Y", nameof(y), out var meanY, out var sdY);
        double scale = Math.Sqrt(n - 1.0);
        var r11 = zx.TransposeThisAndMultiply(zx) / (n - 1.0);
        var r22 = zy.TransposeThisAndMultiply(zy) / (n - 1.0);
        var r12 = zx.TransposeThisAndMultiply(zy) / (n - 1.0);

        Solution s;
        if (method == CcaMethod.Stable)
        {
            var qrx = zx.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
            var qry = zy.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
            CheckTriangular(qrx.R, scale, xn, "X", nameof(x));
            CheckTriangular(qry.R, scale, yn, "Y", nameof(y));
            var svd = qrx.Q.TransposeThisAndMultiply(qry.Q).Svd(computeVectors: true);
            int k = Math.Min(p, q);
            var u = svd.U.SubMatrix(0, p, 0, k);
            var v = svd.VT.Transpose().SubMatrix(0, q, 0, k);
            var rho = Enumerable.Range(0, k).Select(i => Math.Clamp(svd.S[i], 0.0, 1.0)).ToArray();
            s = new Solution(rho, qrx.R.Solve(u) * scale, qry.R.Solve(v) * scale);
        }
        else
        {
            CheckCorrelationBlock(r11, xn, "X", nameof(x));
            CheckCorrelationBlock(r22, yn, "Y", nameof(y));
            s = SolveEigen(r11, r12, r22);
        }
        return Assemble(s, r11, r12, r22, n, xn, yn, method, meanX, sdX, meanY, sdY, zx, zy);
    }

    /// <summary>
    /// Fits a canonical correlation analysis to a printed correlation matrix of the p + q variables, X first, so a
    /// published analysis can be reproduced without its raw data. Raw coefficients and scores are not available.
    /// </summary>
    /// <param name="correlation">The (p + q) × (p + q) correlation matrix, the X variables first.</param>
    /// <param name="p">The number of X variables (the first p rows and columns).</param>
    /// <param name="n">The sample size the matrix was computed from (used by the tests of significance).</param>
    /// <param name="names">The p + q variable names (default X1..Xp, Y1..Yq).</param>
    /// <param name="method">The algorithm (default: Cholesky factors and SVD).</param>
    /// <exception cref="CcaDataException">The matrix is not square or symmetric, has a diagonal other than 1,
    /// is not positive definite (collinear variables are named), or n is too small.</exception>
    public static CanonicalCorrelation FitCorrelation(double[,] correlation, int p, int n,
        IReadOnlyList<string>? names = null, CcaMethod method = CcaMethod.Stable)
    {
        var (xn, yn, r11, r12, r22) = SplitMatrix(correlation, p, n, names, nameof(correlation));
        for (int i = 0; i < p + yn.Count; i++)
        {
            double d = i < p ? r11[i, i] : r22[i - p, i - p];
            if (Math.Abs(d - 1.0) > 1e-8)
                throw new CcaDataException($"Diagonal entry {i + 1} ({(i < p ? xn[i] : yn[i - p])}) of the correlation matrix is {d.ToString("G6", CultureInfo.InvariantCulture)}, not 1. Pass a covariance matrix to FitCovariance instead.", nameof(correlation));
        }
        return FitBlocks(r11, r12, r22, n, xn, yn, method, null, null, nameof(correlation));
    }

    /// <summary>
    /// Fits a canonical correlation analysis to a covariance matrix of the p + q variables, X first. The
    /// covariances are turned into correlations; the standard deviations give the raw coefficients.
    /// </summary>
    /// <param name="covariance">The (p + q) × (p + q) covariance matrix (divisor n − 1), the X variables first.</param>
    /// <param name="p">The number of X variables.</param>
    /// <param name="n">The sample size.</param>
    /// <param name="names">The p + q variable names (default X1..Xp, Y1..Yq).</param>
    /// <param name="method">The algorithm (default: Cholesky factors and SVD).</param>
    /// <exception cref="CcaDataException">The matrix is not a valid covariance matrix, a variance is zero, or n is too small.</exception>
    public static CanonicalCorrelation FitCovariance(double[,] covariance, int p, int n,
        IReadOnlyList<string>? names = null, CcaMethod method = CcaMethod.Stable)
    {
        var (xn, yn, s11, s12, s22) = SplitMatrix(covariance, p, n, names, nameof(covariance));
        int q = yn.Count;
        var sdX = new double[p];
        var sdY = new double[q];
        for (int i = 0; i < p + q; i++)
        {
            double v = i < p ? s11[i, i] : s22[i - p, i - p];
            string name = i < p ? xn[i] : yn[i - p];
            if (!(v > 0))
                throw new CcaDataException($"The variance of {name} is {v.ToString("G6", CultureInfo.InvariantCulture)}: a variable must vary to enter a canonical correlation analysis. Drop it.", nameof(covariance));
            if (i < p) sdX[i] = Math.Sqrt(v); else sdY[i - p] = Math.Sqrt(v);
        }
        var r11 = Scale(s11, sdX, sdX);
        var r12 = Scale(s12, sdX, sdY);
        var r22 = Scale(s22, sdY, sdY);
        return FitBlocks(r11, r12, r22, n, xn, yn, method, sdX, sdY, nameof(covariance));
    }

    /// <summary>The smallest sample size this library analyses for p and q variables: p + q + 2.</summary>
    /// <remarks>
    /// With n − 1 ≤ p + q the centred data span at most p + q dimensions and the canonical correlations are
    /// forced towards 1 whatever the data; the Wilks test needs positive error degrees of freedom n − p − q − 1.
    /// </remarks>
    /// <param name="p">Number of X variables.</param>
    /// <param name="q">Number of Y variables.</param>
    public static int MinimumSampleSize(int p, int q) => p + q + 2;

    private static void RequireSampleSize(int n, int p, int q)
    {
        int min = MinimumSampleSize(p, q);
        if (n < min)
            throw new CcaDataException(
                $"{n} samples are too few for {p} X and {q} Y variables: canonical correlation analysis needs at least p + q + 2 = {min} samples " +
                "(with fewer, the canonical correlations approach 1 whatever the data). Add samples or use fewer variables.", "n");
    }

    private static CanonicalCorrelation FitBlocks(Matrix<double> r11, Matrix<double> r12, Matrix<double> r22, int n,
        IReadOnlyList<string> xn, IReadOnlyList<string> yn, CcaMethod method, double[]? sdX, double[]? sdY, string param)
    {
        RequireSampleSize(n, xn.Count, yn.Count);
        CheckCorrelationBlock(r11, xn, "X", param);
        CheckCorrelationBlock(r22, yn, "Y", param);
        Solution s;
        if (method == CcaMethod.Stable)
        {
            var lx = r11.Cholesky().Factor;
            var ly = r22.Cholesky().Factor;
            var m = lx.Solve(ly.Solve(r12.Transpose()).Transpose());
            var svd = m.Svd(computeVectors: true);
            int k = Math.Min(xn.Count, yn.Count);
            var u = svd.U.SubMatrix(0, xn.Count, 0, k);
            var v = svd.VT.Transpose().SubMatrix(0, yn.Count, 0, k);
            var rho = Enumerable.Range(0, k).Select(i => Math.Clamp(svd.S[i], 0.0, 1.0)).ToArray();
            s = new Solution(rho, lx.Transpose().Solve(u), ly.Transpose().Solve(v));
        }
        else
        {
            s = SolveEigen(r11, r12, r22);
        }
        return Assemble(s, r11, r12, r22, n, xn, yn, method, null, sdX, null, sdY, null, null);
    }

    /// <summary>The textbook route: eigen-decomposition of R11⁻¹ R12 R22⁻¹ R21.</summary>
    private static Solution SolveEigen(Matrix<double> r11, Matrix<double> r12, Matrix<double> r22)
    {
        int p = r11.RowCount, q = r22.RowCount, k = Math.Min(p, q);
        var r11Inv = r11.Inverse();
        var r22Inv = r22.Inverse();
        var a = r11Inv * r12 * r22Inv * r12.Transpose();
        var evd = a.Evd();
        var order = Enumerable.Range(0, p).OrderByDescending(i => evd.EigenValues[i].Real).Take(k).ToArray();
        var rho = new double[k];
        var ax = Matrix<double>.Build.Dense(p, k);
        var by = Matrix<double>.Build.Dense(q, k);
        for (int c = 0; c < k; c++)
        {
            int i = order[c];
            rho[c] = Math.Sqrt(Math.Clamp(evd.EigenValues[i].Real, 0.0, 1.0));
            var vec = evd.EigenVectors.Column(i);
            vec /= Math.Sqrt(vec * (r11 * vec));
            ax.SetColumn(c, vec);
            if (rho[c] < 1e-12)
                throw new CcaDataException($"Canonical correlation {c + 1} is zero, so the eigen route cannot determine its Y coefficients; use CcaMethod.Stable.");
            by.SetColumn(c, r22Inv * (r12.TransposeThisAndMultiply(vec)) / rho[c]);
        }
        return new Solution(rho, ax, by);
    }

    private static CanonicalCorrelation Assemble(Solution s, Matrix<double> r11, Matrix<double> r12, Matrix<double> r22,
        int n, IReadOnlyList<string> xn, IReadOnlyList<string> yn, CcaMethod method,
        double[]? meanX, double[]? sdX, double[]? meanY, double[]? sdY, Matrix<double>? zx, Matrix<double>? zy)
    {
        int k = s.Rho.Length;
        for (int c = 0; c < k; c++)
            if (s.Rho[c] > 1 - 1e-12)
                throw new CcaDataException(
                    $"Canonical correlation {c + 1} is 1: a combination of the X variables equals a combination of the Y variables exactly. " +
                    "A variable probably appears in both sets, or is computed from variables of the other set; remove it from one set.");
        var structX = r11 * s.A;
        // Orientation: make the sum of the X structure coefficients of every pair positive.
        for (int c = 0; c < k; c++)
        {
            var col = structX.Column(c);
            double sum = col.Sum();
            bool flip = Math.Abs(sum) > 1e-12 ? sum < 0 : col[col.AbsoluteMaximumIndex()] < 0;
            if (!flip) continue;
            s.A.SetColumn(c, -s.A.Column(c));
            s.B.SetColumn(c, -s.B.Column(c));
            structX.SetColumn(c, -col);
        }
        var structY = r22 * s.B;
        var crossX = r12 * s.B;
        var crossY = r12.TransposeThisAndMultiply(s.A);
        Matrix<double>? raw(Matrix<double> std, double[]? sd)
        {
            if (sd is null) return null;
            var m = std.Clone();
            for (int i = 0; i < m.RowCount; i++) m.SetRow(i, m.Row(i) / sd[i]);
            return m;
        }
        var full = Matrix<double>.Build.Dense(xn.Count + yn.Count, xn.Count + yn.Count);
        full.SetSubMatrix(0, 0, r11);
        full.SetSubMatrix(0, xn.Count, r12);
        full.SetSubMatrix(xn.Count, 0, r12.Transpose());
        full.SetSubMatrix(xn.Count, xn.Count, r22);
        return new CanonicalCorrelation(n, xn, yn, method, s.Rho, s.A, s.B, raw(s.A, sdX), raw(s.B, sdY),
            structX, structY, crossX, crossY, full, meanX, sdX, meanY, sdY,
            zx is null ? null : zx * s.A, zy is null ? null : zy * s.B);
    }

    private static Matrix<double> Standardize(double[,] data, IReadOnlyList<string> names, string set, string param,
        out double[] means, out double[] sds)
    {
        int n = data.GetLength(0), p = data.GetLength(1);
        means = new double[p];
        sds = new double[p];
        var z = Matrix<double>.Build.Dense(n, p);
        for (int j = 0; j < p; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double v = data[i, j];
                if (!double.IsFinite(v))
                    throw new CcaDataException(
                        $"{set} variable {names[j]} has the value {v.ToString(CultureInfo.InvariantCulture)} in row {i + 1}: every value must be a finite number. Fix or remove that sample.", param);
                sum += v;
            }
            double mean = sum / n, ss = 0, maxAbs = 0;
            for (int i = 0; i < n; i++)
            {
                double d = data[i, j] - mean;
                ss += d * d;
                maxAbs = Math.Max(maxAbs, Math.Abs(data[i, j]));
            }
            double sd = Math.Sqrt(ss / (n - 1));
            if (!(sd > 1e-13 * Math.Max(maxAbs, double.Epsilon)))
                throw new CcaDataException(
                    $"{set} variable {names[j]} is constant (every sample has {data[0, j].ToString("G6", CultureInfo.InvariantCulture)}): a variable that does not vary carries no information for a canonical correlation. Drop it from the analysis.", param);
            means[j] = mean;
            sds[j] = sd;
            for (int i = 0; i < n; i++) z[i, j] = (data[i, j] - mean) / sd;
        }
        return z;
    }

    /// <summary>
    /// With standardized columns, |R_jj| / √(n − 1) is √(1 − R²_j) for column j on the columns before it.
    /// </summary>
    private static void CheckTriangular(Matrix<double> r, double scale, IReadOnlyList<string> names, string set, string param)
    {
        for (int j = 0; j < r.ColumnCount; j++)
            if (Math.Abs(r[j, j]) / scale < CollinearityTolerance)
                throw Collinear(names, j, set, param);
    }

    /// <summary>
    /// Cholesky pivots of a correlation block: the j-th pivot is 1 − R²_j of variable j on the variables before it.
    /// </summary>
    private static void CheckCorrelationBlock(Matrix<double> r, IReadOnlyList<string> names, string set, string param)
    {
        int p = r.RowCount;
        var l = new double[p, p];
        for (int j = 0; j < p; j++)
        {
            double d = r[j, j];
            for (int m = 0; m < j; m++) d -= l[j, m] * l[j, m];
            if (!(d > CollinearityTolerance * CollinearityTolerance)) throw Collinear(names, j, set, param);
            l[j, j] = Math.Sqrt(d);
            for (int i = j + 1; i < p; i++)
            {
                double v = r[i, j];
                for (int m = 0; m < j; m++) v -= l[i, m] * l[j, m];
                l[i, j] = v / l[j, j];
            }
        }
    }

    private static CcaDataException Collinear(IReadOnlyList<string> names, int j, string set, string param) =>
        new(j == 0
            ? $"{set} variable {names[0]} has no variance left to analyse."
            : $"{set} variable {names[j]} is (almost) an exact linear combination of {string.Join(", ", names.Take(j))}: " +
              "the set is collinear, so its canonical coefficients are not determined. Drop one of these variables, or use regularized CCA.", param);

    private static (IReadOnlyList<string> X, IReadOnlyList<string> Y, Matrix<double> S11, Matrix<double> S12, Matrix<double> S22)
        SplitMatrix(double[,] matrix, int p, int n, IReadOnlyList<string>? names, string param)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int size = matrix.GetLength(0);
        if (matrix.GetLength(1) != size)
            throw new CcaDataException($"The matrix is {size} × {matrix.GetLength(1)}; it must be square, (p + q) × (p + q).", param);
        if (p < 1 || p >= size)
            throw new CcaDataException($"p = {p} X variables does not fit a {size} × {size} matrix: p must be between 1 and {size - 1}.", nameof(p));
        int q = size - p;
        var all = Names(names, size, null, nameof(names), p);
        var m = Matrix<double>.Build.DenseOfArray(matrix);
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
            {
                if (!double.IsFinite(m[i, j]))
                    throw new CcaDataException($"Entry ({i + 1}, {j + 1}) of the matrix ({all[i]}, {all[j]}) is not a finite number.", param);
                if (Math.Abs(m[i, j] - m[j, i]) > 1e-8 * Math.Max(1.0, Math.Abs(m[i, j])))
                    throw new CcaDataException($"The matrix is not symmetric: entry ({i + 1}, {j + 1}) is {m[i, j].ToString("G6", CultureInfo.InvariantCulture)} but ({j + 1}, {i + 1}) is {m[j, i].ToString("G6", CultureInfo.InvariantCulture)}. Check the transcription.", param);
            }
        return (all.Take(p).ToArray(), all.Skip(p).ToArray(), m.SubMatrix(0, p, 0, p), m.SubMatrix(0, p, p, q), m.SubMatrix(p, q, p, q));
    }

    private static IReadOnlyList<string> Names(IReadOnlyList<string>? names, int count, string? prefix, string param, int p = 0)
    {
        if (names is null)
            return Enumerable.Range(0, count).Select(i => prefix is not null ? $"{prefix}{i + 1}" : i < p ? $"X{i + 1}" : $"Y{i - p + 1}").ToArray();
        if (names.Count != count)
            throw new ArgumentException($"{names.Count} names were given for {count} variables.", param);
        var dup = names.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            throw new ArgumentException($"The variable name '{dup.Key}' is used twice; every variable needs its own name.", param);
        return names.ToArray();
    }

    private static Matrix<double> Scale(Matrix<double> s, double[] left, double[] right) =>
        Matrix<double>.Build.Dense(s.RowCount, s.ColumnCount, (i, j) => s[i, j] / (left[i] * right[j]));

    private sealed record Solution(double[] Rho, Matrix<double> A, Matrix<double> B);
}
