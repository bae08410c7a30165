using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using RuralEcom.Cca;
using RuralEcom.Resampling;

namespace RuralEcom.Tests.Resampling;

public class BootstrapTests
{
    [Fact]
    public void Hungarian_matches_brute_force_on_random_costs()
    {
        var rng = new MersenneTwister(3);
        for (int trial = 0; trial < 50; trial++)
        {
            int k = 1 + trial % 6;
            var cost = new double[k, k];
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) cost[i, j] = rng.NextDouble();
            var match = PairAlignment.Hungarian(cost);
            Assert.Equal(k, match.Distinct().Count());
            double best = Permutations(k).Min(perm => Enumerable.Range(0, k).Sum(i => cost[i, perm[i]]));
            Assert.Equal(best, Enumerable.Range(0, k).Sum(i => cost[i, match[i]]), 12);
        }
    }

    [Fact]
    public void Alignment_undoes_a_reordering_with_sign_flips()
    {
        var reference = TestData.Gaussian(12, 4, 21);
        int[] order = [2, 0, 3, 1];
        int[] flips = [1, -1, -1, 1];
        var candidate = new double[12, 4];
        for (int i = 0; i < 12; i++)
            for (int c = 0; c < 4; c++) candidate[i, order[c]] = flips[c] * reference[i, c] + 0.01 * Math.Sin(i + c);
        var (match, sign) = PairAlignment.Align(reference, candidate);
        Assert.Equal(order, match);
        Assert.Equal(flips, sign);
    }

    [Fact]
    public void Draws_do_not_depend_on_the_thread_count_and_intervals_bracket_the_estimate()
    {
        var (x, y) = TestData.Related(50, 3, 4, 6);
        var one = CcaBootstrap.Resample(x, y, 130, 11, options: new ResamplingOptions(MaxDegreeOfParallelism: 1));
        var four = CcaBootstrap.Resample(x, y, 130, 11, options: new ResamplingOptions(MaxDegreeOfParallelism: 4));
        Assert.Equal(one.CorrelationReplicates(1), four.CorrelationReplicates(1));
        Assert.Equal(one.StructureX, four.StructureX);
        var full = CanonicalCorrelationAnalysis.Fit(x, y);
        Assert.Equal(full.Correlations[0], one.Correlations[0].Estimate, 14);
        Assert.Equal(full.Structure.X[2, 1], one.StructureX[1 * 3 + 2].Estimate, 14);
        Assert.Equal("X3 with V2", one.StructureX[1 * 3 + 2].Name);
        foreach (var i in one.Correlations.Take(2))
        {
            Assert.True(i.PercentileLower < i.PercentileUpper);
            Assert.InRange(i.Estimate, i.PercentileLower - 0.1, i.PercentileUpper + 0.1);
            Assert.True(i.BcaLower < i.BcaUpper);
        }
        var compare = one.CompareTable(CcaCrossValidation.LeaveOneOut(x, y), [0.9, 0.5, 0.1]);
        Assert.Equal(3, compare.Rows.Count);
        string covers = one.Correlations[0].PercentileLower <= 0.9 && 0.9 <= one.Correlations[0].PercentileUpper ? "yes" : "no";
        Assert.Equal(covers, compare.Rows[0][^2]);
        Assert.Equal(3 * 2, one.StructureTable("X", pairs: 2).Rows.Count);
    }

    /// <summary>
    /// Coverage: X = (x1, x2), Y = (y1, y2) with y1 = 0.7 x1 + e1 and y2 = 0.3 x2 + e2 (all unit variances), so the
    /// population canonical correlations are 0.7 and 0.3 and the population structure coefficients of V1 are
    /// (1, 0). Over 120 seeded data sets of n = 150, the 90 % intervals must cover the population values at about the
    /// nominal rate: Binomial(120, 0.9) has sd 2.7 %; the accepted range 80–97 % excludes a broken interval
    /// (unaligned draws give sign-mixed structure draws, a wrong centre or width misses far more often).
    /// Measured with these seeds: r1 percentile 80 %, r1 BCa 87 %, r2 BCa 88 %, structure 86 % (150 sets): the
    /// percentile interval of r1 undercovers because r1 is biased upwards, so its range starts at 70 %; BCa corrects
    /// most of that. Mild undercoverage at n = 150 is the known small-sample behaviour of bootstrap intervals.
    /// </summary>
    [Fact]
    public void Intervals_cover_the_population_values_at_about_the_nominal_rate()
    {
        const int sets = 120, n = 150;
        int r1Percentile = 0, r1Bca = 0, r2Bca = 0, structure = 0;
        for (int s = 0; s < sets; s++)
        {
            var x = TestData.Gaussian(n, 2, 300 + s);
            var y = TestData.Gaussian(n, 2, 700 + s);
            for (int i = 0; i < n; i++)
            {
                y[i, 0] = 0.7 * x[i, 0] + Math.Sqrt(1 - 0.49) * y[i, 0];
                y[i, 1] = 0.3 * x[i, 1] + Math.Sqrt(1 - 0.09) * y[i, 1];
            }
            var b = CcaBootstrap.Resample(x, y, 200, s, level: 0.9);
            static bool Covers(double? lo, double? hi, double v) => lo <= v && v <= hi;
            if (Covers(b.Correlations[0].PercentileLower, b.Correlations[0].PercentileUpper, 0.7)) r1Percentile++;
            if (Covers(b.Correlations[0].BcaLower, b.Correlations[0].BcaUpper, 0.7)) r1Bca++;
            if (Covers(b.Correlations[1].BcaLower, b.Correlations[1].BcaUpper, 0.3)) r2Bca++;
            if (Covers(b.StructureX[1].PercentileLower, b.StructureX[1].PercentileUpper, 0.0)) structure++;
        }
        string counts = $"covered: r1 percentile {r1Percentile}, r1 BCa {r1Bca}, r2 BCa {r2Bca}, structure {structure} of {sets}";
        Assert.InRange(r1Percentile / (double)sets, 0.70, 0.97);
        Assert.True(r1Bca >= 0.80 * sets && r1Bca <= 0.97 * sets, counts);
        Assert.True(r2Bca >= 0.80 * sets && r2Bca <= 0.97 * sets, counts);
        Assert.True(structure >= 0.80 * sets && structure <= 0.97 * sets, counts);
    }

    [Fact]
    public void Bca_reduces_to_percentile_limits_when_draws_are_symmetric_around_the_estimate_without_skew()
    {
        // Draws at the normal quantiles around 0 and a symmetric jackknife: z0 = 0 and a = 0, so BCa = percentile.
        var draws = Enumerable.Range(1, 999).Select(i => Normal.InvCDF(0, 1, i / 1000.0)).ToArray();
        var jack = Enumerable.Range(0, 20).Select(i => (i - 9.5) / 10).ToArray();
        var interval = CcaBootstrap.Interval("t", 0, draws, jack, 0.9);
        Assert.Equal(interval.PercentileLower, interval.BcaLower!.Value, 10);
        Assert.Equal(interval.PercentileUpper, interval.BcaUpper!.Value, 10);
        Assert.Equal(-1.6449, interval.PercentileLower, 2);
    }

    private static IEnumerable<int[]> Permutations(int k)
    {
        if (k == 0) { yield return []; yield break; }
        foreach (var rest in Permutations(k - 1))
            for (int pos = 0; pos <= rest.Length; pos++)
            {
                var list = rest.ToList();
                list.Insert(pos, k - 1);
                yield return list.ToArray();
            }
    }
}
