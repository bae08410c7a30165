namespace RuralEcom.Resampling;

/// <summary>
/// How a resampling run uses the machine: progress reporting, cancellation and the number of threads. Every
/// resampling method accepts it (<see cref="PermutationTest.Test"/>, <see cref="CcaBootstrap.Resample"/>,
/// <see cref="NullDistribution.Simulate"/>, <see cref="CcaCrossValidation.KFold"/>,
/// <see cref="CcaCrossValidation.LeaveOneOut(double[,], double[,], ResamplingOptions?)"/> and
/// <see cref="RegularizedCca.ChoosePenalties"/>). The results never depend on these settings: random replicates
/// are generated in fixed chunks of <see cref="ChunkSize"/>, each with its own random stream seeded from
/// (seed, chunk index), and every replicate or fold writes only its own output.
/// </summary>
/// <param name="Progress">Receives a report after each finished chunk, fold or grid point (null: no reports);
/// see <see cref="ResamplingProgress.Milestones"/> for a notebook display.</param>
/// <param name="CancellationToken">Stops the run between replicates; the run then throws <see cref="OperationCanceledException"/>.</param>
/// <param name="MaxDegreeOfParallelism">The largest number of threads used; −1 (the default) uses all cores.</param>
public sealed record ResamplingOptions(
    IProgress<ResamplingProgress>? Progress = null,
    CancellationToken CancellationToken = default,
    int MaxDegreeOfParallelism = -1)
{
    /// <summary>The number of replicates in one chunk (fixed, so results do not depend on the core count).</summary>
    public const int ChunkSize = 64;

    /// <summary>The default: all cores, no progress reports, no cancellation.</summary>
    public static ResamplingOptions Default { get; } = new();

    /// <summary>The thread limit and cancellation as <see cref="ParallelOptions"/>, after checking the limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">MaxDegreeOfParallelism is 0 or below −1.</exception>
    internal ParallelOptions ToParallelOptions()
    {
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism,
                "MaxDegreeOfParallelism must be −1 (all cores) or a positive number of threads.");
        return new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = CancellationToken };
    }
}
