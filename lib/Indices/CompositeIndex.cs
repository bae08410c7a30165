namespace RuralEcom.Indices;

/// <summary>Linear composite indices U_i = sum_j w_j x'_ij of normalised indicators.</summary>
public static class CompositeIndex
{
    /// <summary>The weighted sum U_i = sum_j w_j x'_ij of every row.</summary>
    /// <param name="normalized">n x p normalised data (larger is better), finite values.</param>
    /// <param name="weights">p finite non-negative weights summing to 1.</param>
    /// <returns>The n composite levels.</returns>
    /// <exception cref="ArgumentException">A non-finite value, or weights of the wrong length, negative or not summing to 1.</exception>
    public static double[] WeightedSum(double[,] normalized, IReadOnlyList<double> weights)
    {
        InputChecks.Matrix(normalized, nameof(normalized), 1);
        int n = normalized.GetLength(0), p = normalized.GetLength(1);
        InputChecks.Weights(weights, p);
        var u = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) u[i] += weights[j] * normalized[i, j];
        return u;
    }

    /// <summary>Equal weights 1/p, the usual benchmark in a sensitivity check of entropy weights.</summary>
    /// <param name="count">The number of indicators p (&gt;= 1).</param>
    public static double[] EqualWeights(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Enumerable.Repeat(1.0 / count, count).ToArray();
    }
}
