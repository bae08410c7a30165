using System.Globalization;
using RuralEcom.Cca;
using RuralEcom.Numerics;

namespace RuralEcom.Resampling;

/// <summary>
/// Regularized (ridge) canonical correlation analysis as R's CCA::rcc computes it (González, Déjean, Martin &amp;
/// Baccini 2008, "CCA: An R package to extend canonical correlation analysis", J. Stat. Softw. 23(12); rcc sets
/// Cxx = var(X) + diag(λ1), Cyy = var(Y) + diag(λ2), Cxy = cov(X, Y) and solves the generalized eigenproblem):
/// the penalties are added to the within-set covariance matrices on the scale of the data (not of the
/// correlations), so standardize the columns first if λ should mean the same for every variable.
/// </summary>
/// <remarks>
/// Solved as the SVD of L_x⁻¹ Sxy L_y⁻ᵀ with Cholesky factors Cxx = L_x L_xᵀ, Cyy = L_y L_yᵀ; the singular values
/// ρ_k are the regularized criterion values rcc reports as "cor", the coefficients satisfy a_kᵀ Cxx a_k = 1, and the
/// in-sample correlations of the variates are reported separately (with λ &gt; 0 they exceed ρ_k). With λ1 = λ2 = 0
/// the result is ordinary CCA. Pairs are oriented like <see cref="CanonicalCorrelationAnalysis"/> (X structure
/// coefficients sum to a positive number).
/// </remarks>
public static class RegularizedCca
{
    /// <summary>The default penalty grid of CCA::estim.regul: seq(0.001, 1, length = 5).</summary>
    public static IReadOnlyList<double> DefaultGrid { get; } = [0.001, 0.25075, 0.5005, 0.75025, 1.0];

