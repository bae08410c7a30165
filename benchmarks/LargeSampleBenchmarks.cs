using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using RuralEcom.Cca;

namespace RuralEcom.Benchmarks;

/// <summary>
/// One fit on 1,000,000 rows × (50 + 50) columns (800 MB of input, generated in GlobalSetup and not timed), its
/// co-moment kernel alone, and for reference the plain memory bandwidth of reading that input and the FMA peak of
/// the machine (both cores running independent FMA chains), with GFLOP/s and the fraction of the peak computed from
/// the CPU's features (<see cref="MachinePeak"/>).
/// </summary>
[Config(typeof(LargeJobConfig))]
public class LargeSampleBenchmarks
{
    private const int Rows = 1_000_000, P = 50, Q = 50;

    /// <summary>The flops the co-moments need: a multiply and an add for each of the v(v + 1)/2 products of each row.</summary>
    private const double CoMomentFlops = (double)Rows * (P + Q) * (P + Q + 1);

    /// <summary>Rows of one packed block and its padded width in <see cref="CrossProductKernel"/>.</summary>
    private const int KernelRows = 256, KernelStride = 104;

    /// <summary>Iterations of each thread's 16 FMA chains in <see cref="FmaPeak"/>.</summary>
    private const int PeakIterations = 20_000_000;
    private double[,] _x = null!, _y = null!;
    private double[][] _panels = null!;

    /// <summary>Generates the data, and packs the first rows twice (one block per core) for <see cref="CrossProductKernel"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_x, _y) = BenchmarkData.Related(Rows, P, Q, 77);
        var scale = Enumerable.Repeat(1.0, KernelStride).ToArray();
        var source = new double[KernelRows * (P + Q)];
        for (int r = 0; r < KernelRows; r++)
            for (int j = 0; j < P + Q; j++) source[r * (P + Q) + j] = j < P ? _x[r, j] : _y[r, j - P];
        _panels = new double[2][];
        for (int t = 0; t < 2; t++)
        {
            _panels[t] = new double[KernelStride / 8 * CoMoments.PanelSize(KernelRows)];
            CoMoments.PackPanels(new CoMoments.RowSource(source, P + Q, default, 0), 0, KernelRows, KernelStride, scale, new double[KernelStride], new double[KernelStride], _panels[t]);
        }
    }

    /// <summary>Prints the process's peak working set next to the input size (the memory target is &lt; 2 × input).</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        double input = 8.0 * Rows * (P + Q) / (1 << 20);
        Console.WriteLine($"// Input {input:F0} MiB; peak working set of the process {Process.GetCurrentProcess().PeakWorkingSet64 / (double)(1 << 20):F0} MiB");
        Console.WriteLine($"// Machine: {MachinePeak.Describe()}");
    }

    /// <summary>The full fit (parallel blocked co-moments, then Cholesky + SVD of the 50 × 50 blocks).</summary>
    [Benchmark]
    [Flops(CoMomentFlops)]
    public double FitLarge() => CanonicalCorrelationAnalysis.FitLarge(_x, _y).Correlations[0];

    /// <summary>The co-moment kernel alone (<see cref="CoMoments.Compute"/> on both cores).</summary>
    [Benchmark]
    [Flops(CoMomentFlops)]
    public long CoMomentsOnly() => CoMoments.Compute(_x, _y).Count;

    /// <summary>
    /// The register-blocked cross-product kernel alone (<see cref="CoMoments.GramUpper512"/>, 8 × 24 tiles of the upper
    /// triangle): each core runs it over its own block of 256 packed rows × 104 columns (100 variables and 4 of
    /// padding; 213 KB, in L2), as many blocks as make up the 1,000,000 rows, so no input is read from memory. Flops
    /// are counted as for the whole pass (v (v + 1) per row), so the tiles computed past the diagonal and the
    /// padding count as waste.
    /// </summary>
    [Benchmark]
    [Flops(CoMomentFlops)]
    public double CrossProductKernel()
    {
        const int blocks = (Rows + KernelRows - 1) / KernelRows;
        var sums = new double[2];
        Parallel.For(0, 2, t =>
        {
            var gram = new double[KernelStride * KernelStride];
            for (int b = t; b < blocks; b += 2) CoMoments.GramUpper512(_panels[t], KernelRows, KernelStride, gram);
            sums[t] = gram[0];
        });
        return sums.Sum();
    }

    /// <summary>
    /// Reference: the attainable FMA peak in this run, each core running 16 independent chains of vector FMAs
    /// (no memory traffic) for <see cref="PeakIterations"/> iterations; written for 2 cores.
    /// </summary>
    [Benchmark]
    [Flops(2.0 * 16 * PeakIterations * 8 * 2)]
    public double FmaPeak()
    {
        // Two threads (this machine's cores), 16 × 8 × PeakIterations FMAs each (twice the iterations of 4-wide vectors without AVX-512).
        var sums = new double[2];
        Parallel.For(0, 2, t => sums[t] = MachinePeak.Lanes == 8 ? MachinePeak.Chains512(PeakIterations) : MachinePeak.Chains256(2 * PeakIterations));
        return sums.Sum();
    }

    /// <summary>Reference: sum every input value once, vectorised, on all cores (the memory-bandwidth floor of one pass).</summary>
    [Benchmark]
    public double ReadInputOnce()
    {
        const int chunk = 1 << 20;
        var arrays = new[] { _x, _y };
        int perArray = (_x.Length + chunk - 1) / chunk;
        var sums = new double[2 * perArray];
        Parallel.For(0, sums.Length, c =>
        {
            var a = arrays[c / perArray];
            var all = MemoryMarshal.CreateReadOnlySpan(ref a[0, 0], a.Length);
            int start = c % perArray * chunk;
            var span = all.Slice(start, Math.Min(chunk, a.Length - start));
            var acc = Vector256<double>.Zero;
            int i = 0;
            for (; i <= span.Length - 4; i += 4) acc += Vector256.Create(span.Slice(i, 4));
            double s = Vector256.Sum(acc);
            for (; i < span.Length; i++) s += span[i];
            sums[c] = s;
        });
        return sums.Sum();
    }
}
