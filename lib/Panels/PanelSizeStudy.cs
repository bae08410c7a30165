using RuralEcom.Data;

namespace RuralEcom.Panels;

/// <summary>The data-generating conditions of <see cref="PanelSizeStudy"/>.</summary>
public enum SizeCondition
{
    /// <summary>Null: region effects and a common trend with year shocks, i.i.d. noise within regions, no X-Y relation in any component.</summary>
    NullTrendsAndRegionEffects,

    /// <summary>Null as above plus the calibrated region-specific trends and AR(1) noise (φ = 0.17), still no X-Y relation.</summary>
    NullRegionTrendsAndAr1,

    /// <summary>Alternative: as the second null, with within-region canonical correlations (0.8, 0.5) on the slopes and innovations.</summary>
    WithinRelation,
}

/// <summary>The rejection rate of one test under one condition.</summary>
/// <param name="Condition">The data-generating condition.</param>
/// <param name="Test">The test.</param>
/// <param name="Replications">Number of simulated panels.</param>
/// <param name="Rejections">Panels on which the test rejected "all canonical correlations are zero" at level alpha.</param>
/// <param name="Rate">Rejections / replications: the type-I error under a null, the power under the alternative.</param>
/// <param name="MonteCarloStandardError">√(rate (1 − rate) / replications).</param>
public sealed record SizeStudyRow(SizeCondition Condition, string Test, int Replications, int Rejections, double Rate, double MonteCarloStandardError);

/// <summary>
/// Measures by simulation how often the panel tests reject "all canonical correlations are zero" (Wilks' Λ over all
/// pairs, level alpha) on balanced SYNTHETIC panels from <see cref="PanelSimulator"/>: the naive pooled Wilks/Rao F
/// test, the two-way and first-difference Wilks/Rao F tests with the residual df, and the stepwise permutation test
/// (dimension 1, Wilks) with within-year blocks on year-demeaned data and with whole-region blocks on two-way residuals
/// (each block scheme with the transformation it leaves invariant, see <see cref="PanelResampling"/>). Under a null the rate estimates
/// the type-I error, under the alternative the power; each with its Monte Carlo standard error.
/// </summary>
public static class PanelSizeStudy
{
    /// <summary>The names of the tests, in the order of the rows of <see cref="Run"/>.</summary>
    public static IReadOnlyList<string> Tests { get; } =
        ["naive pooled Wilks (n − 1)", "two-way Wilks (n − R − T + 1)", "first-difference Wilks (n − R − 1)",
         "year means removed + within-year permutation", "two-way + whole-region permutation"];

    /// <summary>The specification of a condition on a balanced panel of the given size (years 2014 on).</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="regions">Number of regions R.</param>
    /// <param name="years">Number of years T.</param>
    public static PanelSimulationSpec Spec(SizeCondition condition, int regions, int years)
    {
        var labels = Enumerable.Range(1, regions).Select(i => $"Region {i:00}").ToArray();
        var calibrated = RealisticPanels.Calibrated(labels) with
        {
            Years = Enumerable.Range(2014, years).ToArray(),
            BetweenCorrelations = [],
            WithinCorrelations = [],
            Overlap = 0,
        };
        return condition switch
        {
            SizeCondition.NullTrendsAndRegionEffects => calibrated with
            {
                RegionTrendShare = 0,
                NoiseShare = calibrated.RegionTrendShare + calibrated.NoiseShare,
                Ar1 = 0,
            },
            SizeCondition.NullRegionTrendsAndAr1 => calibrated,
            SizeCondition.WithinRelation => calibrated with { WithinCorrelations = [0.8, 0.5] },
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        };
    }

