using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RuralEcom.Benchmarks;

/// <summary>
/// The double-precision FMA peak of this machine from the CPU's own features: peak = (vector FMAs per ns of all
/// cores together) × lanes × 2 flops (a fused multiply-add is two). Lanes are 8 doubles with AVX-512, 4 with AVX2.
/// The FMA rate (clock × FMA units × cores, none of which a virtual machine reports reliably) is measured: every
/// processor the runtime sees runs 16 independent chains of vector FMAs at the same time (more than latency × units,
/// so the rate is bound by the FMA units alone), best of 30 trials of about 10 ms; one core alone is measured the same way.
/// On this project's machine (AMD EPYC, family 26, 2 FMA units of 512 bits, 2 vCPUs) one core runs about
/// 3-3.5 vector FMAs per nominal cycle (it clocks near 3.5 GHz, not the nominal 2.1 GHz). Both vCPUs together reach
/// 1.2-1.9 times one vCPU's rate depending on what else the host runs, so the peak of a run is what the cores reach
/// together in that run; <see cref="Describe"/> prints it beside cores × one core's rate.
/// </summary>
internal static class MachinePeak
{
    private static readonly Lazy<(double NominalGHz, int Lanes, double OneCore, double AllCores)> Features = new(Measure);

    /// <summary>Doubles per vector register of the widest hardware-accelerated vector type.</summary>
    public static int Lanes => Features.Value.Lanes;

    /// <summary>The peak in GFLOP/s: all cores' vector FMAs per ns × lanes × 2.</summary>
    public static double GFlops => Features.Value.AllCores * Lanes * 2;

    /// <summary>One line describing the peak and how it was computed.</summary>
    public static string Describe()
    {
        var (ghz, lanes, one, all) = Features.Value;
        int cores = Environment.ProcessorCount;
        return string.Create(CultureInfo.InvariantCulture,
            $"peak {GFlops:F1} GFLOP/s = {all:F2} vector FMAs per ns on all {cores} cores at once (best of 30) × {lanes} doubles × 2; one core alone {one:F2} per ns ({one / ghz:F2} per cycle of the nominal {ghz:F3} GHz), so cores × one core would be {cores * one * lanes * 2:F1} GFLOP/s, {cores * one / all:F2} × what the cores reach together");
    }

    private static (double, int, double, double) Measure()
    {
        double ghz = double.NaN;
        if (File.Exists("/proc/cpuinfo"))
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
                if (line.StartsWith("cpu MHz", StringComparison.Ordinal))
                {
                    ghz = double.Parse(line[(line.IndexOf(':') + 1)..], CultureInfo.InvariantCulture) / 1000;
                    break;
                }
        int lanes = Vector512.IsHardwareAccelerated ? 8 : 4;
        const int iterations = 4_000_000; // about 10 ms a trial, so starting the threads costs nothing measurable
        int cores = Environment.ProcessorCount;
        double one = double.MaxValue, all = double.MaxValue;
        for (int trial = 0; trial < 30; trial++)
        {
            var sw = Stopwatch.StartNew();
            Sink = Chains(lanes, iterations);
            one = Math.Min(one, sw.Elapsed.TotalNanoseconds);
            // All cores start together (a barrier); each thread stamps its own start and end, and the span from the
            // first start to the last end is timed (a stopwatch in the waiting thread could start late and flatter).
            using var start = new Barrier(cores);
            var stamps = new long[2 * cores];
            var threads = Enumerable.Range(0, cores).Select(c => new Thread(() =>
            {
                start.SignalAndWait();
                stamps[2 * c] = Stopwatch.GetTimestamp();
                Sink = Chains(lanes, iterations);
                stamps[2 * c + 1] = Stopwatch.GetTimestamp();
            })).ToArray();
            foreach (var t in threads) t.Start();
            foreach (var t in threads) t.Join();
            long first = Enumerable.Range(0, cores).Min(c => stamps[2 * c]), last = Enumerable.Range(0, cores).Max(c => stamps[2 * c + 1]);
            all = Math.Min(all, Stopwatch.GetElapsedTime(first, last).TotalNanoseconds);
        }
        return (ghz, lanes, 16.0 * iterations / one, 16.0 * iterations * cores / all);
    }

    /// <summary>Runs the FMA chains of the widest vector type (<see cref="Chains512"/> or <see cref="Chains256"/>).</summary>
    public static double Chains(int lanes, int iterations) => lanes == 8 ? Chains512(iterations) : Chains256(iterations);

    /// <summary>Keeps the calibration's result alive.</summary>
    public static double Sink { get; private set; }

