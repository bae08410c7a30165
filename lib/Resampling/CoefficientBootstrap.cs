using MathNet.Numerics.Statistics;
using RuralEcom.Cca;

namespace RuralEcom.Resampling;

/// <summary>
/// How much the two ways of reading a canonical pair move from sample to sample: a row bootstrap of the standardized
/// coefficients (weights) and the structure coefficients (correlations with the own variate) of the same pairs.
/// </summary>
/// <remarks>
/// Rows are drawn with replacement (seeded, identical on any number of cores), the analysis is refitted and every
/// refitted pair is matched in order and sign to the full-sample pair it resembles most (<see cref="PairAlignment"/>:
/// Hungarian algorithm on the absolute cosine of the structure vectors); the sign found there is applied to both the
/// weights and the structure coefficients of the pair. The spread reported is the bootstrap standard error, the
/// standard deviation of the B aligned values (Efron &amp; Tibshirani 1993, An Introduction to the Bootstrap, §6.2).
/// With uncorrelated indicators the weights equal the structure coefficients (s = R11 a with R11 = I), so the two spreads
/// agree; collinearity inflates the spread of the weights, not of the structure coefficients.
/// </remarks>
public static class CoefficientBootstrap
{
    /// <summary>Bootstraps the weights and structure coefficients of the first <paramref name="pairs"/> canonical pairs.</summary>
    /// <param name="x">The X set, n × p.</param>
    /// <param name="y">The Y set, n × q.</param>
    /// <param name="pairs">How many pairs to report (1..min(p, q)).</param>
    /// <param name="draws">The number B of bootstrap draws.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="options">Progress, cancellation and the thread limit (null: all cores); the result does not depend on them.</param>
    /// <param name="xNames">Names of the X variables (default X1..Xp).</param>
    /// <param name="yNames">Names of the Y variables (default Y1..Yq).</param>
    /// <exception cref="CcaDataException">The full data cannot be analysed, or 100 draws in a row could not.</exception>
    public static CoefficientBootstrapResult Resample(double[,] x, double[,] y, int pairs, int draws, int seed,
        ResamplingOptions? options = null, IReadOnlyList<string>? xNames = null, IReadOnlyList<string>? yNames = null)
    {
        if (draws < 2) throw new ArgumentOutOfRangeException(nameof(draws), draws, "Ask for at least 2 bootstrap draws (200 or more for a standard error).");
        var full = CanonicalCorrelationAnalysis.Fit(x, y, xNames, yNames);
        if (pairs < 1 || pairs > full.Count) throw new ArgumentOutOfRangeException(nameof(pairs), pairs, $"pairs must be 1 to {full.Count}.");
        int n = full.N, p = full.P, q = full.Q, m = p + q;
        var reference = PairAlignment.StructureVectors(full);
        var weights = new double[draws, m, pairs];
        var structure = new double[draws, m, pairs];
        ReplicateRunner.Run(draws, seed, "bootstrap draws", options,
            () => (Index: new int[n], X: new double[n, p], Y: new double[n, q]),
            (b, rng, w) =>
            {
                for (int attempt = 0; ; attempt++)
                {
                    ReplicateRunner.Resample(w.Index, rng);
                    CcaBootstrap.Rows(x, w.Index, w.X);
                    CcaBootstrap.Rows(y, w.Index, w.Y);
                    CcaResult fit;
                    try { fit = CanonicalCorrelationAnalysis.Fit(w.X, w.Y); }
                    catch (CcaDataException) when (attempt < 100) { continue; }
                    var (match, sign) = PairAlignment.Align(reference, PairAlignment.StructureVectors(fit));
                    for (int c = 0; c < pairs; c++)
                        for (int i = 0; i < m; i++)
                        {
                            weights[b, i, c] = sign[c] * (i < p ? fit.StandardizedCoefficientsX[i, match[c]] : fit.StandardizedCoefficientsY[i - p, match[c]]);
                            structure[b, i, c] = sign[c] * (i < p ? fit.Structure.X[i, match[c]] : fit.Structure.Y[i - p, match[c]]);
                        }
                    break;
                }
            });
        var rows = new List<CoefficientSpread>();
        var column = new double[draws];
        double Spread(double[,,] values, int i, int c)
        {
            for (int b = 0; b < draws; b++) column[b] = values[b, i, c];
            return column.StandardDeviation();
        }
        for (int c = 0; c < pairs; c++)
            for (int i = 0; i < m; i++)
            {
                bool isX = i < p;
                rows.Add(new CoefficientSpread(c + 1, isX ? "X" : "Y", isX ? full.XNames[i] : full.YNames[i - p],
                    isX ? full.StandardizedCoefficientsX[i, c] : full.StandardizedCoefficientsY[i - p, c], Spread(weights, i, c),
                    isX ? full.Structure.X[i, c] : full.Structure.Y[i - p, c], Spread(structure, i, c)));
            }
        return new CoefficientBootstrapResult(full, draws, seed, rows);
    }
}

