using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using RuralEcom.Data;
using RuralEcom.Numerics;

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
    public const double CollinearityTolerance = CcaCore.CollinearityTolerance;

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
    public static CcaResult Fit(double[,] x, double[,] y, IReadOnlyList<string>? xNames = null,
        IReadOnlyList<string>? yNames = null, CcaMethod method = CcaMethod.Stable) =>
        Fit(x, y, xNames, yNames, method, residualDf: null);

    /// <summary>
    /// The fit of <see cref="Fit(double[,], double[,], IReadOnlyList{string}?, IReadOnlyList{string}?, CcaMethod)"/>
    /// with the adjusted correlations and standard errors on ν = <paramref name="residualDf"/> degrees of freedom
    /// (null: n − 1); used for within-transformed panels.
    /// </summary>
    internal static CcaResult Fit(double[,] x, double[,] y, IReadOnlyList<string>? xNames, IReadOnlyList<string>? yNames,
        CcaMethod method, int? residualDf)
    {
        var (n, p, q, xn, yn) = CcaCore.Validate(x, y, xNames, yNames);
        var zx = CcaCore.Standardize(x, xn, "X", nameof(x), out var meanX, out var sdX);
        var zy = CcaCore.Standardize(y, yn, "Y", nameof(y), out var meanY, out var sdY);
        double[,] r11, r12, r22;
        CcaSolution s;
        if (method == CcaMethod.Stable)
        {
            var qx = CcaCore.Orthonormalize(zx, n, p, xn, "X", nameof(x), out var rx);
            var qy = CcaCore.Orthonormalize(zy, n, q, yn, "Y", nameof(y), out var ry);
            s = CcaCore.SolveFactors(qx, rx, qy, ry, n, p, q, out var c);
            // The correlation blocks from the factors (Zx = Qx Rx, Zy = Qy Ry): R11 = Rxᵀ Rx / (n − 1),
            // R22 = Ryᵀ Ry / (n − 1), R12 = Rxᵀ (Qxᵀ Qy) Ry / (n − 1); equal to Zᵀ Z / (n − 1) up to rounding.
            r11 = SmallDense.UpperTransposeMultiply(rx, p, rx, p, null, n - 1.0);
            r22 = SmallDense.UpperTransposeMultiply(ry, q, ry, q, null, n - 1.0);
            r12 = SmallDense.UpperTransposeMultiply(rx, p, ry, q, c, n - 1.0);
        }
        else
        {
            r11 = SmallDense.Gram(zx, zx, n, p, p, n - 1.0);
            r22 = SmallDense.Gram(zy, zy, n, q, q, n - 1.0);
            r12 = SmallDense.Gram(zx, zy, n, p, q, n - 1.0);
            CcaCore.Factor(r11, xn, "X", nameof(x));
            CcaCore.Factor(r22, yn, "Y", nameof(y));
            s = SolveEigen(r11, r12, r22);
        }
        return Assemble(s, r11, r12, r22, n, xn, yn, method, meanX, sdX, meanY, sdY, zx, zy, residualDf);
    }

    /// <summary>
    /// Fits a canonical correlation analysis to two MathNet matrices with one row per sample (the same as
    /// <see cref="Fit(double[,], double[,], IReadOnlyList{string}?, IReadOnlyList{string}?, CcaMethod)"/> on their entries).
    /// </summary>
    /// <param name="x">The X set, n × p (rows are samples).</param>
    /// <param name="y">The Y set, n × q, the same samples in the same order.</param>
    /// <param name="xNames">Names of the X variables (default X1..Xp).</param>
    /// <param name="yNames">Names of the Y variables (default Y1..Yq).</param>
    /// <param name="method">The algorithm (default: the stable QR/SVD route).</param>
    /// <exception cref="CcaDataException">As for the array overload.</exception>
    public static CcaResult Fit(Matrix<double> x, Matrix<double> y, IReadOnlyList<string>? xNames = null,
        IReadOnlyList<string>? yNames = null, CcaMethod method = CcaMethod.Stable)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return Fit(x.ToArray(), y.ToArray(), xNames, yNames, method);
    }

    /// <summary>
    /// Fits a canonical correlation analysis to columns of a panel, one row per region-year, the variables named by
    /// their symbols.
    /// </summary>
    /// <param name="panel">The panel.</param>
    /// <param name="xSymbols">The X indicators, e.g. X1..X8.</param>
    /// <param name="ySymbols">The Y indicators, e.g. Y1..Y11.</param>
    /// <param name="method">The algorithm (default: the stable QR/SVD route).</param>
    /// <exception cref="KeyNotFoundException">A symbol is not a column of the panel.</exception>
    /// <exception cref="CcaDataException">The columns cannot be analysed (as for the array overload).</exception>
    public static CcaResult Fit(Panel panel, IReadOnlyList<string> xSymbols, IReadOnlyList<string> ySymbols,
        CcaMethod method = CcaMethod.Stable)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(xSymbols);
        ArgumentNullException.ThrowIfNull(ySymbols);
        return Fit(panel.Matrix(xSymbols), panel.Matrix(ySymbols), xSymbols, ySymbols, method);
    }

    /// <summary>
    /// Fits a canonical correlation analysis to numeric columns of a Microsoft.Data.Analysis DataFrame, one row per
    /// sample, the variables named by their column names.
    /// </summary>
    /// <param name="frame">The data frame (e.g. <see cref="Panel.ToDataFrame"/> after filtering or transforming).</param>
    /// <param name="xColumns">The X columns.</param>
    /// <param name="yColumns">The Y columns.</param>
    /// <param name="method">The algorithm (default: the stable QR/SVD route).</param>
    /// <exception cref="PanelFormatException">A column is missing, or a value is missing or not a number (column and row named).</exception>
    /// <exception cref="CcaDataException">The columns cannot be analysed (as for the array overload).</exception>
    public static CcaResult Fit(Microsoft.Data.Analysis.DataFrame frame, IReadOnlyList<string> xColumns, IReadOnlyList<string> yColumns,
        CcaMethod method = CcaMethod.Stable)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(xColumns);
        ArgumentNullException.ThrowIfNull(yColumns);
        return Fit(Panel.FrameMatrix(frame, xColumns), Panel.FrameMatrix(frame, yColumns), xColumns, yColumns, method);
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
    public static CcaResult FitCorrelation(double[,] correlation, int p, int n,
        IReadOnlyList<string>? names = null, CcaMethod method = CcaMethod.Stable)
    {
        var (xn, yn, r11, r12, r22) = SplitMatrix(correlation, p, n, names, nameof(correlation));
        for (int i = 0; i < p + yn.Count; i++)
        {
            double d = i < p ? r11[i, i] : r22[i - p, i - p];
            if (Math.Abs(d - 1.0) > 1e-8)
                throw new CcaDataException($"Diagonal entry {i + 1} ({(i < p ? xn[i] : yn[i - p])}) of the correlation matrix is {d.ToString("G6", CultureInfo.InvariantCulture)}, not 1. Pass a covariance matrix to FitCovariance instead.", nameof(correlation));
        }
        return FitBlocks(r11, r12, r22, n, xn, yn, method, null, null, null, null, nameof(correlation));
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
    public static CcaResult FitCovariance(double[,] covariance, int p, int n,
        IReadOnlyList<string>? names = null, CcaMethod method = CcaMethod.Stable) =>
        FromCovariance(covariance, p, n, names, method, null, nameof(covariance));

    /// <summary>
    /// Fits a canonical correlation analysis to accumulated sufficient statistics (row count, means, co-moments),
    /// e.g. from <see cref="CoMoments.Compute"/> or a file read in chunks by <see cref="StreamingCca"/>. The result
    /// has means, standard deviations and raw coefficients, but no scores (the rows are not kept).
    /// </summary>
    /// <param name="moments">The statistics of the p + q variables, X first.</param>
    /// <param name="p">The number of X variables (the first p).</param>
    /// <param name="names">The p + q variable names (default X1..Xp, Y1..Yq).</param>
    /// <param name="method">The algorithm (default: Cholesky factors and SVD).</param>
    /// <exception cref="CcaDataException">Too few rows, a constant or collinear variable, or p out of range.</exception>
    public static CcaResult FitMoments(CoMoments moments, int p, IReadOnlyList<string>? names = null,
        CcaMethod method = CcaMethod.Stable)
    {
        ArgumentNullException.ThrowIfNull(moments);
        if (moments.Count > int.MaxValue)
            throw new CcaDataException($"{moments.Count} rows exceed the {int.MaxValue} this library counts; analyse a random subsample or split the file.", nameof(moments));
        if (moments.Count < moments.Variables + 2)
            throw new CcaDataException($"{moments.Count} rows are too few for {moments.Variables} variables: canonical correlation analysis needs at least p + q + 2 = {moments.Variables + 2} rows.", nameof(moments));
        // In the scaled units of the statistics (powers of two, so the correlations are exact); the scales are undone
        // on the means and standard deviations.
        return FromCovariance(moments.ScaledCovariance(), p, (int)moments.Count, names, method, moments.ScaledMeans(),
            nameof(moments), moments.Scales());
    }

    /// <summary>
    /// Fits a canonical correlation analysis to large data (many thousands of rows or more): the covariance
    /// matrix is accumulated in one parallel, vectorised pass (<see cref="CoMoments.Compute"/>), then solved as by
    /// <see cref="FitMoments"/>. Agrees with <see cref="Fit(double[,], double[,], IReadOnlyList{string}?, IReadOnlyList{string}?, CcaMethod)"/> to rounding on well-conditioned data but keeps no
    /// scores, so memory stays at the size of the input.
    /// </summary>
    /// <param name="x">The X set, n × p (rows are samples).</param>
    /// <param name="y">The Y set, n × q.</param>
    /// <param name="xNames">Names of the X variables (default X1..Xp).</param>
    /// <param name="yNames">Names of the Y variables (default Y1..Yq).</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use (−1: all cores); the result is the same for every value.</param>
    /// <exception cref="CcaDataException">As for <see cref="Fit(double[,], double[,], IReadOnlyList{string}?, IReadOnlyList{string}?, CcaMethod)"/>.</exception>
    public static CcaResult FitLarge(double[,] x, double[,] y, IReadOnlyList<string>? xNames = null,
        IReadOnlyList<string>? yNames = null, int maxDegreeOfParallelism = -1)
    {
        var (_, p, _, xn, yn) = CcaCore.Validate(x, y, xNames, yNames);
        var moments = CoMoments.Compute(x, y, maxDegreeOfParallelism);
        return FitMoments(moments, p, xn.Concat(yn).ToArray());
    }

    /// <summary>The analysis from a covariance matrix, with the means when they are known.</summary>
    private static CcaResult FromCovariance(double[,] covariance, int p, int n, IReadOnlyList<string>? names,
        CcaMethod method, double[]? means, string param, double[]? scales = null)
    {
        var (xn, yn, s11, s12, s22) = SplitMatrix(covariance, p, n, names, param);
        int q = yn.Count;
        var sdX = new double[p];
        var sdY = new double[q];
        for (int i = 0; i < p + q; i++)
        {
            double v = i < p ? s11[i, i] : s22[i - p, i - p];
            string name = i < p ? xn[i] : yn[i - p];
            // The one constant rule, relative to the variable's own level when the means are known.
            if (ColumnStandardization.IsConstant(Math.Sqrt(v), means?[i] ?? 0))
                throw new CcaDataException($"The variance of {name} is {v.ToString("G6", CultureInfo.InvariantCulture)}: a variable must vary to enter a canonical correlation analysis. Drop it.", param);
            if (i < p) sdX[i] = Math.Sqrt(v); else sdY[i - p] = Math.Sqrt(v);
        }
        var r11 = Scale(s11, sdX, sdX);
        var r12 = Scale(s12, sdX, sdY);
        var r22 = Scale(s22, sdY, sdY);
        if (scales is not null)
            for (int i = 0; i < p + q; i++)
            {
                if (i < p) sdX[i] /= scales[i]; else sdY[i - p] /= scales[i];
                means![i] /= scales[i];
            }
        return FitBlocks(r11, r12, r22, n, xn, yn, method, means?[..p], sdX, means?[p..], sdY, param);
    }

    /// <summary>The smallest sample size this library analyses for p and q variables: p + q + 2.</summary>
    /// <remarks>
    /// With n − 1 ≤ p + q the centred data span at most p + q dimensions and the canonical correlations are
    /// forced towards 1 whatever the data; the Wilks test needs positive error degrees of freedom n − p − q − 1.
    /// </remarks>
    /// <param name="p">Number of X variables.</param>
    /// <param name="q">Number of Y variables.</param>
    public static int MinimumSampleSize(int p, int q) => p + q + 2;

    /// <summary>
    /// The analysis from correlation blocks (the stable route uses Cholesky factors and an SVD); the optional means
    /// and standard deviations give raw coefficients and the means of the result.
    /// </summary>
    internal static CcaResult FitBlocks(double[,] r11, double[,] r12, double[,] r22, int n,
        IReadOnlyList<string> xn, IReadOnlyList<string> yn, CcaMethod method, double[]? meanX, double[]? sdX,
        double[]? meanY, double[]? sdY, string param)
    {
        CcaCore.RequireSampleSize(n, xn.Count, yn.Count, param == "moments" ? param : nameof(n));
        CcaSolution s;
        if (method == CcaMethod.Stable)
            s = CcaCore.SolveMoments(r11, r12, r22, xn, yn, param);
        else
        {
            CcaCore.Factor(r11, xn, "X", param);
            CcaCore.Factor(r22, yn, "Y", param);
            s = SolveEigen(r11, r12, r22);
        }
        return Assemble(s, r11, r12, r22, n, xn, yn, method, meanX, sdX, meanY, sdY, null, null);
    }

    /// <summary>The textbook route: eigen-decomposition of R11⁻¹ R12 R22⁻¹ R21.</summary>
    private static CcaSolution SolveEigen(double[,] r11Array, double[,] r12Array, double[,] r22Array)
    {
        var r11 = Matrix<double>.Build.DenseOfArray(r11Array);
        var r12 = Matrix<double>.Build.DenseOfArray(r12Array);
        var r22 = Matrix<double>.Build.DenseOfArray(r22Array);
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
        return new CcaSolution(rho, ax.ToArray(), by.ToArray());
    }

    private static CcaResult Assemble(CcaSolution s, double[,] r11, double[,] r12, double[,] r22,
        int n, IReadOnlyList<string> xn, IReadOnlyList<string> yn, CcaMethod method,
        double[]? meanX, double[]? sdX, double[]? meanY, double[]? sdY, double[]? zx, double[]? zy, int? residualDf = null)
    {
        int k = s.Rho.Length, p = xn.Count, q = yn.Count;
        for (int c = 0; c < k; c++)
            if (s.Rho[c] > 1 - 1e-12)
                throw new CcaDataException(
                    $"Canonical correlation {c + 1} is 1: a combination of the X variables equals a combination of the Y variables exactly. " +
                    "A variable probably appears in both sets, or is computed from variables of the other set; remove it from one set.");
        var structX = SmallDense.Multiply(r11, s.A);
        CcaCore.Orient(structX, s.A, s.B);
        var structY = SmallDense.Multiply(r22, s.B);
        var crossX = SmallDense.Multiply(r12, s.B);
        var crossY = SmallDense.TransposeMultiply(r12, s.A);
        static double[,]? raw(double[,] std, double[]? sd)
        {
            if (sd is null) return null;
            var m = (double[,])std.Clone();
            for (int i = 0; i < m.GetLength(0); i++)
                for (int c = 0; c < m.GetLength(1); c++) m[i, c] /= sd[i];
            return m;
        }
        var full = new double[p + q, p + q];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++) full[i, j] = r11[i, j];
            for (int j = 0; j < q; j++) full[i, p + j] = full[p + j, i] = r12[i, j];
        }
        for (int i = 0; i < q; i++)
            for (int j = 0; j < q; j++) full[p + i, p + j] = r22[i, j];
        return new CcaResult(n, xn, yn, method, s.Rho, s.A, s.B, raw(s.A, sdX), raw(s.B, sdY),
            structX, structY, crossX, crossY, full, meanX, sdX, meanY, sdY,
            zx is null || zy is null ? null : () => (SmallDense.MultiplyColumnMajor(zx, n, s.A), SmallDense.MultiplyColumnMajor(zy, n, s.B)),
            residualDf);
    }

    private static (IReadOnlyList<string> X, IReadOnlyList<string> Y, double[,] S11, double[,] S12, double[,] S22)
        SplitMatrix(double[,] matrix, int p, int n, IReadOnlyList<string>? names, string param)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int size = matrix.GetLength(0);
        if (matrix.GetLength(1) != size)
            throw new CcaDataException($"The matrix is {size} × {matrix.GetLength(1)}; it must be square, (p + q) × (p + q).", param);
        if (p < 1 || p >= size)
            throw new CcaDataException($"p = {p} X variables does not fit a {size} × {size} matrix: p must be between 1 and {size - 1}.", nameof(p));
        int q = size - p;
        var all = CcaCore.Names(names, size, null, nameof(names), p);
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
            {
                if (!double.IsFinite(matrix[i, j]))
                    throw new CcaDataException($"Entry ({i + 1}, {j + 1}) of the matrix ({all[i]}, {all[j]}) is not a finite number.", param);
                if (Math.Abs(matrix[i, j] - matrix[j, i]) > 1e-8 * Math.Max(1.0, Math.Abs(matrix[i, j])))
                    throw new CcaDataException($"The matrix is not symmetric: entry ({i + 1}, {j + 1}) is {matrix[i, j].ToString("G6", CultureInfo.InvariantCulture)} but ({j + 1}, {i + 1}) is {matrix[j, i].ToString("G6", CultureInfo.InvariantCulture)}. Check the transcription.", param);
            }
        return (all.Take(p).ToArray(), all.Skip(p).ToArray(), Block(matrix, 0, 0, p, p), Block(matrix, 0, p, p, q), Block(matrix, p, p, q, q));
    }

    private static double[,] Block(double[,] m, int row, int column, int rows, int columns)
    {
        var b = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) b[i, j] = m[row + i, column + j];
        return b;
    }

    /// <summary>S_ij / (left_i right_j): covariances to correlations.</summary>
    internal static double[,] Scale(double[,] s, double[] left, double[] right)
    {
        var r = new double[s.GetLength(0), s.GetLength(1)];
        for (int i = 0; i < r.GetLength(0); i++)
            for (int j = 0; j < r.GetLength(1); j++) r[i, j] = s[i, j] / (left[i] * right[j]);
        return r;
    }

}
