using RuralEcom.Cca;
using RuralEcom.Indices;
using RuralEcom.Plots;
using RuralEcom.Significance;
using ScottPlot;
using ScottPlot.Plottables;

namespace RuralEcom.Tests.Plots;

public class CourseFiguresTests
{
    [Fact]
    public void WilksSequencePlotsLog10LambdaOfEveryRowWithItsPValue()
    {
        var (x, y) = TestData.Related(55, 8, 11, seed: 606);
        var cca = CanonicalCorrelationAnalysis.Fit(x, y);
        var tests = SignificanceTests.Test(cca);
        Assert.Equal((640, 400), PngHeader.Size(CourseFigures.WilksSequence(tests, width: 640, height: 400).Png));
        var (plot, title) = CourseFigures.BuildWilksSequence(tests, 0.05);
        using (plot)
        {
            var markers = plot.GetPlottables<Marker>().ToArray();
            // Λ_k is the product of (1 − r_i²) from k on: recompute it from the canonical correlations.
            for (int k = 0; k < cca.Count; k++)
                Assert.Equal(Math.Log10(cca.Correlations.Skip(k).Aggregate(1.0, (a, r) => a * (1 - r * r))), markers[k].Location.Y, 10);
            Assert.Equal(tests.Wilks.Count(w => w.PValue < 0.05), markers.Count(m => m.MarkerStyle.Shape == MarkerShape.FilledCircle));
            Assert.All(plot.GetPlottables<Text>(), t => Assert.StartsWith("p = ", t.LabelText));
            Assert.Contains("n = 55", title);
        }
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => CourseFigures.WilksSequence(tests, 1.5)).ParamName);
    }

    [Fact]
    public void CoordinationContoursLieWhereTheLibraryComputesThatDegree()
    {
        double[] u1 = [0.2, 0.5, 0.8, 0.3], u2 = [0.3, 0.5, 0.6, 0.9];
        string[] groups = ["A", "A", "B", "B"];
        Assert.Equal((600, 600), PngHeader.Size(CourseFigures.CoordinationPlane(u1, u2, groups, 600, 600).Png));
        var (plot, _) = CourseFigures.BuildCoordinationPlane(u1, u2, groups);
        using (plot)
        {
            var scatters = plot.GetPlottables<Scatter>().ToArray();
            var contours = scatters.Where(s => s.MarkerSize == 0).ToArray();
            Assert.Equal(9, contours.Length);
            for (int level = 1; level <= 9; level++)
            {
                var pts = contours[level - 1].Data.GetScatterPoints();
                // Independent route: the library's coupling coordination degree at sampled contour points equals the level.
                var sample = new[] { pts[0], pts[57], pts[133] }.Where(p => p.Y <= 1).ToArray();
                var d = CouplingCoordination.Compute(sample.Select(p => p.X).ToArray(), sample.Select(p => p.Y).ToArray()).Coordination;
                Assert.All(d, v => Assert.Equal(level / 10.0, v, 10));
            }
            var groupsDrawn = scatters.Where(s => s.MarkerSize > 0).ToArray();
            Assert.Equal(["A", "B"], groupsDrawn.Select(s => s.LegendText));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => CourseFigures.CoordinationPlane([1.2], [0.5]));
        Assert.Equal("groups", Assert.Throws<ArgumentException>(() => CourseFigures.CoordinationPlane(u1, u2, ["A"])).ParamName);
    }
}
