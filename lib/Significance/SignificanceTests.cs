using RuralEcom.Cca;

namespace RuralEcom.Significance;

/// <summary>
/// Tests of significance for canonical correlations, computed exactly as SAS PROC CANCORR does (SAS/STAT User's
/// Guide, "The CANCORR Procedure" and "Multivariate Tests" in "The GLM Procedure"); R's candisc::Wilks and
/// CCP::p.asym give the same Wilks rows. statsmodels' CanCorr.corr_test differs when p ≠ q: it uses other
/// degrees of freedom in Rao's F for the later rows, so its p-values do not match SAS's there.
/// </summary>
public static class SignificanceTests
{
    /// <summary>
    /// All tests for a fitted analysis. With <paramref name="residualDf"/> = ν the tests use ν in place of n − 1
    /// wherever n − 1 stands for the residual degrees of freedom (see <see cref="Test(IReadOnlyList{double}, int, int, int, int?)"/>).
    /// </summary>
    /// <param name="cca">The fitted canonical correlation analysis.</param>
    /// <param name="residualDf">The residual degrees of freedom ν: n − 1 for an ordinary analysis, n − r after removing a
    /// nuisance design of rank r (which includes the intercept) from both sets, e.g. region or year dummies (default: the
    /// fit's own <see cref="CcaResult.ResidualDf"/>, which is n − r for a panel fit).</param>
    public static SignificanceResult Test(CcaResult cca, int? residualDf = null)
    {
        ArgumentNullException.ThrowIfNull(cca);
        return Test(cca.Correlations, cca.N, cca.P, cca.Q, residualDf ?? cca.ResidualDf);
    }

