using BenchmarkDotNet.Attributes;
using RuralEcom.Cca;
using RuralEcom.Significance;

namespace RuralEcom.Benchmarks;

/// <summary>The full analysis of a 55 × (8 + 11) panel: CCA (correlations, coefficients, structure, redundancy, scores) and every test.</summary>
public class SmallSampleBenchmarks
{
    private double[,] _x = null!, _y = null!;

    /// <summary>Loads the panel.</summary>
    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Panel();

    /// <summary>CCA plus all tests of significance.</summary>
    [Benchmark]
    public SignificanceReport FullAnalysis() => SignificanceTests.Compute(CanonicalCorrelationAnalysis.Fit(_x, _y));
}
