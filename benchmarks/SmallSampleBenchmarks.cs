using BenchmarkDotNet.Attributes;
using RuralEcom.Cca;
using RuralEcom.Significance;

namespace RuralEcom.Benchmarks;

/// <summary>
/// The full analysis of the bundled 55 × (8 + 11) panel: CCA (correlations, standardized and raw coefficients,
/// structure and cross-structure, redundancy, scores) and every test of significance.
/// </summary>
[Config(typeof(FastJobConfig))]
public class SmallSampleBenchmarks
{
    private double[,] _x = null!, _y = null!;
    private CcaResult _fit = null!;

    /// <summary>Loads the panel.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_x, _y) = BenchmarkData.Panel();
        _fit = CanonicalCorrelationAnalysis.Fit(_x, _y);
    }

    /// <summary>CCA plus all tests of significance.</summary>
    [Benchmark]
    public SignificanceResult FullAnalysis() => SignificanceTests.Test(CanonicalCorrelationAnalysis.Fit(_x, _y));

    /// <summary>The CCA alone.</summary>
    [Benchmark]
    public CcaResult FitOnly() => CanonicalCorrelationAnalysis.Fit(_x, _y);

    /// <summary>The tests of significance alone (Wilks/Rao F and Bartlett for every pair, Pillai, Hotelling-Lawley, Roy).</summary>
    [Benchmark]
    public SignificanceResult TestsOnly() => SignificanceTests.Test(_fit);
}
