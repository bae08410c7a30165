using MathNet.Numerics.Distributions;
using RuralEcom.Cca;

namespace RuralEcom.Resampling;

/// <summary>
/// The distribution of the sample canonical correlations when X and Y are independent, by simulation: n rows of
/// independent standard normal X (p columns) and Y (q columns), analysed like real data. Under independence the
/// distribution of the sample canonical correlations of Gaussian data depends only on n, p and q (they are the
/// singular values of Q_xᵀ Q_y for independent random orthonormal bases; Muirhead 1982, Aspects of Multivariate
/// Statistical Theory, §11.3), so one simulation serves every data set of that shape.
/// </summary>
public static class NullDistribution
{
    /// <summary>Simulates <paramref name="replicates"/> independent data sets of shape n × (p + q).</summary>
    /// <param name="n">Sample size (at least p + q + 2).</param>
    /// <param name="p">Number of X variables.</param>
    /// <param name="q">Number of Y variables.</param>
    /// <param name="replicates">Number of simulated data sets (e.g. 10,000).</param>
    /// <param name="seed">The random seed; the result does not depend on the number of cores.</param>
    /// <param name="options">Progress reports, cancellation and the thread limit (null: all cores, no reports); the result does not depend on them.</param>
    public static NullDistributionResult Simulate(int n, int p, int q, int replicates, int seed,
        ResamplingOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 1);
        if (n < CanonicalCorrelationAnalysis.MinimumSampleSize(p, q))
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be at least p + q + 2 = {CanonicalCorrelationAnalysis.MinimumSampleSize(p, q)}.");
        if (replicates < 1)
            throw new ArgumentOutOfRangeException(nameof(replicates), replicates, "Ask for at least one replicate (10,000 gives quantiles to about two decimals).");
        int k = Math.Min(p, q);
        var samples = new double[replicates * k];
        ReplicateRunner.Run(replicates, seed, "simulated data sets", options,
            () => new Workspace(n, p, q),
            (b, rng, w) => w.Replicate(rng, samples.AsSpan(b * k, k)));
        return new NullDistributionResult(n, p, q, replicates, seed, samples);
    }

    private sealed class Workspace(int n, int p, int q)
    {
        private readonly double[,] _x = new double[n, p];
        private readonly double[,] _y = new double[n, q];
        private readonly IReadOnlyList<string> _xNames = CcaCore.Names(null, p, "X", "");
        private readonly IReadOnlyList<string> _yNames = CcaCore.Names(null, q, "Y", "");

        /// <summary>One simulated data set, analysed by the core's standardization, QR and SVD.</summary>
        public void Replicate(Random rng, Span<double> output)
        {
            double[] qx, qy;
            while (true)
            {
                // Column by column, X then Y: the order of the draws is part of what the seed fixes.
                for (int j = 0; j < p; j++) for (int i = 0; i < n; i++) _x[i, j] = Normal.Sample(rng, 0, 1);
                for (int j = 0; j < q; j++) for (int i = 0; i < n; i++) _y[i, j] = Normal.Sample(rng, 0, 1);
                // Gaussian columns are linearly independent with probability one; redraw in the (never seen) other case.
                try
                {
                    qx = CcaCore.Orthonormalize(CcaCore.Standardize(_x, _xNames, "X", "x", out _, out _), n, p, _xNames, "X", "x", out _);
                    qy = CcaCore.Orthonormalize(CcaCore.Standardize(_y, _yNames, "Y", "y", out _, out _), n, q, _yNames, "Y", "y", out _);
                    break;
                }
                catch (CcaDataException) { }
            }
            var values = CcaCore.CanonicalCorrelations(qx, qy, n, p, q);
            for (int i = 0; i < output.Length; i++) output[i] = values[i];
        }
    }
}

/// <summary>Simulated null distribution of the sample canonical correlations r_1 ≥ … ≥ r_k for one shape (n, p, q).</summary>
public sealed class NullDistributionResult
{
    private readonly double[] _samples;
    private readonly double[][] _sorted;

