using System.Text.Json;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;
using RuralEcom.Cca;
using RuralEcom.Data;

namespace RuralEcom.Panels;

/// <summary>
/// What <see cref="PanelSimulator"/> draws: the layout, the variance shares of the components, the serial
/// correlation, the canonical correlations of the between-region and within-region relations, and the part-whole
/// overlap of indicators that share a definition.
/// </summary>
public sealed record PanelSimulationSpec
{
    /// <summary>Region labels (R).</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>Years (T), consecutive.</summary>
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>Region-years left out of the panel (their values are drawn and discarded, so the rest do not change).</summary>
    public IReadOnlyList<(string Region, int Year)> Absent { get; init; } = [];

    /// <summary>s_B: variance share of the region effects α_r.</summary>
    public double BetweenShare { get; init; }

    /// <summary>s_T: variance share of the year part (common trend and year shocks).</summary>
    public double TrendShare { get; init; }

    /// <summary>s_S: variance share of the region-specific linear trends β_r z_t.</summary>
    public double RegionTrendShare { get; init; }

    /// <summary>s_W: variance share of the AR(1) noise within regions.</summary>
    public double NoiseShare { get; init; }

    /// <summary>λ: share of the year part that is the common straight-line trend δ z_t (the rest is i.i.d. year shocks).</summary>
    public double LinearTrendShare { get; init; }

    /// <summary>φ: AR(1) coefficient of the within-region noise.</summary>
    public double Ar1 { get; init; }

    /// <summary>Canonical correlations of the region effects between X and Y (before overlap), one per pair of <see cref="PanelSimulator.RelationPairs"/>.</summary>
    public IReadOnlyList<double> BetweenCorrelations { get; init; } = [];

    /// <summary>Canonical correlations between X and Y of the region-specific trend slopes and of the AR(1) innovations (before overlap): the real within-region relation.</summary>
    public IReadOnlyList<double> WithinCorrelations { get; init; } = [];

    /// <summary>c: part-whole overlap; Y4 ← √(1 − c²) Y4 + c X7 and Y6 ← √(1 − c²) Y6 + c X6 in every component.</summary>
    public double Overlap { get; init; }
}

/// <summary>The population canonical correlations of each component of a simulated panel (from <see cref="PanelSimulator.Truth"/>).</summary>
/// <param name="Between">Of the region effects α_r (after overlap).</param>
/// <param name="Trend">Of the year part √λ δ z_t + √(1 − λ) shock_t, over years (after overlap).</param>
/// <param name="Within">Of the within-region part √s_S β_r z_t + √s_W e_rt (after overlap): what a two-way CCA estimates.</param>
/// <param name="Pooled">Of the sum of all components, each with its variance share: what a pooled CCA of many regions and years would estimate.</param>
public sealed record PanelTruth(IReadOnlyList<double> Between, IReadOnlyList<double> Trend, IReadOnlyList<double> Within, IReadOnlyList<double> Pooled);

/// <summary>
/// A seeded simulator of SYNTHETIC region-year panels of the paper's 19 indicators (X1..X8, Y1..Y11) with region
/// effects, a common trend with year shocks, region-specific trends, AR(1) noise within regions, and part-whole
/// overlap (X7 rural internet coverage is part of Y4 internet penetration; X6 express deliveries feed Y6 postal
/// business). Each component's population canonical correlations are known (<see cref="Truth"/>).
/// </summary>
/// <remarks>
/// In standardized units, for region r and year t with z_t = (t − t̄)/sd(t) (sd with divisor T):
/// v_rt = √s_B α_r + √s_T (√λ δ z_t + √(1 − λ) γ_t) + √s_S β_r z_t + √s_W e_rt, then the overlap map L, and the
/// value is μ + D v (μ, D: the illustrative means and standard deviations of <see cref="SyntheticPanel.Truth"/>).
/// α_r ~ N(0, C_B), and the region trend slopes β_r and the AR(1) innovations of e_rt ~ N(0, C_W), where C = [[I, K], [Kᵀ, I]] with K holding the
/// specified correlations on the <see cref="RelationPairs"/> (so the canonical correlations of C are exactly those
/// values); γ_t ~ N(0, I); e_r1 is drawn from the stationary law; δ_j = +1 for positive and −1 for negative
/// indicators (everything improves together). The component covariances are L C_B Lᵀ, L (λ δδᵀ + (1 − λ) I) Lᵀ and
/// (s_S + s_W) L C_W Lᵀ; their canonical correlations are computed by <see cref="CanonicalCorrelationAnalysis.FitCovariance"/>.
/// Draw order (MathNet Mersenne Twister): year shocks year by year, then per region α_r, β_r and e_r1..e_rT, all 19 at a time.
/// </remarks>
public static class PanelSimulator
{
    /// <summary>The (X, Y) indicator pairs that carry the specified canonical correlations, in order.</summary>
    public static IReadOnlyList<(string X, string Y)> RelationPairs { get; } =
        [("X7", "Y4"), ("X1", "Y8"), ("X6", "Y6"), ("X3", "Y5"), ("X2", "Y2"), ("X5", "Y1"), ("X8", "Y11"), ("X4", "Y3")];