    /// <summary>Fits a ridge-regularized CCA.</summary>
    /// <param name="x">The X set, n × p.</param>
    /// <param name="y">The Y set, n × q.</param>
    /// <param name="lambda1">Penalty added to the diagonal of the X covariance matrix (≥ 0).</param>
    /// <param name="lambda2">Penalty added to the diagonal of the Y covariance matrix (≥ 0).</param>
    /// <param name="xNames">X variable names (default X1..Xp).</param>
    /// <param name="yNames">Y variable names (default Y1..Yq).</param>
    /// <param name="standardize">Divide every column by its standard deviation first, so the penalties act on the
    /// correlation scale (the same λ for every variable whatever its unit); the coefficients then apply to z-scores.</param>
    /// <exception cref="CcaDataException">Bad data, or a zero penalty on a singular covariance matrix.</exception>
    public static RegularizedCcaResult Fit(double[,] x, double[,] y, double lambda1, double lambda2,
        IReadOnlyList<string>? xNames = null, IReadOnlyList<string>? yNames = null, bool standardize = false)
    {
        if (!(lambda1 >= 0) || double.IsInfinity(lambda1)) throw new ArgumentOutOfRangeException(nameof(lambda1), lambda1, "The penalty must be a finite number ≥ 0.");
        if (!(lambda2 >= 0) || double.IsInfinity(lambda2)) throw new ArgumentOutOfRangeException(nameof(lambda2), lambda2, "The penalty must be a finite number ≥ 0.");
        var (n, p, q, xn, yn) = CcaCore.Validate(x, y, xNames, yNames, minimumRows: 3);
        // The library's one standardization (and constant-column rule); the covariances are S = D R D with the
        // correlation blocks R and D the standard deviations, or D = I on the correlation scale.
        var zx = CcaCore.Standardize(x, xn, "X", nameof(x), out var meanX, out var sdX);
        var zy = CcaCore.Standardize(y, yn, "Y", nameof(y), out var meanY, out var sdY);
        var dx = standardize ? Ones(p) : sdX;
        var dy = standardize ? Ones(q) : sdY;
        var sxx = Scaled(SmallDense.Gram(zx, zx, n, p, p, n - 1.0), dx, dx, 0);
        var syy = Scaled(SmallDense.Gram(zy, zy, n, q, q, n - 1.0), dy, dy, 0);
        var sxy = Scaled(SmallDense.Gram(zx, zy, n, p, q, n - 1.0), dx, dy, 0);
        var s = CcaCore.SolveMoments(Scaled(sxx, Ones(p), Ones(p), lambda1), sxy, Scaled(syy, Ones(q), Ones(q), lambda2), xn, yn, nameof(x),
            (set, _) => Singular(set, set == "X" ? lambda1 : lambda2, set == "X" ? nameof(lambda1) : nameof(lambda2)));
        int k = s.Rho.Length;
        var a = s.A;
        var b = s.B;
        var covXV = SmallDense.Multiply(sxx, a);
        var covYW = SmallDense.Multiply(syy, b);
        var crossVW = SmallDense.Multiply(SmallDense.TransposeMultiply(a, sxy), b);
        var structX = new double[p, k];
        var structY = new double[q, k];
        var variate = new double[k];
        for (int c = 0; c < k; c++)
        {
            double varV = 0, varW = 0;
            for (int i = 0; i < p; i++) varV += a[i, c] * covXV[i, c];
            for (int i = 0; i < q; i++) varW += b[i, c] * covYW[i, c];
            for (int i = 0; i < p; i++) structX[i, c] = covXV[i, c] / (dx[i] * Math.Sqrt(varV));
            for (int i = 0; i < q; i++) structY[i, c] = covYW[i, c] / (dy[i] * Math.Sqrt(varW));
            variate[c] = crossVW[c, c] / Math.Sqrt(varV * varW);
        }
        CcaCore.Orient(structX, a, b, structY);
        var vNames = CcaCore.Names(null, k, "V", "");
        var wNames = CcaCore.Names(null, k, "W", "");
        // Coefficients of the raw centred variables (on the correlation scale: the z-score coefficients divided by the standard deviations).
        if (standardize)
        {
            for (int i = 0; i < p; i++) for (int c = 0; c < k; c++) a[i, c] /= sdX[i];
            for (int i = 0; i < q; i++) for (int c = 0; c < k; c++) b[i, c] /= sdY[i];
        }
        return new RegularizedCcaResult(n, lambda1, lambda2, standardize, s.Rho, variate,
            LabeledMatrix.Own(a, xn, vNames), LabeledMatrix.Own(b, yn, wNames),
            LabeledMatrix.Own(structX, xn, vNames), LabeledMatrix.Own(structY, yn, wNames), meanX, meanY);
    }

    /// <summary>
    /// Chooses the penalties as CCA::estim.regul does: for every (λ1, λ2) on the grid, the leave-one-out
    /// cross-validated first canonical correlation (each sample's variates computed from a fit without it, then
    /// correlated over all samples), and the pair with the largest value.
    /// </summary>
    /// <param name="x">The X set, n × p.</param>
    /// <param name="y">The Y set, n × q.</param>
    /// <param name="grid1">Candidate λ1 values (default <see cref="DefaultGrid"/>).</param>
    /// <param name="grid2">Candidate λ2 values (default <see cref="DefaultGrid"/>).</param>
    /// <param name="standardize">Penalize on the correlation scale (see <see cref="Fit"/>); each training fold is standardized by its own standard deviations.</param>
    /// <param name="options">Progress reports (one per grid point), cancellation and the thread limit (null: all cores, no reports); the result does not depend on them.</param>
    public static PenaltySearchResult ChoosePenalties(double[,] x, double[,] y, IReadOnlyList<double>? grid1 = null,
        IReadOnlyList<double>? grid2 = null, bool standardize = false, ResamplingOptions? options = null)
    {
        options ??= ResamplingOptions.Default;
        grid1 ??= DefaultGrid;
        grid2 ??= DefaultGrid;
        if (grid1.Count == 0 || grid2.Count == 0) throw new ArgumentException("Each penalty grid needs at least one value.", grid1.Count == 0 ? nameof(grid1) : nameof(grid2));
        var scores = new double[grid1.Count, grid2.Count];
        int done = 0, total = grid1.Count * grid2.Count;
        for (int i = 0; i < grid1.Count; i++)
            for (int j = 0; j < grid2.Count; j++)
            {
                double l1 = grid1[i], l2 = grid2[j];
                var cv = CcaCrossValidation.LeaveOneOut(x, y, Fit(x, y, l1, l2, standardize: standardize).VariateCorrelations.ToArray(),
                    (xt, yt) => Fit(xt, yt, l1, l2, standardize: standardize).Weights(), options with { Progress = null });
                scores[i, j] = cv.HeldOut[0];
                options.Progress?.Report(new ResamplingProgress("penalty grid points", ++done, total));
            }
        return new PenaltySearchResult(grid1.ToArray(), grid2.ToArray(), scores, standardize);
    }

