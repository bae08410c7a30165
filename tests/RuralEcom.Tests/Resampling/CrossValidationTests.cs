using RuralEcom.Cca;
using RuralEcom.Resampling;

namespace RuralEcom.Tests.Resampling;

public class CrossValidationTests
{
    /// <summary>
    /// With one variable per set the fitted weights are 1/sd: the held-out variates are V_i = (x_i − m_{−i}) / s_{−i}
    /// and W_i = (y_i − m'_{−i}) / s'_{−i} with the mean and standard deviation of the other rows, and the pooled
    /// leave-one-out value is their correlation (computed here directly, then made positive as the pair's
    /// orientation rule does when x and y are negatively related).
    /// </summary>
    [Fact]
    public void Leave_one_out_with_one_variable_per_set_matches_a_direct_computation()
    {
        const int n = 25;
        var x = TestData.Gaussian(n, 1, 1);
        var y = TestData.Gaussian(n, 1, 2);
        for (int i = 0; i < n; i++) y[i, 0] -= 0.8 * x[i, 0];
        var v = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            var xs = Enumerable.Range(0, n).Where(j => j != i).Select(j => x[j, 0]).ToArray();
            var ys = Enumerable.Range(0, n).Where(j => j != i).Select(j => y[j, 0]).ToArray();
            v[i] = (x[i, 0] - xs.Average()) / Math.Sqrt(TestData.Variance(xs));
            w[i] = -(y[i, 0] - ys.Average()) / Math.Sqrt(TestData.Variance(ys));
        }
        var cv = CcaCrossValidation.LeaveOneOut(x, y);
        Assert.Equal(TestData.Correlation(v, w), cv.HeldOut[0], 12);
        Assert.Null(cv.MeanWithinFold[0]);
    }

    [Fact]
    public void Held_out_correlation_collapses_under_independence_but_not_with_a_real_relation()
    {
        var x = TestData.Gaussian(40, 6, 3);
        var y = TestData.Gaussian(40, 6, 4);
        var cv = CcaCrossValidation.KFold(x, y, 5, 1);
        Assert.True(cv.HeldOut[0] < cv.InSample[0] - 0.3, $"held-out {cv.HeldOut[0]:F3} vs in-sample {cv.InSample[0]:F3}");

        var (xr, yr) = TestData.Related(60, 4, 4, 5);
        var loo = CcaCrossValidation.LeaveOneOut(xr, yr);
        Assert.True(loo.HeldOut[0] > 0.6 && loo.HeldOut[0] <= loo.InSample[0] + 0.02);
        Assert.Equal(CanonicalCorrelationAnalysis.Fit(xr, yr).Correlations[0], loo.InSample[0], 14);
    }

    [Fact]
    public void K_fold_is_reproducible_and_independent_of_threads()
    {
        var (x, y) = TestData.Related(45, 3, 3, 9);
        var a = CcaCrossValidation.KFold(x, y, 5, 7, new ResamplingOptions(MaxDegreeOfParallelism: 1));
        var b = CcaCrossValidation.KFold(x, y, 5, 7, new ResamplingOptions(MaxDegreeOfParallelism: 4));
        Assert.Equal(a.HeldOut, b.HeldOut);
        Assert.NotNull(a.MeanWithinFold[0]);
        Assert.Equal(3, a.ToTable().Rows.Count);
    }

    [Fact]
    public void Too_many_folds_for_the_training_size_are_rejected()
    {
        var (x, y) = TestData.Related(22, 8, 11, 9);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CcaCrossValidation.KFold(x, y, 2, 1));
        Assert.Equal("folds", e.ParamName);
    }
}
