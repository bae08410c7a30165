namespace RuralEcom.Numerics;

/// <summary>
/// The allocation-free inner step of the stepwise permutation test: the cross-product of two orthonormal bases and
/// the singular values of its trailing blocks (by <see cref="SmallDense.SingularValues"/>). Matrices are column-major:
/// entry (i, j) of an r-row matrix is a[j * r + i].
/// </summary>
/// <remarks>
/// The canonical correlations of X and Y are the singular values of Q_xᵀ Q_y, where Q_x and Q_y are orthonormal
/// bases of the centred columns of X and Y (Björck &amp; Golub 1973, Math. Comp. 27:579-594).
/// </remarks>
internal static class PermutationKernel
{
    /// <summary>c (ca × cb) = Aᵀ B for column-major A (rows × ca) and B (rows × cb).</summary>
    public static void CrossProduct(double[] a, int ca, double[] b, int cb, int rows, double[] c)
    {
        for (int j = 0; j < cb; j++)
        {
            var bj = b.AsSpan(j * rows, rows);
            for (int i = 0; i < ca; i++) c[j * ca + i] = SmallDense.Dot(a.AsSpan(i * rows, rows), bj);
        }
    }

    /// <summary>
    /// The singular values, largest first, of the block of the column-major matrix <paramref name="m"/>
    /// (leading dimension <paramref name="ld"/>) starting at row and column <paramref name="offset"/> with
    /// <paramref name="rows"/> rows and <paramref name="cols"/> columns. <paramref name="work"/> needs rows · cols
    /// entries; <paramref name="values"/> receives min(rows, cols) values.
    /// </summary>
    public static void SingularValues(double[] m, int ld, int offset, int rows, int cols, double[] work, double[] values)
    {
        // The vectors are the columns of the orientation with fewer columns.
        bool transpose = cols > rows;
        int r = transpose ? cols : rows, c = transpose ? rows : cols;
        for (int j = 0; j < c; j++)
            for (int i = 0; i < r; i++)
                work[j * r + i] = transpose ? m[(offset + j) + (offset + i) * ld] : m[(offset + i) + (offset + j) * ld];
        // The c contiguous vectors of length r now sit in work (eigenvalues of their c × c Gram matrix).
        SmallDense.SingularValues(work.AsSpan(0, r * c), c, r, r, values);
    }
}