    /// <summary>
    /// All tests from reported canonical correlations and the design, so a published table can be checked.
    /// </summary>
    /// <remarks>
    /// The residual degrees of freedom ν replace n − 1 in every formula: Bartlett's multiplier ν − (p + q + 1)/2,
    /// Rao's w = ν − (p + q + 1)/2, SAS's N = (ν − p − q − 1)/2 and Roy's ν − max(p, q). For an ordinary analysis
    /// ν = n − 1 and the tests are SAS PROC CANCORR's. After removing a nuisance design Z of rank r (including the
    /// intercept) from both sets (a partial canonical correlation analysis, SAS's PARTIAL statement) the tests keep
    /// their form with ν = n − r (Rencher &amp; Christensen 2012, Methods of Multivariate Analysis, 3rd ed., chs. 10-11).
    /// </remarks>
    /// <param name="correlations">The canonical correlations r_1 ≥ … ≥ r_k, k = min(p, q).</param>
    /// <param name="n">Sample size.</param>
    /// <param name="p">Number of X variables.</param>
    /// <param name="q">Number of Y variables.</param>
    /// <param name="residualDf">The residual degrees of freedom ν (default n − 1), between p + q + 1 and n − 1.</param>
    /// <exception cref="ArgumentException">The list does not hold min(p, q) values in [0, 1), n ≤ p + q + 1, or ν is out of range.</exception>
    public static SignificanceResult Test(IReadOnlyList<double> correlations, int n, int p, int q, int? residualDf = null)
    {
        ArgumentNullException.ThrowIfNull(correlations);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 1);
        int k = Math.Min(p, q);
        if (correlations.Count != k)
            throw new ArgumentException($"{correlations.Count} canonical correlations were given, but p = {p} and q = {q} give exactly min(p, q) = {k}.", nameof(correlations));
        if (n <= p + q + 1)
            throw new ArgumentException($"n = {n} leaves no error degrees of freedom for p = {p} and q = {q}: the tests need n ≥ p + q + 2 = {p + q + 2}.", nameof(n));
        int nu = ResidualDf(n, p, q, residualDf);
        for (int i = 0; i < k; i++)
        {
            double r = correlations[i];
            if (!(r >= 0 && r < 1))
                throw new ArgumentException($"Canonical correlation {i + 1} is {r}; each must lie in [0, 1).", nameof(correlations));
            if (i > 0 && r > correlations[i - 1] + 1e-12)
                throw new ArgumentException($"Canonical correlation {i + 1} ({r}) exceeds correlation {i} ({correlations[i - 1]}): they must be in decreasing order.", nameof(correlations));
        }
        var r2 = correlations.Select(r => r * r).ToArray();
        var wilks = new WilksTest[k];
        var bartlett = new BartlettTest[k];
        for (int i = 0; i < k; i++)
        {
            double lambda = 1;
            for (int j = i; j < k; j++) lambda *= 1 - r2[j];
            wilks[i] = Wilks(i + 1, lambda, nu, p, q);
            bartlett[i] = Bartlett(i + 1, lambda, nu, p, q);
        }
        var eig = r2.Select(v => v / (1 - v)).ToArray();
        return new SignificanceResult(n, p, q, nu, wilks, bartlett,
            new MultivariateTest("Wilks' Lambda", wilks[0].Lambda, wilks[0].F, wilks[0].Df1, wilks[0].Df2, wilks[0].PValue),
            Pillai(r2.Sum(), nu, p, q), HotellingLawley(eig.Sum(), nu, p, q), Roy(eig[0], nu, p, q));
    }

    /// <summary>
    /// One row of the sequential Wilks test from a given lambda, for checking printed tables: Rao's F for the test
    /// starting at pair <paramref name="k"/> (see <see cref="WilksTest"/>), exactly as <see cref="Test(IReadOnlyList{double}, int, int, int, int?)"/> computes it.
    /// </summary>
    /// <param name="k">The first pair tested (1-based, at most min(p, q)).</param>
    /// <param name="lambda">Wilks' lambda Λ_k in (0, 1].</param>
    /// <param name="n">Sample size.</param>
    /// <param name="p">Number of X variables.</param>
    /// <param name="q">Number of Y variables.</param>
    /// <param name="residualDf">The residual degrees of freedom ν (default n − 1).</param>
    public static WilksTest WilksRow(int k, double lambda, int n, int p, int q, int? residualDf = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, Math.Min(p, q));
        if (!(lambda > 0 && lambda <= 1)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "Wilks' lambda lies in (0, 1].");
        return Wilks(k, lambda, ResidualDf(n, p, q, residualDf), p, q);
    }

    /// <summary>
    /// The degrees of freedom of Rao's F for the sequential test starting at pair <paramref name="k"/> (the formulas
    /// of <see cref="WilksTest"/>): df1 = p_k q_k, df2 = w t − p_k q_k / 2 + 1 with w = ν − (p + q + 1)/2, and the root t.
    /// </summary>
    /// <param name="k">The first pair tested (1-based).</param>
    /// <param name="n">Sample size.</param>
    /// <param name="p">Number of X variables.</param>
    /// <param name="q">Number of Y variables.</param>
    /// <param name="residualDf">The residual degrees of freedom ν (default n − 1).</param>
    public static (double Df1, double Df2, double T) RaoDegreesOfFreedom(int k, int n, int p, int q, int? residualDf = null) =>
        Rao(k, residualDf ?? n - 1, p, q);

    /// <summary>
    /// One row of Bartlett's chi-square test from a given lambda: χ² = −(ν − (p + q + 1)/2) ln Λ_k on
    /// (p − k + 1)(q − k + 1) degrees of freedom, ν = n − 1 by default (see <see cref="BartlettTest"/>).
    /// </summary>
    /// <param name="k">The first pair tested (1-based).</param>
    /// <param name="lambda">Wilks' lambda Λ_k in (0, 1].</param>
    /// <param name="n">Sample size.</param>
    /// <param name="p">Number of X variables.</param>
    /// <param name="q">Number of Y variables.</param>
    /// <param name="residualDf">The residual degrees of freedom ν (default n − 1).</param>
    public static BartlettTest Bartlett(int k, double lambda, int n, int p, int q, int? residualDf = null) =>
        Bartlett(k, lambda, ResidualDf(n, p, q, residualDf), p, q);

    /// <summary>ν = <paramref name="residualDf"/> or n − 1, checked to lie in [p + q + 1, n − 1].</summary>
    private static int ResidualDf(int n, int p, int q, int? residualDf)
    {
        int nu = residualDf ?? n - 1;
        if (nu < p + q + 1 || nu > n - 1)
            throw new ArgumentOutOfRangeException(nameof(residualDf), nu,
                $"The residual degrees of freedom must lie between p + q + 1 = {p + q + 1} and n − 1 = {n - 1}: n − 1 for an ordinary analysis, n − r after removing a nuisance design of rank r.");
        return nu;
    }

    private static BartlettTest Bartlett(int k, double lambda, int nu, int p, int q)
    {
        double chi = -(nu - (p + q + 1) / 2.0) * Math.Log(lambda);
        double df = (double)(p - k + 1) * (q - k + 1);
        return new BartlettTest(k, chi, df, UpperTail.ChiSquare(chi, df));
    }

    private static (double Df1, double Df2, double T) Rao(int k, int nu, int p, int q)
    {
        double pk = p - k + 1, qk = q - k + 1;
        double w = nu - (p + q + 1) / 2.0;
        double den = pk * pk + qk * qk - 5;
        double t = den > 0 ? Math.Sqrt((pk * pk * qk * qk - 4) / den) : 1.0;
        return (pk * qk, w * t - pk * qk / 2 + 1, t);
    }

    /// <summary>
    /// Rao's F approximation for Wilks' lambda of the test starting at pair k (Rao 1973, Linear Statistical
    /// Inference, 2nd ed., §8c.5): with p_k = p − k + 1, q_k = q − k + 1, w = ν − (p + q + 1)/2 (= n − 3/2 − (p + q)/2
    /// for ν = n − 1), t = √((p_k² q_k² − 4)/(p_k² + q_k² − 5)) (t = 1 when the denominator is not positive),
    /// df1 = p_k q_k, df2 = w t − p_k q_k / 2 + 1 and F = (1 − Λ^{1/t}) / Λ^{1/t} · df2 / df1.
    /// </summary>
    private static WilksTest Wilks(int k, double lambda, int nu, int p, int q)
    {
        var (df1, df2, t) = Rao(k, nu, p, q);
        double root = Math.Pow(lambda, 1 / t);
        double f = (1 - root) / root * df2 / df1;
        return new WilksTest(k, lambda, f, df1, df2, UpperTail.F(f, df1, df2));
    }

    /// <summary>s = min(p, q), m = (|p − q| − 1)/2, N = (ν − p − q − 1)/2 (= (n − p − q − 2)/2 for ν = n − 1) as in SAS's "S=, M=, N=" line.</summary>
    internal static (double S, double M, double N) Smn(int nu, int p, int q) =>
        (Math.Min(p, q), (Math.Abs(p - q) - 1) / 2.0, (nu - p - q - 1) / 2.0);

    /// <summary>Pillai's trace V = Σ r_i²; F = (2N + s + 1)/(2m + s + 1) · V/(s − V) on s(2m + s + 1) and s(2N + s + 1) df.</summary>
    private static MultivariateTest Pillai(double v, int nu, int p, int q)
    {
        var (s, m, nn) = Smn(nu, p, q);
        double df1 = s * (2 * m + s + 1), df2 = s * (2 * nn + s + 1);
        double f = (2 * nn + s + 1) / (2 * m + s + 1) * v / (s - v);
        return new MultivariateTest("Pillai's Trace", v, f, df1, df2, UpperTail.F(f, df1, df2));
    }

    /// <summary>
    /// Hotelling–Lawley trace U = Σ λ_i. For N &gt; 0 SAS uses McKeon's (1974) approximation: a = pq,
    /// b = (p + 2N)(q + 2N) / (2(2N + 1)(N − 1)), c = (2 + (a + 2)/(b − 1)) / (2N),
    /// F = (U/c) · (4 + (a + 2)/(b − 1)) / a on a and 4 + (a + 2)/(b − 1) df (the limit b → ∞ at N = 1);
    /// otherwise F = 2(sN + 1) U / (s²(2m + s + 1)) on s(2m + s + 1) and 2(sN + 1) df.
    /// </summary>
    private static MultivariateTest HotellingLawley(double u, int nu, int p, int q)
    {
        var (s, m, nn) = Smn(nu, p, q);
        double f, df1, df2;
        if (nn > 0)
        {
            double a = (double)p * q;
            double extra = nn == 1 ? 0 : (a + 2) / ((p + 2 * nn) * (q + 2 * nn) / (2 * (2 * nn + 1) * (nn - 1)) - 1);
            double c = (2 + extra) / (2 * nn);
            df1 = a;
            df2 = 4 + extra;
            f = u / c * df2 / a;
        }
        else
        {
            df1 = s * (2 * m + s + 1);
            df2 = 2 * (s * nn + 1);
            f = 2 * (s * nn + 1) * u / (s * s * (2 * m + s + 1));
        }
        return new MultivariateTest("Hotelling-Lawley Trace", u, f, df1, df2, UpperTail.F(f, df1, df2));
    }

    /// <summary>
    /// Roy's greatest root Θ = λ_1 with SAS's upper-bound F = Θ (ν − r) / r on r = max(p, q) and ν − r df, ν = n − 1 by default
    /// (in GLM terms F = Θ(v − r + q)/r with error df v and hypothesis df q).
    /// </summary>
    private static MultivariateTest Roy(double theta, int nu, int p, int q)
    {
        double r = Math.Max(p, q);
        double df2 = nu - r;
        double f = theta * df2 / r;
        return new MultivariateTest("Roy's Greatest Root", theta, f, r, df2, UpperTail.F(f, r, df2));
    }
}
