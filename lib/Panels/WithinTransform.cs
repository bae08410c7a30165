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
/// The projection is computed from the SVD of Z, whose numerical rank r (singular values above
/// max(n, columns) · ε · σ_max) is counted, not assumed, so unbalanced panels get the right r. On a balanced panel
/// of R regions and T years: region r = R, year r = T, two-way r = R + T − 1. For first differences the n' rows
/// that have a previous year (consecutive calendar years within a region) remain and are centred, so the residual
/// df is n' − 1 (n − R − 1 on a balanced panel) and r is reported as n − (n' − 1).
/// </remarks>
public sealed class WithinTransform
{
    private readonly Matrix<double>? _basis; // n × r orthonormal basis of the nuisance design
    private readonly int[] _previous;        // for differences: the earlier row of each output row

    private WithinTransform(PanelDesign design, WithinTransformation kind, Matrix<double>? basis, int[] rows, int[] previous, int rank)
    {
        Design = design;
        Kind = kind;
        _basis = basis;
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
            var centre = Matrix<double>.Build.Dense(rows.Count, 1, 1.0 / Math.Sqrt(rows.Count));
            return new WithinTransform(design, kind, centre, [.. rows], [.. previous], n - (rows.Count - 1));
        }
        bool region = kind is WithinTransformation.Region or WithinTransformation.TwoWay;
        bool year = kind is WithinTransformation.Year or WithinTransformation.TwoWay;
        int cols = 1 + (region ? design.Regions.Count : 0) + (year ? design.Years.Count : 0);
        var z = Matrix<double>.Build.Dense(n, cols);
        for (int i = 0; i < n; i++)
        {
            z[i, 0] = 1;
            int c = 1;
            if (region) z[i, c + design.RegionOf[i]] = 1;
            if (region) c += design.Regions.Count;
            if (year) z[i, c + design.YearOf[i]] = 1;
        }
        var svd = z.Svd(computeVectors: true);
        var s = svd.S;
        double tol = Math.Max(n, cols) * 2.220446049250313e-16 * s[0];
        int rank = s.Count(v => v > tol);
        var basis = svd.U.SubMatrix(0, n, 0, rank);
        return new WithinTransform(design, kind, basis, Enumerable.Range(0, n).ToArray(), [], rank);
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
        Matrix<double> x;
        if (Kind == WithinTransformation.FirstDifference)
            x = Matrix<double>.Build.Dense(Rows.Count, k, (i, j) => data[Rows[i], j] - data[_previous[i], j]);
        else
            x = Matrix<double>.Build.DenseOfArray(data);
        var residual = x - _basis! * _basis!.TransposeThisAndMultiply(x);
        return residual.ToArray();
    }
}
