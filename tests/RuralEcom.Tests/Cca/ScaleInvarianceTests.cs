using RuralEcom.Cca;
using RuralEcom.Indices;
using RuralEcom.Resampling;

namespace RuralEcom.Tests.Cca;

/// <summary>
/// Invariant: canonical correlations, standardized coefficients and the constant/collinear decisions do not depend on
/// the unit of a variable, down to 1e−300 and up to 1e300 (the whole range a double holds with room for n values).
/// </summary>
public class ScaleInvarianceTests
{
    public static TheoryData<double> Scales => [1e-300, 1e-150, 1.0, 1e150, 1e300];

    [Theory]
    [MemberData(nameof(Scales))]
    public void Correlations_and_standardized_coefficients_are_the_same_at_every_scale(double scale)
    {
        var (x, y) = TestData.Related(40, 3, 4, 11);
        var reference = CanonicalCorrelationAnalysis.Fit(x, y);
        var (xs, ys) = Rescaled(x, y, scale);
        foreach (var method in new[] { CcaMethod.Stable, CcaMethod.Eigen })
        {
            var fit = CanonicalCorrelationAnalysis.Fit(xs, ys, method: method);
            for (int k = 0; k < reference.Count; k++) Assert.Equal(reference.Correlations[k], fit.Correlations[k], 12);
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++)
                {
                    Assert.Equal(reference.StandardizedCoefficientsX[j, k], fit.StandardizedCoefficientsX[j, k], 10);
                    // Raw coefficients carry the unit: a_raw · scale is the same number at every scale.
                    Assert.Equal(reference.RawCoefficientsX![j, k], fit.RawCoefficientsX![j, k] * scale, 10);
                }
        }
        var blocks = CorrelationBlocks.FromData(xs, ys);
        Assert.Equal(CorrelationBlocks.Of(reference).R12[1, 2], blocks.R12[1, 2], 12);
        var ridge = RegularizedCca.Fit(xs, ys, 0.1, 0.1, standardize: true);
        var ridge1 = RegularizedCca.Fit(x, y, 0.1, 0.1, standardize: true);
        Assert.Equal(ridge1.Criterion[0], ridge.Criterion[0], 12);
        Assert.Equal(Standardization.ZScores(x)[3, 1], Standardization.ZScores(xs)[3, 1], 12);
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Power_of_two_scaling_leaves_every_bit_unchanged_in_the_ordinary_range(double scale)
    {
        // 2^e is exact, so an analysis of 2^e X equals the analysis of X bit for bit wherever nothing overflows.
        double twoPower = Math.ScaleB(1.0, Math.ILogB(scale));
        var (x, y) = TestData.Related(30, 2, 3, 12);
        var a = CanonicalCorrelationAnalysis.Fit(x, y);
        var b = CanonicalCorrelationAnalysis.Fit(Scaled(x, twoPower), y);
        Assert.Equal(a.Correlations, b.Correlations);
        Assert.Equal(a.StandardizedCoefficientsY.ToArray(), b.StandardizedCoefficientsY.ToArray());
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void A_constant_or_collinear_column_is_refused_at_every_scale_and_a_varying_one_accepted(double scale)
    {
        var (x, y) = TestData.Related(30, 3, 3, 13);
        // A column whose spread is 1e−15 of its level: rounding noise at any scale.
        var nearlyConstant = Scaled(x, scale);
        for (int i = 0; i < 30; i++) nearlyConstant[i, 1] = scale * (1 + (i % 2) * 1e-15);
        Assert.Contains("constant", Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.Fit(nearlyConstant, y)).Message);
        Assert.Contains("constant", Assert.Throws<CcaDataException>(() => CorrelationBlocks.FromData(nearlyConstant, y)).Message);
        Assert.Contains("constant", Assert.Throws<CcaDataException>(() => RegularizedCca.Fit(nearlyConstant, y, 0.5, 0.5)).Message);
        Assert.Throws<ArgumentException>(() => Standardization.ZScores(nearlyConstant));
        // A spread of 1e−6 of the level is real variation at any scale.
        var varying = Scaled(x, scale);
        for (int i = 0; i < 30; i++) varying[i, 1] = scale * (1 + x[i, 1] * 1e-6);
        Assert.Equal(3, CanonicalCorrelationAnalysis.Fit(varying, y).Count);
        // Column 3 = column 1 + column 2 (in the scaled unit) is collinear at any scale.
        var collinear = Scaled(x, scale);
        for (int i = 0; i < 30; i++) collinear[i, 2] = collinear[i, 0] + collinear[i, 1];
        Assert.Contains("linear combination", Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.Fit(collinear, y)).Message);
    }

    public static TheoryData<double> MomentScales => [1e-300, 1.0, 1e300];

    [Theory]
    [MemberData(nameof(MomentScales))]
    public void The_moments_route_and_the_streaming_fit_equal_the_in_memory_fit_at_every_scale(double scale)
    {
        // Before the power-of-two prescaling of CoMoments, the kernel squared raw values: at 1e300 the co-moments
        // overflowed, at 1e−300 they underflowed to zero.
        var (x, y) = TestData.Related(300, 3, 4, 19);
        var reference = CanonicalCorrelationAnalysis.Fit(x, y);
        var (xs, ys) = Rescaled(x, y, scale);
        string path = Path.Combine(Path.GetTempPath(), $"ruralecom-scale-{Environment.ProcessId}-{Math.ILogB(scale)}.csv");
        try
        {
            using (var w = new StreamWriter(path))
            {
                w.WriteLine("a,b,c,d,e,f,g");
                for (int i = 0; i < 300; i++)
                    w.WriteLine(FormattableString.Invariant($"{xs[i, 0]:R},{xs[i, 1]:R},{xs[i, 2]:R},{ys[i, 0]:R},{ys[i, 1]:R},{ys[i, 2]:R},{ys[i, 3]:R}"));
            }
            var large = CanonicalCorrelationAnalysis.FitLarge(xs, ys);
            var streamed = StreamingCca.FitCsv(path, ["a", "b", "c"], ["d", "e", "f", "g"]);
            foreach (var fit in new[] { large, streamed })
            {
                for (int k = 0; k < 3; k++) Assert.Equal(reference.Correlations[k], fit.Correlations[k], 10);
                for (int j = 0; j < 3; j++)
                {
                    // Relative agreement of the unit-carrying numbers: mean / scale and raw coefficient · scale.
                    Assert.Equal(reference.MeansX![j], fit.MeansX![j] / scale, 10);
                    for (int k = 0; k < 3; k++)
                    {
                        Assert.Equal(reference.StandardizedCoefficientsX[j, k], fit.StandardizedCoefficientsX[j, k], 8);
                        Assert.Equal(reference.RawCoefficientsX![j, k], fit.RawCoefficientsX![j, k] * scale, 8);
                    }
                }
                Assert.Equal(reference.StandardDeviationsY![0], fit.StandardDeviationsY![0], 10); // the column left at 1
                Assert.Equal(reference.StandardDeviationsY![1], fit.StandardDeviationsY![1] * scale, 10);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Merging_statistics_whose_scales_differ_equals_computing_at_once()
    {
        // Rows sorted by |x1|: the first part's largest |x1| is several powers of two below the second part's, so
        // the two parts choose different scales for that variable and the merge must convert one into the other.
        var (x, y) = TestData.Related(1000, 2, 2, 20);
        var order = Enumerable.Range(0, 1000).OrderBy(i => Math.Abs(x[i, 0])).ToArray();
        var rows = order.SelectMany(i => new[] { x[i, 0], x[i, 1], y[i, 0], y[i, 1] }).ToArray();
        var first = new CoMoments(4);
        var second = new CoMoments(4);
        first.Add(rows.AsSpan(0, 100 * 4));
        second.Add(rows.AsSpan(100 * 4));
        Assert.NotEqual(first.Scales()[0], second.Scales()[0]);
        first.Merge(second);
        var whole = CoMoments.Compute(x, y);
        var a = whole.Covariance();
        var b = first.Covariance();
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(whole.Means()[i], first.Means()[i], 13);
            for (int j = 0; j < 4; j++) Assert.Equal(a[i, j], b[i, j], 12);
        }
    }

    /// <summary>Every column of X at the given scale, Y's columns at its reciprocal, Y's first column left at 1.</summary>
    private static (double[,] X, double[,] Y) Rescaled(double[,] x, double[,] y, double scale)
    {
        var xs = Scaled(x, scale);
        var ys = Scaled(y, 1 / scale);
        for (int i = 0; i < ys.GetLength(0); i++) ys[i, 0] = y[i, 0];
        return (xs, ys);
    }

    private static double[,] Scaled(double[,] m, double scale)
    {
        var r = (double[,])m.Clone();
        for (int i = 0; i < r.GetLength(0); i++)
            for (int j = 0; j < r.GetLength(1); j++) r[i, j] *= scale;
        return r;
    }
}