    private static double[] Ones(int m) => Enumerable.Repeat(1.0, m).ToArray();

    /// <summary>left_i S_ij right_j, plus <paramref name="ridge"/> on the diagonal.</summary>
    private static double[,] Scaled(double[,] s, double[] left, double[] right, double ridge)
    {
        var r = new double[s.GetLength(0), s.GetLength(1)];
        for (int i = 0; i < r.GetLength(0); i++)
            for (int j = 0; j < r.GetLength(1); j++) r[i, j] = left[i] * s[i, j] * right[j] + (i == j ? ridge : 0);
        return r;
    }

    private static CcaDataException Singular(string set, double lambda, string param) => new(
        $"The {set} covariance matrix plus λ = {lambda.ToString("G4", CultureInfo.InvariantCulture)} on its diagonal is singular (a collinear {set} set): use a positive penalty.", param);
}

/// <summary>A regularized CCA fit (see <see cref="RegularizedCca"/>).</summary>
public sealed class RegularizedCcaResult
{
    internal RegularizedCcaResult(int n, double lambda1, double lambda2, bool standardized, double[] criterion, double[] variateCorrelations,
        LabeledMatrix coefficientsX, LabeledMatrix coefficientsY, LabeledMatrix structureX, LabeledMatrix structureY,
        double[] meanX, double[] meanY)
    {
        N = n;
        Lambda1 = lambda1;
        Lambda2 = lambda2;
        Standardized = standardized;
        Criterion = ReadOnly.Own(criterion);
        VariateCorrelations = ReadOnly.Own(variateCorrelations);
        RawCoefficientsX = coefficientsX;
        RawCoefficientsY = coefficientsY;
        StructureX = structureX;
        StructureY = structureY;
        MeansX = ReadOnly.Own(meanX);
        MeansY = ReadOnly.Own(meanY);
    }

    /// <summary>Sample size.</summary>
    public int N { get; }

    /// <summary>The X penalty λ1.</summary>
    public double Lambda1 { get; }

    /// <summary>The Y penalty λ2.</summary>
    public double Lambda2 { get; }

    /// <summary>True if the penalties were applied on the correlation scale (columns standardized first).</summary>
    public bool Standardized { get; }

    /// <summary>The regularized criterion values ρ_k = a_kᵀ Sxy b_k with a_kᵀ (Sxx + λ1 I) a_k = b_kᵀ (Syy + λ2 I) b_k = 1 (rcc's "cor").</summary>
    public IReadOnlyList<double> Criterion { get; }

    /// <summary>The in-sample correlations of the variates V_k = X a_k and W_k = Y b_k (equal to ρ_k when λ1 = λ2 = 0).</summary>
    public IReadOnlyList<double> VariateCorrelations { get; }

    /// <summary>Coefficients a_k of the centred raw X variables (also when <see cref="Standardized"/>: they are converted back).</summary>
    public LabeledMatrix RawCoefficientsX { get; }

    /// <summary>Coefficients b_k of the centred raw Y variables.</summary>
    public LabeledMatrix RawCoefficientsY { get; }

    /// <summary>Correlations of the X variables with V_k.</summary>
    public LabeledMatrix StructureX { get; }

    /// <summary>Correlations of the Y variables with W_k.</summary>
    public LabeledMatrix StructureY { get; }

    /// <summary>The X means used for centring.</summary>
    public IReadOnlyList<double> MeansX { get; }

    /// <summary>The Y means used for centring.</summary>
    public IReadOnlyList<double> MeansY { get; }

