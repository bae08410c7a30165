using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using RuralEcom.Audit;

namespace RuralEcom.Benchmarks;

/// <summary>
/// The audit's joint design search on the paper's printed Table 4 (data/paper/qiu-2022-reported-tables.csv): every
/// design n ≤ 400, p, q ≤ 60 under four test conventions and every DF column (9.7 million candidates), and the
/// narrower search the audit used before (n 20..200, p, q ≤ 15) for the ratio.
/// </summary>
[Config(typeof(ShortJobConfig))]
public class AuditBenchmarks
{
    private ReportedCcaTable _table = null!;

    /// <summary>Loads the printed figures.</summary>
    [GlobalSetup]
    public void Setup() => _table = ReportedTables.Load(Path.Combine(Root(), "data", "paper", "qiu-2022-reported-tables.csv"));

    /// <summary>The widest search: n ≤ 400, p and q ≤ 60.</summary>
    [Benchmark]
    public DesignSearchResult WideDesignSearch() => DesignSearch.Run(_table);

    /// <summary>The old bounds: n 20..200, p and q ≤ 15.</summary>
    [Benchmark]
    public DesignSearchResult NarrowDesignSearch() => DesignSearch.Run(_table, new DesignSearchBounds(MinN: 20, MaxN: 200, MaxVariables: 15));

    private static string Root([CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path)!)!;
}

/// <summary>A short in-process job for workloads of about a second: 1 warm-up and 5 measured iterations.</summary>
public sealed class ShortJobConfig : ManualConfig
{
    /// <summary>The job.</summary>
    public ShortJobConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(1).WithIterationCount(5)
            .WithInvocationCount(1).WithUnrollFactor(1).WithId("Short"));
}
