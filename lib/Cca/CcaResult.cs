namespace RuralEcom.Cca;

/// <summary>
/// The result of a canonical correlation analysis: everything SAS PROC CANCORR prints about the canonical pairs
/// (V_k, W_k), k = 1..min(p, q). Create it with <see cref="CanonicalCorrelationAnalysis"/>.
/// </summary>
/// <remarks>
/// Pair orientation: see <see cref="CanonicalCorrelationAnalysis"/> (the X structure coefficients of every pair
/// sum to a positive number). Variances use the divisor n − 1, so every canonical variate has unit variance.
/// </remarks>
public sealed class CcaResult
{
    internal CcaResult(int n, IReadOnlyList<string> xNames, IReadOnlyList<string> yNames, CcaMethod method,
        double[] rho, double[,] stdX, double[,] stdY, double[,]? rawX, double[,]? rawY,
        double[,] structX, double[,] structY, double[,] crossX, double[,] crossY,
        double[,] correlation, double[]? meanX, double[]? sdX, double[]? meanY, double[]? sdY,
        Func<(double[,] X, double[,] Y)>? scores, int? residualDf = null)
    {
        N = n;
        ResidualDf = residualDf ?? n - 1;
        XNames = ReadOnly.Own(xNames);
        YNames = ReadOnly.Own(yNames);
        Method = method;
        int k = rho.Length;
        VNames = CcaCore.Names(null, k, "V", "");
        WNames = CcaCore.Names(null, k, "W", "");
        Correlations = ReadOnly.Own(rho);
        // Plain loops rather than LINQ: this constructor runs once per fit, and resampling fits thousands of times.
        var squared = new double[k];
        var eigenvalues = new double[k];
        var errors = new double[k];
        double total = 0;
        for (int i = 0; i < k; i++)
        {
            double r2 = rho[i] * rho[i];
            squared[i] = r2;
            eigenvalues[i] = r2 / (1 - r2);
            errors[i] = (1 - r2) / Math.Sqrt(ResidualDf);
        }
        for (int i = 0; i < k; i++) total += eigenvalues[i];
        var proportions = new double[k];
        for (int i = 0; i < k; i++) proportions[i] = total > 0 ? eigenvalues[i] / total : 0;
        SquaredCorrelations = ReadOnly.Own(squared);
        Eigenvalues = ReadOnly.Own(eigenvalues);
        Proportions = ReadOnly.Own(proportions);
        CumulativeProportions = RedundancyAnalysis.Cumulative(proportions);
        StandardErrors = ReadOnly.Own(errors);
        AdjustedCorrelations = ReadOnly.Own(Lawley(rho, ResidualDf, P, Q));
        // The arrays were built by the analysis for this result alone, so the labeled matrices take them without copies.
        StandardizedCoefficientsX = LabeledMatrix.Own(stdX, xNames, VNames);
        StandardizedCoefficientsY = LabeledMatrix.Own(stdY, yNames, WNames);
        RawCoefficientsX = rawX is null ? null : LabeledMatrix.Own(rawX, xNames, VNames);
        RawCoefficientsY = rawY is null ? null : LabeledMatrix.Own(rawY, yNames, WNames);
        Structure = new StructureCoefficients(
            LabeledMatrix.Own(structX, xNames, VNames), LabeledMatrix.Own(structY, yNames, WNames),
            LabeledMatrix.Own(crossX, xNames, WNames), LabeledMatrix.Own(crossY, yNames, VNames));
        static (double[] Own, double[] Opposite) explained(double[,] s, double[] squared)
        {
            int rows = s.GetLength(0), cols = s.GetLength(1);
            var o = new double[cols];
            var opposite = new double[cols];
            for (int c = 0; c < cols; c++)
            {
                double sum = 0;
                for (int i = 0; i < rows; i++) sum += s[i, c] * s[i, c];
                o[c] = sum / rows;
                opposite[c] = o[c] * squared[c];
            }
            return (o, opposite);
        }
        var (ownX, oppositeX) = explained(structX, squared);
        var (ownY, oppositeY) = explained(structY, squared);
        Redundancy = new RedundancyAnalysis(ownX, oppositeX, ownY, oppositeY);
        var all = new string[xNames.Count + yNames.Count];
        for (int i = 0; i < xNames.Count; i++) all[i] = xNames[i];
        for (int i = 0; i < yNames.Count; i++) all[xNames.Count + i] = yNames[i];
        CorrelationMatrix = LabeledMatrix.Own(correlation, all, all);
        MeansX = meanX is null ? null : ReadOnly.Own(meanX);
        MeansY = meanY is null ? null : ReadOnly.Own(meanY);
        StandardDeviationsX = sdX is null ? null : ReadOnly.Own(sdX);
        StandardDeviationsY = sdY is null ? null : ReadOnly.Own(sdY);
        // Scores (n × k each) are computed on first use: most callers (tests, resampling) never read them.
        if (scores is not null)
            _scores = new Lazy<(LabeledMatrix X, LabeledMatrix Y)>(() =>
            {
                var (sx, sy) = scores();
                var rowNames = Enumerable.Range(1, n).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                return (LabeledMatrix.Own(sx, rowNames, VNames), LabeledMatrix.Own(sy, rowNames, WNames));
            });
    }

