namespace RuralEcom.Resampling;

/// <summary>
/// How a resampling run uses the machine: progress reporting, cancellation and the number of threads.
/// The results never depend on these settings: replicates are generated in fixed chunks of
/// <see cref="ChunkSize"/>, each with its own random stream seeded from (seed, chunk index).
/// </summary>
/// <param name="Progress">Receives a report after each finished chunk (null: no reports).</param>
/// <param name="CancellationToken">Stops the run between replicates; the run then throws <see cref="OperationCanceledException"/>.</param>
/// <param name="MaxDegreeOfParallelism">The largest number of threads used; −1 (the default) uses all cores.</param>
internal sealed record ResamplingOptions(
    IProgress<ResamplingProgress>? Progress = null,
    CancellationToken CancellationToken = default,
    int MaxDegreeOfParallelism = -1)
{
    /// <summary>The number of replicates in one chunk (fixed, so results do not depend on the core count).</summary>
    public const int ChunkSize = 64;

    /// <summary>The default: all cores, no progress reports, no cancellation.</summary>
    public static ResamplingOptions Default { get; } = new();
}
