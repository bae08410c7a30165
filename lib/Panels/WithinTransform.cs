using MathNet.Numerics.LinearAlgebra;

namespace RuralEcom.Panels;

/// <summary>Which nuisance variation is removed from both sets before a panel CCA.</summary>
public enum WithinTransformation
{
    /// <summary>Only the mean (the pooled analysis of ordinary CCA): nuisance rank r = 1.</summary>
    None,

    /// <summary>Region means (region fixed effects): r = R.</summary>
    Region,

    /// <summary>Year means (year fixed effects, i.e. common shocks and trends): r = T.</summary>
    Year,

    /// <summary>Region and year effects together: r = R + T − 1 on a balanced panel, the rank of the dummies otherwise.</summary>
    TwoWay,

    /// <summary>Differences between consecutive years within each region, then centred.</summary>
    FirstDifference,
}

/// <summary>
/// A within transformation of a panel design: the residual-maker M = I − Z (ZᵀZ)⁺ Zᵀ of a nuisance design Z
/// (intercept, region dummies and/or year dummies), or first differences within regions. Applying it to both sets
/// turns a CCA into a partial CCA whose tests use the residual degrees of freedom n − r in place of n − 1
/// (Rencher &amp; Christensen 2012, Methods of Multivariate Analysis, 3rd ed., chs. 10-11; SAS PROC CANCORR's
/// PARTIAL statement).
/// </summary>
/// <remarks>
/// Region and year means are subtracted directly (ranks R and T). Two-way residuals use the Frisch-Waugh-Lovell
/// theorem: with M_R the region demeaning and D the year dummies, M_TW X = M_R X − P_A M_R X, where P_A projects on
/// the columns of A = M_R D, whose rank s is counted from the eigenvalues of the T × T matrix AᵀA (those above
/// 1e-10 of the largest), not assumed; r = R + s, so unbalanced or disconnected panels get the right r (R + T − 1
/// when every region is linked to every other through shared years). For first differences the n' rows that have a
/// previous year (consecutive calendar years within a region) remain and are centred, so the residual df is n' − 1
/// (n − R − 1 on a balanced panel) and r is reported as n − (n' − 1).
/// </remarks>
public sealed class WithinTransform
{
    private readonly Matrix<double>? _yearCorrection; // two-way: orthonormal basis of M_R D
    private readonly int[] _previous;                 // differences: the earlier row of each output row

    private WithinTransform(PanelDesign design, WithinTransformation kind, Matrix<double>? yearCorrection, int[] rows, int[] previous, int rank)
    {
        Design = design;
        Kind = kind;
        _yearCorrection = yearCorrection;
        Rows = rows;
        _previous = previous;
        NuisanceRank = rank;
    }

