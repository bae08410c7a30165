using RuralEcom.Significance;

namespace RuralEcom.Tests.Significance;

public class SignificanceTestsTests
{
    [Fact]
    public void Rao_f_is_exact_for_a_single_pair_and_matches_the_t_test_of_a_correlation()
    {
        // p = q = 1: Wilks' Λ = 1 - r², Rao's F = r²/(1 - r²)·(n - 2), i.e. the square of the t statistic of a
        // Pearson correlation, with 1 and n - 2 df (closed form).
        double r = 0.4;
        int n = 30;
        var t = SignificanceTests.Test([r], n, 1, 1);
        double expectedF = r * r / (1 - r * r) * (n - 2);
        Assert.Equal(expectedF, t.Wilks[0].F, 12);
        Assert.Equal(1, t.Wilks[0].Df1);
        Assert.Equal(n - 2, t.Wilks[0].Df2, 12);
        // The p-value equals the two-sided t test of the correlation, computed here from Student's t instead of F.
        double tStat = r * Math.Sqrt((n - 2) / (1 - r * r));
        double twoSided = 2 * (1 - MathNet.Numerics.Distributions.StudentT.CDF(0, 1, n - 2, tStat));
        Assert.Equal(twoSided, t.Wilks[0].PValue, 10);
    }

    [Fact]
    public void Bartlett_chi_square_matches_the_NAG_library_example()
    {
        // External reference: NAG C Library, g03adc (nag_mv_canon_corr), example program results
        // (https://support.nag.com/numeric/cl/nagdoc_latest/examples/baseresults/g03adce.r.html), which prints for its
        // 2 + 2 variables: eigenvalues 10.8916 and 0.1512, Bartlett chi-squares 14.3914 (4 df, Sig 0.0061) and
        // 0.7744 (1 df, Sig 0.3789). The example has n = 9 observations. The correlations are rebuilt from the
        // printed eigenvalues λ = r²/(1 − r²), which carry more digits than the printed correlations (0.9570, 0.3624).
        double[] r = [Math.Sqrt(10.8916 / 11.8916), Math.Sqrt(0.1512 / 1.1512)];
        Assert.Equal(0.9570, r[0], 4);
        Assert.Equal(0.3624, r[1], 4);
        var t = SignificanceTests.Test(r, 9, 2, 2);
        // Tolerances: half a unit in the printed last digit, plus what the rounding of the printed eigenvalues
        // (±5e−5) moves the statistic: 5.5 · 5e−5 / 1.1512 ≈ 2.4e−4 in both rows, ≈ 7e−5 in the second p-value.
        Assert.Equal(14.3914, t.Bartlett[0].ChiSquare, 3e-4);
        Assert.Equal(0.7744, t.Bartlett[1].ChiSquare, 3e-4);
        Assert.Equal(4, t.Bartlett[0].Df);
        Assert.Equal(1, t.Bartlett[1].Df);
        Assert.Equal(0.0061, t.Bartlett[0].PValue, 6e-5);
        Assert.Equal(0.3789, t.Bartlett[1].PValue, 1.3e-4);
    }