    internal NullDistributionResult(int n, int p, int q, int replicates, int seed, double[] samples)
    {
        N = n;
        P = p;
        Q = q;
        Replicates = replicates;
        Seed = seed;
        _samples = samples;
        int k = Math.Min(p, q);
        _sorted = Enumerable.Range(0, k).Select(d =>
        {
            var c = new double[replicates];
            for (int b = 0; b < replicates; b++) c[b] = samples[b * k + d];
            Array.Sort(c);
            return c;
        }).ToArray();
    }

    /// <summary>Sample size.</summary>
    public int N { get; }

    /// <summary>Number of X variables.</summary>
    public int P { get; }

    /// <summary>Number of Y variables.</summary>
    public int Q { get; }

    /// <summary>Number of canonical correlations, min(p, q).</summary>
    public int Count => _sorted.Length;

    /// <summary>Number of simulated data sets.</summary>
    public int Replicates { get; }

    /// <summary>The seed used.</summary>
    public int Seed { get; }

    /// <summary>The simulated values of r_k (1-based k), in simulation order.</summary>
    /// <param name="k">The dimension, 1..min(p, q).</param>
    public double[] CorrelationReplicates(int k)
    {
        CheckK(k);
        var c = new double[Replicates];
        for (int b = 0; b < Replicates; b++) c[b] = _samples[b * Count + k - 1];
        return c;
    }

    /// <summary>The <paramref name="probability"/> quantile of r_k (type 7, linear interpolation, as R's default).</summary>
    /// <param name="k">The dimension, 1..min(p, q).</param>
    /// <param name="probability">A probability in [0, 1].</param>
    public double Quantile(int k, double probability)
    {
        CheckK(k);
        if (!(probability >= 0 && probability <= 1)) throw new ArgumentOutOfRangeException(nameof(probability), "The probability must lie in [0, 1].");
        return CcaBootstrap.Quantile(_sorted[k - 1], probability);
    }

    /// <summary>The simulated share of data sets whose r_k is at least <paramref name="value"/>, as (1 + count)/(1 + replicates).</summary>
    /// <param name="k">The dimension, 1..min(p, q).</param>
    /// <param name="value">An observed canonical correlation.</param>
    public double UpperTail(int k, double value)
    {
        CheckK(k);
        var s = _sorted[k - 1];
        int idx = Array.BinarySearch(s, value);
        if (idx < 0) idx = ~idx;
        else while (idx > 0 && s[idx - 1] == value) idx--;
        return (1.0 + s.Length - idx) / (1.0 + s.Length);
    }

    /// <summary>Quantiles of every r_k, optionally beside reported (observed) values and their null upper-tail shares.</summary>
    /// <param name="observed">Observed correlations to place in the null distribution (may be shorter than min(p, q); null for none).</param>
    /// <param name="probabilities">The quantiles to show (default 5 %, 50 %, 95 %, 99 %).</param>
    public Table ToTable(IReadOnlyList<double>? observed = null, IReadOnlyList<double>? probabilities = null)
    {
        probabilities ??= [0.05, 0.5, 0.95, 0.99];
        var columns = new List<string> { "k" };
        columns.AddRange(probabilities.Select(pr => $"{pr * 100:0.#} %"));
        if (observed is not null) columns.AddRange(["Observed r_k", "Share of null ≥ observed"]);
        var rows = Enumerable.Range(1, Count).Select(k =>
        {
            var row = new List<object?> { k };
            row.AddRange(probabilities.Select(pr => (object?)Quantile(k, pr)));
            if (observed is not null)
            {
                bool has = k <= observed.Count;
                row.Add(has ? observed[k - 1] : null);
                row.Add(has ? UpperTail(k, observed[k - 1]) : null);
            }
            return (IReadOnlyList<object?>)row;
        });
        return new Table($"Null distribution of the sample canonical correlations: n = {N}, p = {P}, q = {Q}, independent Gaussian X and Y ({Replicates:N0} simulated data sets, seed {Seed})",
            columns, rows, "F3",
            note: "Quantiles of r_k when X and Y are unrelated. An observed r_k below the 95 % quantile is what unrelated sets of this size produce one time in twenty or more.");
    }

    private void CheckK(int k)
    {
        if (k < 1 || k > Count) throw new ArgumentOutOfRangeException(nameof(k), k, $"The dimension must lie between 1 and {Count}.");
    }
}