    /// <summary>Draws a panel (deterministic for a seed).</summary>
    /// <param name="spec">What to draw.</param>
    /// <param name="seed">The Mersenne Twister seed.</param>
    public static Panel Generate(PanelSimulationSpec spec, int seed)
    {
        var (values, regions, years) = Draw(spec, seed);
        var names = SyntheticPanel.Truth.Names;
        return new Panel(regions, years, names, values, $"SYNTHETIC realistic panel ({spec.Regions.Count} regions × {spec.Years.Count} years, seed {seed})");
    }

    /// <summary>The population canonical correlations of each component (they do not depend on the seed).</summary>
    /// <param name="spec">The specification.</param>
    public static PanelTruth Truth(PanelSimulationSpec spec)
    {
        Validate(spec);
        int k = SyntheticPanel.Truth.Names.Count;
        var l = OverlapMap(spec.Overlap);
        var identity = Matrix<double>.Build.DenseIdentity(k);
        var cb = RelationMatrix(spec.BetweenCorrelations);
        var cw = RelationMatrix(spec.WithinCorrelations);
        var delta = Direction();
        var trend = spec.LinearTrendShare * delta.OuterProduct(delta) + (1 - spec.LinearTrendShare) * identity;
        var within = (spec.RegionTrendShare + spec.NoiseShare) * cw;
        var pooled = spec.BetweenShare * cb + spec.TrendShare * trend + within;
        return new PanelTruth(Canonical(l * cb * l.Transpose()), Canonical(l * trend * l.Transpose()),
            Canonical(l * within * l.Transpose()), Canonical(l * pooled * l.Transpose()));
    }

