using RuralEcom.Cca;
using RuralEcom.Data;
using RuralEcom.Panels;

namespace RuralEcom.Tests.Panels;

public class PanelSimulatorTests
{
    private static readonly IReadOnlyList<string> Xs = SyntheticPanel.Truth.XNames;
    private static readonly IReadOnlyList<string> Ys = SyntheticPanel.Truth.YNames;

    private static PanelSimulationSpec Big(int regions, double overlap) => RealisticPanels.Calibrated(
        Enumerable.Range(0, regions).Select(i => $"R{i:000}").ToArray()) with { Overlap = overlap };

    [Fact]
    public void Regenerating_ReproducesTheShippedRealisticFilesByteForByte()
    {
        var dir = RepoPaths.Combine("data", "synthetic");
        foreach (var (file, spec) in RealisticPanels.Files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(dir, file)), RealisticPanels.CsvText(spec));
            Assert.Equal(File.ReadAllText(Path.Combine(dir, RealisticPanels.TruthFile(file))), RealisticPanels.TruthJson(file, spec));
        }
    }

    [Fact]
    public void ShippedShapes_AreThePapersAndTheProvinces()
    {
        var small = RealisticPanels.Load(RepoPaths.Combine("data", "synthetic"), RealisticPanels.PaperShapedFile);
        Assert.Equal(55, small.Count);
        Assert.Equal(-1, small.RowIndex("Region G", 2014));
        var big = RealisticPanels.Load(RepoPaths.Combine("data", "synthetic"), RealisticPanels.ProvincesFile);
        Assert.Equal(248, big.Count);
        Assert.True(PanelDesign.Of(big).IsBalanced);
    }

    [Fact]
    public void Truth_WithoutOverlap_MatchesClosedForms()
    {
        // [[I, K], [Kᵀ, I]] with K a partial permutation matrix scaled by ρ has canonical correlations ρ, then zeros.
        var t = PanelSimulator.Truth(Big(10, 0));
        double[] between = [0.8, 0.6, 0.4, 0, 0, 0, 0, 0];
        double[] within = [0.5, 0.3, 0, 0, 0, 0, 0, 0];
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(between[i], t.Between[i], 1e-10);
            Assert.Equal(within[i], t.Within[i], 1e-10);
        }
        // One common factor with loading √λ on every standardized indicator and unique variance 1 − λ: the best
        // composites are the (signed) sums, with correlation λ / √((λ + (1 − λ)/p)(λ + (1 − λ)/q)); the rest are 0.
        double l = 0.96;
        Assert.Equal(l / Math.Sqrt((l + (1 - l) / 8) * (l + (1 - l) / 11)), t.Trend[0], 1e-10);
        Assert.Equal(0, t.Trend[1], 1e-8);
    }

    [Fact]
    public void LargeSimulatedPanel_RecoversEachComponentsTruth()
    {
        // 600 regions × 8 years with the shipped overlap: two-way residuals estimate the within truth and region means
        // estimate the between truth. Sampling sd of a canonical correlation ≈ (1 − ρ²)/√n: below 0.02 for the
        // within part (n ≈ 4,200) and 0.04 for the between part (600 regions); tolerance 0.06.
        var spec = Big(600, 0.5);
        var truth = PanelSimulator.Truth(spec);
        var panel = PanelSimulator.Generate(spec, 5);
        var within = PanelCca.Fit(panel, Xs, Ys, WithinTransformation.TwoWay).Cca.Correlations;
        for (int i = 0; i < 3; i++) Assert.InRange(within[i], truth.Within[i] - 0.06, truth.Within[i] + 0.06);
        var design = PanelDesign.Of(panel);
        var x = panel.Matrix(Xs);
        var y = panel.Matrix(Ys);
        double[,] Means(double[,] m)
        {
            var r = new double[600, m.GetLength(1)];
            for (int i = 0; i < panel.Count; i++)
                for (int j = 0; j < m.GetLength(1); j++) r[design.RegionOf[i], j] += m[i, j] / 8;
            return r;
        }
        var between = CanonicalCorrelationAnalysis.Fit(Means(x), Means(y)).Correlations;
        // Region means also carry 1/8 of the within part's variance, a small dilution; the tolerance covers it.
        for (int i = 0; i < 3; i++) Assert.InRange(between[i], truth.Between[i] - 0.06, truth.Between[i] + 0.06);
        // The variance shares come back from the calibration function (sampling error a few percent).
        var c = PanelCalibration.Estimate("X7", panel.Column("X7"), design);
        Assert.InRange(c.BetweenShare, 0.85, 0.95);
        Assert.InRange(c.RegionTrendShareOfWithin, 0.6, 0.9);
    }

    [Fact]
    public void ShippedCalibration_IsTheNbsCalibrationRounded()
    {
        var mean = PanelCalibration.Average(PanelCalibration.FromNbsExtract(RepoPaths.Combine("data", "nbs", "panel_province_2014_2021.csv")));
        var spec = RealisticPanels.PaperShaped;
        Assert.Equal(spec.BetweenShare, mean.BetweenShare, 0.0015);
        Assert.Equal(spec.TrendShare, mean.TrendShare, 0.0015);
        Assert.Equal(spec.RegionTrendShare, mean.WithinShare * mean.RegionTrendShareOfWithin, 0.0015);
        Assert.Equal(spec.NoiseShare, mean.WithinShare * (1 - mean.RegionTrendShareOfWithin), 0.0015);
        Assert.Equal(spec.LinearTrendShare, mean.LinearShareOfTrend, 0.005);
        Assert.Equal(spec.Ar1, mean.Ar1, 0.005);
    }
}