    /// <summary>The criterion values and variate correlations as a table.</summary>
    public Table ToTable() => new(
        $"Regularized CCA (λ1 = {Lambda1:G4}, λ2 = {Lambda2:G4}, n = {N})",
        ["Pair", "Criterion ρ (rcc \"cor\")", "Correlation of V and W"],
        Enumerable.Range(0, Criterion.Count).Select(i => (IReadOnlyList<object?>)new object?[] { i + 1, Criterion[i], VariateCorrelations[i] }),
        "F4", note: Standardized ? "Ridge penalties on the correlation scale (columns standardized first)." : "Ridge penalties on the covariance scale, as R's CCA::rcc.");

    internal CcaWeights Weights()
    {
        int p = StructureX.RowCount, q = StructureY.RowCount, k = Criterion.Count;
        var s = new double[p + q, k];
        for (int c = 0; c < k; c++)
        {
            for (int i = 0; i < p; i++) s[i, c] = StructureX[i, c];
            for (int i = 0; i < q; i++) s[p + i, c] = StructureY[i, c];
        }
        return new CcaWeights(MeansX.ToArray(), MeansY.ToArray(), RawCoefficientsX.ToArray(), RawCoefficientsY.ToArray(), s);
    }
}

/// <summary>The penalty grid search of <see cref="RegularizedCca.ChoosePenalties"/>.</summary>
public sealed class PenaltySearchResult
{
    internal PenaltySearchResult(double[] grid1, double[] grid2, double[,] scores, bool standardized)
    {
        Standardized = standardized;
        Grid1 = ReadOnly.Own(grid1);
        Grid2 = ReadOnly.Own(grid2);
        _scores = scores;
        double best = double.NegativeInfinity;
        for (int i = 0; i < grid1.Length; i++)
            for (int j = 0; j < grid2.Length; j++)
                if (scores[i, j] > best) { best = scores[i, j]; BestLambda1 = grid1[i]; BestLambda2 = grid2[j]; }
        BestScore = best;
    }

    private readonly double[,] _scores;

    /// <summary>True if the penalties were applied on the correlation scale.</summary>
    public bool Standardized { get; }

    /// <summary>The λ1 candidates.</summary>
    public IReadOnlyList<double> Grid1 { get; }

    /// <summary>The λ2 candidates.</summary>
    public IReadOnlyList<double> Grid2 { get; }

    /// <summary>The leave-one-out cross-validated first canonical correlation at (Grid1[i], Grid2[j]).</summary>
    /// <param name="i">Index into <see cref="Grid1"/>.</param>
    /// <param name="j">Index into <see cref="Grid2"/>.</param>
    public double Score(int i, int j) => _scores[i, j];

    /// <summary>The λ1 with the largest cross-validated correlation (first on the grid in case of ties).</summary>
    public double BestLambda1 { get; }

    /// <summary>The λ2 with the largest cross-validated correlation.</summary>
    public double BestLambda2 { get; }

    /// <summary>The largest cross-validated first canonical correlation.</summary>
    public double BestScore { get; }

    /// <summary>The grid of cross-validated correlations: rows λ1, columns λ2.</summary>
    public Table ToTable()
    {
        var columns = new List<string> { "λ1 \\ λ2" };
        columns.AddRange(Grid2.Select(v => v.ToString("G4", CultureInfo.InvariantCulture)));
        var rows = Enumerable.Range(0, Grid1.Count).Select(i =>
        {
            var row = new List<object?> { Grid1[i].ToString("G4", CultureInfo.InvariantCulture) };
            row.AddRange(Enumerable.Range(0, Grid2.Count).Select(j => (object?)_scores[i, j]));
            return (IReadOnlyList<object?>)row;
        });
        return new Table($"Leave-one-out cross-validated first canonical correlation over the penalty grid (as CCA::estim.regul; {(Standardized ? "correlation" : "covariance")} scale)",
            columns, rows, "F4", note: $"Best: λ1 = {BestLambda1:G4}, λ2 = {BestLambda2:G4}, cross-validated r1 = {BestScore:F4}.");
    }
}