/// <summary>One indicator in one pair: its weight and structure coefficient with their bootstrap standard errors.</summary>
/// <param name="Pair">The pair k, 1-based.</param>
/// <param name="Set">"X" or "Y".</param>
/// <param name="Indicator">The indicator's name.</param>
/// <param name="Weight">The full-sample standardized coefficient.</param>
/// <param name="WeightSpread">The bootstrap standard error of the weight.</param>
/// <param name="Structure">The full-sample structure coefficient.</param>
/// <param name="StructureSpread">The bootstrap standard error of the structure coefficient.</param>
public sealed record CoefficientSpread(int Pair, string Set, string Indicator, double Weight, double WeightSpread, double Structure, double StructureSpread);

/// <summary>The result of <see cref="CoefficientBootstrap.Resample"/>.</summary>
public sealed class CoefficientBootstrapResult
{
    internal CoefficientBootstrapResult(CcaResult analysis, int draws, int seed, IReadOnlyList<CoefficientSpread> spreads)
    {
        Analysis = analysis;
        Draws = draws;
        Seed = seed;
        Spreads = ReadOnly.Own(spreads);
    }

    /// <summary>The full-sample analysis.</summary>
    public CcaResult Analysis { get; }

    /// <summary>The number B of draws.</summary>
    public int Draws { get; }

    /// <summary>The seed used.</summary>
    public int Seed { get; }

    /// <summary>One row per pair and indicator (X first, then Y).</summary>
    public IReadOnlyList<CoefficientSpread> Spreads { get; }

    /// <summary>The median bootstrap standard error of the weights and of the structure coefficients of <paramref name="set"/> in pair <paramref name="pair"/>.</summary>
    /// <param name="pair">The pair k, 1-based.</param>
    /// <param name="set">"X" or "Y".</param>
    public (double Weights, double Structure) MedianSpread(int pair, string set)
    {
        var rows = Spreads.Where(s => s.Pair == pair && s.Set == set).ToArray();
        if (rows.Length == 0) throw new ArgumentException($"No pair {pair} of set '{set}' was bootstrapped (pairs 1..{Spreads.Max(s => s.Pair)}, sets X and Y).");
        return (rows.Select(r => r.WeightSpread).Median(), rows.Select(r => r.StructureSpread).Median());
    }

    /// <summary>Per pair and set: the median bootstrap standard error of the weights, of the structure coefficients, and their ratio.</summary>
    public Table ToTable() => new($"Bootstrap standard errors of weights and structure coefficients (B = {Draws:N0} draws, seed {Seed})",
        ["Pair", "Set", "Median s.e. of weights", "Median s.e. of structure coefficients", "Ratio"],
        Spreads.Select(s => (s.Pair, s.Set)).Distinct().Select(key =>
        {
            var (w, s) = MedianSpread(key.Pair, key.Set);
            return (IReadOnlyList<object?>)new object?[] { key.Pair, key.Set, w, s, w / s };
        }),
        columnFormats: [null, null, "F3", "F3", "F1"],
        note: "Rows resampled with replacement; refitted pairs matched to the full-sample pairs (Hungarian algorithm on |cosine| of the structure vectors) and their signs aligned. Ratio = weights / structure coefficients.");

    /// <summary>Every indicator of one pair: weight and structure coefficient with their bootstrap standard errors.</summary>
    /// <param name="pair">The pair k, 1-based.</param>
    public Table PairTable(int pair) => new($"Pair {pair}: weights and structure coefficients with bootstrap standard errors (B = {Draws:N0})",
        ["Indicator", "Weight", "Weight s.e.", "Structure coefficient", "Structure s.e."],
        Spreads.Where(s => s.Pair == pair).Select(s => (IReadOnlyList<object?>)new object?[] { s.Indicator, s.Weight, s.WeightSpread, s.Structure, s.StructureSpread }),
        numberFormat: "F3");
}
