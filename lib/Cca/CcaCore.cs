using System.Globalization;
using RuralEcom.Numerics;

namespace RuralEcom.Cca;

/// <summary>The raw solution of a canonical correlation analysis: ρ_1 ≥ … ≥ ρ_k and coefficients A (p × k), B (q × k).</summary>
internal sealed record CcaSolution(double[] Rho, double[,] A, double[,] B);

/// <summary>
/// The one solver under every canonical correlation analysis of the library: the fit from data, from a correlation
/// or covariance matrix, from accumulated moments (the streaming fit), the ridge variant, and the replicates of the
/// bootstrap, the permutation test and the null distribution. It owns the rules every route shares: the shape and
/// name checks, the standardization (<see cref="ColumnStandardization"/>), the collinearity rule, the SVD solve and
/// the orientation of the pairs. The textbook eigen route (<see cref="CcaMethod.Eigen"/>) stays beside it as the
/// teaching check.
/// </summary>
/// <remarks>
/// Both inputs are whitened the same way: a block of data Z = Q R by a thin QR decomposition, a second-moment block
/// S = L Lᵀ = Rᵀ R by Cholesky (R = Lᵀ). The canonical correlations are the singular values of the whitened cross
/// block C = Qxᵀ Qy = Rx⁻ᵀ Sxy Ry⁻¹ (Björck &amp; Golub 1973, "Numerical methods for computing angles between linear
/// subspaces", Math. Comp. 27:579-594), C = U diag(ρ) Vᵀ, and the coefficients are A = Rx⁻¹ U, B = Ry⁻¹ V, scaled so
/// that every variate has unit variance.
/// </remarks>
internal static class CcaCore
{
    /// <summary>The smallest √(1 − R²_j) (variable j on the variables before it in its set) still treated as independent.</summary>
    public const double CollinearityTolerance = 1e-7;

    /// <summary>The one collinearity rule: a column whose part not explained by the columns before it has norm
    /// <paramref name="residual"/> is collinear when that is below <see cref="CollinearityTolerance"/> of its own norm.</summary>
    public static bool IsCollinear(double residual, double norm) => !(residual >= CollinearityTolerance * norm);

    /// <summary>
    /// Checks the shapes of a pair of data matrices and names their variables: the one "X has n rows but Y has m"
    /// check and the one default naming (X1..Xp, Y1..Yq). <c>minimumRows</c> is the fewest rows the caller can use
    /// (null: <see cref="CanonicalCorrelationAnalysis.MinimumSampleSize"/>).
    /// </summary>
    public static (int N, int P, int Q, IReadOnlyList<string> XNames, IReadOnlyList<string> YNames) Validate(
        double[,] x, double[,] y, IReadOnlyList<string>? xNames, IReadOnlyList<string>? yNames, int? minimumRows = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n = x.GetLength(0), p = x.GetLength(1), q = y.GetLength(1);
        var xn = Names(xNames, p, "X", nameof(xNames));
        var yn = Names(yNames, q, "Y", nameof(yNames));
        RequireSameRows(x, y);
        if (p == 0 || q == 0)
            throw new CcaDataException($"Each set needs at least one variable (X has {p}, Y has {q}).", p == 0 ? nameof(x) : nameof(y));
        if (minimumRows is { } min)
        {
            if (n < min) throw new CcaDataException($"{n} samples are too few: at least {min} are needed.", nameof(x));
        }
        else RequireSampleSize(n, p, q, nameof(x));
        return (n, p, q, xn, yn);
    }

    /// <summary>The one check that X and Y hold the same number of rows (samples).</summary>
    public static void RequireSameRows(double[,] x, double[,] y)
    {
        if (y.GetLength(0) != x.GetLength(0))
            throw new CcaDataException($"X has {x.GetLength(0)} rows but Y has {y.GetLength(0)}: both sets must hold the same samples in the same order.", nameof(y));
    }

    /// <summary>Throws unless n ≥ p + q + 2.</summary>
    public static void RequireSampleSize(int n, int p, int q, string param)
    {
        int min = CanonicalCorrelationAnalysis.MinimumSampleSize(p, q);
        if (n < min)
            throw new CcaDataException(
                $"{n} samples are too few for {p} X and {q} Y variables: canonical correlation analysis needs at least p + q + 2 = {min} samples " +
                "(with fewer, the canonical correlations approach 1 whatever the data). Add samples or use fewer variables.", param);
    }