    [Fact]
    public void Residual_degrees_of_freedom_replace_n_minus_1_in_every_test()
    {
        // A nuisance design of rank r = 7 (region effects of a 7-region panel, intercept included) removed from
        // n = 55 samples leaves ν = 48. Bartlett's multiplier is then ν − (p + q + 1)/2 = 48 − 10 = 38 instead of
        // 54 − 10 = 44 (Rencher & Christensen 2012, chs. 10-11), so the statistic shrinks by exactly 38/44.
        double[] r = [0.9, 0.7, 0.5, 0.3, 0.2, 0.1, 0.05, 0.01];
        var ordinary = SignificanceTests.Test(r, 55, 8, 11);
        var partial = SignificanceTests.Test(r, 55, 8, 11, residualDf: 48);
        Assert.Equal(54, ordinary.ResidualDf);
        Assert.Equal(48, partial.ResidualDf);
        double lambda = r.Aggregate(1.0, (a, v) => a * (1 - v * v));
        Assert.Equal(-38 * Math.Log(lambda), partial.Bartlett[0].ChiSquare, 9);
        for (int k = 0; k < 8; k++)
            Assert.Equal(38.0 / 44.0, partial.Bartlett[k].ChiSquare / ordinary.Bartlett[k].ChiSquare, 12);
        // Invariant: a partial analysis with ν residual degrees of freedom is tested exactly like an ordinary analysis
        // of ν + 1 samples, for all five statistics.
        var same = SignificanceTests.Test(r, 49, 8, 11);
        for (int k = 0; k < 8; k++)
        {
            Assert.Equal(same.Wilks[k], partial.Wilks[k]);
            Assert.Equal(same.Bartlett[k], partial.Bartlett[k]);
        }
        Assert.Equal(same.Pillai, partial.Pillai);
        Assert.Equal(same.HotellingLawley, partial.HotellingLawley);
        Assert.Equal(same.Roy, partial.Roy);
        Assert.Equal(same.MultivariateTable().Title, partial.MultivariateTable().Title);
        Assert.Contains("ν = 48", partial.WilksTable().Title);
        // The public one-row helpers take ν too.
        Assert.Equal(partial.Bartlett[2], SignificanceTests.Bartlett(3, partial.Wilks[2].Lambda, 55, 8, 11, residualDf: 48));
        Assert.Equal(partial.Wilks[2], SignificanceTests.WilksRow(3, partial.Wilks[2].Lambda, 55, 8, 11, residualDf: 48));
        Assert.Equal(partial.Wilks[2].Df2, SignificanceTests.RaoDegreesOfFreedom(3, 55, 8, 11, residualDf: 48).Df2);
    }

    [Fact]
    public void Residual_degrees_of_freedom_must_leave_room_for_the_tests()
    {
        double[] r = [0.5, 0.2];
        Assert.Equal("residualDf", Assert.Throws<ArgumentOutOfRangeException>(() => SignificanceTests.Test(r, 30, 2, 3, residualDf: 5)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => SignificanceTests.Test(r, 30, 2, 3, residualDf: 30));
        Assert.Equal(6, SignificanceTests.Test(r, 30, 2, 3, residualDf: 6).ResidualDf);
    }

    [Fact]
    public void Distribution_tails_match_known_quantiles()
    {
        // Tabled quantiles: F(0.95; 3, 16) = 3.2389, χ²(0.95; 9) = 16.919, F(0.99; 9, 48) ≈ 2.80.
        Assert.Equal(0.05, UpperTail.F(3.2389, 3, 16), 4);
        Assert.Equal(0.05, UpperTail.ChiSquare(16.919, 9), 4);
        Assert.Equal(1.0, UpperTail.F(0, 3, 16));
        // Tiny p-values keep their digits: P(χ²(1) > 100) = 1.5e-23.
        Assert.InRange(UpperTail.ChiSquare(100, 1), 1.4e-23, 1.6e-23);
    }

    [Fact]
    public void Significant_pairs_stop_at_the_first_non_significant_row()
    {
        var t = SignificanceTests.Test([0.9, 0.6, 0.05], 60, 3, 3);
        Assert.True(t.Wilks[0].PValue < 0.05 && t.Wilks[1].PValue < 0.05 && t.Wilks[2].PValue > 0.05);
        Assert.Equal(2, t.SignificantPairs(0.05));
    }

    [Fact]
    public void Impossible_inputs_are_rejected()
    {
        Assert.Contains("min(p, q) = 8", Assert.Throws<ArgumentException>(() =>
            SignificanceTests.Test(Enumerable.Repeat(0.5, 11).ToArray(), 55, 8, 11)).Message);
        Assert.Contains("decreasing", Assert.Throws<ArgumentException>(() => SignificanceTests.Test([0.3, 0.6], 50, 2, 2)).Message);
        Assert.Contains("n ≥ p + q + 2", Assert.Throws<ArgumentException>(() => SignificanceTests.Test([0.3, 0.2], 5, 2, 2)).Message);
    }
}
