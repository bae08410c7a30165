using RuralEcom.Plots;
using RuralEcom.Resampling;
using ScottPlot;
using ScottPlot.Plottables;

namespace RuralEcom.Tests.Plots;

public class ResamplingPlotsTests
{
    private static readonly NullDistributionResult Sim = NullDistribution.Simulate(30, 3, 4, 200, 1);

    [Fact]
    public void Null_distribution_and_honest_correlation_figures_render_at_the_requested_size()
    {
        Assert.Equal((640, 400), PngHeader.Size(ResamplingPlots.NullDistribution(Sim, [0.9, 0.6, 0.3, 0.2], "Reported", 640, 400).Png));
        Assert.Equal((800, 480), PngHeader.Size(ResamplingPlots.HonestCorrelations([0.9, 0.5], [0.7, 0.1]).Png));
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => ResamplingPlots.NullDistribution(Sim, width: 50)).ParamName);
    }

    [Fact]
    public void Null_distribution_draws_the_quantile_bars_the_median_and_the_reported_values()
    {
        double[] reported = [0.9, 0.6, 0.3, 0.2]; // 4 values but min(p, q) = 3: the fourth is impossible
        var (plot, title) = ResamplingPlots.BuildNullDistribution(Sim, reported, "Paper");
        using (plot)
        {
            var lines = plot.GetPlottables<LinePlot>().ToArray();
            Assert.Equal(6, lines.Length); // thin 1–99 % and thick 5–95 % bar per dimension
            for (int d = 1; d <= 3; d++)
            {
                var thin = lines[2 * (d - 1)];
                var thick = lines[2 * (d - 1) + 1];
                Assert.Equal((d, d), (thin.Start.X, thin.End.X));
                Assert.Equal((Sim.Quantile(d, 0.01), Sim.Quantile(d, 0.99)), (thin.Start.Y, thin.End.Y));
                Assert.Equal((Sim.Quantile(d, 0.05), Sim.Quantile(d, 0.95)), (thick.Start.Y, thick.End.Y));
                Assert.True(thick.LineWidth > thin.LineWidth);
            }
            var scatters = plot.GetPlottables<Scatter>().ToArray();
            Assert.Equal(["Null median", "Paper", "Paper beyond min(p, q) = 3 (impossible)"], scatters.Select(s => s.LegendText).ToArray());
            Assert.Equal([Sim.Quantile(1, 0.5), Sim.Quantile(2, 0.5), Sim.Quantile(3, 0.5)], scatters[0].Data.GetScatterPoints().Select(c => c.Y).ToArray());
            Assert.Equal([new Coordinates(1, 0.9), new Coordinates(2, 0.6), new Coordinates(3, 0.3)], scatters[1].Data.GetScatterPoints().ToArray());
            Assert.Equal([new Coordinates(4, 0.2)], scatters[2].Data.GetScatterPoints().ToArray());
            Assert.Equal(MarkerShape.Eks, scatters[2].MarkerShape);
            Assert.Equal("Canonical correlations of unrelated data: n = 30, p = 3, q = 4", title);
            Assert.Equal(title, plot.Axes.Title.Label.Text);
            Assert.Equal("Canonical pair k", plot.Axes.Bottom.Label.Text);
            Assert.Equal("Sample canonical correlation r_k", plot.Axes.Left.Label.Text);
            var limits = plot.Axes.GetLimits();
            Assert.Equal((0, 1.02), (limits.Bottom, limits.Top));
            Assert.Equal((0.4, 4.6), (limits.Left, limits.Right)); // room for the impossible fourth value
            plot.RenderInMemory(800, 480); // manual ticks are laid out on render
            Assert.Equal(["1", "2", "3", "4"], plot.Axes.Bottom.TickGenerator.Ticks.Select(t => t.Label).ToArray());
        }
    }

    [Fact]
    public void Null_distribution_without_reported_values_draws_only_the_null()
    {
        var (plot, _) = ResamplingPlots.BuildNullDistribution(Sim, null, "Reported");
        using (plot)
        {
            Assert.Equal("Null median", plot.GetPlottables<Scatter>().Single().LegendText);
            Assert.Equal(3.6, plot.Axes.GetLimits().Right);
        }
    }

    [Fact]
    public void Honest_correlations_draw_one_marker_series_per_estimate_and_the_bootstrap_intervals()
    {
        var (x, y) = TestData.Related(40, 3, 3, 2);
        var boot = CcaBootstrap.Resample(x, y, 50, 1, bca: false);
        var cv = CcaCrossValidation.KFold(x, y, 4, 1);
        double[] truth = [0.8, 0.7, 0];
        var (plot, title) = ResamplingPlots.BuildHonestCorrelations(cv.InSample, cv.HeldOut, boot, truth);
        using (plot)
        {
            var bars = plot.GetPlottables<LinePlot>().ToArray();
            Assert.Equal(3, bars.Length);
            for (int d = 0; d < 3; d++)
            {
                Assert.Equal(d + 1 - 0.12, bars[d].Start.X, 12);
                Assert.Equal((boot.Correlations[d].PercentileLower, boot.Correlations[d].PercentileUpper), (bars[d].Start.Y, bars[d].End.Y));
            }
            Assert.Equal($"Bootstrap {boot.Level:P0} interval (percentile)", bars[0].LegendText);
            var s = plot.GetPlottables<Scatter>().ToArray();
            Assert.Equal(["In-sample r_k", "Cross-validated (held-out) r_k", "Population value"], s.Select(p => p.LegendText).ToArray());
            Assert.Equal(cv.InSample.ToArray(), s[0].Data.GetScatterPoints().Select(c => c.Y).ToArray());
            Assert.Equal(cv.HeldOut.ToArray(), s[1].Data.GetScatterPoints().Select(c => c.Y).ToArray());
            Assert.Equal(truth, s[2].Data.GetScatterPoints().Select(c => c.Y).ToArray());
            Assert.Equal([1.0, 2, 3], s[2].Data.GetScatterPoints().Select(c => c.X).ToArray());
            Assert.Equal(title, plot.Axes.Title.Label.Text);
            Assert.Equal("Canonical correlation", plot.Axes.Left.Label.Text);
        }
    }

    [Fact]
    public void Honest_correlations_draw_the_BCa_interval_when_the_bootstrap_computed_it()
    {
        var (x, y) = TestData.Related(40, 3, 3, 2);
        var boot = CcaBootstrap.Resample(x, y, 50, 1);
        Assert.Equal((800, 480), PngHeader.Size(ResamplingPlots.HonestCorrelations([0.9, 0.5, 0.2], null, boot).Png));
        var (plot, _) = ResamplingPlots.BuildHonestCorrelations([0.9, 0.5, 0.2], null, boot, null);
        using (plot)
        {
            var bars = plot.GetPlottables<LinePlot>().ToArray();
            for (int d = 0; d < 3; d++)
                Assert.Equal((boot.Correlations[d].BcaLower!.Value, boot.Correlations[d].BcaUpper!.Value), (bars[d].Start.Y, bars[d].End.Y));
            Assert.Equal($"Bootstrap {boot.Level:P0} interval (BCa)", bars[0].LegendText);
        }
    }

    [Fact]
    public void Honest_correlations_with_only_in_sample_values_draw_one_series()
    {
        var (plot, _) = ResamplingPlots.BuildHonestCorrelations([0.9, 0.4], null, null, null);
        using (plot)
        {
            Assert.Empty(plot.GetPlottables<LinePlot>());
            Assert.Equal([new Coordinates(0.88, 0.9), new Coordinates(1.88, 0.4)], plot.GetPlottables<Scatter>().Single().Data.GetScatterPoints().ToArray());
        }
    }
}
