using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace RuralEcom.Benchmarks;

/// <summary>
/// What every benchmark class shares: memory diagnoser, GitHub markdown and CSV reports. The job comes from the
/// class (<see cref="FastJobConfig"/> or <see cref="LargeJobConfig"/>); both run in-process, so no project is
/// rebuilt per benchmark on the 2-core machine.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <summary>The suite's configuration.</summary>
    public BenchmarkConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddExporter(MarkdownExporter.GitHub, CsvExporter.Default);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray());
        AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray());
        AddValidator(DefaultConfig.Instance.GetValidators().ToArray());
        AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median);
        AddColumn(new GflopsColumn(fraction: false), new GflopsColumn(fraction: true));
    }
}

/// <summary>Small workloads (microseconds to a second): 3 warm-up and 15 measured iterations, in-process.</summary>
public sealed class FastJobConfig : ManualConfig
{
    /// <summary>The job.</summary>
    public FastJobConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15).WithId("Fast"));
}

/// <summary>
/// The 1,000,000-row fit: one invocation per iteration, 3 warm-up and 10 measured iterations, in-process (the data
/// are generated once in GlobalSetup and not timed).
/// </summary>
public sealed class LargeJobConfig : ManualConfig
{
    /// <summary>The job.</summary>
    public LargeJobConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10)
            .WithInvocationCount(1).WithUnrollFactor(1).WithId("Large"));
}

/// <summary>Reading large files from disk (seconds each): 1 warm-up and 3 measured iterations of one invocation, in-process.</summary>
public sealed class DiskJobConfig : ManualConfig
{
    /// <summary>The job.</summary>
    public DiskJobConfig() =>
        AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithWarmupCount(1).WithIterationCount(3)
            .WithInvocationCount(1).WithUnrollFactor(1).WithId("Disk"));
}
