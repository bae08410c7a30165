using MathNet.Numerics.LinearAlgebra;
using RuralEcom.Cca;
using RuralEcom.Numerics;

namespace RuralEcom.Resampling;

/// <summary>
/// Permutation tests for canonical correlations: the rows of Y are shuffled against the rows of X, which destroys
/// every X–Y association while keeping the within-set correlations, so the shuffled statistics form the null
/// distribution without any normality assumption.
/// </summary>
/// <remarks>
/// <para>Dimension k is tested with the stepwise procedure of Winkler, Renaud, Smith &amp; Nichols (2020),
/// "Permutation inference for canonical correlation analysis", NeuroImage 220:117065, with the intercept as the
/// only nuisance variable: the data are replaced by their full sets of canonical variates
/// (p for X, q for Y, the variates beyond min(p, q) completing an orthonormal basis of each centred set); for
/// dimension k the first k − 1 variates of each side are removed, the rows of the remaining Y variates are
/// permuted, and a CCA of the remaining variates is recomputed. Two statistics are recorded for every k:
/// the largest canonical correlation of the reduced problem (whose observed value is r_k; Roy's statistic in the
/// paper) and Wilks' Λ_k = Π_{i≥k} (1 − r_i²) (the paper's λ_k = −Σ_{i≥k} ln(1 − r_i²), an equivalent ordering).
/// For k = 1 this is the ordinary permutation test of r_1 and of Wilks' lambda for all dimensions.</para>
/// <para>p-values are (1 + #{T* ≥ T}) / (1 + B) for B random permutations (for Wilks, #{Λ* ≤ Λ}); a replicate
/// within a relative 1e-10 of the observed value counts as at least as extreme. Family-wise error over the
/// dimensions is controlled by the closed-testing step of Winkler et al. (2020): p_k^FWER = max(p_1, …, p_k).
/// The Monte Carlo standard error of an estimated p is √(p (1 − p) / B).</para>
/// <para>Because the mean is invariant under permutation, centring before permuting keeps the rows exchangeable
/// under the null; with other nuisance variables (not supported here) Winkler et al. require a projection first.</para>
/// </remarks>
public static class PermutationTest
{
    /// <summary>Runs the stepwise permutation test for every dimension k = 1..min(p, q).</summary>
    /// <param name="x">The X set, n × p (rows are samples).</param>
    /// <param name="y">The Y set, n × q, the same samples in the same order.</param>
    /// <param name="permutations">The number B of random permutations (at least 1; 1,000–10,000 is usual).</param>
    /// <param name="seed">The random seed; the same seed gives the same result on any number of cores.</param>
    /// <param name="options">Progress reports (one per finished chunk of 64 permutations), cancellation and the thread limit (null: all cores, no reports); the result does not depend on them.</param>
    /// <exception cref="CcaDataException">The data cannot be analysed (see <see cref="CanonicalCorrelationAnalysis.Fit(double[,], double[,], IReadOnlyList{string}?, IReadOnlyList{string}?, CcaMethod)"/>).</exception>
    public static PermutationTestResult Test(double[,] x, double[,] y, int permutations, int seed, ResamplingOptions? options = null) =>
        TestRestricted(x, y, permutations, seed, ReplicateRunner.Shuffle, options);

    /// <summary>The stepwise test with a restricted set of permutations (exchangeability blocks, used by RuralEcom.Panels).</summary>
    internal static PermutationTestResult TestRestricted(double[,] x, double[,] y, int permutations, int seed, Action<int[], Random> shuffle, ResamplingOptions? options)
    {
        if (permutations < 1)
            throw new ArgumentOutOfRangeException(nameof(permutations), permutations, "Ask for at least one permutation (1,000 or more for a p-value worth reporting).");
        var cca = CanonicalCorrelationAnalysis.Fit(x, y);
        int n = cca.N, p = cca.P, q = cca.Q, k = cca.Count;
        var (ux, vy) = CanonicalBases(x, y, cca.XNames, cca.YNames);
        var bases = new PermutationKernel.Bases(ux, vy, n, p, q);

        var roy = new double[permutations * k];
        var wilks = new double[permutations * k];
        var observedRoy = new double[k];
        var observedWilks = new double[k];
        new PermutationKernel(bases).Statistics(null, observedRoy, observedWilks);

        ReplicateRunner.Run(permutations, seed, "permutations", options,
            () => (Index: new int[n], Kernel: new PermutationKernel(bases)),
            (b, rng, w) =>
            {
                shuffle(w.Index, rng);
                w.Kernel.Statistics(w.Index, roy.AsSpan(b * k, k), wilks.AsSpan(b * k, k));
            });

        var rows = new PermutationTestRow[k];
        double fwerR = 0, fwerW = 0;
        for (int d = 0; d < k; d++)
        {
            int exR = 0, exW = 0;
            double tolR = 1e-10 * Math.Max(1, observedRoy[d]), tolW = 1e-10 * Math.Max(1e-300, observedWilks[d]);
            for (int b = 0; b < permutations; b++)
            {
                if (roy[b * k + d] >= observedRoy[d] - tolR) exR++;
                if (wilks[b * k + d] <= observedWilks[d] + tolW) exW++;
            }
            double pR = (1.0 + exR) / (1.0 + permutations), pW = (1.0 + exW) / (1.0 + permutations);
            fwerR = Math.Max(fwerR, pR);
            fwerW = Math.Max(fwerW, pW);
            rows[d] = new PermutationTestRow(d + 1, cca.Correlations[d], observedWilks[d], exR, exW, pR, pW, fwerR, fwerW,
                MonteCarloStandardError(pR, permutations), MonteCarloStandardError(pW, permutations));
        }
        return new PermutationTestResult(n, p, q, permutations, seed, rows, roy, wilks);
    }

    /// <summary>√(p (1 − p) / B), the Monte Carlo standard error of a permutation p-value from B permutations.</summary>
    /// <param name="p">The estimated p-value.</param>
    /// <param name="permutations">The number of permutations B.</param>
    public static double MonteCarloStandardError(double p, int permutations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        return Math.Sqrt(p * (1 - p) / permutations);
    }

    /// <summary>
    /// Orthonormal full sets of canonical variates (row-major): Ux (n × p) and Vy (n × q), so that Uxᵀ Vy is the
    /// p × q diagonal matrix of canonical correlations.
    /// </summary>
    private static (double[] Ux, double[] Vy) CanonicalBases(double[,] x, double[,] y, IReadOnlyList<string> xNames, IReadOnlyList<string> yNames)
    {
        int n = x.GetLength(0), p = x.GetLength(1), q = y.GetLength(1);
        // The orthonormal bases of the centred sets by the core's standardization and QR (Q is row-major n × m).
        var qx = CcaCore.Orthonormalize(CcaCore.Standardize(x, xNames, "X", nameof(x), out _, out _), n, p, xNames, "X", nameof(x), out _);
        var qy = CcaCore.Orthonormalize(CcaCore.Standardize(y, yNames, "Y", nameof(y), out _, out _), n, q, yNames, "Y", nameof(y), out _);
        var mx = Matrix<double>.Build.DenseOfRowMajor(n, p, qx);
        var my = Matrix<double>.Build.DenseOfRowMajor(n, q, qy);
        var svd = mx.TransposeThisAndMultiply(my).Svd(computeVectors: true);
        return ((mx * svd.U).ToRowMajorArray(), (my * svd.VT.Transpose()).ToRowMajorArray());
    }
}
