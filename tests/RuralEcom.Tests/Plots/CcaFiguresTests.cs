using RuralEcom.Cca;
using RuralEcom.Plots;
using RuralEcom.Significance;
using ScottPlot;
using ScottPlot.Plottables;

namespace RuralEcom.Tests.Plots;

public class CcaFiguresTests
{
    // 55 samples, 8 X and 11 Y variables sharing two latent factors: the shape of the paper's data.
    private static readonly (double[,] X, double[,] Y) Data = TestData.Related(55, 8, 11, seed: 606);
    private static readonly CcaResult Cca = CanonicalCorrelationAnalysis.Fit(Data.X, Data.Y);
    private static readonly SignificanceResult Tests = SignificanceTests.Test(Cca);
    private static readonly string[] Labels = Enumerable.Range(0, 55).Select(i => $"R{i / 8 + 1} {2014 + i % 8}").ToArray();

    [Fact]
    public void CanonicalCorrelationsRendersAtTheRequestedSize()
    {
        var fig = CcaFigures.CanonicalCorrelations(Cca, Tests, width: 640, height: 360);
        Assert.Equal((640, 360), PngHeader.Size(fig.Png));
        Assert.Equal((640, 360), (fig.Width, fig.Height));
        Assert.Contains("Canonical correlations", fig.Title);
    }

    [Fact]
    public void CanonicalCorrelationsColoursExactlyTheSignificantPairs()
    {
        int significant = Tests.SignificantPairs(0.05);
        Assert.InRange(significant, 1, 7); // two latent factors: some, not all, pairs significant
        var (plot, title) = CcaFigures.BuildCanonicalCorrelations(Cca, Tests, 0.05);
        using (plot)
        {
            var bars = plot.GetPlottables<BarPlot>().Single().Bars;
            Assert.Equal(Cca.Count, bars.Count);
            for (int i = 0; i < bars.Count; i++)
            {
                Assert.Equal(Cca.Correlations[i], bars[i].Value, 12);
                Assert.Equal(i < significant, bars[i].FillColor.Equals(new Color(31, 119, 180)));
            }
            var squares = plot.GetPlottables<Scatter>().Single().Data.GetScatterPoints();
            Assert.Equal(Cca.SquaredCorrelations, squares.Select(c => c.Y).ToArray());
            Assert.Contains($"{significant} of 8 pairs significant", title);
            Assert.Equal(title, plot.Axes.Title.Label.Text);
            Assert.Equal("canonical correlation r_k (0 to 1)", plot.Axes.Left.Label.Text);
            var limits = plot.Axes.GetLimits();
            Assert.Equal(0, limits.Bottom);
            Assert.Equal(1.1, limits.Top);
            plot.RenderInMemory(900, 500); // manual ticks are laid out on render
            var ticks = plot.Axes.Bottom.TickGenerator.Ticks;
            Assert.Equal(Cca.Count, ticks.Length);
            Assert.StartsWith("8\np = ", ticks[7].Label);
        }
    }

    [Fact]
    public void CanonicalCorrelationsRejectsTestsOfAnotherAnalysis()
    {
        var other = SignificanceTests.Test(Cca.Correlations.Take(5).ToArray(), 55, 5, 11);
        var e = Assert.Throws<ArgumentException>(() => CcaFigures.CanonicalCorrelations(Cca, other));
        Assert.Equal("tests", e.ParamName);
    }

    [Fact]
    public void VariateScatterPlotsEverySampleAndLabelsOnlyTheLargestResiduals()
    {
        var fig = CcaFigures.VariateScatter(Cca, 2, Labels, 700, 600);
        Assert.Equal((700, 600), PngHeader.Size(fig.Png));
        var (plot, title) = CcaFigures.BuildVariateScatter(Cca, 2, Labels, labelLargest: 4);
        using (plot)
        {
            var points = plot.GetPlottables<Scatter>().Single().Data.GetScatterPoints();
            Assert.Equal(55, points.Count);
            Assert.Equal(Cca.ScoresX!.Column(1), points.Select(c => c.X).ToArray());
            Assert.Equal(Cca.ScoresY!.Column(1), points.Select(c => c.Y).ToArray());
            // The four labelled samples are those farthest from W = r V, found here by sorting all residuals.
            double r2 = Cca.Correlations[1];
            var farthest = Enumerable.Range(0, 55).Select(i => (i, e: Math.Abs(Cca.ScoresY![i, 1] - r2 * Cca.ScoresX![i, 1])))
                .OrderByDescending(t => t.e).Take(4).Select(t => Labels[t.i]).Order().ToArray();
            Assert.Equal(farthest, plot.GetPlottables<Text>().Select(t => t.LabelText).Order().ToArray());
            // The fitted line W = r V: its slope is the canonical correlation.
            var line = plot.GetPlottables<LinePlot>().Single();
            double slope = (line.End.Y - line.Start.Y) / (line.End.X - line.Start.X);
            Assert.Equal(Cca.Correlations[1], slope, 12);
            Assert.Contains("W2 against V2", title);
            // Every point lies inside the axis limits.
            var limits = plot.Axes.GetLimits();
            Assert.All(points, c => Assert.True(limits.Contains(c)));
        }
    }