    /// <summary>The given names, checked (count, no duplicates), or prefix1..prefixCount (or X1..Xp, Y1..Yq when prefix is null).</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<string>? names, int count, string? prefix, string param, int p = 0)
    {
        if (names is null)
        {
            var defaults = new string[count];
            for (int i = 0; i < count; i++)
                defaults[i] = prefix is not null ? $"{prefix}{i + 1}" : i < p ? $"X{i + 1}" : $"Y{i - p + 1}";
            return ReadOnly.Own(defaults);
        }
        if (names.Count != count)
            throw new ArgumentException($"{names.Count} names were given for {count} variables.", param);
        var dup = names.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            throw new ArgumentException($"The variable name '{dup.Key}' is used twice; every variable needs its own name.", param);
        return ReadOnly.Copy(names);
    }

    /// <summary>
    /// The z-scores of a block, n × p column-major (column j at [j n ..]), with its means and standard deviations, by
    /// the library's one standardization and constant-column rule (<see cref="ColumnStandardization"/>).
    /// </summary>
    public static double[] Standardize(double[,] data, IReadOnlyList<string> names, string set, string param,
        out double[] means, out double[] sds)
    {
        int n = data.GetLength(0), p = data.GetLength(1);
        means = new double[p];
        sds = new double[p];
        var z = GC.AllocateUninitializedArray<double>(n * p); // every entry is written unless a defect is reported
        var check = ColumnStandardization.Standardize(SmallDense.Flat(data), n, p, z, means, sds);
        switch (check.Defect)
        {
            case ColumnDefect.NotFinite:
                throw new CcaDataException(
                    $"{set} variable {names[check.Column]} has the value {check.Value.ToString(CultureInfo.InvariantCulture)} in row {check.Row + 1}: every value must be a finite number. Fix or remove that sample.", param);
            case ColumnDefect.Constant:
                throw new CcaDataException(
                    $"{set} variable {names[check.Column]} is constant (every sample has {check.Value.ToString("G6", CultureInfo.InvariantCulture)}): a variable that does not vary carries no information for a canonical correlation. Drop it from the analysis.", param);
        }
        return z;
    }

    /// <summary>
    /// The thin QR decomposition of a standardized block (n × m column-major): returns Q (n × m row-major) and R,
    /// after checking by the collinearity rule that no column is (nearly) a combination of the columns before it.
    /// </summary>
    public static double[] Orthonormalize(double[] z, int n, int m, IReadOnlyList<string> names, string set, string param, out double[] r)
    {
        // Both work arrays are overwritten in full (a by the copy, q by ThinQR), so they skip the zeroing.
        var a = GC.AllocateUninitializedArray<double>(n * m);
        z.AsSpan(0, n * m).CopyTo(a);
        var q = GC.AllocateUninitializedArray<double>(n * m);
        r = new double[m * m];
        SmallDense.ThinQR(a, n, m, r, q, new double[m]);
        // With standardized columns (norm √(n − 1)), |R_jj| is the norm of column j's part orthogonal to the columns before it.
        double norm = Math.Sqrt(n - 1.0);
        for (int j = 0; j < m; j++)
            if (IsCollinear(Math.Abs(r[j * m + j]), norm))
                throw Collinear(names, j, set, param);
        return q;
    }

    /// <summary>The data route: canonical correlations and z-score coefficients from the QR factors of both standardized blocks.</summary>
    public static CcaSolution SolveFactors(double[] qx, double[] rx, double[] qy, double[] ry, int n, int p, int q, out double[,] cross)
    {
        cross = SmallDense.Gram(qx, qy, n, p, q, 1.0, rowMajor: true);
        var (rho, u, v) = SmallDense.Svd(cross);
        // Zx = Qx Rx, so V = Zx A = Qx U needs A = Rx⁻¹ U; √(n − 1) makes the variates' variance 1.
        double scale = Math.Sqrt(n - 1.0);
        return new CcaSolution(rho, SmallDense.SolveUpper(rx, u, scale), SmallDense.SolveUpper(ry, v, scale));
    }

