using BenchmarkDotNet.Attributes;
using RuralEcom.Cca;
using RuralEcom.Resampling;

namespace RuralEcom.Benchmarks;

/// <summary>
/// Resampling on the bundled 55 × (8 + 11) panel, on all cores: 10,000 permutations through the resampling API
/// (stepwise tests of every pair: first canonical correlation and Wilks' lambda of each residual set); 1,000 bootstrap draws through the resampling
/// API (aligned percentile intervals, no BCa jackknife) and as bare refits.
/// </summary>
[Config(typeof(FastJobConfig))]
public class ResamplingBenchmarks
{
    private double[,] _x = null!, _y = null!;

    /// <summary>Loads the panel.</summary>
    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Panel();

    /// <summary>10,000 permutations with <see cref="PermutationTest.Test"/>: p-values of all 8 stepwise tests.</summary>
    [Benchmark]
    public PermutationTestResult Permutations10000() => PermutationTest.Test(_x, _y, 10_000, seed: 2026);

    /// <summary>1,000 bootstrap draws with <see cref="CcaBootstrap.Resample"/> (percentile intervals).</summary>
    [Benchmark]
    public BootstrapResult Bootstrap1000() => CcaBootstrap.Resample(_x, _y, 1000, seed: 2026, bca: false);

    /// <summary>1,000 bootstrap draws: rows resampled with replacement, a full fit of each (parallel over draws, each seeded by its index).</summary>
    [Benchmark]
    public double RefitBootstrap1000()
    {
        int n = _x.GetLength(0), p = _x.GetLength(1), q = _y.GetLength(1);
        var first = new double[1000];
        Parallel.For(0, 1000, b =>
        {
            var rng = new Random(2026 + b);
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
