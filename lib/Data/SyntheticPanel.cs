using System.Globalization;
using System.Text.Json;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;

namespace RuralEcom.Data;

/// <summary>
/// The known population behind the bundled SYNTHETIC panel: 19 indicators (X1..X8, Y1..Y11) with means,
/// standard deviations and a correlation matrix whose population canonical correlations are exactly
/// <see cref="SyntheticPanel.SpecifiedCanonicalCorrelations"/>.
/// </summary>
public sealed class SyntheticPanelTruth
{
    internal SyntheticPanelTruth(IReadOnlyList<string> xNames, IReadOnlyList<string> yNames, double[] means, double[] sds,
        double[,] correlation, double[] rho, double[,] xCoef, double[,] yCoef, double[,] xStruct, double[,] yStruct)
    {
        XNames = xNames; YNames = yNames; Means = means; StandardDeviations = sds; PopulationCorrelation = correlation;
        CanonicalCorrelations = rho; XCoefficients = xCoef; YCoefficients = yCoef; XStructure = xStruct; YStructure = yStruct;
    }

    /// <summary>X1..X8.</summary>
    public IReadOnlyList<string> XNames { get; }

    /// <summary>Y1..Y11.</summary>
    public IReadOnlyList<string> YNames { get; }

    /// <summary>All 19 names, X then Y (the order of rows and columns of <see cref="PopulationCorrelation"/>).</summary>
    public IReadOnlyList<string> Names => [.. XNames, .. YNames];

    /// <summary>Population means mu (19).</summary>
    public double[] Means { get; }

    /// <summary>Population standard deviations, the diagonal of D (19).</summary>
    public double[] StandardDeviations { get; }

    /// <summary>Population correlation matrix Sigma (19 x 19); the covariance is D Sigma D.</summary>
    public double[,] PopulationCorrelation { get; }

    /// <summary>The 8 population canonical correlations rho_1 &gt;= ... &gt;= rho_8.</summary>
    public double[] CanonicalCorrelations { get; }

    /// <summary>Standardized population canonical coefficients of X (8 x 8): a_i = Rxx^(-1/2) A_i, so a_i' Rxx a_i = 1.</summary>
    public double[,] XCoefficients { get; }

    /// <summary>Standardized population canonical coefficients of Y (11 x 8): b_i = Ryy^(-1/2) B_i.</summary>
    public double[,] YCoefficients { get; }

    /// <summary>Population structure coefficients (loadings) corr(X_j, U_i) = (Rxx a_i)_j (8 x 8).</summary>
    public double[,] XStructure { get; }

    /// <summary>Population structure coefficients corr(Y_j, V_i) = (Ryy b_i)_j (11 x 8).</summary>
    public double[,] YStructure { get; }

    /// <summary>The truth as indented JSON (numbers in shortest round-trip form, invariant), "\n" line ends.</summary>
    public string ToJson()
    {
        static double[][] Rows(double[,] m) => Enumerable.Range(0, m.GetLength(0))
            .Select(i => Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j]).ToArray()).ToArray();
        var doc = new
        {
            synthetic = true,
            description = "Population truth of data/synthetic/synthetic-paper-shaped-panel.csv (SYNTHETIC). Rows of the panel are iid N(mu, D Sigma D).",
            x_names = XNames,
            y_names = YNames,
            means = Means,
            standard_deviations = StandardDeviations,
            population_correlation = Rows(PopulationCorrelation),
            canonical_correlations = CanonicalCorrelations,
            x_coefficients_standardized = Rows(XCoefficients),
            y_coefficients_standardized = Rows(YCoefficients),
            x_structure_coefficients = Rows(XStructure),
            y_structure_coefficients = Rows(YStructure),
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}

/// <summary>
/// A seeded generator of the bundled SYNTHETIC "paper-shaped" panel: 55 region-years (regions "Region A".."Region G",
/// 2014-2021, with Region G 2014 absent) whose rows are iid draws from N(mu, D Sigma D). Sigma is built so that its
/// population canonical correlations are exactly the first eight values of the paper's Table 3 and its loadings
/// follow the paper's reading of the first three pairs. Magnitudes are illustrative, not observed.
/// </summary>
/// <remarks>
/// Construction: Rxx and Ryy are fixed positive-definite within-set correlation matrices; A (8 x 8) and B (11 x 8)
/// have orthonormal columns; Rxy = Rxx^(1/2) A diag(rho) B' Ryy^(1/2). Then Rxx^(-1/2) Rxy Ryy^(-1/2) = A diag(rho) B'
/// has singular values rho, which are the canonical correlations, and the X loadings are Rxx^(1/2) A. A is the
/// Gram-Schmidt orthonormalisation of Rxx^(-1/2) T (T: target loading patterns), so pair 1's loadings are exactly
/// proportional to its target. Draws use MathNet's Mersenne Twister with the given seed; after drawing, the rows
/// of each region are sorted by a development score so that later years look more developed (row order does not
/// change any correlation).
/// </remarks>
public static class SyntheticPanel
{
    /// <summary>The seed of the shipped files.</summary>
    public const int DefaultSeed = 20240601;

