using RuralEcom.Significance;

namespace RuralEcom.Audit;

/// <summary>How a program computes the sequential test of canonical correlations k, k+1, … from Wilks' lambda Λ_k.</summary>
public enum TestConvention
{
    /// <summary>
    /// Rao's F with SAS PROC CANCORR's degrees of freedom (also R's candisc::Wilks and CCP::p.asym): with
    /// a = p − k + 1, b = q − k + 1, w = n − 3/2 − (p + q)/2, t = √((a²b² − 4)/(a² + b² − 5)) (1 when that
    /// denominator is not positive): df1 = ab, df2 = w t − ab/2 + 1, F = (1 − Λ^{1/t})/Λ^{1/t} · df2/df1
    /// (Rao 1973, Linear Statistical Inference, §8c.5; <see cref="SignificanceTests.WilksRow"/>).
    /// </summary>
    RaoSas,

    /// <summary>
    /// Rao's F as statsmodels' CanCorr.corr_test computes it (statsmodels/multivariate/cancorr.py, Y with q variables as
    /// endog): a = q − k + 1, b = p − k + 1, r = n − q − 1 − (a − b + 1)/2, df1 = ab, df2 = r t − (ab − 2)/2.
    /// </summary>
    RaoStatsmodels,

    /// <summary>Bartlett's chi-square −(n − 1 − (p + q + 1)/2) ln Λ_k on (p − k + 1)(q − k + 1) df (Bartlett 1938; <see cref="SignificanceTests.Bartlett(int, double, int, int, int)"/>).</summary>
    Bartlett,

    /// <summary>
    /// Bartlett's chi-square with Lawley's (1959) correction, −(n − k − (p + q + 1)/2 + Σ_{i&lt;k} 1/r_i²) ln Λ_k on
    /// (p − k + 1)(q − k + 1) df (Lawley 1959, Biometrika 46:59–66; Mardia, Kent &amp; Bibby 1979, Multivariate
    /// Analysis, §10.2.3).
    /// </summary>
    BartlettLawley,
}

/// <summary>Which degrees of freedom a printed "DF" column holds.</summary>
public enum DfColumn
{
    /// <summary>The numerator df of Rao's F, ab, which is also the df of Bartlett's chi-square.</summary>
    Numerator,

    /// <summary>The denominator df of Rao's F.</summary>
    Denominator,

    /// <summary>Numerator plus denominator df.</summary>
    Sum,
}

/// <summary>The closed forms of each <see cref="TestConvention"/>: degrees of freedom, statistic and p-value of one sequential test row.</summary>
public static class TestConventions
{
    /// <summary>Every convention, in the order tables list them.</summary>
    public static IReadOnlyList<TestConvention> All { get; } =
        [TestConvention.RaoSas, TestConvention.RaoStatsmodels, TestConvention.Bartlett, TestConvention.BartlettLawley];

    /// <summary>A short description for tables.</summary>
    /// <param name="convention">The convention.</param>
    public static string Describe(TestConvention convention) => convention switch
    {
        TestConvention.RaoSas => "Rao F, SAS PROC CANCORR df",
        TestConvention.RaoStatsmodels => "Rao F, statsmodels CanCorr df",
        TestConvention.Bartlett => "Bartlett chi-square",
        _ => "Bartlett chi-square with Lawley's correction",
    };

    /// <summary>A short description of a DF column for tables.</summary>
    /// <param name="column">The column.</param>
    public static string Describe(DfColumn column) => column switch
    {
        DfColumn.Numerator => "df1 (numerator; Bartlett's df)",
        DfColumn.Denominator => "df2 (denominator)",
        _ => "df1 + df2",
    };

    /// <summary>The DF columns a convention has: Rao's F has df1, df2 and their sum; Bartlett's chi-square has one df (= df1).</summary>
    /// <param name="convention">The convention.</param>
    public static IReadOnlyList<DfColumn> Columns(TestConvention convention) =>
        IsRao(convention) ? [DfColumn.Numerator, DfColumn.Denominator, DfColumn.Sum] : [DfColumn.Numerator];

    /// <summary>True for the two Rao F conventions.</summary>
    /// <param name="convention">The convention.</param>
    public static bool IsRao(TestConvention convention) => convention is TestConvention.RaoSas or TestConvention.RaoStatsmodels;

