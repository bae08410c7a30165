using RuralEcom.Resampling;
using ScottPlot;

namespace RuralEcom.Plots;

/// <summary>Figures for small-sample honesty: null distributions, and in-sample against honest estimates.</summary>
public static class ResamplingPlots
{
    /// <summary>
    /// For every dimension k, the simulated null distribution of r_k (X and Y unrelated): a thick bar from the 5 %
    /// to the 95 % quantile, a thin bar from 1 % to 99 %, a dot at the median; reported values as red diamonds.
    /// </summary>
    /// <param name="nullDistribution">The simulated null distribution.</param>
    /// <param name="reported">Reported correlations to place in it (may be longer than min(p, q): extra values are drawn at their positions and marked impossible in the legend).</param>
    /// <param name="reportedLabel">Legend text for the reported values.</param>
    /// <param name="width">Width in pixels (200 to 8000).</param>
    /// <param name="height">Height in pixels (150 to 8000).</param>
    public static Figure NullDistribution(NullDistributionResult nullDistribution, IReadOnlyList<double>? reported = null,
        string reportedLabel = "Reported", int width = 800, int height = 480)
    {
        var (plot, title) = BuildNullDistribution(nullDistribution, reported, reportedLabel);
        using (plot) return FigureRendering.Render(plot, title, width, height);
    }

    internal static (Plot Plot, string Title) BuildNullDistribution(NullDistributionResult nullDistribution,
        IReadOnlyList<double>? reported, string reportedLabel)
    {
        ArgumentNullException.ThrowIfNull(nullDistribution);
        var plot = new Plot();
        int k = nullDistribution.Count;
        for (int d = 1; d <= k; d++)
        {
            var thin = plot.Add.Line(d, nullDistribution.Quantile(d, 0.01), d, nullDistribution.Quantile(d, 0.99));
            thin.LineWidth = 1.5f;
            thin.Color = Colors.Gray;
            var thick = plot.Add.Line(d, nullDistribution.Quantile(d, 0.05), d, nullDistribution.Quantile(d, 0.95));
            thick.LineWidth = 8;
            thick.Color = Colors.SteelBlue.WithAlpha(0.6);
            if (d == 1) thick.LegendText = "Null 5 %–95 % (thin: 1 %–99 %)";
        }
        var median = plot.Add.Scatter(Enumerable.Range(1, k).Select(d => (double)d).ToArray(), Enumerable.Range(1, k).Select(d => nullDistribution.Quantile(d, 0.5)).ToArray());
        median.LineWidth = 0;
        median.MarkerSize = 7;
        median.Color = Colors.Navy;
        median.LegendText = "Null median";
        if (reported is { Count: > 0 })
        {
            var inside = Enumerable.Range(0, Math.Min(k, reported.Count)).ToArray();
            var dots = plot.Add.Scatter(inside.Select(i => i + 1.0).ToArray(), inside.Select(i => reported[i]).ToArray());
            dots.LineWidth = 0;
            dots.MarkerSize = 11;
            dots.MarkerShape = MarkerShape.FilledDiamond;
            dots.Color = Colors.Crimson;
            dots.LegendText = reportedLabel;
            if (reported.Count > k)
            {
                var extra = Enumerable.Range(k, reported.Count - k).ToArray();
                var cross = plot.Add.Scatter(extra.Select(i => i + 1.0).ToArray(), extra.Select(i => reported[i]).ToArray());
                cross.LineWidth = 0;
                cross.MarkerSize = 11;
                cross.MarkerShape = MarkerShape.Eks;
                cross.Color = Colors.Crimson;
                cross.LegendText = $"{reportedLabel} beyond min(p, q) = {k} (impossible)";
            }
        }
        string title = $"Canonical correlations of unrelated data: n = {nullDistribution.N}, p = {nullDistribution.P}, q = {nullDistribution.Q}";
        plot.Title(title);
        plot.XLabel("Canonical pair k");
        plot.YLabel("Sample canonical correlation r_k");
        plot.Axes.SetLimitsY(0, 1.02);
        IntegerTicks(plot, Math.Max(k, reported?.Count ?? 0));
        plot.ShowLegend(Edge.Bottom);
        return (plot, title);
    }