    /// <summary>Canonical correlations 1-8 of the paper's Table 3.</summary>
    public static IReadOnlyList<double> SpecifiedCanonicalCorrelations { get; } = [0.995, 0.969, 0.956, 0.931, 0.865, 0.845, 0.758, 0.611];

    /// <summary>The seven synthetic region labels.</summary>
    public static IReadOnlyList<string> RegionLabels { get; } = ["Region A", "Region B", "Region C", "Region D", "Region E", "Region F", "Region G"];

    /// <summary>The region-year left out to make 55 rows (as in the paper): Region G, 2014.</summary>
    public static (string Region, int Year) AbsentRegionYear => ("Region G", 2014);

    // Illustrative means and standard deviations, in the catalogue's units (see data/synthetic/README.md).
    private static readonly double[] Mu = [900, 0.35, 1.4, 6.0, 96.0, 25.0, 45.0, 25.0, 800, 58.0, 91.0, 60.0, 20000, 2500, 1.2, 65000, 1.12, 2.2, 75.0];
    private static readonly double[] Sd = [350, 0.12, 0.3, 1.8, 1.1, 9.0, 10.0, 7.0, 300, 6.0, 2.5, 8.0, 7000, 1000, 0.35, 15000, 0.06, 0.35, 8.0];

    private static readonly Lazy<SyntheticPanelTruth> TruthValue = new(BuildTruth);

    /// <summary>The population truth (does not depend on the seed).</summary>
    public static SyntheticPanelTruth Truth => TruthValue.Value;

    /// <summary>Draws the 55-row panel with the given seed (deterministic).</summary>
    /// <param name="seed">Seed of the Mersenne Twister; <see cref="DefaultSeed"/> gives the shipped file.</param>
    public static Panel Generate(int seed = DefaultSeed)
    {
        var truth = Truth;
        int k = truth.Names.Count;
        var sigma = Matrix<double>.Build.DenseOfArray(truth.PopulationCorrelation);
        var l = sigma.Cholesky().Factor;
        var rng = new MersenneTwister(seed, threadSafe: false);
        var years = Enumerable.Range(2014, 8).ToArray();
        var slots = RegionLabels.SelectMany(r => years.Where(y => (r, y) != AbsentRegionYear).Select(y => (r, y))).ToArray();
        var draws = new double[slots.Length][];
        for (int i = 0; i < draws.Length; i++)
        {
            var z = Vector<double>.Build.Dense(k, _ => Normal.Sample(rng, 0, 1));
            var s = l * z; // standardized draw with correlation Sigma
            draws[i] = Enumerable.Range(0, k).Select(j => truth.Means[j] + truth.StandardDeviations[j] * s[j]).ToArray();
        }
        // Within each region, order the region's draws by a development score (sum of standardized values,
        // sign-flipped for negative-direction indicators) so that later years are more developed.
        var catalog = IndicatorCatalog.Default;
        var sign = truth.Names.Select(n => catalog[n].Direction == IndicatorDirection.Positive ? 1.0 : -1.0).ToArray();
        double Score(double[] row) => Enumerable.Range(0, k).Sum(j => sign[j] * (row[j] - truth.Means[j]) / truth.StandardDeviations[j]);
        var values = new double[slots.Length, k];
        int start = 0;
        foreach (var region in RegionLabels)
        {
            int count = slots.Count(s => s.r == region);
            var sorted = draws.Skip(start).Take(count).OrderBy(Score).ToArray();
            for (int i = 0; i < count; i++)
                for (int j = 0; j < k; j++) values[start + i, j] = sorted[i][j];
            start += count;
        }
        return new Panel(slots.Select(s => s.r).ToArray(), slots.Select(s => s.y).ToArray(), truth.Names, values,
            $"SYNTHETIC paper-shaped panel (seed {seed})");
    }

    /// <summary>The shipped panel (data/synthetic/synthetic-paper-shaped-panel.csv, compiled into the library).</summary>
    public static Panel LoadBundled()
    {
        using var reader = BundledFile.OpenText("synthetic-paper-shaped-panel.csv");
        return PanelCsv.Parse(reader, "synthetic-paper-shaped-panel.csv (SYNTHETIC, bundled)");
    }

    /// <summary>The shipped panel file's text for a seed: <see cref="Panel.ToCsv"/> with 4 decimals.</summary>
    /// <param name="seed">The seed.</param>
    public static string PanelCsvText(int seed = DefaultSeed) => Generate(seed).ToCsv(4);

