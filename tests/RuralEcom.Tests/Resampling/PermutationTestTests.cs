using MathNet.Numerics.Distributions;
using RuralEcom.Cca;
using RuralEcom.Resampling;

namespace RuralEcom.Tests.Resampling;

public class PermutationTestTests
{
    [Fact]
    public void Observed_statistics_equal_the_engine_and_the_sequential_wilks_lambda()
    {
        var (x, y) = TestData.Related(40, 3, 5, 4);
        var cca = CanonicalCorrelationAnalysis.Fit(x, y);
        var result = PermutationTest.Test(x, y, 10, 1);
        Assert.Equal(3, result.Rows.Count);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(cca.Correlations[k], result.Rows[k].Correlation, 12);
            double lambda = 1;
            for (int j = k; j < 3; j++) lambda *= 1 - cca.SquaredCorrelations[j];
            Assert.Equal(lambda, result.Rows[k].WilksLambda, 10);
        }
    }

    [Fact]
    public void Same_seed_gives_identical_results_on_one_and_on_four_threads()
    {
        var (x, y) = TestData.Related(30, 4, 3, 8);
        // 300 permutations = 5 chunks, so four threads really share the work.
        var one = PermutationTest.Test(x, y, 300, 42, new ResamplingOptions(MaxDegreeOfParallelism: 1));
        var four = PermutationTest.Test(x, y, 300, 42, new ResamplingOptions(MaxDegreeOfParallelism: 4));
        for (int k = 1; k <= 3; k++)
        {
            Assert.Equal(one.CorrelationReplicates(k), four.CorrelationReplicates(k));
            Assert.Equal(one.WilksReplicates(k), four.WilksReplicates(k));
        }
        Assert.Equal(one.Rows, four.Rows);
        var other = PermutationTest.Test(x, y, 300, 43);
        Assert.NotEqual(one.CorrelationReplicates(1), other.CorrelationReplicates(1));
    }

    [Fact]
    public void A_strong_planted_correlation_gets_the_smallest_possible_p_value()
    {
        var (x, y) = TestData.Related(55, 8, 11, 3);
        var result = PermutationTest.Test(x, y, 499, 7);
        Assert.Equal(0, result.Rows[0].CorrelationExceedances);
        Assert.Equal(1.0 / 500, result.Rows[0].PCorrelation, 15);
        Assert.Equal(1.0 / 500, result.Rows[0].PWilks, 15);
        // Related() plants two latent factors: the second dimension is real too.
        Assert.True(result.Rows[1].PWilksFwer < 0.01);
    }

    /// <summary>
    /// Under independence the permutation p-value is uniform on {1/100, …, 1} (B = 99). Over 300 seeded data sets the
    /// decile counts are compared with a chi-square goodness-of-fit test at the 0.1 % level (critical value 27.88 on
    /// 9 df); a p-value that is always small, always large or clumped fails it. The rejection rate at 5 % must lie
    /// within about three binomial standard errors of 0.05 (300 × 0.05 = 15 ± 3.8).
    /// </summary>
    [Fact]
    public void Under_independence_the_p_value_is_uniform()
    {
        const int sets = 300;
        var pR = new double[sets];
        var pW = new double[sets];
        for (int s = 0; s < sets; s++)
        {
            var x = TestData.Gaussian(20, 2, 1000 + s);
            var y = TestData.Gaussian(20, 3, 5000 + s);
            var r = PermutationTest.Test(x, y, 99, s);
            pR[s] = r.Rows[0].PCorrelation;
            pW[s] = r.Rows[0].PWilks;
        }
        foreach (var pv in new[] { pR, pW })
        {
            var counts = new int[10];
            foreach (var v in pv) counts[Math.Min(9, (int)Math.Floor((v - 1e-9) * 10))]++;
            double chi = counts.Sum(c => (c - sets / 10.0) * (c - sets / 10.0) / (sets / 10.0));
            Assert.True(chi < ChiSquared.InvCDF(9, 0.999), $"chi-square {chi:F1} for decile counts {string.Join(",", counts)}");
            Assert.InRange(pv.Count(v => v <= 0.05), 5, 27);
        }
    }

    /// <summary>
    /// Winkler et al. (2020): with one real dimension, the naive test of dimension 2 (r_2 against the plain
    /// permutation distribution of r_2) is conservative or liberal, while the stepwise test keeps its level.
    /// Here the second-dimension p-value must reject at 5 % in about 5 % of 200 data sets with one planted dimension.
    /// </summary>
    [Fact]
    public void With_one_real_dimension_the_stepwise_test_of_the_second_keeps_its_level()
    {
        const int sets = 200;
        int rejections = 0;
        for (int s = 0; s < sets; s++)
        {
            var x = TestData.Gaussian(40, 3, 2000 + s);
            var y = TestData.Gaussian(40, 3, 6000 + s);
            for (int i = 0; i < 40; i++) y[i, 0] += 2 * x[i, 0]; // one strong shared dimension
            var r = PermutationTest.Test(x, y, 99, s);
            Assert.True(r.Rows[0].PCorrelation <= 0.01);
            if (r.Rows[1].PCorrelation <= 0.05) rejections++;
        }
        // Binomial(200, 0.05): mean 10, sd 3.1; the interval excludes a doubled or a vanished rate.
        Assert.InRange(rejections, 2, 20);
    }

    [Fact]
    public void Fwer_p_values_are_cumulative_maxima()
    {
        var (x, y) = TestData.Related(35, 4, 4, 12);
        var r = PermutationTest.Test(x, y, 199, 5);
        double max = 0;
        foreach (var row in r.Rows)
        {
            max = Math.Max(max, row.PWilks);
            Assert.Equal(max, row.PWilksFwer);
            Assert.Equal(Math.Sqrt(row.PWilks * (1 - row.PWilks) / 199), row.StandardErrorWilks, 15);
        }
    }

    [Fact]
    public void Progress_reaches_the_total_and_cancellation_stops_the_run()
    {
        var (x, y) = TestData.Related(30, 3, 3, 1);
        var reports = new List<ResamplingProgress>();
        var progress = new SynchronousProgress(reports.Add);
        PermutationTest.Test(x, y, 200, 1, new ResamplingOptions(progress, MaxDegreeOfParallelism: 1));
        Assert.Equal(4, reports.Count); // 200 = 64 + 64 + 64 + 8
        Assert.Equal(200, reports[^1].Completed);
        Assert.Equal(200, reports[^1].Total);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => PermutationTest.Test(x, y, 200, 1, new ResamplingOptions(CancellationToken: cts.Token)));
    }

    [Fact]
    public void Milestone_messages_are_the_same_on_every_run_and_thread_count()
    {
        var (x, y) = TestData.Related(30, 3, 3, 1);
        foreach (int threads in new[] { 1, 2, 4 })
        {
            var shown = new List<string>();
            PermutationTest.Test(x, y, 1000, 3, new ResamplingOptions(ResamplingProgress.Milestones(shown.Add), MaxDegreeOfParallelism: threads));
            Assert.Equal(["permutations: 25 % done", "permutations: 50 % done", "permutations: 75 % done", "permutations: 100 % done"], shown);
        }
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        var (x, y) = TestData.Related(30, 3, 3, 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.Test(x, y, 0, 1));
        Assert.Equal("permutations", e.ParamName);
        Assert.Throws<CcaDataException>(() => PermutationTest.Test(x, TestData.Gaussian(29, 3, 1), 10, 1));
    }

    /// <summary>An IProgress that runs its handler immediately on the reporting thread.</summary>
    private sealed class SynchronousProgress(Action<ResamplingProgress> handler) : IProgress<ResamplingProgress>
    {
        public void Report(ResamplingProgress value) => handler(value);
    }
}
