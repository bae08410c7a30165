using MathNet.Numerics.Distributions;
using RuralEcom.Panels;
using RuralEcom.Cca;

namespace RuralEcom.Tests.Panels;

public class PanelCcaTests
{
    [Fact]
    public void OnePairTwoWay_EqualsTheFixedEffectsRegressionTTest()
    {
        // p = q = 1: the two-way CCA's Wilks test is the t test of the slope in y = a_r + g_t + b x + e, whose
        // residual df is n − R − T + 1 − 1 = ν − 1 (closed form: t² = F(1, ν − 1)).
        int regions = 6, years = 5, n = 30;
        var d = WithinTransformTests.Balanced(regions, years);
        var x = WithinTransformTests.Random(n, 1, 11);
        var y = WithinTransformTests.Random(n, 1, 12);
        for (int i = 0; i < n; i++) y[i, 0] += 0.3 * x[i, 0];
        var fit = PanelCca.Fit(x, y, d, WithinTransformation.TwoWay);
        // Hand two-way demeaning and OLS through the origin on the demeaned data.
        double[] Demean(double[,] m)
        {
            double g = 0;
            var rm = new double[regions];
            var ym = new double[years];
            for (int i = 0; i < n; i++) { g += m[i, 0] / n; rm[i / years] += m[i, 0] / years; ym[i % years] += m[i, 0] / regions; }
            return Enumerable.Range(0, n).Select(i => m[i, 0] - rm[i / years] - ym[i % years] + g).ToArray();
        }
        var dx = Demean(x);
        var dy = Demean(y);
        double sxx = dx.Sum(v => v * v), sxy = dx.Zip(dy).Sum(t => t.First * t.Second);
        double b = sxy / sxx;
        double sse = dx.Zip(dy).Sum(t => Math.Pow(t.Second - b * t.First, 2));
        int dfe = n - regions - years + 1 - 1;
        double tStat = b / Math.Sqrt(sse / dfe / sxx);
        double pT = 2 * (1 - StudentT.CDF(0, 1, dfe, Math.Abs(tStat)));
        Assert.Equal(n - regions - years + 1, fit.EffectiveN);
        Assert.Equal(pT, fit.Tests.Wilks[0].PValue, 1e-10);
        Assert.Equal(tStat * tStat, fit.Tests.Wilks[0].F, 1e-9);
        Assert.Equal(dfe, fit.Tests.Wilks[0].Df2, 1e-12);
    }

    [Fact]
    public void Bartlett_AndRoy_UseTheResidualDf()
    {
        // Rencher & Christensen (2012): Bartlett's multiplier becomes ν − (p + q + 1)/2; Roy's df2 is ν − max(p, q).
        var d = WithinTransformTests.Balanced(8, 6);
        var x = WithinTransformTests.Random(48, 3, 21);
        var y = WithinTransformTests.Random(48, 2, 22);
        var fit = PanelCca.Fit(x, y, d, WithinTransformation.TwoWay);
        int nu = 48 - 8 - 6 + 1;
        double lambda = fit.Cca.Correlations.Aggregate(1.0, (a, r) => a * (1 - r * r));
        Assert.Equal(-(nu - (3 + 2 + 1) / 2.0) * Math.Log(lambda), fit.Tests.Bartlett[0].ChiSquare, 1e-10);
        Assert.Equal(nu - 3, fit.Tests.Roy.Df2, 1e-12);
        // Rao's df2 for k = 1 with p = 3, q = 2: w = ν − 1/2 − (p + q)/2, t = √((36 − 4)/(9 + 4 − 5)) = 2, df2 = 2w − 3 + 1.
        Assert.Equal(2 * (nu - 0.5 - 2.5) - 3 + 1, fit.Tests.Wilks[0].Df2, 1e-12);
    }