    /// <summary>The root t of Rao's F for a = p − k + 1, b = q − k + 1 (symmetric in a and b).</summary>
    private static double Root(double a, double b)
    {
        double den = a * a + b * b - 5;
        return den > 0 ? Math.Sqrt((a * a * b * b - 4) / den) : 1.0;
    }

    /// <summary>
    /// The denominator df of Rao's F as a linear function of n, df2 = slope · n + intercept, for row k of a design
    /// with p and q variables (see the formulas of <see cref="TestConvention"/>); for Bartlett, the chi-square multiplier
    /// M = slope · n + intercept without Lawley's sum.
    /// </summary>
    /// <param name="convention">The convention.</param>
    /// <param name="k">The first pair tested (1-based).</param>
    /// <param name="p">Number of X variables.</param>
    /// <param name="q">Number of Y variables.</param>
    public static (double Slope, double Intercept) Linear(TestConvention convention, int k, int p, int q)
    {
        double a = p - k + 1, b = q - k + 1, t = Root(a, b);
        return convention switch
        {
            // df2 = (n − 3/2 − (p + q)/2) t − ab/2 + 1
            TestConvention.RaoSas => (t, (-1.5 - (p + q) / 2.0) * t - a * b / 2 + 1),
            // statsmodels' r = n − q − 1 − (p_k − q_k + 1)/2 with its p_k = q − k + 1 = b and q_k = p − k + 1 = a
            TestConvention.RaoStatsmodels => (t, (-q - 1 - (b - a + 1) / 2) * t - (a * b - 2) / 2),
            TestConvention.Bartlett => (1, -1 - (p + q + 1) / 2.0),
            _ => (1, -k - (p + q + 1) / 2.0),
        };
    }

    /// <summary>The printed degrees of freedom of row k in the given column: df1 = (p − k + 1)(q − k + 1), df2 from <see cref="Linear"/>, or their sum.</summary>
    /// <param name="convention">The convention.</param>
    /// <param name="column">Which df.</param>
    /// <param name="k">The first pair tested (1-based).</param>
    /// <param name="n">Sample size.</param>
    /// <param name="p">Number of X variables.</param>
    /// <param name="q">Number of Y variables.</param>
    public static double Df(TestConvention convention, DfColumn column, int k, int n, int p, int q)
    {
        double df1 = (double)(p - k + 1) * (q - k + 1);
        if (column == DfColumn.Numerator || !IsRao(convention)) return df1;
        var (slope, intercept) = Linear(convention, k, p, q);
        double df2 = slope * n + intercept;
        return column == DfColumn.Denominator ? df2 : df1 + df2;
    }

    /// <summary>
    /// The test statistic (Rao's F or the chi-square) and p-value of row k from Λ_k, or NaN when the design leaves no
    /// degrees of freedom (df2 ≤ 0, or a chi-square multiplier ≤ 0).
    /// </summary>
    /// <param name="convention">The convention.</param>
    /// <param name="k">The first pair tested (1-based, at most min(p, q)).</param>
    /// <param name="lambda">Wilks' lambda Λ_k in (0, 1].</param>
    /// <param name="n">Sample size.</param>
    /// <param name="p">Number of X variables.</param>
    /// <param name="q">Number of Y variables.</param>
    /// <param name="lawleySum">Σ_{i&lt;k} 1/r_i² (only <see cref="TestConvention.BartlettLawley"/> uses it).</param>
    public static (double Statistic, double PValue) Test(TestConvention convention, int k, double lambda, int n, int p, int q, double lawleySum = 0)
    {
        if (!(lambda > 0 && lambda <= 1)) return (double.NaN, double.NaN);
        double a = p - k + 1, b = q - k + 1, df1 = a * b;
        var (slope, intercept) = Linear(convention, k, p, q);
        double linear = slope * n + intercept;
        if (IsRao(convention))
        {
            if (!(linear > 0)) return (double.NaN, double.NaN);
            double root = Math.Pow(lambda, 1 / Root(a, b));
            double f = (1 - root) / root * linear / df1;
            return (f, UpperTail.F(f, df1, linear));
        }
        double multiplier = linear + (convention == TestConvention.BartlettLawley ? lawleySum : 0);
        if (!(multiplier > 0)) return (double.NaN, double.NaN);
        double chi = -multiplier * Math.Log(lambda);
        return (chi, UpperTail.ChiSquare(chi, df1));
    }
}
