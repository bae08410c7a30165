using RuralEcom.Cca;

namespace RuralEcom.Tests.Cca;

public class CcaComparisonTests
{
    [Fact]
    public void The_two_routes_agree_on_well_conditioned_data()
    {
        var (x, y) = TestData.Related(55, 8, 11, 4);
        var c = CcaComparison.Compare(CanonicalCorrelationAnalysis.Fit(x, y), CanonicalCorrelationAnalysis.Fit(x, y, method: CcaMethod.Eigen));
        Assert.Equal(8, c.CorrelationDifferences.Count);
        Assert.True(c.MaxCorrelationDifference < 1e-12, $"{c.MaxCorrelationDifference:E2}");
        Assert.True(c.MaxCoefficientDifference < 1e-8, $"{c.MaxCoefficientDifference:E2}");
        var t = c.ToTable();
        Assert.Equal(8, t.Rows.Count);
        Assert.Equal("r (Eigen)", t.Columns[2]);
        Assert.EndsWith("the two computations agree.", t.Note);
        Assert.Contains(c.MaxCorrelationDifference.ToString("0.0E+0", System.Globalization.CultureInfo.InvariantCulture), t.Note);
    }

    [Fact]
    public void Differences_are_measured_exactly()
    {
        // Compare an analysis with the same analysis on y with one column negated: the correlations are the same and the
        // standardized coefficient of that column changes sign, so its difference is twice its absolute value.
        var (x, y) = TestData.Related(30, 2, 2, 8);
        var a = CanonicalCorrelationAnalysis.Fit(x, y);
        var y2 = (double[,])y.Clone();
        for (int i = 0; i < 30; i++) y2[i, 0] = -y2[i, 0];
        var b = CanonicalCorrelationAnalysis.Fit(x, y2);
        var c = CcaComparison.Compare(a, b, "original", "negated");
        for (int k = 0; k < 2; k++)
        {
            Assert.True(c.CorrelationDifferences[k] < 1e-13);
            double expected = Math.Max(2 * Math.Abs(a.StandardizedCoefficientsY[0, k]), Math.Abs(a.StandardizedCoefficientsY[1, k] - b.StandardizedCoefficientsY[1, k]));
            Assert.Equal(expected, c.CoefficientDifferences[k], 10);
        }
        Assert.Equal("r (original)", c.ToTable().Columns[1]);
        // A coefficient that changed sign is far beyond rounding: the note must not claim agreement.
        Assert.Contains("the two computations disagree", c.ToTable().Note);
    }

    [Fact]
    public void Analyses_of_different_variables_are_refused()
    {
        var (x, y) = TestData.Related(30, 2, 2, 8);
        var a = CanonicalCorrelationAnalysis.Fit(x, y);
        var b = CanonicalCorrelationAnalysis.Fit(x, y, ["a", "b"]);
        Assert.Throws<ArgumentException>(() => CcaComparison.Compare(a, b));
    }
}
