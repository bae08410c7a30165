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

    /// <summary>
    /// A progress receiver that calls <paramref name="report"/> on the reporting thread, one call at a time (unlike
    /// <see cref="Progress{T}"/>, which posts to a synchronization context and may run after the work has finished),
    /// so the last call is the final state; useful to update a notebook display.
    /// </summary>
    /// <param name="report">The action to run for each report.</param>
    public static IProgress<ResamplingProgress> Synchronous(Action<ResamplingProgress> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new SynchronousProgress(report);
    }

    /// <summary>
    /// A progress receiver that shows a message each time the run passes one of <paramref name="steps"/> equal
    /// milestones ("permutations: 25 % done", …, "permutations: 100 % done"), every milestone once and in order,
    /// however the work was split among threads; so a notebook that records each update saves the same outputs on
    /// every run.
    /// </summary>
    /// <param name="show">Receives each message (e.g. a notebook display handle's Update).</param>
    /// <param name="steps">The number of milestones (default 4: every 25 %).</param>
    public static IProgress<ResamplingProgress> Milestones(Action<string> show, int steps = 4)
    {
        ArgumentNullException.ThrowIfNull(show);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        int passed = 0;
        return new SynchronousProgress(p =>
        {
            while (passed < steps && (long)p.Completed * steps >= (long)(passed + 1) * p.Total)
            {
                passed++;
                show($"{p.Stage}: {100 * passed / steps} % done");
            }
        });
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Stage}: {Completed:N0} of {Total:N0} ({Fraction:P0})";
}

/// <summary>Runs the handler inline, serialized by a lock.</summary>
internal sealed class SynchronousProgress(Action<ResamplingProgress> report) : IProgress<ResamplingProgress>
{
    private readonly Lock _gate = new();

    public void Report(ResamplingProgress value)
    {
        lock (_gate) report(value);
    }
}