    [Fact]
    public void VariateScatterColoursPointsByGroup()
    {
        var groups = Labels.Select(l => l.Split(' ')[0]).ToArray();
        var (plot, _) = CcaFigures.BuildVariateScatter(Cca, 1, Labels, groups);
        using (plot)
        {
            var scatters = plot.GetPlottables<Scatter>().ToArray();
            Assert.Equal(groups.Distinct().Count(), scatters.Length);
            Assert.Equal(55, scatters.Sum(s => s.Data.GetScatterPoints().Count));
            Assert.Equal(groups.Distinct(), scatters.Select(s => s.LegendText));
            Assert.Equal(scatters.Length, scatters.Select(s => s.Color).Distinct().Count());
        }
        Assert.Equal("groups", Assert.Throws<ArgumentException>(() => CcaFigures.VariateScatter(Cca, 1, Labels, groups: groups[..3])).ParamName);
    }

    [Fact]
    public void VariateScatterHasADeterministicInteractivePageWithHoverLabels()
    {
        var a = CcaFigures.VariateScatter(Cca, 1, Labels).InteractiveHtml;
        var b = CcaFigures.VariateScatter(Cca, 1, Labels).InteractiveHtml;
        Assert.NotNull(a);
        Assert.Equal(a, b);
        Assert.Contains("\"R7 2020\"", a);
        Assert.Contains("canonical-pair-1", a);
    }

    [Fact]
    public void VariateScatterExplainsWhatIsWrong()
    {
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => CcaFigures.VariateScatter(Cca, 1, Labels[..10])).ParamName);
        Assert.Equal("pair", Assert.Throws<ArgumentOutOfRangeException>(() => CcaFigures.VariateScatter(Cca, 9)).ParamName);
        var fromMatrix = CanonicalCorrelationAnalysis.FitCorrelation(Cca.CorrelationMatrix.ToArray(), 8, 55);
        var e = Assert.Throws<InvalidOperationException>(() => CcaFigures.VariateScatter(fromMatrix, 1));
        Assert.Contains("Fit it from the data", e.Message);
    }

    [Fact]
    public void SignificantVariateScattersMakesOneFigurePerSignificantPair()
    {
        var figs = CcaFigures.SignificantVariateScatters(Cca, Tests, Labels);
        Assert.Equal(Tests.SignificantPairs(), figs.Count);
        Assert.All(figs, f => Assert.Equal((900, 700), PngHeader.Size(f.Png)));
    }

    [Fact]
    public void StructureCoefficientsShowsBothSetsAndTheWeights()
    {
        var fig = CcaFigures.StructureCoefficients(Cca, 1, s => "name of " + s, width: 800, height: 640);
        Assert.Equal((800, 640), PngHeader.Size(fig.Png));
        Assert.Contains("\"name of Y11\"", fig.InteractiveHtml);
        Assert.Contains("structure-pair-1", fig.InteractiveHtml);
        Assert.Equal(fig.InteractiveHtml, CcaFigures.StructureCoefficients(Cca, 1, s => "name of " + s, width: 800, height: 640).InteractiveHtml);
        var (plot, title) = CcaFigures.BuildStructureCoefficients(Cca, 1, s => "name of " + s, 0.5);
        using (plot)
        {
            var bars = plot.GetPlottables<BarPlot>().Single().Bars;
            Assert.Equal(19, bars.Count);
            var expected = Cca.Structure.X.Column(0).Concat(Cca.Structure.Y.Column(0)).ToArray();
            Assert.Equal(expected, bars.Select(b => b.Value).ToArray());
            var weights = plot.GetPlottables<Markers>().Single().Data.GetScatterPoints().Select(c => c.X).ToArray();
            Assert.Equal(Cca.StandardizedCoefficientsX.Column(0).Concat(Cca.StandardizedCoefficientsY.Column(0)).ToArray(), weights);
            plot.RenderInMemory(1000, 750); // manual ticks are laid out on render
            var ticks = plot.Axes.Left.TickGenerator.Ticks.OrderByDescending(t => t.Position).Select(t => t.Label).ToArray();
            Assert.Equal(Cca.XNames.Concat(Cca.YNames).Select(s => "name of " + s).ToArray(), ticks);
            var limits = plot.Axes.GetLimits();
            Assert.True(limits.Left <= -1 && limits.Right >= 1 && limits.Right >= weights.Max(Math.Abs));
            Assert.Contains("structure coefficient (correlation)", plot.Axes.Bottom.Label.Text);
            Assert.StartsWith("Pair 1 (r = ", title);
        }
    }

    [Fact]
    public void RedundancyShowsFourBarsPerPair()
    {
        var fig = CcaFigures.Redundancy(Cca, pairs: 3);
        Assert.Equal((900, 500), PngHeader.Size(fig.Png));
        var (plot, _) = CcaFigures.BuildRedundancy(Cca, 3);
        using (plot)
        {
            var bars = plot.GetPlottables<BarPlot>().Single().Bars;
            Assert.Equal(12, bars.Count);
            var r = Cca.Redundancy;
            Assert.Equal(r.OwnX.Take(3).Concat(r.OppositeX.Take(3)).Concat(r.OwnY.Take(3)).Concat(r.OppositeY.Take(3)).ToArray(),
                bars.Select(b => b.Value).ToArray());
            Assert.Equal("proportion of standardized variance (0 to 1)", plot.Axes.Left.Label.Text);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => CcaFigures.Redundancy(Cca, pairs: 9));
    }

    [Fact]
    public void SizesOutsideTheUsableRangeAreRejected()
    {
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => CcaFigures.Redundancy(Cca, width: 10)).ParamName);
    }
}