    /// <summary>
    /// The canonical correlations alone (no coefficients) from the orthonormal bases of two sets, Q row-major as
    /// <see cref="Orthonormalize"/> returns them: the singular values of Qxᵀ Qy, largest first, at most 1.
    /// </summary>
    public static double[] CanonicalCorrelations(double[] qx, double[] qy, int n, int p, int q)
    {
        var c = SmallDense.Gram(qx, qy, n, p, q, 1.0, rowMajor: true);
        int k = Math.Min(p, q), len = Math.Max(p, q);
        // The k vectors of the singular value kernel: the rows of C (p ≤ q) or of Cᵀ.
        var w = p <= q ? SmallDense.Flat(c).ToArray() : SmallDense.Flat(SmallDense.Transpose(c)).ToArray();
        var values = new double[k];
        SmallDense.SingularValues(w, k, len, len, values);
        for (int i = 0; i < k; i++) values[i] = Math.Min(1.0, values[i]);
        return values;
    }

    /// <summary>
    /// The moment route: canonical correlations and coefficients from second-moment blocks S11 (p × p), S12, S22
    /// (correlations, covariances, or covariances with ridge penalties on the diagonal); a_kᵀ S11 a_k = 1.
    /// <c>collinear</c> builds the error for a block that fails the collinearity rule (set, column); null: the CCA message.
    /// </summary>
    public static CcaSolution SolveMoments(double[,] s11, double[,] s12, double[,] s22, IReadOnlyList<string> xn, IReadOnlyList<string> yn,
        string param, Func<string, int, CcaDataException>? collinear = null)
    {
        var lx = Factor(s11, xn, "X", param, collinear);
        var ly = Factor(s22, yn, "Y", param, collinear);
        // C = Lx⁻¹ S12 Ly⁻ᵀ has the canonical correlations as singular values; A = Lx⁻ᵀ U, B = Ly⁻ᵀ V.
        var t = SmallDense.SolveLower(lx, s12);
        var c = SmallDense.Transpose(SmallDense.SolveLower(ly, SmallDense.Transpose(t)));
        var (rho, u, v) = SmallDense.Svd(c);
        return new CcaSolution(rho, SmallDense.SolveLowerTransposed(lx, u), SmallDense.SolveLowerTransposed(ly, v));
    }

    /// <summary>The Cholesky factor of a second-moment block, checked by the collinearity rule (pivot relative to the variable's own variance).</summary>
    public static double[,] Factor(double[,] s, IReadOnlyList<string> names, string set, string param,
        Func<string, int, CcaDataException>? collinear = null)
    {
        var (l, failed) = SmallDense.Cholesky(s, CollinearityTolerance * CollinearityTolerance);
        if (failed >= 0) throw collinear?.Invoke(set, failed) ?? Collinear(names, failed, set, param);
        return l;
    }

    /// <summary>
    /// The one orientation of the pairs: pair k is flipped (its X and Y coefficients, and every matrix in
    /// <paramref name="alsoFlip"/>, column k) when the X structure coefficients of V_k sum to a negative number, or, if
    /// that sum is zero to 1e−12, when the X structure coefficient largest in absolute value is negative.
    /// </summary>
    /// <param name="structureX">The X structure coefficients (p × k); flipped with the pairs.</param>
    /// <param name="alsoFlip">Other column-per-pair matrices to flip with them (the coefficients A and B, …).</param>
    public static void Orient(double[,] structureX, params double[][,] alsoFlip)
    {
        int p = structureX.GetLength(0), k = structureX.GetLength(1);
        for (int c = 0; c < k; c++)
        {
            double sum = 0, largest = 0;
            for (int i = 0; i < p; i++)
            {
                sum += structureX[i, c];
                if (Math.Abs(structureX[i, c]) > Math.Abs(largest)) largest = structureX[i, c];
            }
            bool flip = Math.Abs(sum) > 1e-12 ? sum < 0 : largest < 0;
            if (!flip) continue;
            for (int i = 0; i < p; i++) structureX[i, c] = -structureX[i, c];
            foreach (var m in alsoFlip)
                for (int i = 0; i < m.GetLength(0); i++) m[i, c] = -m[i, c];
        }
    }

    /// <summary>The error for variable j of a set that fails the collinearity rule.</summary>
    public static CcaDataException Collinear(IReadOnlyList<string> names, int j, string set, string param) =>
        new(j == 0
            ? $"{set} variable {names[0]} has no variance left to analyse."
            : $"{set} variable {names[j]} is (almost) an exact linear combination of {string.Join(", ", names.Take(j))}: " +
              "the set is collinear, so its canonical coefficients are not determined. Drop one of these variables, or use regularized CCA.", param);
}
