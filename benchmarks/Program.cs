using System.Runtime.CompilerServices;
using BenchmarkDotNet.Running;

var summaries = BenchmarkSwitcher.FromAssembly(typeof(RuralEcom.Benchmarks.BenchmarkConfig).Assembly)
    .Run(args, new RuralEcom.Benchmarks.BenchmarkConfig());

// Keep the reports of this run (GitHub markdown and CSV) under benchmarks/results/, replacing older ones of the same class,
// unless the run put its artifacts elsewhere (--artifacts, as benchmarks/compare.sh does).
if (args.Contains("--artifacts")) return;
string results = Path.Combine(SourceFolder(), "results");
Directory.CreateDirectory(results);
foreach (var summary in summaries)
    foreach (var file in Directory.GetFiles(summary.ResultsDirectoryPath))
        if (file.EndsWith("-report-github.md", StringComparison.Ordinal) || file.EndsWith("-report.csv", StringComparison.Ordinal))
            File.Copy(file, Path.Combine(results, Path.GetFileName(file)), overwrite: true);

static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
