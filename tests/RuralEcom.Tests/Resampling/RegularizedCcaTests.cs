using RuralEcom.Cca;
using RuralEcom.Resampling;

namespace RuralEcom.Tests.Resampling;

public class RegularizedCcaTests
{
    [Fact]
    public void Zero_penalty_equals_plain_cca()
    {
        var (x, y) = TestData.Related(55, 8, 11, 2);
        var plain = CanonicalCorrelationAnalysis.Fit(x, y);
        var ridge = RegularizedCca.Fit(x, y, 0, 0);
        for (int k = 0; k < plain.Count; k++)
        {
            Assert.Equal(plain.Correlations[k], ridge.Criterion[k], 10);
            Assert.Equal(plain.Correlations[k], ridge.VariateCorrelations[k], 10);
            for (int j = 0; j < 8; j++)
            {
                Assert.Equal(plain.RawCoefficientsX![j, k], ridge.RawCoefficientsX[j, k], 10);
                Assert.Equal(plain.Structure.X[j, k], ridge.StructureX[j, k], 10);
            }
            for (int j = 0; j < 11; j++) Assert.Equal(plain.Structure.Y[j, k], ridge.StructureY[j, k], 10);
        }
    }

    /// <summary>One variable per set: ρ = s_xy / √((s_xx + λ1)(s_yy + λ2)) (hand formula from the definition).</summary>
    [Fact]
    public void One_by_one_criterion_matches_the_closed_form()
    {
        var x = TestData.Gaussian(30, 1, 5);
        var y = TestData.Gaussian(30, 1, 6);
        for (int i = 0; i < 30; i++) y[i, 0] += x[i, 0];
        var xs = Enumerable.Range(0, 30).Select(i => x[i, 0]).ToArray();
        var ys = Enumerable.Range(0, 30).Select(i => y[i, 0]).ToArray();
        double sxx = TestData.Variance(xs), syy = TestData.Variance(ys);
        double sxy = TestData.Correlation(xs, ys) * Math.Sqrt(sxx * syy);
        var fit = RegularizedCca.Fit(x, y, 0.5, 2);
        Assert.Equal(sxy / Math.Sqrt((sxx + 0.5) * (syy + 2)), fit.Criterion[0], 12);
        Assert.Equal(TestData.Correlation(xs, ys), fit.VariateCorrelations[0], 12);
    }

    [Fact]
    public void A_penalty_makes_collinear_sets_analysable()
    {
        var (x, y) = TestData.Related(30, 3, 3, 4);
        var xc = new double[30, 4];
        for (int i = 0; i < 30; i++)
        {
            for (int j = 0; j < 3; j++) xc[i, j] = x[i, j];
            xc[i, 3] = x[i, 0] + x[i, 1]; // exact collinearity
        }
        Assert.Throws<CcaDataException>(() => RegularizedCca.Fit(xc, y, 0, 0));
        var fit = RegularizedCca.Fit(xc, y, 0.1, 0.1);
        Assert.InRange(fit.Criterion[0], 0.0, fit.VariateCorrelations[0]);
    }

    [Fact]
    public void Penalty_search_returns_the_grid_maximum_of_the_leave_one_out_correlation()
    {
        var (x, y) = TestData.Related(30, 5, 5, 8);
        double[] grid = [0.0, 0.5, 5];
        var search = RegularizedCca.ChoosePenalties(x, y, grid, grid);
        double max = double.NegativeInfinity;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) max = Math.Max(max, search.Score(i, j));
        Assert.Equal(max, search.BestScore);
        // At zero penalties the score is plain CCA's leave-one-out held-out r1.
        Assert.Equal(CcaCrossValidation.LeaveOneOut(x, y).HeldOut[0], search.Score(0, 0), 10);
        Assert.Equal(3, search.ToTable().Rows.Count);
    }

    [Fact]
    public void Standardizing_equals_penalizing_z_scores()
    {
        var (x, y) = TestData.Related(40, 3, 4, 6);
        for (int i = 0; i < 40; i++) { x[i, 0] *= 500; y[i, 2] = 0.01 * y[i, 2] + 3; }
        static double[,] Z(double[,] m)
        {
            int n = m.GetLength(0), p = m.GetLength(1);
            var z = new double[n, p];
            for (int j = 0; j < p; j++)
            {
                var col = Enumerable.Range(0, n).Select(i => m[i, j]).ToArray();
                double mean = col.Average(), sd = Math.Sqrt(TestData.Variance(col));
                for (int i = 0; i < n; i++) z[i, j] = (m[i, j] - mean) / sd;
            }
            return z;
        }
        var a = RegularizedCca.Fit(x, y, 0.3, 0.2, standardize: true);
        var b = RegularizedCca.Fit(Z(x), Z(y), 0.3, 0.2);
        var sd0 = Math.Sqrt(TestData.Variance(Enumerable.Range(0, 40).Select(i => x[i, 0]).ToArray()));
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(b.Criterion[k], a.Criterion[k], 12);
            Assert.Equal(b.RawCoefficientsX[0, k] / sd0, a.RawCoefficientsX[0, k], 12);
        }
        Assert.True(a.Standardized);
    }

    [Fact]
    public void Negative_penalty_is_rejected()
    {
        var (x, y) = TestData.Related(30, 3, 3, 4);
        Assert.Equal("lambda2", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizedCca.Fit(x, y, 0, -1)).ParamName);
    }
}
