#if BEFORE
extern alias before;
using BenchmarkDotNet.Attributes;
using RuralEcom.Cca;
using RuralEcom.Resampling;
using RuralEcom.Significance;
using OldCca = before::RuralEcom.Cca.CanonicalCorrelationAnalysis;
using OldPermutation = before::RuralEcom.Resampling.PermutationTest;
using OldTests = before::RuralEcom.Significance.SignificanceTests;

namespace RuralEcom.Benchmarks;

/// <summary>
/// The library before and after a change, in one run: the code of an earlier commit is built as RuralEcom.Before.dll
/// and referenced under the alias <c>before</c> (only when the benchmarks are built with -p:BeforeAssembly=...; see
/// benchmarks/README.md). Same inputs, same job, same process, so the ratios are fair.
/// </summary>
[Config(typeof(FastJobConfig))]
public class BeforeAfterBenchmarks
{
    private double[,] _x = null!, _y = null!;

    /// <summary>Loads the panel.</summary>
    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Panel();

    /// <summary>CCA plus all tests, earlier commit.</summary>
    [Benchmark(Baseline = true)]
    public object FullAnalysisBefore() => OldTests.Compute(OldCca.Fit(_x, _y));

    /// <summary>CCA plus all tests, this commit.</summary>
    [Benchmark]
    public object FullAnalysisAfter() => SignificanceTests.Test(CanonicalCorrelationAnalysis.Fit(_x, _y));

    /// <summary>The CCA alone, earlier commit.</summary>
    [Benchmark]
    public object FitBefore() => OldCca.Fit(_x, _y);

    /// <summary>The CCA alone, this commit.</summary>
    [Benchmark]
    public object FitAfter() => CanonicalCorrelationAnalysis.Fit(_x, _y);

    /// <summary>The same small fit through MathNet (correlations and coefficients only).</summary>
    [Benchmark]
    public object FitMathNet() => MathNetCca.Fit(_x, _y).Rho;

    /// <summary>10,000 permutations, earlier commit.</summary>
    [Benchmark]
    public object Permutations10000Before() => OldPermutation.Run(_x, _y, 10_000, seed: 2026);

    /// <summary>10,000 permutations, this commit.</summary>
    [Benchmark]
    public object Permutations10000After() => PermutationTest.Test(_x, _y, 10_000, seed: 2026);
}
#endif
