using MathNet.Numerics.LinearAlgebra;
using RuralEcom.Cca;
using RuralEcom.Data;
using RuralEcom.Interpretation;
using RuralEcom.Resampling;
using RuralEcom.Significance;

namespace RuralEcom.Tests.Api;

/// <summary>The routes a notebook takes from data to strategies by following the objects give what the static entry points give.</summary>
public class FollowingTheObjectsTests
{
    [Fact]
    public void Tests_interpretation_and_strategies_follow_from_the_fit()
    {
        var panel = SyntheticPanel.Generate();
        string[] xs = [.. Enumerable.Range(1, 8).Select(i => $"X{i}")];
        string[] ys = [.. Enumerable.Range(1, 11).Select(i => $"Y{i}")];
        var cca = CanonicalCorrelationAnalysis.Fit(panel, xs, ys);
        var tests = cca.Tests();
        Assert.Equal(SignificanceTests.Test(cca).WilksTable().ToCsv(), tests.WilksTable().ToCsv());
        var reading = cca.Interpret();
        Assert.Equal(CanonicalInterpreter.Interpret(cca, tests).ToTable().ToCsv(), reading.ToTable().ToCsv());
        Assert.Equal(StrategyRanker.Rank(reading).ToTable().ToCsv(), reading.RankStrategies().ToTable().ToCsv());
    }

    [Fact]
    public void Fit_accepts_arrays_MathNet_matrices_and_panels_alike()
    {
        var panel = SyntheticPanel.Generate();
        string[] xs = ["X1", "X2", "X3"];
        string[] ys = ["Y1", "Y2", "Y3", "Y4"];
        var fromArrays = CanonicalCorrelationAnalysis.Fit(panel.Matrix(xs), panel.Matrix(ys), xs, ys);
        var fromMatrices = CanonicalCorrelationAnalysis.Fit(Matrix<double>.Build.DenseOfArray(panel.Matrix(xs)),
            Matrix<double>.Build.DenseOfArray(panel.Matrix(ys)), xs, ys);
        var fromPanel = CanonicalCorrelationAnalysis.Fit(panel, xs, ys);
        Assert.Equal(fromArrays.Correlations, fromMatrices.Correlations);
        Assert.Equal(fromArrays.Correlations, fromPanel.Correlations);
        Assert.Equal(xs, fromPanel.XNames);
        Assert.Equal(fromArrays.StandardizedCoefficientsY.ToArray(), fromPanel.StandardizedCoefficientsY.ToArray());
    }

    [Fact]
    public void Guard_clauses_name_the_argument_the_caller_passed()
    {
        var x = TestData.Gaussian(6, 3, 1);
        var y = TestData.Gaussian(6, 3, 2);
        var e = Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.Fit(x, y));
        Assert.Equal("x", e.ParamName);
        Assert.Equal("y", Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.Fit(x, TestData.Gaussian(7, 3, 2))).ParamName);
        var r = CanonicalCorrelationAnalysis.Fit(TestData.Gaussian(30, 2, 1), TestData.Gaussian(30, 2, 2)).CorrelationMatrix.ToArray();
        Assert.Equal("n", Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.FitCorrelation(r, 2, 5)).ParamName);
    }

    [Fact]
    public void Cross_validation_reports_progress_per_fold_and_can_be_cancelled()
    {
        var (x, y) = TestData.Related(30, 2, 3, 4);
        var seen = new List<ResamplingProgress>();
        var cv = CcaCrossValidation.LeaveOneOut(x, y, new ResamplingOptions(ResamplingProgress.Synchronous(seen.Add), MaxDegreeOfParallelism: 2));
        Assert.Equal(new ResamplingProgress("cross-validation folds", 30, 30), seen[^1]);
        Assert.Equal(CcaCrossValidation.LeaveOneOut(x, y).HeldOut, cv.HeldOut);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CcaCrossValidation.KFold(x, y, 5, 1, new ResamplingOptions(CancellationToken: cts.Token)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CcaCrossValidation.KFold(x, y, 5, 1, new ResamplingOptions(MaxDegreeOfParallelism: 0)));
    }
}
