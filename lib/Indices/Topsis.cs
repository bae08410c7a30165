using RuralEcom.Data;

namespace RuralEcom.Indices;

/// <summary>How TOPSIS normalises the decision matrix before weighting it.</summary>
public enum TopsisNormalization
{
    /// <summary>Vector normalisation r_ij = x_ij / sqrt(sum_i x_ij^2) (Hwang &amp; Yoon 1981); the ideal of a negative indicator is its minimum.</summary>
    Vector,

    /// <summary>Direction-aware min-max normalisation (shift 0), as in entropy-TOPSIS studies; afterwards every indicator is positive.</summary>
    MinMax,

    /// <summary>No normalisation: the input is used as it is (e.g. the normalised matrix of an entropy result); ideals follow the directions.</summary>
    None,
}

/// <summary>
/// TOPSIS, the technique for order preference by similarity to an ideal solution (Hwang &amp; Yoon 1981,
/// Multiple Attribute Decision Making: Methods and Applications, Springer, pp. 128-134).
/// </summary>
/// <remarks>
/// v_ij = w_j r_ij; positive ideal A+_j = max_i v_ij for a positive indicator (min for a negative one), negative ideal
/// A-_j the opposite; D+_i = ||v_i - A+||, D-_i = ||v_i - A-|| (Euclidean); relative closeness C_i = D-_i / (D+_i + D-_i) in [0, 1].
/// </remarks>
public static class Topsis
{
    /// <summary>Runs TOPSIS on a decision matrix with the given weights.</summary>
    /// <param name="x">n x p decision matrix (n &gt;= 2 alternatives, finite values).</param>
    /// <param name="directions">One direction per column.</param>
    /// <param name="weights">p non-negative weights summing to 1 (e.g. entropy weights).</param>
    /// <param name="normalization">How the matrix is normalised first (default: vector normalisation).</param>
    /// <exception cref="ArgumentException">A non-finite value, bad directions or weights, an all-zero column under vector
    /// normalisation, a constant column under min-max, or alternatives that are all identical (closeness undefined).</exception>
    public static TopsisResult Compute(double[,] x, IReadOnlyList<IndicatorDirection> directions, IReadOnlyList<double> weights,
        TopsisNormalization normalization = TopsisNormalization.Vector)
    {
        InputChecks.Matrix(x, nameof(x), 2);
        int n = x.GetLength(0), p = x.GetLength(1);
        InputChecks.Directions(directions, p);
        InputChecks.Weights(weights, p);
        var dirs = directions.ToArray();
        double[,] r;
        switch (normalization)
        {
            case TopsisNormalization.Vector:
                r = new double[n, p];
                for (int j = 0; j < p; j++)
                {
                    double norm = 0;
                    for (int i = 0; i < n; i++) norm += x[i, j] * x[i, j];
                    norm = Math.Sqrt(norm);
                    if (!(norm > 0)) throw new ArgumentException($"Column {j + 1} is zero in every row; it cannot be vector-normalised. Drop it.", nameof(x));
                    for (int i = 0; i < n; i++) r[i, j] = x[i, j] / norm;
                }
                break;
            case TopsisNormalization.MinMax:
                r = Standardization.MinMax(x, directions, 0);
                Array.Fill(dirs, IndicatorDirection.Positive);
                break;
            case TopsisNormalization.None:
                r = (double[,])x.Clone();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Use Vector, MinMax or None.");
        }
        var v = new double[n, p];
        var best = new double[p];
        var worst = new double[p];
        for (int j = 0; j < p; j++)
        {
            double max = double.NegativeInfinity, min = double.PositiveInfinity;
            for (int i = 0; i < n; i++)
            {
                v[i, j] = weights[j] * r[i, j];
                max = Math.Max(max, v[i, j]);
                min = Math.Min(min, v[i, j]);
            }
            (best[j], worst[j]) = dirs[j] == IndicatorDirection.Positive ? (max, min) : (min, max);
        }
        var dPlus = new double[n];
        var dMinus = new double[n];
        var closeness = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sp = 0, sm = 0;
            for (int j = 0; j < p; j++)
            {
                sp += (v[i, j] - best[j]) * (v[i, j] - best[j]);
                sm += (v[i, j] - worst[j]) * (v[i, j] - worst[j]);
            }
            dPlus[i] = Math.Sqrt(sp);
            dMinus[i] = Math.Sqrt(sm);
            if (!(dPlus[i] + dMinus[i] > 0))
                throw new ArgumentException("The positive and negative ideals coincide (every weighted column is constant), so TOPSIS closeness is undefined.", nameof(x));
            closeness[i] = dMinus[i] / (dPlus[i] + dMinus[i]);
        }
        return new TopsisResult(normalization, v, best, worst, dPlus, dMinus, closeness);
    }
}

