using MathNet.Numerics.Random;

namespace RuralEcom.Resampling;

/// <summary>
/// Runs replicates 0..count−1 in chunks of <see cref="ResamplingOptions.ChunkSize"/> on all cores. Chunk c draws its
/// random numbers from its own xoshiro256** stream seeded from (seed, c), and every replicate writes only its own
/// output slot, so the results are identical for any number of threads.
/// </summary>
internal static class ReplicateRunner
{
    /// <summary>Runs <paramref name="body"/>(replicate, rng, workspace) for every replicate.</summary>
    /// <typeparam name="TWork">Per-thread scratch space (reused across the chunks one thread runs).</typeparam>
    public static void Run<TWork>(int count, int seed, string stage, ResamplingOptions? options,
        Func<TWork> createWorkspace, Action<int, Random, TWork> body)
    {
        options ??= ResamplingOptions.Default;
        int chunk = ResamplingOptions.ChunkSize;
        int chunks = (count + chunk - 1) / chunk;
        var progress = new ProgressCounter(stage, count, options.Progress);
        Parallel.For(0, chunks, options.ToParallelOptions(), createWorkspace, (c, state, work) =>
        {
            var rng = new Xoshiro256StarStar(ChunkSeed(seed, c), threadSafe: false);
            int end = Math.Min(count, (c + 1) * chunk);
            for (int i = c * chunk; i < end; i++)
            {
                options.CancellationToken.ThrowIfCancellationRequested();
                body(i, rng, work);
            }
            progress.Add(end - c * chunk);
            return work;
        }, _ => { });
    }

    /// <summary>Runs <paramref name="body"/>(item) for items 0..count−1 in parallel (cross-validation folds), one progress report per item.</summary>
    public static void ForEach(int count, string stage, ResamplingOptions? options, Action<int> body)
    {
        options ??= ResamplingOptions.Default;
        var progress = new ProgressCounter(stage, count, options.Progress);
        Parallel.For(0, count, options.ToParallelOptions(), i =>
        {
            body(i);
            progress.Add(1);
        });
    }

    /// <summary>Counts finished replicates and reports them in increasing order, so the last report is always "count of count".</summary>
    private sealed class ProgressCounter(string stage, int total, IProgress<ResamplingProgress>? progress)
    {
        private readonly Lock _gate = new();
        private int _completed, _reported;

        public void Add(int finished)
        {
            int done = Interlocked.Add(ref _completed, finished);
            if (progress is null) return;
            lock (_gate)
            {
                if (done <= _reported) return;
                _reported = done;
                progress.Report(new ResamplingProgress(stage, done, total));
            }
        }
    }

    /// <summary>A 32-bit seed for chunk <paramref name="chunk"/>: SplitMix64 finalizer of (seed, chunk).</summary>
    internal static int ChunkSeed(int seed, int chunk)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32 | (uint)chunk) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)(z ^ (z >> 32)));
    }

    /// <summary>Fisher–Yates shuffle of <paramref name="index"/> (filled with 0..n−1 first).</summary>
    public static void Shuffle(int[] index, Random rng)
    {
        for (int i = 0; i < index.Length; i++) index[i] = i;
        for (int i = index.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (index[i], index[j]) = (index[j], index[i]);
        }
    }

    /// <summary>Draws n row indices with replacement.</summary>
    public static void Resample(int[] index, Random rng)
    {
        for (int i = 0; i < index.Length; i++) index[i] = rng.Next(index.Length);
    }
}
