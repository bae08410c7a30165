using RuralEcom.Cca;

namespace RuralEcom.Tests.Cca;

/// <summary>Invariants every canonical correlation analysis must satisfy, checked on seeded random data.</summary>
public class CcaPropertyTests
{
    [Theory]
    [InlineData(40, 3, 5, 1)]
    [InlineData(55, 8, 11, 2)]
    [InlineData(30, 4, 2, 3)]
    public void Correlations_lie_in_unit_interval_and_decrease(int n, int p, int q, int seed)
    {
        var (x, y) = TestData.Related(n, p, q, seed);
        var r = CanonicalCorrelationAnalysis.Fit(x, y).Correlations;
        Assert.Equal(Math.Min(p, q), r.Count);
        for (int i = 0; i < r.Count; i++)
        {
            Assert.InRange(r[i], 0.0, 1.0);
            if (i > 0) Assert.True(r[i] <= r[i - 1]);
        }
    }

    [Fact]
    public void Correlations_do_not_change_under_affine_rescaling_of_columns()
    {
        var (x, y) = TestData.Related(50, 4, 3, 7);
        var a = CanonicalCorrelationAnalysis.Fit(x, y);
        var x2 = (double[,])x.Clone();
        var y2 = (double[,])y.Clone();
        for (int i = 0; i < 50; i++)
        {
            x2[i, 0] = 1000 * x2[i, 0] + 5;   // change of unit and origin
            x2[i, 2] = -0.01 * x2[i, 2] - 3;  // a negative scale too
            y2[i, 1] = 7 * y2[i, 1] + 1e4;
        }
        var b = CanonicalCorrelationAnalysis.Fit(x2, y2);
        for (int k = 0; k < a.Count; k++) Assert.Equal(a.Correlations[k], b.Correlations[k], 12);
        // Standardized coefficients are unit-free: equal up to the sign of the rescaled column.
        Assert.Equal(a.StandardizedCoefficientsX[0, 0], b.StandardizedCoefficientsX[0, 0], 10);
        Assert.Equal(a.StandardizedCoefficientsX[2, 0], -b.StandardizedCoefficientsX[2, 0], 10);
        // Raw coefficients scale inversely with the unit.
        Assert.Equal(a.RawCoefficientsX![0, 0] / 1000, b.RawCoefficientsX![0, 0], 12);
    }

    [Fact]
    public void Swapping_the_sets_keeps_correlations_and_exchanges_coefficients()
    {
        var (x, y) = TestData.Related(45, 3, 5, 11);
        var a = CanonicalCorrelationAnalysis.Fit(x, y);
        var b = CanonicalCorrelationAnalysis.Fit(y, x);
        for (int k = 0; k < a.Count; k++)
        {
            Assert.Equal(a.Correlations[k], b.Correlations[k], 12);
            double sign = Math.Sign(a.StandardizedCoefficientsX[0, k]) * Math.Sign(b.StandardizedCoefficientsY[0, k]);
            for (int j = 0; j < 3; j++)
                Assert.Equal(a.StandardizedCoefficientsX[j, k], sign * b.StandardizedCoefficientsY[j, k], 9);
        }
    }

    [Fact]
    public void Stable_and_eigen_routes_agree_on_well_conditioned_data()
    {
        var (x, y) = TestData.Related(60, 4, 5, 5);
        var s = CanonicalCorrelationAnalysis.Fit(x, y);
        var e = CanonicalCorrelationAnalysis.Fit(x, y, method: CcaMethod.Eigen);
        Assert.Equal(CcaMethod.Eigen, e.Method);
        for (int k = 0; k < s.Count; k++)
        {
            Assert.Equal(s.Correlations[k], e.Correlations[k], 10);
            for (int j = 0; j < 4; j++)
            {
                Assert.Equal(s.StandardizedCoefficientsX[j, k], e.StandardizedCoefficientsX[j, k], 7);
                Assert.Equal(s.Structure.X[j, k], e.Structure.X[j, k], 8);
            }
            for (int j = 0; j < 5; j++) Assert.Equal(s.StandardizedCoefficientsY[j, k], e.StandardizedCoefficientsY[j, k], 7);
        }
    }

    [Fact]
    public void Scores_have_unit_variance_and_are_uncorrelated_off_the_canonical_pairs()
    {
        var (x, y) = TestData.Related(50, 3, 4, 21);
        var c = CanonicalCorrelationAnalysis.Fit(x, y);
        for (int a = 0; a < c.Count; a++)
        {
            var va = c.ScoresX!.Column(a);
            var wa = c.ScoresY!.Column(a);
            Assert.Equal(1.0, TestData.Variance(va), 10);
            Assert.Equal(1.0, TestData.Variance(wa), 10);
            Assert.Equal(c.Correlations[a], TestData.Correlation(va, wa), 10);
            for (int b = 0; b < c.Count; b++)
            {
                if (a == b) continue;
                Assert.Equal(0.0, TestData.Correlation(va, c.ScoresX.Column(b)), 10);
                Assert.Equal(0.0, TestData.Correlation(wa, c.ScoresY.Column(b)), 10);
                Assert.Equal(0.0, TestData.Correlation(va, c.ScoresY.Column(b)), 10);
            }
        }
    }