    /// <summary>Simulates <paramref name="replications"/> panels under a condition and counts the rejections of each test.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="regions">Number of regions R (the panel is balanced).</param>
    /// <param name="years">Number of years T.</param>
    /// <param name="replications">Number of simulated panels.</param>
    /// <param name="permutations">Permutations per permutation test (99 gives p-values on a grid of 0.01).</param>
    /// <param name="seed">Panel i is drawn with seed + i and permuted with seed + i.</param>
    /// <param name="alpha">The level.</param>
    /// <param name="progress">Reports the number of finished panels.</param>
    public static IReadOnlyList<SizeStudyRow> Run(SizeCondition condition, int regions, int years, int replications, int permutations,
        int seed, double alpha = 0.05, IProgress<int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        var spec = Spec(condition, regions, years);
        var xs = SyntheticPanel.Truth.XNames;
        var ys = SyntheticPanel.Truth.YNames;
        var first = PanelSimulator.Generate(spec, seed);
        var design = PanelDesign.Of(first);
        var none = WithinTransform.Create(design, WithinTransformation.None);
        var twoWay = WithinTransform.Create(design, WithinTransformation.TwoWay);
        var difference = WithinTransform.Create(design, WithinTransformation.FirstDifference);
        var year = WithinTransform.Create(design, WithinTransformation.Year);
        var rejections = new int[Tests.Count];
        for (int i = 0; i < replications; i++)
        {
            var panel = i == 0 ? first : PanelSimulator.Generate(spec, seed + i);
            var x = panel.Matrix(xs);
            var y = panel.Matrix(ys);
            var two = PanelCca.Fit(x, y, twoWay);
            var yearOnly = PanelCca.Fit(x, y, year);
            double[] p =
            [
                PanelCca.Fit(x, y, none).Tests.WilksLambda.PValue,
                two.Tests.WilksLambda.PValue,
                PanelCca.Fit(x, y, difference).Tests.WilksLambda.PValue,
                PanelResampling.Permute(yearOnly, PermutationBlocks.WithinYear, permutations, seed + i).Rows[0].PWilks,
                PanelResampling.Permute(two, PermutationBlocks.WholeRegion, permutations, seed + i).Rows[0].PWilks,
            ];
            for (int t = 0; t < p.Length; t++) if (p[t] <= alpha) rejections[t]++;
            progress?.Report(i + 1);
        }
        return Tests.Select((name, t) =>
        {
            double rate = (double)rejections[t] / replications;
            return new SizeStudyRow(condition, name, replications, rejections[t], rate, Math.Sqrt(rate * (1 - rate) / replications));
        }).ToArray();
    }

    /// <summary>The rates of several conditions side by side: one row per test, one column per condition.</summary>
    /// <param name="rows">Results of <see cref="Run"/> (any conditions).</param>
    /// <param name="title">The table's title.</param>
    public static Table ToTable(IReadOnlyList<SizeStudyRow> rows, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var conditions = rows.Select(r => r.Condition).Distinct().ToArray();
        return new Table(title, ["Test", .. conditions.Select(Label)],
            Tests.Where(t => rows.Any(r => r.Test == t)).Select(t => (IReadOnlyList<object?>)new object?[] { t }
                .Concat(conditions.Select(c => rows.FirstOrDefault(r => r.Condition == c && r.Test == t) is { } r
                    ? (object?)FormattableString.Invariant($"{r.Rate:F3} ± {r.MonteCarloStandardError:F3}") : "")).ToArray()),
            note: "Share of simulated SYNTHETIC panels on which the test rejected at 5%, ± its Monte Carlo standard error √(rate (1 − rate) / replications). Under a null this is the type-I error (should be 0.05); under the alternative it is the power.");
    }

    /// <summary>A short column label for a condition.</summary>
    /// <param name="condition">The condition.</param>
    public static string Label(SizeCondition condition) => condition switch
    {
        SizeCondition.NullTrendsAndRegionEffects => "(a) null: common trends + region effects",
        SizeCondition.NullRegionTrendsAndAr1 => "(b) null: + region-specific trends + AR(1)",
        SizeCondition.WithinRelation => "(c) real within-region relation",
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };
}
