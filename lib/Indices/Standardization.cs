using System.Runtime.InteropServices;
using RuralEcom.Numerics;
using RuralEcom.Data;

namespace RuralEcom.Indices;

/// <summary>
/// Column-wise standardisation of an n x p data matrix (one row per sample, one column per indicator):
/// z-scores for canonical correlation analysis and direction-aware min-max normalisation for composite indices.
/// </summary>
public static class Standardization
{
    /// <summary>The shift added after min-max normalisation by default (0.0001), so no normalised value is 0 and ln p stays finite.</summary>
    public const double DefaultShift = 0.0001;

    /// <summary>
    /// Z-scores z_ij = (x_ij - mean_j) / s_j with the sample standard deviation s_j (divisor n - 1), the
    /// standardisation behind a correlation-matrix CCA (SPSS and SAS PROC CANCORR standardise this way).
    /// </summary>
    /// <param name="x">n x p data, n &gt;= 2, all values finite.</param>
    /// <param name="names">Optional indicator names, used in error messages.</param>
    /// <returns>A new n x p matrix; each column has mean 0 and sample standard deviation 1.</returns>
    /// <remarks>The library's one standardization and constant-column rule (the same as the canonical correlation
    /// analysis uses): a column is constant when s_j ≤ 1e−13 |mean_j|, judged on the column's own scale.</remarks>
    /// <exception cref="ArgumentException">Fewer than 2 rows, a non-finite value, or a constant column.</exception>
    public static double[,] ZScores(double[,] x, IReadOnlyList<string>? names = null)
    {
        InputChecks.Matrix(x, nameof(x), 2, names);
        int n = x.GetLength(0), p = x.GetLength(1);
        var columns = new double[n * p];
        var check = ColumnStandardization.Standardize(MemoryMarshal.CreateReadOnlySpan(ref x[0, 0], n * p), n, p, columns, new double[p], new double[p]);
        if (check.Defect == ColumnDefect.Constant)
            throw new ArgumentException($"{InputChecks.ColumnName(names, check.Column)} is constant ({x[0, check.Column]}); its z-scores are undefined. Drop the indicator.", nameof(x));
        var z = new double[n, p];
        for (int j = 0; j < p; j++)
            for (int i = 0; i < n; i++) z[i, j] = columns[j * n + i];
        return z;
    }

    /// <summary>
    /// Direction-aware min-max normalisation with a shift:
    /// x'_ij = (x_ij - min_j) / (max_j - min_j) + shift for a positive indicator and
    /// x'_ij = (max_j - x_ij) / (max_j - min_j) + shift for a negative one, so that larger x' always means more
    /// development and x' lies in [shift, 1 + shift].
    /// </summary>
    /// <remarks>
    /// The shift (default <see cref="DefaultShift"/> = 0.0001) is the usual device of the entropy-weight
    /// literature to keep every share p_ij &gt; 0, so that ln p_ij is finite; pass 0 to get plain [0, 1] values
    /// (the entropy step then uses the limit 0 ln 0 = 0). The shift changes entropy weights only in the 4th decimal
    /// or so; report it with the weights.
    /// </remarks>
    /// <param name="x">n x p data, n &gt;= 2, all values finite.</param>
    /// <param name="directions">One direction per column.</param>
    /// <param name="shift">A finite, non-negative constant added to every normalised value.</param>
    /// <param name="names">Optional indicator names, used in error messages.</param>
    /// <returns>A new n x p matrix of normalised values.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 rows, a non-finite value, a missing or undefined direction,
    /// a negative or non-finite shift, or a constant column (max = min: it cannot be normalised and carries no information).</exception>
    public static double[,] MinMax(double[,] x, IReadOnlyList<IndicatorDirection> directions, double shift = DefaultShift,
        IReadOnlyList<string>? names = null)
    {
        InputChecks.Matrix(x, nameof(x), 2, names);
        int n = x.GetLength(0), p = x.GetLength(1);
        InputChecks.Directions(directions, p, names);
        if (!double.IsFinite(shift) || shift < 0)
            throw new ArgumentOutOfRangeException(nameof(shift), shift, "The shift must be a finite number >= 0 (the usual choice is 0.0001).");
        var result = new double[n, p];
        for (int j = 0; j < p; j++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int i = 0; i < n; i++) { min = Math.Min(min, x[i, j]); max = Math.Max(max, x[i, j]); }
            double range = max - min;
            if (!(range > 0))
                throw new ArgumentException(
                    $"{InputChecks.ColumnName(names, j)} is constant ({min}) over the {n} rows being normalised; it cannot be min-max normalised and carries no information. Drop the indicator (or, year by year, check that year's data).",
                    nameof(x));
            bool positive = directions[j] == IndicatorDirection.Positive;
            for (int i = 0; i < n; i++)
                result[i, j] = (positive ? x[i, j] - min : max - x[i, j]) / range + shift;
        }
        return result;
    }
}
