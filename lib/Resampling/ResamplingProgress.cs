namespace RuralEcom.Resampling;

/// <summary>
/// Progress of a resampling run, reported through <see cref="IProgress{T}"/> after every finished chunk of
/// replicates (permutations, bootstrap draws, simulated data sets).
/// </summary>
/// <param name="Stage">What is being resampled, e.g. "permutations" or "bootstrap draws".</param>
/// <param name="Completed">Replicates finished so far.</param>
/// <param name="Total">Replicates requested.</param>
public readonly record struct ResamplingProgress(string Stage, int Completed, int Total)
{
    /// <summary>The finished share, 0 to 1.</summary>
    public double Fraction => Total == 0 ? 1.0 : (double)Completed / Total;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Stage}: {Completed:N0} of {Total:N0} ({Fraction:P0})";
}
