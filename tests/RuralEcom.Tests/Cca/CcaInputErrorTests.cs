using RuralEcom.Cca;

namespace RuralEcom.Tests.Cca;

public class CcaInputErrorTests
{
    [Fact]
    public void Mismatched_row_counts_are_reported()
    {
        var ex = Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.Fit(TestData.Gaussian(20, 2, 1), TestData.Gaussian(19, 2, 2)));
        Assert.Contains("X has 20 rows but Y has 19", ex.Message);
    }

    [Fact]
    public void Too_few_samples_say_the_minimum()
    {
        var ex = Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.Fit(TestData.Gaussian(10, 4, 1), TestData.Gaussian(10, 5, 2)));
        Assert.Contains("10 samples are too few for 4 X and 5 Y variables", ex.Message);
        Assert.Contains("at least p + q + 2 = 11 samples", ex.Message);
    }

    [Fact]
    public void A_constant_column_is_named()
    {
        var x = TestData.Gaussian(20, 3, 1);
        for (int i = 0; i < 20; i++) x[i, 1] = 4.5;
        var ex = Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.Fit(x, TestData.Gaussian(20, 2, 2), ["a", "b", "c"]));
        Assert.Contains("X variable b is constant (every sample has 4.5)", ex.Message);
    }

    [Fact]
    public void A_collinear_column_is_named_with_the_columns_it_depends_on()
    {
        var y = TestData.Gaussian(30, 3, 3);
        for (int i = 0; i < 30; i++) y[i, 2] = 2 * y[i, 0] - y[i, 1];
        var ex = Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.Fit(TestData.Gaussian(30, 2, 4), y, null, ["u", "v", "w"]));
        Assert.Contains("Y variable w is (almost) an exact linear combination of u, v", ex.Message);
        var viaEigen = Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.Fit(TestData.Gaussian(30, 2, 4), y, null, ["u", "v", "w"], CcaMethod.Eigen));
        Assert.Contains("Y variable w", viaEigen.Message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Non_finite_values_are_reported_with_row_and_variable(double bad, string shown)
    {
        var x = TestData.Gaussian(20, 2, 1);
        x[6, 1] = bad;
        var ex = Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.Fit(x, TestData.Gaussian(20, 2, 2)));
        Assert.Contains($"X variable X2 has the value {shown} in row 7", ex.Message);
    }

    [Fact]
    public void A_variable_in_both_sets_gives_a_clear_error_instead_of_infinite_eigenvalues()
    {
        var x = TestData.Gaussian(25, 2, 1);
        var y = TestData.Gaussian(25, 2, 2);
        for (int i = 0; i < 25; i++) y[i, 0] = 3 * x[i, 1] + 1;
        var ex = Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.Fit(x, y));
        Assert.Contains("Canonical correlation 1 is 1", ex.Message);
    }

    [Fact]
    public void Matrix_input_is_checked_for_shape_symmetry_and_diagonal()
    {
        Assert.Contains("must be square", Assert.Throws<CcaDataException>(() =>
            CanonicalCorrelationAnalysis.FitCorrelation(new double[3, 4], 1, 50)).Message);
        var r = new double[,] { { 1, 0.2, 0.1 }, { 0.3, 1, 0.4 }, { 0.1, 0.4, 1 } };
        Assert.Contains("not symmetric", Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.FitCorrelation(r, 1, 50)).Message);
        var notR = new double[,] { { 2, 0.2, 0.1 }, { 0.2, 1, 0.4 }, { 0.1, 0.4, 1 } };
        Assert.Contains("not 1", Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.FitCorrelation(notR, 1, 50)).Message);
        var good = new double[,] { { 1, 0.2, 0.1 }, { 0.2, 1, 0.4 }, { 0.1, 0.4, 1 } };
        Assert.Contains("at least p + q + 2 = 5", Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.FitCorrelation(good, 1, 4)).Message);
    }
}