    /// <summary>Writes synthetic-paper-shaped-panel.csv and synthetic-paper-shaped-truth.json into a folder.</summary>
    /// <param name="folder">Target folder (data/synthetic in the repository).</param>
    /// <param name="seed">The seed.</param>
    public static void WriteFiles(string folder, int seed = DefaultSeed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "synthetic-paper-shaped-panel.csv"), PanelCsvText(seed));
        File.WriteAllText(Path.Combine(folder, "synthetic-paper-shaped-truth.json"), Truth.ToJson());
    }

    private static SyntheticPanelTruth BuildTruth()
    {
        var catalog = IndicatorCatalog.Default;
        var xs = catalog.XSymbols;
        var ys = catalog.YSymbols;
        int p = xs.Count, q = ys.Count, m = SpecifiedCanonicalCorrelations.Count;
        var rxx = WithinSet(catalog, xs, 0.20, 0.45);
        var ryy = WithinSet(catalog, ys, 0.15, 0.40);
        // Target loading patterns: the paper's reading of pairs 1-3, then one indicator each for pairs 4-8.
        var tx = Matrix<double>.Build.Dense(p, p);
        Set(tx, xs, 0, ("X7", 0.95), ("X8", 0.2));
        Set(tx, xs, 1, ("X1", 0.8), ("X2", 0.7), ("X5", 0.6));
        Set(tx, xs, 2, ("X3", 0.8), ("X6", 0.7));
        string[] restX = ["X4", "X8", "X1", "X5", "X3"];
        for (int c = 3; c < p; c++) Set(tx, xs, c, (restX[c - 3], 1.0));
        var ty = Matrix<double>.Build.Dense(q, m);
        Set(ty, ys, 0, ("Y4", 0.95), ("Y2", 0.2));
        Set(ty, ys, 1, ("Y8", 0.8), ("Y5", 0.5));
        Set(ty, ys, 2, ("Y5", 0.6), ("Y6", 0.75));
        string[] restY = ["Y1", "Y3", "Y7", "Y9", "Y11"];
        for (int c = 3; c < m; c++) Set(ty, ys, c, (restY[c - 3], 1.0));
        var (rxxHalf, rxxInvHalf) = SqrtAndInverseSqrt(rxx);
        var (ryyHalf, ryyInvHalf) = SqrtAndInverseSqrt(ryy);
        var a = GramSchmidt(rxxInvHalf * tx);
        var b = GramSchmidt(ryyInvHalf * ty);
        var rho = Matrix<double>.Build.DenseOfDiagonalArray(SpecifiedCanonicalCorrelations.ToArray());
        var rxy = rxxHalf * a * rho * b.Transpose() * ryyHalf;
        var sigma = Matrix<double>.Build.Dense(p + q, p + q);
        sigma.SetSubMatrix(0, 0, rxx);
        sigma.SetSubMatrix(p, p, ryy);
        sigma.SetSubMatrix(0, p, rxy);
        sigma.SetSubMatrix(p, 0, rxy.Transpose());
        sigma = (sigma + sigma.Transpose()) / 2; // exact symmetry against rounding
        for (int i = 0; i < p + q; i++) sigma[i, i] = 1;
        var xCoef = rxxInvHalf * a;
        var yCoef = ryyInvHalf * b;
        return new SyntheticPanelTruth(xs, ys, Mu.ToArray(), Sd.ToArray(), sigma.ToArray(), SpecifiedCanonicalCorrelations.ToArray(),
            xCoef.SubMatrix(0, p, 0, m).ToArray(), yCoef.ToArray(), (rxxHalf * a).SubMatrix(0, p, 0, m).ToArray(), (ryyHalf * b).ToArray());
    }

    // Within-set correlations: r_between for indicators of different level-2 groups, r_within inside a group.
    private static Matrix<double> WithinSet(IndicatorCatalog catalog, IReadOnlyList<string> symbols, double between, double within) =>
        Matrix<double>.Build.Dense(symbols.Count, symbols.Count, (i, j) =>
            i == j ? 1.0 : catalog[symbols[i]].Group == catalog[symbols[j]].Group ? within : between);

    private static void Set(Matrix<double> t, IReadOnlyList<string> symbols, int column, params (string Symbol, double Value)[] entries)
    {
        foreach (var (s, v) in entries) t[symbols.ToList().IndexOf(s), column] = v;
    }

    private static (Matrix<double> Half, Matrix<double> InverseHalf) SqrtAndInverseSqrt(Matrix<double> r)
    {
        var evd = r.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var v = evd.EigenVectors;
        var lambda = evd.EigenValues.Real();
        return (v * Matrix<double>.Build.DenseOfDiagonalVector(lambda.PointwiseSqrt()) * v.Transpose(),
            v * Matrix<double>.Build.DenseOfDiagonalVector(lambda.PointwiseSqrt().Map(x => 1 / x)) * v.Transpose());
    }

    // Modified Gram-Schmidt on the columns, in order, so column 1 keeps its direction exactly.
    private static Matrix<double> GramSchmidt(Matrix<double> m)
    {
        var q = m.Clone();
        for (int c = 0; c < q.ColumnCount; c++)
        {
            var v = q.Column(c);
            for (int d = 0; d < c; d++) v -= q.Column(d).DotProduct(v) * q.Column(d);
            var norm = v.L2Norm();
            if (norm < 1e-8) throw new InvalidOperationException($"Target loading column {c + 1} is dependent on the earlier ones.");
            q.SetColumn(c, v / norm);
        }
        return q;
    }
}
