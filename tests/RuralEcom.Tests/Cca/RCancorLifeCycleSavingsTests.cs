using System.Globalization;
using RuralEcom.Cca;
using RuralEcom.Data;

namespace RuralEcom.Tests.Cca;

/// <summary>
/// Reproduces R's <c>cancor</c> example on the LifeCycleSavings data (Belsley, Kuh &amp; Welsch 1980; 50 countries),
/// every digit R prints. Source: the examples of <c>?cancor</c> in R's stats package
/// (https://stat.ethz.ch/R-manual/R-devel/library/stats/html/cancor.html):
/// <c>pop &lt;- LifeCycleSavings[, 2:3]; oec &lt;- LifeCycleSavings[, -(2:3)]; cancor(pop, oec)</c>. The printed output
/// below appears identically in several public copies (e.g. the README of GitHub taneishi/reduction, "Results of R cancor()").
/// </summary>
/// <remarks>
/// R scales each canonical variate to unit SUM OF SQUARES (its coefficients come from the orthonormal Q of a QR
/// decomposition; R's src/library/stats/R/cancor.R), while this library, like SAS, scales them to unit VARIANCE.
/// So R's coefficients times √(n − 1) = √49 = 7 are our raw coefficients, up to one sign per canonical pair
/// ("signs of results are random", says the example). R's $ycoef has a third column for the third Y direction,
/// which has no canonical correlation; only its first two columns are compared. Each value is compared to half a
/// unit in the last digit R prints (plus 1e-12 relative, for values that sit on a rounding boundary).
/// </remarks>
public class RCancorLifeCycleSavingsTests
{
    private static readonly ReferenceDataSet Data = ReferenceData.LifeCycleSavings();
    private static readonly CcaResult Cca = CanonicalCorrelationAnalysis.Fit(Data.X, Data.Y, Data.XNames, Data.YNames);

    // $xcoef (rows pop15, pop75) and the first two columns of $ycoef (rows sr, dpi, ddpi), as R prints them.
    private static readonly string[,] RXcoef = { { "-0.009110856", "-0.03622206" }, { "0.048647514", "-0.26031158" } };
    private static readonly string[,] RYcoef = { { "0.0084710221", "3.337936e-02" }, { "0.0001307398", "-7.588232e-05" }, { "0.0041706000", "-1.226790e-02" } };

    [Fact]
    public void Canonical_correlations_match_r()
    {
        Assert.Equal(50, Cca.N);
        Assert.Equal(2, Cca.Count);
        AssertPrinted("0.8247966", Cca.Correlations[0]);
        AssertPrinted("0.3652762", Cca.Correlations[1]);
    }

    [Fact]
    public void Coefficients_match_r_times_seven_up_to_one_sign_per_pair()
    {
        double scale = Math.Sqrt(Cca.N - 1.0);
        Assert.Equal(7.0, scale);
        for (int k = 0; k < 2; k++)
        {
            // One sign per pair, shared by both sets, taken from pop15's coefficient.
            double sign = Math.Sign(Cca.RawCoefficientsX![0, k]) * Math.Sign(Parse(RXcoef[0, k]));
            for (int j = 0; j < 2; j++) AssertPrinted(RXcoef[j, k], sign * Cca.RawCoefficientsX[j, k] / scale);
            for (int j = 0; j < 3; j++) AssertPrinted(RYcoef[j, k], sign * Cca.RawCoefficientsY![j, k] / scale);
        }
    }

    [Fact]
    public void Centres_match_r()
    {
        // $xcenter: pop15 35.0896, pop75 2.2930; $ycenter: sr 9.6710, dpi 1106.7584, ddpi 3.7576.
        string[] x = ["35.0896", "2.2930"];
        string[] y = ["9.6710", "1106.7584", "3.7576"];
        for (int j = 0; j < 2; j++) AssertPrinted(x[j], Cca.MeansX![j]);
        for (int j = 0; j < 3; j++) AssertPrinted(y[j], Cca.MeansY![j]);
    }

    /// <summary>Asserts that <paramref name="actual"/> rounds to the printed text: |actual − printed| ≤ half a unit in its last digit.</summary>
    private static void AssertPrinted(string printed, double actual)
    {
        double expected = Parse(printed);
        var mantissa = printed.Split('e')[0];
        int decimals = mantissa.Contains('.') ? mantissa.Length - mantissa.IndexOf('.') - 1 : 0;
        int exponent = printed.Contains('e') ? int.Parse(printed.Split('e')[1], CultureInfo.InvariantCulture) : 0;
        double tolerance = 0.5 * Math.Pow(10, exponent - decimals) + 1e-12 * Math.Abs(expected);
        Assert.True(Math.Abs(actual - expected) <= tolerance,
            $"R prints {printed}; we have {actual.ToString("R", CultureInfo.InvariantCulture)} (allowed ±{tolerance:G3}).");
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