/// <summary>The result of <see cref="Topsis.Compute"/>.</summary>
public sealed class TopsisResult
{
    private readonly double[,] _weighted;

    internal TopsisResult(TopsisNormalization normalization, double[,] weighted, double[] best, double[] worst,
        double[] dPlus, double[] dMinus, double[] closeness)
    {
        Normalization = normalization;
        _weighted = weighted;
        PositiveIdeal = best;
        NegativeIdeal = worst;
        DistanceToPositive = dPlus;
        DistanceToNegative = dMinus;
        Closeness = closeness;
        // Rank 1 = largest closeness; ties share the smallest rank of the tie.
        Ranks = closeness.Select(c => 1 + closeness.Count(o => o > c)).ToArray();
    }

    /// <summary>The normalisation applied before weighting.</summary>
    public TopsisNormalization Normalization { get; }

    /// <summary>The weighted normalised matrix v_ij = w_j r_ij (a copy).</summary>
    public double[,] WeightedMatrix => (double[,])_weighted.Clone();

    /// <summary>The positive ideal solution A+ (best weighted value of each indicator).</summary>
    public IReadOnlyList<double> PositiveIdeal { get; }

    /// <summary>The negative ideal solution A- (worst weighted value of each indicator).</summary>
    public IReadOnlyList<double> NegativeIdeal { get; }

    /// <summary>Euclidean distance D+ of each alternative to the positive ideal.</summary>
    public IReadOnlyList<double> DistanceToPositive { get; }

    /// <summary>Euclidean distance D- of each alternative to the negative ideal.</summary>
    public IReadOnlyList<double> DistanceToNegative { get; }

    /// <summary>Relative closeness C = D- / (D+ + D-) of each alternative, in [0, 1]; larger is better.</summary>
    public IReadOnlyList<double> Closeness { get; }

    /// <summary>The rank of each alternative by closeness (1 = closest to the ideal; ties share a rank).</summary>
    public IReadOnlyList<int> Ranks { get; }

    /// <summary>One row per alternative: D+, D-, closeness C and rank.</summary>
    /// <param name="rowLabels">One label per alternative.</param>
    /// <param name="title">The table title.</param>
    public Table ToTable(IReadOnlyList<string> rowLabels, string title = "TOPSIS")
    {
        ArgumentNullException.ThrowIfNull(rowLabels);
        if (rowLabels.Count != Closeness.Count)
            throw new ArgumentException($"{rowLabels.Count} labels were given for {Closeness.Count} alternatives.", nameof(rowLabels));
        return new Table(title, ["Alternative", "D+", "D-", "Closeness C", "Rank"],
            Enumerable.Range(0, Closeness.Count).Select(i =>
                (IReadOnlyList<object?>)[rowLabels[i], DistanceToPositive[i], DistanceToNegative[i], Closeness[i], Ranks[i]]),
            note: $"{Normalization} normalisation; C = D-/(D+ + D-) (Hwang & Yoon 1981).");
    }
}
