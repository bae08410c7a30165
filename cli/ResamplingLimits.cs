using System.Globalization;

namespace RuralEcom.Cli;

/// <summary>
/// Bounds on the number of resampling replicates (<c>--permutations</c>, <c>--draws</c>) so that a typo such as 1e9
/// is refused at once with a clear message, instead of overflowing or trying to allocate tens of gigabytes.
/// </summary>
/// <remarks>
/// Three limits, each stated in the message: (1) the statistics kept per replicate must fit in one .NET array
/// (<see cref="Array.MaxLength"/> elements); (2) their memory must stay below half of the memory available to the
/// process (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>); (3) the estimated run time must stay below one hour.
/// The time estimate is rough by design: one replicate costs about n(p+q)² + (p+q)³ floating-point operations (the
/// cross-products and a decomposition of order p+q), taken at 1 ns each on each core. The 10,000 permutations of the
/// paper-shaped panel (n = 55, p + q = 19) are estimated at 0.13 s (measured: 83 ms, benchmarks/README.md).
/// </remarks>
internal static class ResamplingBudget
{
    /// <summary>The longest estimated run accepted.</summary>
    internal static readonly TimeSpan MaxTime = TimeSpan.FromHours(1);

    /// <summary>Throws a <see cref="CliException"/> when <paramref name="count"/> replicates would not fit in memory or time.</summary>
    /// <param name="option">The option's name, e.g. --permutations.</param>
    /// <param name="count">The number of replicates asked for.</param>
    /// <param name="bytesPerReplicate">The bytes of statistics kept per replicate.</param>
    /// <param name="n">Rows.</param>
    /// <param name="p">X columns.</param>
    /// <param name="q">Y columns.</param>
    internal static void Check(string option, int count, long bytesPerReplicate, int n, int p, int q)
    {
        var inv = CultureInfo.InvariantCulture;
        long elements = bytesPerReplicate / sizeof(double);
        long byArray = Array.MaxLength / Math.Max(1, elements);
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        long byMemory = available / 2 / Math.Max(1, bytesPerReplicate);
        double secondsEach = (n * Math.Pow(p + q, 2) + Math.Pow(p + q, 3)) * 1e-9 / Environment.ProcessorCount;
        long byTime = (long)(MaxTime.TotalSeconds / secondsEach);
        long limit = Math.Min(byArray, Math.Min(byMemory, byTime));
        if (count <= limit) return;
        string reason;
        if (limit == byArray)
            reason = $"would keep {(double)count * elements:N0} numbers, more than one array can hold ({Array.MaxLength:N0})";
        else if (limit == byMemory)
            reason = $"would need about {count * (double)bytesPerReplicate / 1e9:N1} GB of memory to keep every replicate's statistics, and this machine makes about {available / 1e9:N1} GB available (the limit is half of that)";
        else
            reason = $"would take about {count * secondsEach / 3600:N1} hours on {Environment.ProcessorCount} cores (a rough estimate; the limit is {MaxTime.TotalHours:N0} hour)";
        throw new CliException(string.Create(inv,
            $"{option} {count:N0} {reason}. Ask for at most {limit:N0}; 10,000 already give a p-value of 0.05 to within ±0.002 (Monte Carlo standard error √(p(1−p)/B))."));
    }
}

/// <summary>
/// Prints permutation p-values at the resolution of the test: with B permutations the smallest p-value is 1/(B+1)
/// (no permuted statistic as extreme as the observed one), which is shown as "&lt; 1/(B+1)" (e.g. "&lt; 1/10001") rather
/// than as 0.0000 once rounded; the others are shown with four significant digits.
/// </summary>
internal static class PValueText
{
    /// <summary>
    /// A copy of <paramref name="table"/> whose p-value columns (headers starting with "p ") hold text: "&lt; 1/(B+1)"
    /// at the floor, else the value to four significant digits. Other columns are unchanged.
    /// </summary>
    internal static Table Resolve(Table table, int permutations)
    {
        double floor = 1.0 / (permutations + 1.0);
        var pColumns = table.Columns.Select((c, j) => (c, j)).Where(t => t.c.StartsWith("p ", StringComparison.Ordinal)).Select(t => t.j).ToHashSet();
        var rows = table.Rows.Select(r => (IReadOnlyList<object?>)r.Select((cell, j) => pColumns.Contains(j) && cell is double p
            ? (object)(p <= floor * (1 + 1e-9) ? string.Create(CultureInfo.InvariantCulture, $"< 1/{permutations + 1L}") : p.ToString("G4", CultureInfo.InvariantCulture))
            : cell).ToArray());
        return new Table(table.Title, table.Columns, rows, table.NumberFormat,
            (table.Note is null ? "" : table.Note + " ") + $"\"< 1/{permutations + 1L}\": no permuted statistic was as extreme as the observed one.", table.ColumnFormats);
    }
}