    /// <summary>
    /// Per canonical pair: the in-sample correlation, the cross-validated (held-out) correlation, the bootstrap
    /// interval, and (for synthetic data) the population value.
    /// </summary>
    /// <param name="inSample">In-sample canonical correlations.</param>
    /// <param name="heldOut">Cross-validated correlations (null to omit).</param>
    /// <param name="bootstrap">Bootstrap intervals to draw as bars: BCa when the bootstrap computed it, otherwise percentile (null to omit).</param>
    /// <param name="truth">Population canonical correlations (null when unknown).</param>
    /// <param name="width">Width in pixels (200 to 8000).</param>
    /// <param name="height">Height in pixels (150 to 8000).</param>
    public static Figure HonestCorrelations(IReadOnlyList<double> inSample, IReadOnlyList<double>? heldOut = null,
        BootstrapResult? bootstrap = null, IReadOnlyList<double>? truth = null, int width = 800, int height = 480)
    {
        var (plot, title) = BuildHonestCorrelations(inSample, heldOut, bootstrap, truth);
        using (plot) return FigureRendering.Render(plot, title, width, height);
    }

    internal static (Plot Plot, string Title) BuildHonestCorrelations(IReadOnlyList<double> inSample, IReadOnlyList<double>? heldOut,
        BootstrapResult? bootstrap, IReadOnlyList<double>? truth)
    {
        ArgumentNullException.ThrowIfNull(inSample);
        var plot = new Plot();
        int k = inSample.Count;
        double[] xs(double shift) => Enumerable.Range(1, k).Select(d => d + shift).ToArray();
        if (bootstrap is not null)
            for (int d = 0; d < Math.Min(k, bootstrap.Correlations.Count); d++)
            {
                // BCa when it was computed (the interval the notebooks recommend), the percentile interval otherwise.
                var c = bootstrap.Correlations[d];
                bool bca = c.BcaLower is not null && c.BcaUpper is not null;
                var bar = plot.Add.Line(d + 1 - 0.12, bca ? c.BcaLower!.Value : c.PercentileLower, d + 1 - 0.12, bca ? c.BcaUpper!.Value : c.PercentileUpper);
                bar.LineWidth = 5;
                bar.Color = Colors.SteelBlue.WithAlpha(0.6);
                if (d == 0) bar.LegendText = $"Bootstrap {bootstrap.Level:P0} interval ({(bca ? "BCa" : "percentile")})";
            }
        void Points(double[] x, IReadOnlyList<double> y, Color color, MarkerShape shape, string label)
        {
            var s = plot.Add.Scatter(x, y.Take(x.Length).ToArray());
            s.LineWidth = 0;
            s.MarkerSize = 10;
            s.MarkerShape = shape;
            s.Color = color;
            s.LegendText = label;
        }
        Points(xs(-0.12), inSample, Colors.Navy, MarkerShape.FilledCircle, "In-sample r_k");
        if (heldOut is not null) Points(xs(0.12), heldOut, Colors.DarkOrange, MarkerShape.FilledSquare, "Cross-validated (held-out) r_k");
        if (truth is not null) Points(xs(0), truth, Colors.Crimson, MarkerShape.FilledDiamond, "Population value");
        const string title = "In-sample canonical correlations against honest estimates";
        plot.Title(title);
        plot.XLabel("Canonical pair k");
        plot.YLabel("Canonical correlation");
        IntegerTicks(plot, k);
        plot.ShowLegend(Edge.Bottom);
        return (plot, title);
    }

    private static void IntegerTicks(Plot plot, int count)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int d = 1; d <= count; d++) ticks.AddMajor(d, d.ToString(System.Globalization.CultureInfo.InvariantCulture));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(0.4, count + 0.6);
    }
}
