namespace RuralEcom.Resampling;

/// <summary>
/// Allocation-free building blocks for repeated canonical correlation analyses on small matrices: column
/// centring, Gram–Schmidt orthonormalization (applied twice, "CGS2", which keeps the basis orthogonal to machine
/// precision; Giraud, Langou &amp; Rozložník 2005, Numer. Math. 101:87-100) and singular values of small blocks
/// (by the engine's kernel, <c>RuralEcom.Cca.SmallDense.SingularValues</c>).
/// Matrices are column-major: entry (i, j) of an r-row matrix is a[j * r + i].
/// </summary>
/// <remarks>
/// The canonical correlations of X and Y are the singular values of Q_xᵀ Q_y, where Q_x and Q_y are orthonormal
/// bases of the centred columns of X and Y (Björck &amp; Golub 1973, Math. Comp. 27:579-594).
/// </remarks>
internal static class CcaKernel
{
    /// <summary>Subtracts each column's mean.</summary>
    public static void CenterColumns(double[] a, int rows, int cols)
    {
        for (int j = 0; j < cols; j++)
        {
            var col = a.AsSpan(j * rows, rows);
            double mean = 0;
            foreach (var v in col) mean += v;
            mean /= rows;
            for (int i = 0; i < rows; i++) col[i] -= mean;
        }
    }

    /// <summary>
    /// Replaces the columns of <paramref name="a"/> by an orthonormal basis of their span (classical Gram–Schmidt,
    /// twice). Returns false when a column keeps less than <paramref name="tolerance"/> of its norm after
    /// projection, i.e. the columns are (almost) linearly dependent.
    /// </summary>
    public static bool Orthonormalize(double[] a, int rows, int cols, double tolerance = 1e-7)
    {
        for (int j = 0; j < cols; j++)
        {
            var cj = a.AsSpan(j * rows, rows);
            double original = Norm(cj);
            if (!(original > 0)) return false;
            for (int pass = 0; pass < 2; pass++)
                for (int m = 0; m < j; m++)
                {
                    var cm = a.AsSpan(m * rows, rows);
                    double d = Dot(cm, cj);
                    for (int i = 0; i < rows; i++) cj[i] -= d * cm[i];
                }
            double norm = Norm(cj);
            if (!(norm > tolerance * original)) return false;
            for (int i = 0; i < rows; i++) cj[i] /= norm;
        }
        return true;
    }

    /// <summary>c (ca × cb) = Aᵀ B for column-major A (rows × ca) and B (rows × cb).</summary>
    public static void CrossProduct(double[] a, int ca, double[] b, int cb, int rows, double[] c)
    {
        for (int j = 0; j < cb; j++)
        {
            var bj = b.AsSpan(j * rows, rows);
            for (int i = 0; i < ca; i++) c[j * ca + i] = Dot(a.AsSpan(i * rows, rows), bj);
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
        // The c contiguous vectors of length r now sit in work; their singular values come from the engine's
        // small dense kernel (eigenvalues of the c × c Gram matrix, RuralEcom.Cca.SmallDense).
        RuralEcom.Cca.SmallDense.SingularValues(work.AsSpan(0, r * c), c, r, r, values);
    }

    /// <summary>Copies a row-major double[,] into a column-major array.</summary>
    public static double[] ToColumnMajor(double[,] data)
    {
        int n = data.GetLength(0), p = data.GetLength(1);
        var a = new double[n * p];
        for (int j = 0; j < p; j++)
            for (int i = 0; i < n; i++) a[j * n + i] = data[i, j];
        return a;
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => RuralEcom.Cca.SmallDense.Dot(a, b);

    private static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));
}