    /// <summary>The number of samples.</summary>
    public int N { get; }

    /// <summary>The number of X variables.</summary>
    public int P => XNames.Count;

    /// <summary>The number of Y variables.</summary>
    public int Q => YNames.Count;

    /// <summary>The number of canonical pairs, min(p, q).</summary>
    public int Count => Correlations.Count;

    /// <summary>The algorithm that produced this result.</summary>
    public CcaMethod Method { get; }

    /// <summary>The X variable names.</summary>
    public IReadOnlyList<string> XNames { get; }

    /// <summary>The Y variable names.</summary>
    public IReadOnlyList<string> YNames { get; }

    /// <summary>The names of the X-side canonical variates, V1..Vk.</summary>
    public IReadOnlyList<string> VNames { get; }

    /// <summary>The names of the Y-side canonical variates, W1..Wk.</summary>
    public IReadOnlyList<string> WNames { get; }

    /// <summary>
    /// ν, the degrees of freedom behind <see cref="AdjustedCorrelations"/>, <see cref="StandardErrors"/> and, by default,
    /// the tests of significance: n − 1 for independent rows; for a within-transformed panel (RuralEcom.Panels) the
    /// residual df n − r.
    /// </summary>
    public int ResidualDf { get; }

    /// <summary>The canonical correlations r_1 ≥ r_2 ≥ … ≥ r_k ≥ 0.</summary>
    public IReadOnlyList<double> Correlations { get; }

    /// <summary>
    /// Lawley's (1959) adjusted canonical correlations, asymptotically less biased than r_i and possibly negative:
    /// r̃_i = r_i − (1 − r_i²) / (2 ν r_i) · [p + q − 2 − r_i² + 2 (1 − r_i²) Σ_{j≠i} r_j² / (r_i² − r_j²)], ν = <see cref="ResidualDf"/>
    /// (Lawley 1959, "Tests of significance in canonical analysis", Biometrika 46:59-66; this is the form that
    /// reproduces SAS PROC CANCORR's printed values). As in SAS, an entry is null (not computable) when r_i is
    /// near 0, two correlations nearly coincide, or it would exceed an earlier adjusted correlation.
    /// </summary>
    public IReadOnlyList<double?> AdjustedCorrelations { get; }

    /// <summary>
    /// Approximate standard errors (1 − r_i²) / √ν, ν = <see cref="ResidualDf"/>: (1 − r_i²) / √(n − 1) as SAS PROC
    /// CANCORR prints them for independent rows.
    /// </summary>
    public IReadOnlyList<double> StandardErrors { get; }

    /// <summary>The squared canonical correlations r_i².</summary>
    public IReadOnlyList<double> SquaredCorrelations { get; }

    /// <summary>The eigenvalues of R22⁻¹ R21 R11⁻¹ R12 in SAS's form λ_i = r_i² / (1 − r_i²) (eigenvalues of E⁻¹H).</summary>
    public IReadOnlyList<double> Eigenvalues { get; }

    /// <summary>Each eigenvalue's share of their sum.</summary>
    public IReadOnlyList<double> Proportions { get; }

    /// <summary>Running totals of <see cref="Proportions"/>.</summary>
    public IReadOnlyList<double> CumulativeProportions { get; }

    /// <summary>Coefficients of the z-scored X variables: V_k = Σ_j a_jk z_j (the paper's "typical loads").</summary>
    public LabeledMatrix StandardizedCoefficientsX { get; }

