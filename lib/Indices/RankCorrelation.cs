using MathNet.Numerics.Statistics;

namespace RuralEcom.Indices;

/// <summary>Spearman rank correlation, for comparing the rankings that different weighting methods give.</summary>
public static class RankCorrelation
{
    /// <summary>
    /// Spearman's rho: the Pearson correlation of the ranks (tied values get their average rank), computed by
    /// MathNet.Numerics' <c>Correlation.Spearman</c>.
    /// </summary>
    /// <param name="a">First scores.</param>
    /// <param name="b">Second scores, same length (&gt;= 2).</param>
    /// <exception cref="ArgumentException">Lengths differ or are below 2, a value is not finite, or a series is constant (rho undefined).</exception>
    public static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count || a.Count < 2)
            throw new ArgumentException($"The two series have {a.Count} and {b.Count} values; they need the same length, at least 2.", nameof(b));
        if (a.Any(v => !double.IsFinite(v)) || b.Any(v => !double.IsFinite(v)))
            throw new ArgumentException("A score is NaN or infinite; rank correlation needs finite scores.", nameof(a));
        if (a.Distinct().Count() < 2 || b.Distinct().Count() < 2)
            throw new ArgumentException("A series is constant, so its ranks are all tied and Spearman's rho is undefined.", nameof(a));
        return Correlation.Spearman(a, b);
    }
}