    [Fact]
    public void Structure_coefficients_are_correlations_with_the_scores()
    {
        var (x, y) = TestData.Related(40, 3, 4, 31);
        var c = CanonicalCorrelationAnalysis.Fit(x, y);
        for (int k = 0; k < c.Count; k++)
        {
            double sum = 0;
            for (int j = 0; j < 3; j++)
            {
                var col = Enumerable.Range(0, 40).Select(i => x[i, j]).ToArray();
                Assert.Equal(TestData.Correlation(col, c.ScoresX!.Column(k)), c.Structure.X[j, k], 10);
                Assert.Equal(TestData.Correlation(col, c.ScoresY!.Column(k)), c.Structure.CrossX[j, k], 10);
                sum += c.Structure.X[j, k];
            }
            Assert.True(sum > 0, "pairs are oriented so that the X structure coefficients sum to a positive number");
            for (int j = 0; j < 4; j++)
            {
                var col = Enumerable.Range(0, 40).Select(i => y[i, j]).ToArray();
                Assert.Equal(TestData.Correlation(col, c.ScoresY!.Column(k)), c.Structure.Y[j, k], 10);
                Assert.Equal(TestData.Correlation(col, c.ScoresX!.Column(k)), c.Structure.CrossY[j, k], 10);
            }
        }
    }

    [Fact]
    public void Redundancy_is_the_mean_squared_loading_and_own_proportions_sum_to_one_for_the_smaller_set()
    {
        var (x, y) = TestData.Related(50, 3, 5, 41);
        var c = CanonicalCorrelationAnalysis.Fit(x, y);
        // With p = 3 = k, the three X variates span X, so they explain all of its standardized variance.
        Assert.Equal(1.0, c.Redundancy.OwnX.Sum(), 10);
        Assert.True(c.Redundancy.OwnY.Sum() < 1.0);
        for (int k = 0; k < c.Count; k++)
        {
            double own = Enumerable.Range(0, 5).Average(j => c.Structure.Y[j, k] * c.Structure.Y[j, k]);
            Assert.Equal(own, c.Redundancy.OwnY[k], 12);
            Assert.Equal(own * c.SquaredCorrelations[k], c.Redundancy.OppositeY[k], 12);
        }
    }

    [Fact]
    public void Fitting_from_the_correlation_or_covariance_matrix_equals_fitting_from_data()
    {
        var (x, y) = TestData.Related(35, 3, 4, 51);
        var fromData = CanonicalCorrelationAnalysis.Fit(x, y);
        var r = fromData.CorrelationMatrix.ToArray();
        var fromR = CanonicalCorrelationAnalysis.FitCorrelation(r, 3, 35);
        Assert.Null(fromR.RawCoefficientsX);
        Assert.Null(fromR.ScoresX);
        var sd = fromData.StandardDeviationsX!.Concat(fromData.StandardDeviationsY!).ToArray();
        var cov = new double[7, 7];
        for (int i = 0; i < 7; i++) for (int j = 0; j < 7; j++) cov[i, j] = r[i, j] * sd[i] * sd[j];
        var fromS = CanonicalCorrelationAnalysis.FitCovariance(cov, 3, 35);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(fromData.Correlations[k], fromR.Correlations[k], 12);
            Assert.Equal(fromData.Correlations[k], fromS.Correlations[k], 12);
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(fromData.StandardizedCoefficientsX[j, k], fromR.StandardizedCoefficientsX[j, k], 9);
                Assert.Equal(fromData.RawCoefficientsX![j, k], fromS.RawCoefficientsX![j, k], 9);
            }
        }
    }

    [Fact]
    public void The_eigen_route_loses_digits_on_ill_conditioned_data_where_the_stable_route_does_not()
    {
        // X2 = X1 + 1e-6 noise: R11 has condition number ~1e12, which the eigen route squares.
        var (x, y) = TestData.Related(60, 2, 3, 61);
        var noise = TestData.Gaussian(60, 1, 62);
        for (int i = 0; i < 60; i++) x[i, 1] = x[i, 0] + 1e-6 * noise[i, 0];
        var stable = CanonicalCorrelationAnalysis.Fit(x, y);
        var eigen = CanonicalCorrelationAnalysis.Fit(x, y, method: CcaMethod.Eigen);
        // Reference: the same analysis on the well-conditioned equivalent basis (X1, (X2 - X1)/1e-6) has the same
        // canonical correlations, because CCA depends only on the column space of each set.
        var basis = (double[,])x.Clone();
        for (int i = 0; i < 60; i++) basis[i, 1] = (x[i, 1] - x[i, 0]) / 1e-6;
        var reference = CanonicalCorrelationAnalysis.Fit(basis, y);
        double stableError = Math.Abs(stable.Correlations[1] - reference.Correlations[1]);
        double eigenError = Math.Abs(eigen.Correlations[1] - reference.Correlations[1]);
        Assert.True(stableError < 1e-8, $"stable route error {stableError:E2}");
        Assert.True(eigenError > 100 * stableError, $"eigen {eigenError:E2} vs stable {stableError:E2}");
    }
}
