using RuralEcom.Cca;
using RuralEcom.Data;
using RuralEcom.Significance;

namespace RuralEcom.Panels;

/// <summary>A canonical correlation analysis of within-transformed panel data with tests on the residual degrees of freedom.</summary>
public sealed class PanelCcaResult
{
    internal PanelCcaResult(WithinTransform transform, CcaResult cca, SignificanceResult tests, double[,] x, double[,] y)
    {
        Transform = transform;
        Cca = cca;
        Tests = tests;
        TransformedX = x;
        TransformedY = y;
    }

    /// <summary>The transformation that was applied to both sets.</summary>
    public WithinTransform Transform { get; }

    /// <summary>What was removed.</summary>
    public WithinTransformation Within => Transform.Kind;

    /// <summary>Number of region-years n.</summary>
    public int N => Transform.N;

    /// <summary>Rank r of the nuisance design (intercept included).</summary>
    public int NuisanceRank => Transform.NuisanceRank;

    /// <summary>The effective sample size n_eff = n − r, the residual degrees of freedom used in place of n − 1.</summary>
    public int EffectiveN => Transform.ResidualDf;

    /// <summary>The CCA of the transformed sets (its own N, standard errors and adjusted correlations count rows, not df).</summary>
    public CcaResult Cca { get; }

    /// <summary>Wilks/Rao F, Bartlett, Pillai, Hotelling-Lawley and Roy with n − 1 replaced by n − r (see <see cref="PanelCca.Tests"/>).</summary>
    public SignificanceResult Tests { get; }

    /// <summary>The transformed X set (rows as in <see cref="WithinTransform.Rows"/>).</summary>
    public double[,] TransformedX { get; }

    /// <summary>The transformed Y set.</summary>
    public double[,] TransformedY { get; }
}

/// <summary>
/// Panel-aware canonical correlation analysis: both sets are within-transformed (<see cref="WithinTransform"/>),
/// the CCA is fitted to the residuals (a partial CCA), and every test uses the residual degrees of freedom
/// ν = n − r in place of n − 1 (Rencher &amp; Christensen 2012, chs. 10-11: Bartlett's multiplier becomes
/// ν − (p + q + 1)/2; SAS PROC CANCORR's PARTIAL statement does the same).
/// </summary>
public static class PanelCca
{
    /// <summary>Fits the CCA of the within-transformed sets.</summary>
    /// <param name="x">The X set, n × p, rows in the order of <paramref name="design"/>.</param>
    /// <param name="y">The Y set, n × q.</param>
    /// <param name="design">The region and year of each row.</param>
    /// <param name="within">What to remove.</param>
    /// <param name="xNames">Names of the X variables (default X1..Xp).</param>
    /// <param name="yNames">Names of the Y variables (default Y1..Yq).</param>
    /// <exception cref="PanelDesignException">Fewer than p + q + 1 residual degrees of freedom remain.</exception>
    /// <exception cref="CcaDataException">The transformed data cannot be analysed (e.g. a variable constant within every region).</exception>
    public static PanelCcaResult Fit(double[,] x, double[,] y, PanelDesign design, WithinTransformation within,
        IReadOnlyList<string>? xNames = null, IReadOnlyList<string>? yNames = null) =>
        Fit(x, y, WithinTransform.Create(design, within), xNames, yNames);

    /// <summary>Fits the CCA with a prepared transformation (reuse it when fitting many data sets on one design).</summary>
    /// <param name="x">The X set, n × p.</param>
    /// <param name="y">The Y set, n × q.</param>
    /// <param name="transform">The within transformation.</param>
    /// <param name="xNames">Names of the X variables.</param>
    /// <param name="yNames">Names of the Y variables.</param>
    public static PanelCcaResult Fit(double[,] x, double[,] y, WithinTransform transform,
        IReadOnlyList<string>? xNames = null, IReadOnlyList<string>? yNames = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(transform);
        int p = x.GetLength(1), q = y.GetLength(1);
        RequireDegreesOfFreedom(transform, p, q);
        var tx = transform.Apply(x);
        var ty = transform.Apply(y);
        var cca = CanonicalCorrelationAnalysis.Fit(tx, ty, xNames, yNames, CcaMethod.Stable, transform.ResidualDf);
        return new PanelCcaResult(transform, cca, Tests(cca.Correlations, transform.N, transform.ResidualDf, p, q), tx, ty);
    }

    /// <summary>Fits the CCA of two groups of a panel's indicators.</summary>
    /// <param name="panel">The panel (its region and year columns give the design).</param>
    /// <param name="xSymbols">The X indicators.</param>
    /// <param name="ySymbols">The Y indicators.</param>
    /// <param name="within">What to remove.</param>
    public static PanelCcaResult Fit(Panel panel, IReadOnlyList<string> xSymbols, IReadOnlyList<string> ySymbols, WithinTransformation within)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return Fit(panel.Matrix(xSymbols), panel.Matrix(ySymbols), PanelDesign.Of(panel), within, xSymbols, ySymbols);
    }

    /// <summary>
    /// The tests of significance on ν residual degrees of freedom: every formula of <see cref="SignificanceTests"/>
    /// with n − 1 replaced by ν (Rao's w = ν − 1/2 − (p + q)/2, Bartlett's ν − (p + q + 1)/2, SAS's N = (ν − p − q − 1)/2,
    /// Roy's df2 = ν − max(p, q)), through their residualDf argument. This is the only place the panel code calls the ordinary tests.
    /// </summary>
    /// <param name="correlations">The canonical correlations, decreasing.</param>
    /// <param name="n">The number of region-years n.</param>
    /// <param name="residualDf">ν = n − r (n − 1 for an ordinary CCA).</param>
    /// <param name="p">Number of X variables.</param>
    /// <param name="q">Number of Y variables.</param>
    public static SignificanceResult Tests(IReadOnlyList<double> correlations, int n, int residualDf, int p, int q) =>
        SignificanceTests.Test(correlations, n, p, q, residualDf);

    /// <summary>Throws when ν = n − r &lt; p + q + 1, the fewest residual degrees of freedom the tests accept (n ≥ p + q + 2 for r = 1).</summary>
    /// <param name="transform">The transformation.</param>
    /// <param name="p">Number of X variables.</param>
    /// <param name="q">Number of Y variables.</param>
    public static void RequireDegreesOfFreedom(WithinTransform transform, int p, int q)
    {
        ArgumentNullException.ThrowIfNull(transform);
        if (transform.ResidualDf < p + q + 1)
            throw new PanelDesignException($"Removing {Describe(transform.Kind)} uses up r = {transform.NuisanceRank} of the n = {transform.N} region-years, leaving an effective sample of n − r = {transform.ResidualDf}; with p = {p} and q = {q} variables the tests need at least p + q + 1 = {p + q + 1}. Use fewer indicators, more regions or years, or a lighter transformation.");
    }

    /// <summary>A short description of what a transformation removes, for messages and tables.</summary>
    /// <param name="within">The transformation.</param>
    public static string Describe(WithinTransformation within) => within switch
    {
        WithinTransformation.None => "the mean only (pooled)",
        WithinTransformation.Region => "region means",
        WithinTransformation.Year => "year means",
        WithinTransformation.TwoWay => "region and year means (two-way)",
        WithinTransformation.FirstDifference => "each region's previous year (first differences)",
        _ => throw new ArgumentOutOfRangeException(nameof(within)),
    };
}
