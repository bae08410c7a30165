using BenchmarkDotNet.Attributes;
using RuralEcom.Cca;

namespace RuralEcom.Benchmarks;

/// <summary>
/// Resampling on the bundled 55 × (8 + 11) panel: 10,000 permutations (first canonical correlation and Wilks'
/// lambda of each) and 1,000 bootstrap draws (a full fit of each resampled data set), on all cores.
/// </summary>
[Config(typeof(FastJobConfig))]
public class ResamplingBenchmarks
{
    private double[,] _x = null!, _y = null!;

    /// <summary>Loads the panel.</summary>
    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Panel();

    /// <summary>
    /// 10,000 permutations with <see cref="PermutationKernel"/> (set-up included): the permutation p-values of the
    /// first canonical correlation and of Wilks' lambda.
    /// </summary>
    [Benchmark]
    public (double PRoy, double PWilks) Permutations10000()
    {
        var kernel = new PermutationKernel(_x, _y);
        var sample = kernel.Sample(10_000, seed: 2026);
        double observedWilks = PermutationKernel.WilksLambda(kernel.Observed.ToArray());
        int roy = 0, wilks = 0;
        var row = new double[kernel.Count];
        for (int b = 0; b < 10_000; b++)
        {
            for (int c = 0; c < kernel.Count; c++) row[c] = sample[b, c];
            if (row[0] >= kernel.Observed[0]) roy++;
            if (PermutationKernel.WilksLambda(row) <= observedWilks) wilks++;
        }
        return ((roy + 1) / 10_001.0, (wilks + 1) / 10_001.0);
    }

    /// <summary>1,000 bootstrap draws: rows resampled with replacement, a full fit of each (parallel over draws, each seeded by its index).</summary>
    [Benchmark]
    public double Bootstrap1000()
    {
        int n = _x.GetLength(0), p = _x.GetLength(1), q = _y.GetLength(1);
        var first = new double[1000];
        Parallel.For(0, 1000, b =>
        {
            var rng = new Random(PermutationKernel.ChunkSeed(2026, b));
            var xb = new double[n, p];
            var yb = new double[n, q];
            for (int i = 0; i < n; i++)
            {
                int r = rng.Next(n);
                for (int j = 0; j < p; j++) xb[i, j] = _x[r, j];
                for (int j = 0; j < q; j++) yb[i, j] = _y[r, j];
            }
            first[b] = CanonicalCorrelationAnalysis.Fit(xb, yb).Correlations[0];
        });
        return first.Average();
    }
}
