using System.Buffers.Binary;
using RuralEcom.Panels;
using RuralEcom.Plots;

namespace RuralEcom.Tests.Plots;

public class PanelCcaFiguresTests
{
    private static RuralEcom.Data.Panel Small() => RealisticPanels.Load(RepoPaths.Combine("data", "synthetic"), RealisticPanels.PaperShapedFile);

    [Fact]
    public void Relations_BetweenIsTheCorrelationOfRegionMeans_WithinOfTwoWayResiduals()
    {
        var panel = Small();
        var rel = PanelCcaFigures.Relations(panel, "X7", "Y4");
        var design = PanelDesign.Of(panel);
        double[] Means(string s) => design.Regions.Select(r => Enumerable.Range(0, panel.Count).Where(i => panel.Regions[i] == r).Average(i => panel[i, s])).ToArray();
        Assert.Equal(MathNet.Numerics.Statistics.Correlation.Pearson(Means("X7"), Means("Y4")), rel[0].Correlation, 1e-12);
        Assert.Equal(7, rel[0].X.Length);
        Assert.Equal(8, rel[1].X.Length);
        // p = q = 1 two-way CCA: its canonical correlation is |r| of the two-way residuals.
        var cca = PanelCca.Fit(panel, ["X7"], ["Y4"], WithinTransformation.TwoWay);
        Assert.Equal(cca.Cca.Correlations[0], Math.Abs(rel[2].Correlation), 1e-10);
    }

    [Fact]
    public void Figures_ArePngsOfTheRequestedSize()
    {
        var panel = Small();
        var a = PanelCcaFigures.ThreeRelations(panel, "X7", "Y4", 640, 400);
        var parts = CorrelationDecomposition.Decompose(panel.Matrix(RuralEcom.Data.SyntheticPanel.Truth.XNames), panel.Matrix(RuralEcom.Data.SyntheticPanel.Truth.YNames), PanelDesign.Of(panel));
        var b = PanelCcaFigures.Decomposition(parts, 600, 380);
        foreach (var (f, w, h) in new[] { (a, 640, 400), (b, 600, 380) })
        {
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], f.Png.Take(4));
            Assert.Equal(w, BinaryPrimitives.ReadInt32BigEndian(f.Png.AsSpan(16)));
            Assert.Equal(h, BinaryPrimitives.ReadInt32BigEndian(f.Png.AsSpan(20)));
        }
    }
}
