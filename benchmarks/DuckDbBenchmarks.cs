using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using RuralEcom.Cca;

namespace RuralEcom.Benchmarks;

/// <summary>
/// Large inputs read from disk: a 1,000,000 × (20 + 20) CSV file through the project's own streaming reader
/// (<see cref="StreamingCca.FitCsv"/>) and through DuckDB (<see cref="LargeDataCca.FitQuery"/>), and a
/// 10,000,000 × (20 + 20) Parquet file through DuckDB, whole and filtered by a SQL query. The files are generated in
/// a temporary folder by the first GlobalSetup (not timed; seeded by a hash of row and column, so the same on every
/// run) and deleted when the process exits; the process's peak working set is printed after each case (// Peak).
/// </summary>
[Config(typeof(DiskJobConfig))]
public class DuckDbBenchmarks
{
    private const int CsvRows = 1_000_000, ParquetRows = 10_000_000, P = 20, Q = 20;
    private static readonly string[] X = BenchmarkData.Names("x", P), Y = BenchmarkData.Names("y", Q);
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"ruralecom-bench-{Environment.ProcessId}");
    private static readonly string Csv = Path.Combine(Folder, "rows-1m.csv"), Parquet = Path.Combine(Folder, "rows-10m.parquet");

    /// <summary>Writes the files once per process (GlobalSetup runs before every case); they are deleted at exit.</summary>
    private static readonly Lazy<bool> Files = new(() =>
    {
        Directory.CreateDirectory(Folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(Folder, recursive: true);
        Write();
        return true;
    });

    /// <summary>Makes sure the files exist.</summary>
    [GlobalSetup]
    public void Setup() => _ = Files.Value;

    private static void Write()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        // u(i, j): a uniform number in [0, 1) from a hash of row i and column j; two shared factors plus noise.
        var columns = string.Join(", ",
            Enumerable.Range(1, P).Select(j => $"round(10 + 3.46 * (u(i, {j}) - 0.5) + {(j % 2 == 0 ? "0.8 * f1" : "0.5 * f2")}, 6) AS x{j}")
            .Concat(Enumerable.Range(1, Q).Select(j => $"round(-5 + 3.46 * (u(i, {20 + j}) - 0.5) + {(j % 2 == 0 ? "0.7 * f2" : "0.6 * f1")}, 6) AS y{j}")));
        string rows(int n) => $"SELECT {columns} FROM (SELECT i, 3.46 * (u(i, 61) - 0.5) AS f1, 3.46 * (u(i, 62) - 0.5) AS f2 FROM range({n}) AS t(i))";
        command.CommandText =
            "CREATE MACRO u(i, j) AS (hash(i * 64 + j) % 1000003) / 1000003.0;" +
            $"COPY ({rows(CsvRows)}) TO '{Csv}' (HEADER);" +
            $"COPY ({rows(ParquetRows)}) TO '{Parquet}' (FORMAT parquet);";
        command.ExecuteNonQuery();
        Console.WriteLine($"// Files: {new FileInfo(Csv).Length / (double)(1 << 20):F0} MiB CSV ({CsvRows:N0} rows), {new FileInfo(Parquet).Length / (double)(1 << 20):F0} MiB Parquet ({ParquetRows:N0} rows)");
    }

    /// <summary>Prints the peak working set so far.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// Peak working set of the process {Process.GetCurrentProcess().PeakWorkingSet64 / (double)(1 << 20):F0} MiB; 10,000,000 × 40 doubles are {8.0 * ParquetRows * (P + Q) / (1 << 20):F0} MiB");
    }

    /// <summary>1,000,000 × 40 CSV through the project's own reader (Sep, one thread parsing, the kernel after it).</summary>
    [Benchmark]
    public double CsvOwnReader() => StreamingCca.FitCsv(Csv, X, Y).Correlations[0];

    /// <summary>The same CSV through DuckDB's parallel CSV reader (a read_csv query), streamed into the kernel.</summary>
    [Benchmark]
    public double CsvDuckDb() => LargeDataCca.FitQuery($"SELECT * FROM read_csv('{Csv}')", X, Y).Correlations[0];

    /// <summary>10,000,000 × 40 from Parquet through DuckDB, streamed into the kernel.</summary>
    [Benchmark]
    public double Parquet10M() => LargeDataCca.FitFile(Parquet, X, Y).Correlations[0];

    /// <summary>The same Parquet file through a SQL query that keeps the rows with x1 ≥ 10 (about half).</summary>
    [Benchmark]
    public double Sql10M() => LargeDataCca.FitQuery($"SELECT * FROM read_parquet('{Parquet}') WHERE x1 >= 10", X, Y).Correlations[0];
}