    /// <summary>Prepares the transformation for a design (the projection is computed once and reused).</summary>
    /// <param name="design">The panel layout.</param>
    /// <param name="kind">What to remove.</param>
    public static WithinTransform Create(PanelDesign design, WithinTransformation kind)
    {
        ArgumentNullException.ThrowIfNull(design);
        int n = design.Count;
        if (kind == WithinTransformation.FirstDifference)
        {
            var table = design.RowTable();
            var rows = new List<int>();
            var previous = new List<int>();
            for (int i = 0; i < n; i++)
            {
                int t = design.YearOf[i];
                if (t == 0 || design.Years[t] - design.Years[t - 1] != 1) continue;
                int before = table[design.RegionOf[i], t - 1];
                if (before < 0) continue;
                rows.Add(i);
                previous.Add(before);
            }
            return new WithinTransform(design, kind, null, [.. rows], [.. previous], n - (rows.Count - 1));
        }
        var all = Enumerable.Range(0, n).ToArray();
        int regions = design.Regions.Count, years = design.Years.Count;
        switch (kind)
        {
            case WithinTransformation.None: return new WithinTransform(design, kind, null, all, [], 1);
            case WithinTransformation.Region: return new WithinTransform(design, kind, null, all, [], regions);
            case WithinTransformation.Year: return new WithinTransform(design, kind, null, all, [], years);
            case WithinTransformation.TwoWay:
            {
                var a = Matrix<double>.Build.Dense(n, years);
                for (int i = 0; i < n; i++) a[i, design.YearOf[i]] = 1;
                a = Matrix<double>.Build.DenseOfArray(SubtractMeans(a.ToArray(), design.RegionOf, regions));
                var evd = a.TransposeThisAndMultiply(a).Evd(Symmetricity.Symmetric);
                var lambda = evd.EigenValues.Real();
                double tol = 1e-10 * lambda.Maximum();
                var keep = Enumerable.Range(0, years).Where(j => lambda[j] > tol).ToArray();
                var basis = Matrix<double>.Build.Dense(n, keep.Length);
                for (int c = 0; c < keep.Length; c++) basis.SetColumn(c, a * evd.EigenVectors.Column(keep[c]) / Math.Sqrt(lambda[keep[c]]));
                return new WithinTransform(design, kind, basis, all, [], regions + keep.Length);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>The design this transformation belongs to.</summary>
    public PanelDesign Design { get; }

    /// <summary>What is removed.</summary>
    public WithinTransformation Kind { get; }

    /// <summary>For each row of the transformed data, the input row it comes from (for differences, the later year).</summary>
    public IReadOnlyList<int> Rows { get; }

    /// <summary>Number of input rows n.</summary>
    public int N => Design.Count;

    /// <summary>The rank r of the nuisance design, intercept included (see the remarks for first differences).</summary>
    public int NuisanceRank { get; }

    /// <summary>The residual degrees of freedom ν = n − r, the effective sample size that replaces n − 1 in every test.</summary>
    public int ResidualDf => N - NuisanceRank;

    /// <summary>The transformed data: M X for the projections (n rows), centred differences for first differences.</summary>
    /// <param name="data">The n × k data in the design's row order.</param>
    public double[,] Apply(double[,] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.GetLength(0) != N)
            throw new ArgumentException($"The data have {data.GetLength(0)} rows but the panel design has {N}.", nameof(data));
        int k = data.GetLength(1);
        switch (Kind)
        {
            case WithinTransformation.FirstDifference:
            {
                var d = new double[Rows.Count, k];
                for (int i = 0; i < Rows.Count; i++)
                    for (int j = 0; j < k; j++) d[i, j] = data[Rows[i], j] - data[_previous[i], j];
                return SubtractMeans(d, new int[Rows.Count], 1);
            }
            case WithinTransformation.None: return SubtractMeans(data, new int[N], 1);
            case WithinTransformation.Region: return SubtractMeans(data, Design.RegionOf, Design.Regions.Count);
            case WithinTransformation.Year: return SubtractMeans(data, Design.YearOf, Design.Years.Count);
            default:
            {
                var m = Matrix<double>.Build.DenseOfArray(SubtractMeans(data, Design.RegionOf, Design.Regions.Count));
                return (m - _yearCorrection! * _yearCorrection!.TransposeThisAndMultiply(m)).ToArray();
            }
        }
    }

    /// <summary>Each value minus the mean of its group (column by column).</summary>
    private static double[,] SubtractMeans(double[,] data, IReadOnlyList<int> group, int groups)
    {
        int n = data.GetLength(0), k = data.GetLength(1);
        var result = new double[n, k];
        var sum = new double[groups];
        var count = new int[groups];
        foreach (var g in group) count[g]++;
        for (int j = 0; j < k; j++)
        {
            Array.Clear(sum);
            for (int i = 0; i < n; i++) sum[group[i]] += data[i, j];
            for (int i = 0; i < n; i++) result[i, j] = data[i, j] - sum[group[i]] / count[group[i]];
        }
        return result;
    }
}
