using System.Globalization;
using RuralEcom.Numerics;

namespace RuralEcom.Cca;

/// <summary>
/// Steps 1-2 of a canonical correlation analysis as the paper writes them: the data matrix Z = (X, Y), its
/// z-scores, and the correlation matrix R = [R11 R12; R21 R22] split into the within-set blocks R11 (p × p) and
/// R22 (q × q) and the between-set blocks R12 (p × q) and R21 = R12ᵀ (q × p).
/// </summary>
/// <remarks>
/// Pearson correlations with the divisor n − 1 (the same for the covariance and the variances, so it cancels):
/// r_jk = Σ_i (z_ij z_ik) / (n − 1) for z-scored columns. The entries equal
/// <see cref="CcaResult.CorrelationMatrix"/> of the analysis of the same data.
/// </remarks>
public sealed class CorrelationBlocks
{
    private CorrelationBlocks(LabeledMatrix r, int p, int n)
    {
        int q = r.RowCount - p;
        var all = r.ToArray();
        var xn = r.RowNames.Take(p).ToArray();
        var yn = r.RowNames.Skip(p).ToArray();
        LabeledMatrix Block(int row, int rows, int col, int cols, IReadOnlyList<string> rn, IReadOnlyList<string> cn)
        {
            var b = new double[rows, cols];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++) b[i, j] = all[row + i, col + j];
            return new LabeledMatrix(b, rn, cn);
        }
        N = n;
        R = r;
        R11 = Block(0, p, 0, p, xn, xn);
        R12 = Block(0, p, p, q, xn, yn);
        R21 = Block(p, q, 0, p, yn, xn);
        R22 = Block(p, q, p, q, yn, yn);
    }

    /// <summary>The number of samples.</summary>
    public int N { get; }

    /// <summary>The number of X variables.</summary>
    public int P => R11.RowCount;

    /// <summary>The number of Y variables.</summary>
    public int Q => R22.RowCount;

    /// <summary>The full (p + q) × (p + q) correlation matrix, X variables first.</summary>
    public LabeledMatrix R { get; }

    /// <summary>Correlations among the X variables (p × p).</summary>
    public LabeledMatrix R11 { get; }

    /// <summary>Correlations of the X variables (rows) with the Y variables (columns), p × q.</summary>
    public LabeledMatrix R12 { get; }

    /// <summary>Correlations of the Y variables (rows) with the X variables (columns), q × p; the transpose of <see cref="R12"/>.</summary>
    public LabeledMatrix R21 { get; }

    /// <summary>Correlations among the Y variables (q × q).</summary>
    public LabeledMatrix R22 { get; }

    /// <summary>
    /// Computes R from two data matrices with one row per sample: the Pearson correlations r_ij = Σ z_i z_j / (n − 1) of
    /// the z-scored columns, standardized as the analysis does.
    /// </summary>
    /// <param name="x">The X set, n × p.</param>
    /// <param name="y">The Y set, n × q, the same samples in the same order.</param>
    /// <param name="xNames">Names of the X variables (default X1..Xp).</param>
    /// <param name="yNames">Names of the Y variables (default Y1..Yq).</param>
    /// <exception cref="CcaDataException">Row counts differ, fewer than 3 samples, a value is not finite, or a column
    /// is constant (its correlations are undefined); the message names the variable.</exception>
    public static CorrelationBlocks FromData(double[,] x, double[,] y, IReadOnlyList<string>? xNames = null, IReadOnlyList<string>? yNames = null)
    {
        var (n, p, q, xn, yn) = CcaCore.Validate(x, y, xNames, yNames, minimumRows: 3);
        // The same standardization and constant-column rule as the analysis itself; R = Zᵀ Z / (n − 1).
        var zx = CcaCore.Standardize(x, xn, "X", nameof(x), out _, out _);
        var zy = CcaCore.Standardize(y, yn, "Y", nameof(y), out _, out _);
        var z = new double[n * (p + q)];
        zx.CopyTo(z, 0);
        zy.CopyTo(z, n * p);
        var r = SmallDense.Gram(z, z, n, p + q, p + q, n - 1.0);
        for (int j = 0; j < p + q; j++) r[j, j] = 1;
        var names = xn.Concat(yn).ToArray();
        return new CorrelationBlocks(new LabeledMatrix(r, names, names), p, n);
    }

    /// <summary>The blocks of the correlation matrix an analysis used (e.g. one fitted from a published matrix).</summary>
    /// <param name="cca">A fitted analysis.</param>
    public static CorrelationBlocks Of(CcaResult cca)
    {
        ArgumentNullException.ThrowIfNull(cca);
        return new CorrelationBlocks(cca.CorrelationMatrix, cca.P, cca.N);
    }

    /// <summary>The four blocks as tables, in the order R11, R12, R21, R22.</summary>
    /// <param name="numberFormat">The .NET format string for the correlations (default three decimals).</param>
    public IReadOnlyList<Table> ToTables(string numberFormat = "F3") =>
    [
        R11.ToTable($"R11: correlations among the X variables ({P} × {P})", numberFormat),
        R12.ToTable($"R12: correlations of the X variables (rows) with the Y variables ({P} × {Q})", numberFormat),
        R21.ToTable($"R21 = R12ᵀ: correlations of the Y variables (rows) with the X variables ({Q} × {P})", numberFormat),
        R22.ToTable($"R22: correlations among the Y variables ({Q} × {Q})", numberFormat),
    ];

    /// <summary>The full matrix R as one table.</summary>
    /// <param name="numberFormat">The .NET format string for the correlations (default two decimals, to fit the page).</param>
    public Table ToTable(string numberFormat = "F2") =>
        R.ToTable($"Correlation matrix R of the {P} X and {Q} Y variables (n = {N})", numberFormat,
            $"R11 is the top-left {P} × {P} block, R12 the top-right {P} × {Q}, R21 the bottom-left {Q} × {P}, R22 the bottom-right {Q} × {Q}.");
}
