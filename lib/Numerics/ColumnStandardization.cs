using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RuralEcom.Numerics;

/// <summary>What <see cref="ColumnStandardization.Standardize"/> found wrong with a block, if anything.</summary>
internal enum ColumnDefect
{
    /// <summary>Every column was standardized.</summary>
    None,

    /// <summary>A value is NaN or infinite (<see cref="ColumnCheck.Row"/> says where).</summary>
    NotFinite,

    /// <summary>A column is constant by <see cref="ColumnStandardization.IsConstant"/>.</summary>
    Constant,
}

/// <summary>The outcome of standardizing a block: the first defective column (and row), or <see cref="ColumnDefect.None"/>.</summary>
/// <param name="Defect">What is wrong.</param>
/// <param name="Column">The 0-based column.</param>
/// <param name="Row">The 0-based row of a non-finite value (−1 otherwise).</param>
/// <param name="Value">The offending value (the non-finite one, or the constant column's first value).</param>
internal readonly record struct ColumnCheck(ColumnDefect Defect, int Column, int Row, double Value);

/// <summary>
/// The library's one standardization of data columns and its one rule for a constant column, both judged on each
/// column's own scale, so that results do not change when a column is multiplied by any factor a double can hold
/// (1e−300 or 1e300 included).
/// </summary>
/// <remarks>
/// Each column is first multiplied by a power of two 2^−e that brings its largest absolute value into [0.5, 1).
/// Multiplying by a power of two is exact, so for data in the ordinary range every mean, deviation and z-score is
/// bitwise the same as without the scaling; it only keeps squares of very large or very small values from
/// overflowing or underflowing. A column is constant when its standard deviation is at most 1e−13 times the absolute
/// value of its mean (or is zero): the spread is then rounding noise relative to the level of the values.
/// </remarks>
internal static class ColumnStandardization
{
    /// <summary>The relative spread, sd / |mean|, at or below which a column counts as constant.</summary>
    public const double ConstantTolerance = 1e-13;

    /// <summary>True when a column with this mean and standard deviation (any common unit) is constant.</summary>
    /// <param name="standardDeviation">The standard deviation.</param>
    /// <param name="mean">The mean (0 when unknown, e.g. for a covariance matrix: the rule is then sd &gt; 0).</param>
    public static bool IsConstant(double standardDeviation, double mean) =>
        !(standardDeviation > ConstantTolerance * Math.Abs(mean));

    /// <summary>
    /// The exact scale 2^−e with 2^(e−1) ≤ <paramref name="maxAbs"/> &lt; 2^e, so a column whose largest absolute
    /// value is maxAbs lies in (−1, 1) after scaling; 1 for an all-zero or non-finite column.
    /// </summary>
    public static double PowerOfTwoScale(double maxAbs) =>
        maxAbs > 0 && double.IsFinite(maxAbs) ? Math.ScaleB(1.0, -(Math.ILogB(maxAbs) + 1)) : 1.0;

    /// <summary>
    /// Standardizes the columns of a row-major n × p block: writes the z-scores (x − mean) / sd column-major into
    /// <paramref name="z"/> (column j at z[j n ..]) and the means and standard deviations (divisor n − 1).
    /// </summary>
    /// <returns>The first defect found (the outputs are then incomplete), or <see cref="ColumnDefect.None"/>.</returns>
    public static ColumnCheck Standardize(ReadOnlySpan<double> data, int n, int p, Span<double> z, Span<double> means, Span<double> sds)
    {
        // Largest absolute value per column, by vectorised row passes; NaN or ∞ shows up as a non-finite maximum.
        Span<double> scale = p <= 256 ? stackalloc double[p] : new double[p];
        scale.Clear();
        for (int i = 0; i < n; i++) MaxAbs(scale, data.Slice(i * p, p));
        for (int j = 0; j < p; j++)
        {
            if (!double.IsFinite(scale[j]))
            {
                for (int i = 0; i < n; i++)
                    if (!double.IsFinite(data[i * p + j])) return new ColumnCheck(ColumnDefect.NotFinite, j, i, data[i * p + j]);
            }
            scale[j] = PowerOfTwoScale(scale[j]);
        }
        means.Clear();
        for (int i = 0; i < n; i++) AddProduct(means, scale, data.Slice(i * p, p));
        for (int j = 0; j < p; j++)
        {
            var col = z.Slice(j * n, n);
            double mean = means[j] / n, s = scale[j];
            for (int i = 0; i < n; i++) col[i] = data[i * p + j] * s - mean;
            double sd = Math.Sqrt(SmallDense.Dot(col, col) / (n - 1));
            if (IsConstant(sd, mean)) return new ColumnCheck(ColumnDefect.Constant, j, -1, data[j]);
            double inv = 1 / sd;
            for (int i = 0; i < n; i++) col[i] *= inv;
            means[j] = mean / s;
            sds[j] = sd / s;
        }
        return new ColumnCheck(ColumnDefect.None, -1, -1, 0);
    }

    /// <summary>The mean and standard deviation (divisor n − 1) of one column, and whether it is constant, by the same rule.</summary>
    /// <param name="values">The column (at least two values, all finite).</param>
    public static (double Mean, double StandardDeviation, bool Constant) Describe(ReadOnlySpan<double> values)
    {
        var z = new double[values.Length];
        Span<double> mean = stackalloc double[1];
        Span<double> sd = stackalloc double[1];
        var check = Standardize(values, values.Length, 1, z, mean, sd);
        return check.Defect == ColumnDefect.Constant ? (values[0], 0, true) : (mean[0], sd[0], false);
    }

    /// <summary>m_j ← max(m_j, |x_j|), elementwise; a NaN in x makes m_j NaN.</summary>
    private static void MaxAbs(Span<double> m, ReadOnlySpan<double> x)
    {
        int n = m.Length, i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            ref double rm = ref MemoryMarshal.GetReference(m);
            ref double rx = ref MemoryMarshal.GetReference(x);
            for (; i <= n - 4; i += 4)
            {
                var a = Vector256.Abs(Vector256.LoadUnsafe(ref rx, (nuint)i));
                var b = Vector256.LoadUnsafe(ref rm, (nuint)i);
                // Max propagating NaN from x: where a is NaN (a != a), take a.
                var nan = ~Vector256.Equals(a, a);
                Vector256.ConditionalSelect(nan, a, Vector256.Max(a, b)).StoreUnsafe(ref rm, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            double a = Math.Abs(x[i]);
            m[i] = double.IsNaN(a) || double.IsNaN(m[i]) ? double.NaN : Math.Max(m[i], a);
        }
    }

    /// <summary>acc_j ← acc_j + s_j x_j, elementwise.</summary>
    private static void AddProduct(Span<double> acc, ReadOnlySpan<double> s, ReadOnlySpan<double> x)
    {
        int n = acc.Length, i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            ref double ra = ref MemoryMarshal.GetReference(acc);
            ref double rs = ref MemoryMarshal.GetReference(s);
            ref double rx = ref MemoryMarshal.GetReference(x);
            for (; i <= n - 4; i += 4)
                (Vector256.LoadUnsafe(ref ra, (nuint)i) + Vector256.LoadUnsafe(ref rs, (nuint)i) * Vector256.LoadUnsafe(ref rx, (nuint)i))
                    .StoreUnsafe(ref ra, (nuint)i);
        }
        for (; i < n; i++) acc[i] += s[i] * x[i];
    }
}