    /// <summary>
    /// Runs <paramref name="iterations"/> × 16 vector FMAs in 16 independent chains (the FMA throughput test, also
    /// used by the FmaPeak benchmark); returns a value that depends on all of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static double Chains512(int iterations)
    {
        var m = Vector512.Create(0.999999);
        var a = Vector512.Create(1e-9);
        Vector512<double> c0 = Vector512.Create(1.0), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        Vector512<double> c8 = c0, c9 = c0, ca = c0, cb = c0, cc = c0, cd = c0, ce = c0, cf = c0;
        for (int i = 0; i < iterations; i++)
        {
            c0 = Vector512.FusedMultiplyAdd(c0, m, a); c1 = Vector512.FusedMultiplyAdd(c1, m, a); c2 = Vector512.FusedMultiplyAdd(c2, m, a); c3 = Vector512.FusedMultiplyAdd(c3, m, a);
            c4 = Vector512.FusedMultiplyAdd(c4, m, a); c5 = Vector512.FusedMultiplyAdd(c5, m, a); c6 = Vector512.FusedMultiplyAdd(c6, m, a); c7 = Vector512.FusedMultiplyAdd(c7, m, a);
            c8 = Vector512.FusedMultiplyAdd(c8, m, a); c9 = Vector512.FusedMultiplyAdd(c9, m, a); ca = Vector512.FusedMultiplyAdd(ca, m, a); cb = Vector512.FusedMultiplyAdd(cb, m, a);
            cc = Vector512.FusedMultiplyAdd(cc, m, a); cd = Vector512.FusedMultiplyAdd(cd, m, a); ce = Vector512.FusedMultiplyAdd(ce, m, a); cf = Vector512.FusedMultiplyAdd(cf, m, a);
        }
        return Vector512.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + ca + cb + cc + cd + ce + cf);
    }

    /// <summary>The AVX2 form of <see cref="Chains512"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static double Chains256(int iterations)
    {
        var m = Vector256.Create(0.999999);
        var a = Vector256.Create(1e-9);
        Vector256<double> c0 = Vector256.Create(1.0), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        Vector256<double> c8 = c0, c9 = c0, ca = c0, cb = c0, cc = c0, cd = c0, ce = c0, cf = c0;
        for (int i = 0; i < iterations; i++)
        {
            c0 = Vector256.FusedMultiplyAdd(c0, m, a); c1 = Vector256.FusedMultiplyAdd(c1, m, a); c2 = Vector256.FusedMultiplyAdd(c2, m, a); c3 = Vector256.FusedMultiplyAdd(c3, m, a);
            c4 = Vector256.FusedMultiplyAdd(c4, m, a); c5 = Vector256.FusedMultiplyAdd(c5, m, a); c6 = Vector256.FusedMultiplyAdd(c6, m, a); c7 = Vector256.FusedMultiplyAdd(c7, m, a);
            c8 = Vector256.FusedMultiplyAdd(c8, m, a); c9 = Vector256.FusedMultiplyAdd(c9, m, a); ca = Vector256.FusedMultiplyAdd(ca, m, a); cb = Vector256.FusedMultiplyAdd(cb, m, a);
            cc = Vector256.FusedMultiplyAdd(cc, m, a); cd = Vector256.FusedMultiplyAdd(cd, m, a); ce = Vector256.FusedMultiplyAdd(ce, m, a); cf = Vector256.FusedMultiplyAdd(cf, m, a);
        }
        return Vector256.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + ca + cb + cc + cd + ce + cf);
    }
}

/// <summary>The floating-point operations one invocation of a benchmark needs (for the GFLOP/s column).</summary>
/// <param name="flops">The count.</param>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FlopsAttribute(double flops) : Attribute
{
    /// <summary>The count.</summary>
    public double Flops { get; } = flops;
}

/// <summary>Columns "GFLOP/s" (the needed flops over the median time) and "Of peak" (over <see cref="MachinePeak.GFlops"/>).</summary>
internal sealed class GflopsColumn(bool fraction) : IColumn
{
    public string Id => fraction ? "OfPeak" : "GFlops";
    public string ColumnName => fraction ? "Of peak" : "GFLOP/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => fraction ? 1 : 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => fraction ? $"GFLOP/s over the machine's {MachinePeak.Describe()}" : "Floating-point operations the work needs, per ns of the median";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var flops = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttributes(typeof(FlopsAttribute), false).OfType<FlopsAttribute>().FirstOrDefault();
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (flops is null || stats is null) return "-";
        double gflops = flops.Flops / stats.Median;
        return fraction
            ? string.Create(CultureInfo.InvariantCulture, $"{gflops / MachinePeak.GFlops:P0}")
            : string.Create(CultureInfo.InvariantCulture, $"{gflops:F1}");
    }
}