    /// <summary>The truth and the specification as indented JSON ("\n" line ends), for the files beside a bundled panel.</summary>
    /// <param name="spec">The specification.</param>
    /// <param name="seed">The seed the panel was drawn with.</param>
    /// <param name="description">One sentence on what the panel is.</param>
    public static string TruthJson(PanelSimulationSpec spec, int seed, string description)
    {
        var t = Truth(spec);
        var doc = new
        {
            synthetic = true,
            description,
            generator = "RuralEcom.Panels.PanelSimulator (see data/synthetic/README.md)",
            seed,
            regions = spec.Regions,
            years = spec.Years,
            absent = spec.Absent.Select(a => new { region = a.Region, year = a.Year }),
            variance_shares = new { between = spec.BetweenShare, trend = spec.TrendShare, region_trends = spec.RegionTrendShare, ar1_noise = spec.NoiseShare },
            linear_share_of_trend = spec.LinearTrendShare,
            ar1 = spec.Ar1,
            relation_pairs = RelationPairs.Select(r => new[] { r.X, r.Y }),
            between_correlations_specified = spec.BetweenCorrelations,
            within_correlations_specified = spec.WithinCorrelations,
            overlap = spec.Overlap,
            population_canonical_correlations = new { between = t.Between, trend = t.Trend, within = t.Within, pooled = t.Pooled },
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Draws the standardized-then-scaled values; rows region by region, years ascending, absent slots skipped.</summary>
    internal static (double[,] Values, string[] Regions, int[] Years) Draw(PanelSimulationSpec spec, int seed)
    {
        Validate(spec);
        var truth = SyntheticPanel.Truth;
        int k = truth.Names.Count, regions = spec.Regions.Count, years = spec.Years.Count;
        var rng = new MersenneTwister(seed, threadSafe: false);
        Vector<double> Normals() => Vector<double>.Build.Dense(k, _ => Normal.Sample(rng, 0, 1));
        var lb = RelationMatrix(spec.BetweenCorrelations).Cholesky().Factor;
        var lw = RelationMatrix(spec.WithinCorrelations).Cholesky().Factor;
        var map = OverlapMap(spec.Overlap);
        var delta = Direction();
        double tBar = spec.Years.Average();
        double tSd = Math.Sqrt(spec.Years.Sum(y => (y - tBar) * (y - tBar)) / years);
        var z = spec.Years.Select(y => (y - tBar) / tSd).ToArray();
        var shocks = Enumerable.Range(0, years).Select(_ => Normals()).ToArray();
        var absent = spec.Absent.ToHashSet();
        var rows = new List<double[]>();
        var rowRegions = new List<string>();
        var rowYears = new List<int>();
        double phi = spec.Ar1, innovation = Math.Sqrt(1 - phi * phi);
        for (int r = 0; r < regions; r++)
        {
            var alpha = lb * Normals();
            var beta = lw * Normals();
            Vector<double> e = lw * Normals(); // stationary start: variance C_W
            for (int t = 0; t < years; t++)
            {
                if (t > 0) e = phi * e + innovation * (lw * Normals());
                var v = Math.Sqrt(spec.BetweenShare) * alpha
                    + Math.Sqrt(spec.TrendShare) * (Math.Sqrt(spec.LinearTrendShare) * z[t] * delta + Math.Sqrt(1 - spec.LinearTrendShare) * shocks[t])
                    + Math.Sqrt(spec.RegionTrendShare) * z[t] * beta
                    + Math.Sqrt(spec.NoiseShare) * e;
                v = map * v;
                if (absent.Contains((spec.Regions[r], spec.Years[t]))) continue;
                rows.Add(Enumerable.Range(0, k).Select(j => truth.Means[j] + truth.StandardDeviations[j] * v[j]).ToArray());
                rowRegions.Add(spec.Regions[r]);
                rowYears.Add(spec.Years[t]);
            }
        }
        var values = new double[rows.Count, k];
        for (int i = 0; i < rows.Count; i++)
            for (int j = 0; j < k; j++) values[i, j] = rows[i][j];
        return (values, [.. rowRegions], [.. rowYears]);
    }

    private static void Validate(PanelSimulationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        double[] shares = [spec.BetweenShare, spec.TrendShare, spec.RegionTrendShare, spec.NoiseShare];
        if (shares.Any(s => s < 0) || Math.Abs(shares.Sum() - 1) > 1e-9)
            throw new ArgumentException($"The four variance shares must be non-negative and add up to 1; they add up to {shares.Sum()}.", nameof(spec));
        if (!(spec.LinearTrendShare is >= 0 and < 1)) throw new ArgumentException("The linear share of the trend must lie in [0, 1).", nameof(spec));
        if (!(spec.Ar1 is > -1 and < 1)) throw new ArgumentException("The AR(1) coefficient must lie in (−1, 1).", nameof(spec));
        if (!(spec.Overlap is >= 0 and < 1)) throw new ArgumentException("The overlap must lie in [0, 1).", nameof(spec));
        foreach (var list in new[] { spec.BetweenCorrelations, spec.WithinCorrelations })
            if (list.Count > RelationPairs.Count || list.Any(v => !(v is >= 0 and < 1)))
                throw new ArgumentException($"Give at most {RelationPairs.Count} canonical correlations, each in [0, 1).", nameof(spec));
        if (spec.Regions.Count < 2 || spec.Years.Count < 2) throw new ArgumentException("A panel needs at least two regions and two years.", nameof(spec));
    }

    /// <summary>[[I, K], [Kᵀ, I]] with K[X_m, Y_m] = ρ_m on the relation pairs.</summary>
    private static Matrix<double> RelationMatrix(IReadOnlyList<double> rho)
    {
        var names = SyntheticPanel.Truth.Names.ToList();
        var c = Matrix<double>.Build.DenseIdentity(names.Count);
        for (int m = 0; m < rho.Count; m++)
        {
            int i = names.IndexOf(RelationPairs[m].X), j = names.IndexOf(RelationPairs[m].Y);
            c[i, j] = c[j, i] = rho[m];
        }
        return c;
    }

    private static Matrix<double> OverlapMap(double c)
    {
        var names = SyntheticPanel.Truth.Names.ToList();
        var l = Matrix<double>.Build.DenseIdentity(names.Count);
        foreach (var (part, whole) in new[] { ("X7", "Y4"), ("X6", "Y6") })
        {
            int w = names.IndexOf(whole);
            l[w, w] = Math.Sqrt(1 - c * c);
            l[w, names.IndexOf(part)] = c;
        }
        return l;
    }

    private static Vector<double> Direction()
    {
        var catalog = IndicatorCatalog.Default;
        return Vector<double>.Build.DenseOfEnumerable(SyntheticPanel.Truth.Names.Select(n => catalog[n].Direction == IndicatorDirection.Positive ? 1.0 : -1.0));
    }

    private static double[] Canonical(Matrix<double> covariance) =>
        CanonicalCorrelationAnalysis.FitCovariance(covariance.ToArray(), SyntheticPanel.Truth.XNames.Count, 1000).Correlations.ToArray();
}