    /// <summary>Coefficients of the z-scored Y variables: W_k = Σ_j b_jk z_j.</summary>
    public LabeledMatrix StandardizedCoefficientsY { get; }

    /// <summary>Coefficients of the centred raw X variables (standardized coefficient / standard deviation);
    /// null when the analysis was fitted from a correlation matrix.</summary>
    public LabeledMatrix? RawCoefficientsX { get; }

    /// <summary>Coefficients of the centred raw Y variables; null when fitted from a correlation matrix.</summary>
    public LabeledMatrix? RawCoefficientsY { get; }

    /// <summary>Structure and cross-structure coefficients (canonical loadings).</summary>
    public StructureCoefficients Structure { get; }

    /// <summary>Stewart–Love redundancy analysis of standardized variance.</summary>
    public RedundancyAnalysis Redundancy { get; }

    /// <summary>The (p + q) × (p + q) correlation matrix R = [R11 R12; R21 R22] the analysis used.</summary>
    public LabeledMatrix CorrelationMatrix { get; }

    /// <summary>Means of the X variables; null when fitted from a matrix.</summary>
    public IReadOnlyList<double>? MeansX { get; }

    /// <summary>Means of the Y variables; null when fitted from a matrix.</summary>
    public IReadOnlyList<double>? MeansY { get; }

    /// <summary>Standard deviations (divisor n − 1) of the X variables; null when fitted from a correlation matrix.</summary>
    public IReadOnlyList<double>? StandardDeviationsX { get; }

    /// <summary>Standard deviations of the Y variables; null when fitted from a correlation matrix.</summary>
    public IReadOnlyList<double>? StandardDeviationsY { get; }

    /// <summary>The canonical variates V (n × k, unit variance) of every sample; null when fitted from a matrix.</summary>
    public LabeledMatrix? ScoresX => _scores?.Value.X;

    /// <summary>The canonical variates W (n × k, unit variance) of every sample; null when fitted from a matrix.</summary>
    public LabeledMatrix? ScoresY => _scores?.Value.Y;

    private readonly Lazy<(LabeledMatrix X, LabeledMatrix Y)>? _scores;

    /// <summary>
    /// The canonical correlation table as SAS prints it: correlation, adjusted correlation, approximate standard
    /// error, squared correlation, eigenvalue, difference from the next eigenvalue, proportion, cumulative.
    /// </summary>
    public Table ToTable()
    {
        var rows = Enumerable.Range(0, Count).Select(i => (IReadOnlyList<object?>)new object?[]
        {
            i + 1, Correlations[i], AdjustedCorrelations[i] is { } a ? a : null, StandardErrors[i], SquaredCorrelations[i],
            Eigenvalues[i], i + 1 < Count ? Eigenvalues[i] - Eigenvalues[i + 1] : null, Proportions[i], CumulativeProportions[i],
        });
        string size = ResidualDf == N - 1 ? $"n = {N}" : $"n = {N}, ν = {ResidualDf}";
        return new Table($"Canonical correlations ({size}, p = {P}, q = {Q})",
            ["Pair", "Canonical correlation", "Adjusted (Lawley)", "Approx. standard error", "Squared", "Eigenvalue", "Difference", "Proportion", "Cumulative"],
            rows, numberFormat: "F6",
            note: "Eigenvalue = r²/(1 − r²). Adjusted correlations are blank where SAS leaves them missing. " + CanonicalCorrelationAnalysis.SignConvention);
    }

    private static double?[] Lawley(double[] r, int df, int p, int q)
    {
        int k = r.Length;
        var adj = new double?[k];
        double? previous = null;
        for (int i = 0; i < k; i++)
        {
            double ri2 = r[i] * r[i];
            bool computable = r[i] > 1e-8;
            double sum = 0;
            for (int j = 0; j < k && computable; j++)
            {
                if (j == i) continue;
                double rj2 = r[j] * r[j], gap = ri2 - rj2;
                if (Math.Abs(gap) < 1e-8) computable = false;
                else sum += rj2 / gap;
            }
            if (!computable) continue;
            double bracket = p + q - 2 - ri2 + 2 * (1 - ri2) * sum;
            double value = r[i] - (1 - ri2) / (2.0 * df * r[i]) * bracket;
            if (previous is { } prev && value > prev) continue;
            adj[i] = value;
            previous = value;
        }
        return adj;
    }
}
