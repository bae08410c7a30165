using RuralEcom.Cca;

namespace RuralEcom.Resampling;

/// <summary>Canonical weights fitted on training rows: means for centring, raw coefficients, and structure vectors for alignment.</summary>
internal sealed record CcaWeights(double[] MeanX, double[] MeanY, double[,] A, double[,] B, double[,] Structure)
{
    public static CcaWeights From(CcaResult cca) =>
        new(cca.MeansX!.ToArray(), cca.MeansY!.ToArray(), cca.RawCoefficientsX!.ToArray(), cca.RawCoefficientsY!.ToArray(),
            PairAlignment.StructureVectors(cca));
}

/// <summary>
/// Out-of-sample canonical correlations: the weights are fitted on training rows and the variates of the held-out
/// rows are correlated, the honest counterpart of the in-sample r_k, which is biased upwards when n is small
/// relative to p + q.
/// </summary>
/// <remarks>
/// Each fold's fit is aligned to the full-sample pairs (order and sign, <see cref="PairAlignment"/>), and the
/// held-out variates of all folds are pooled: the pooled correlation over all n samples is reported for every
/// pair. For k-fold cross-validation the mean of the within-fold correlations is reported too; for leave-one-out
/// only the pooled value exists (one held-out sample per fold), so every sample's variates come from the fit
/// without it and are correlated at the end, as CCA::estim.regul does.
/// </remarks>
public static class CcaCrossValidation
{
    /// <summary>k-fold cross-validation with folds from a seeded shuffle (fold sizes differ by at most one).</summary>
    /// <param name="x">The X set, n × p.</param>
    /// <param name="y">The Y set, n × q.</param>
    /// <param name="folds">The number of folds (2..n); each training set must keep at least p + q + 2 rows.</param>
    /// <param name="seed">The random seed of the fold assignment.</param>
    /// <param name="options">Progress reports (one per fold), cancellation and the thread limit (null: all cores, no reports); the result does not depend on them.</param>
    public static CrossValidationResult KFold(double[,] x, double[,] y, int folds, int seed, ResamplingOptions? options = null)
    {
        var full = CanonicalCorrelationAnalysis.Fit(x, y);
        int n = full.N;
        if (folds < 2 || folds > n)
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"The number of folds must lie between 2 and n = {n}.");
        int smallestTraining = n - (n + folds - 1) / folds;
        if (smallestTraining < CanonicalCorrelationAnalysis.MinimumSampleSize(full.P, full.Q))
            throw new ArgumentOutOfRangeException(nameof(folds), folds,
                $"With {folds} folds a training set has only {smallestTraining} rows, fewer than p + q + 2 = {CanonicalCorrelationAnalysis.MinimumSampleSize(full.P, full.Q)}. Use more folds.");
        var order = new int[n];
        ReplicateRunner.Shuffle(order, new MathNet.Numerics.Random.Xoshiro256StarStar(seed, threadSafe: false));
        var fold = new int[n];
        for (int i = 0; i < n; i++) fold[order[i]] = i % folds;
        return Run(x, y, full.Correlations.ToArray(), fold, folds, (xt, yt) => CcaWeights.From(CanonicalCorrelationAnalysis.Fit(xt, yt)),
            $"{folds}-fold (seed {seed})", options);
    }

    /// <summary>Leave-one-out cross-validation (n folds of one sample).</summary>
    /// <param name="x">The X set, n × p.</param>
    /// <param name="y">The Y set, n × q.</param>
    /// <param name="options">Progress reports (one per fold), cancellation and the thread limit (null: all cores, no reports); the result does not depend on them.</param>
    public static CrossValidationResult LeaveOneOut(double[,] x, double[,] y, ResamplingOptions? options = null)
    {
        var full = CanonicalCorrelationAnalysis.Fit(x, y);
        return LeaveOneOut(x, y, full.Correlations.ToArray(), (xt, yt) => CcaWeights.From(CanonicalCorrelationAnalysis.Fit(xt, yt)), options);
    }

    /// <summary>Leave-one-out with any fitting rule (plain or regularized); <paramref name="inSample"/> is what the rule gives on all rows.</summary>
    internal static CrossValidationResult LeaveOneOut(double[,] x, double[,] y, double[] inSample, Func<double[,], double[,], CcaWeights> fit,
        ResamplingOptions? options)
    {
        int n = x.GetLength(0);
        return Run(x, y, inSample, Enumerable.Range(0, n).ToArray(), n, fit, "leave-one-out", options);
    }

    private static CrossValidationResult Run(double[,] x, double[,] y, double[] inSample, int[] fold, int folds,
        Func<double[,], double[,], CcaWeights> fit, string scheme, ResamplingOptions? options)
    {
        int n = x.GetLength(0), p = x.GetLength(1), q = y.GetLength(1), k = inSample.Length;
        var reference = fit(x, y).Structure;
        var v = new double[n, k];
        var w = new double[n, k];
        var foldCorrelation = new double[folds, k];
        ReplicateRunner.ForEach(folds, "cross-validation folds", options, f =>
        {
            var train = Enumerable.Range(0, n).Where(i => fold[i] != f).ToArray();
            var test = Enumerable.Range(0, n).Where(i => fold[i] == f).ToArray();
            var weights = fit(Rows(x, train), Rows(y, train));
            var (match, sign) = PairAlignment.Align(reference, weights.Structure);
            foreach (var i in test)
                for (int c = 0; c < k; c++)
                {
                    double sv = 0, sw = 0;
                    for (int j = 0; j < p; j++) sv += (x[i, j] - weights.MeanX[j]) * weights.A[j, match[c]];
                    for (int j = 0; j < q; j++) sw += (y[i, j] - weights.MeanY[j]) * weights.B[j, match[c]];
                    v[i, c] = sign[c] * sv;
                    w[i, c] = sign[c] * sw;
                }
            for (int c = 0; c < k; c++)
                foldCorrelation[f, c] = test.Length >= 3 ? Correlation(test.Select(i => v[i, c]).ToArray(), test.Select(i => w[i, c]).ToArray()) : double.NaN;
        });
        var pooled = new double[k];
        var meanFold = new double?[k];
        for (int c = 0; c < k; c++)
        {
            pooled[c] = Correlation(Enumerable.Range(0, n).Select(i => v[i, c]).ToArray(), Enumerable.Range(0, n).Select(i => w[i, c]).ToArray());
            if (folds < n && fold.GroupBy(f => f).All(g => g.Count() >= 3))
                meanFold[c] = Enumerable.Range(0, folds).Average(f => foldCorrelation[f, c]);
        }
        return new CrossValidationResult(scheme, folds, inSample, pooled, meanFold);
    }

    private static double[,] Rows(double[,] data, int[] rows)
    {
        int cols = data.GetLength(1);
        var r = new double[rows.Length, cols];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < cols; j++) r[i, j] = data[rows[i], j];
        return r;
    }

    /// <summary>Pearson correlation; 0 when a side has no variance (a held-out variate that is constant predicts nothing).</summary>
    private static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa > 0 && sbb > 0 ? sab / Math.Sqrt(saa * sbb) : 0;
    }
}