    [Fact]
    public void Adjusted_correlations_and_standard_errors_use_the_residual_df()
    {
        // SAS's formulas with n − 1 replaced by ν: SE = (1 − r²)/√ν, and Lawley's correction r − r̃ is proportional to
        // 1/ν, so against a plain fit of the same transformed rows (which uses n − 1) it grows by (n − 1)/ν.
        var d = WithinTransformTests.Balanced(8, 6);
        var x = WithinTransformTests.Random(48, 3, 31);
        var y = WithinTransformTests.Random(48, 2, 32);
        for (int i = 0; i < 48; i++) y[i, 0] += 0.8 * x[i, 0];
        var fit = PanelCca.Fit(x, y, d, WithinTransformation.TwoWay);
        int nu = 48 - 8 - 6 + 1;
        var plain = CanonicalCorrelationAnalysis.Fit(fit.TransformedX, fit.TransformedY);
        Assert.Equal(nu, fit.Cca.ResidualDf);
        Assert.Equal(47, plain.ResidualDf);
        for (int k = 0; k < fit.Cca.Count; k++)
        {
            double r = fit.Cca.Correlations[k];
            Assert.Equal((1 - r * r) / Math.Sqrt(nu), fit.Cca.StandardErrors[k], 1e-14);
            Assert.Equal(plain.StandardErrors[k] * Math.Sqrt(47.0 / nu), fit.Cca.StandardErrors[k], 1e-14);
            if (fit.Cca.AdjustedCorrelations[k] is { } adjusted && plain.AdjustedCorrelations[k] is { } pooled)
                Assert.Equal((r - pooled) * 47.0 / nu, r - adjusted, 1e-12);
        }
        Assert.NotNull(fit.Cca.AdjustedCorrelations[0]);
        Assert.Contains($"ν = {nu}", fit.Cca.ToTable().Title);
        // The fit's own tests default to its ν, so fit.Cca.Tests() agrees with the panel's tests.
        Assert.Equal(nu, fit.Cca.Tests().ResidualDf);
        Assert.Equal(fit.Tests.Wilks[0].PValue, fit.Cca.Tests().Wilks[0].PValue);
        // Removing nothing but the mean leaves ν = n − 1: the panel fit is the pooled fit (up to the rounding of the
        // centred copy of the data).
        var none = PanelCca.Fit(x, y, d, WithinTransformation.None);
        var pooledFit = CanonicalCorrelationAnalysis.Fit(x, y);
        Assert.Equal(47, none.Cca.ResidualDf);
        for (int k = 0; k < pooledFit.Count; k++)
        {
            Assert.Equal(pooledFit.StandardErrors[k], none.Cca.StandardErrors[k], 1e-12);
            Assert.Equal(pooledFit.AdjustedCorrelations[k] ?? double.NaN, none.Cca.AdjustedCorrelations[k] ?? double.NaN, 1e-12);
        }
    }

    [Fact]
    public void TooFewResidualDf_IsAClearError()
    {
        var d = WithinTransformTests.Balanced(7, 3); // two-way ν = 21 − 9 = 12 < p + q + 1 = 13
        var ex = Assert.Throws<PanelDesignException>(() =>
            PanelCca.Fit(WithinTransformTests.Random(21, 6, 1), WithinTransformTests.Random(21, 6, 2), d, WithinTransformation.TwoWay));
        Assert.Contains("effective sample of n − r = 12", ex.Message);
        Assert.Contains("at least p + q + 1 = 13", ex.Message);
    }

    [Fact]
    public void Decomposition_PartsAddUpToEachPooledCorrelation_AndTrendPartIsTheYearMeansProduct()
    {
        var panel = RealisticPanels.Load(RepoPaths.Combine("data", "synthetic"), RealisticPanels.ProvincesFile);
        var xs = RuralEcom.Data.SyntheticPanel.Truth.XNames;
        var ys = RuralEcom.Data.SyntheticPanel.Truth.YNames;
        var x = panel.Matrix(xs);
        var y = panel.Matrix(ys);
        var design = PanelDesign.Of(panel);
        var parts = CorrelationDecomposition.Decompose(x, y, design);
        foreach (var c in parts) Assert.Equal(c.Total, c.Trend + c.Between + c.Within, 1e-10);
        // Balanced: trend part = R Σ_t ū_t v̄_t / (n − 1) with the year means of the pooled canonical scores.
        var cca = RuralEcom.Cca.CanonicalCorrelationAnalysis.Fit(x, y);
        int n = panel.Count;
        var ub = new double[8];
        var vb = new double[8];
        for (int i = 0; i < n; i++) { ub[design.YearOf[i]] += cca.ScoresX![i, 0] / 31; vb[design.YearOf[i]] += cca.ScoresY![i, 0] / 31; }
        Assert.Equal(31 * ub.Zip(vb).Sum(t => t.First * t.Second) / (n - 1), parts[0].Trend, 1e-10);
        // The unbalanced paper-shaped panel adds up too.
        var small = RealisticPanels.Load(RepoPaths.Combine("data", "synthetic"), RealisticPanels.PaperShapedFile);
        foreach (var c in CorrelationDecomposition.Decompose(small.Matrix(xs), small.Matrix(ys), PanelDesign.Of(small)))
            Assert.Equal(c.Total, c.Trend + c.Between + c.Within, 1e-10);
    }
}
