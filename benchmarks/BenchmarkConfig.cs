using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace RuralEcom.Benchmarks;

/// <summary>
/// One job for the whole suite, sized for a shared 2-core machine: in-process (no per-benchmark rebuild),
/// 3 warm-up and 10 measured iterations; the 1,000,000-row case overrides this with fewer (see its class).
/// Reports: GitHub markdown and CSV, copied to benchmarks/results/ by run.sh.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <summary>The suite's configuration.</summary>
    public BenchmarkConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10).AsDefault());
        AddDiagnoser(MemoryDiagnoser.Default);
        AddExporter(MarkdownExporter.GitHub, CsvExporter.Default);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray());
    }
}
