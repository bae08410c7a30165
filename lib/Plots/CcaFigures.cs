using System.Globalization;
using RuralEcom.Cca;
using RuralEcom.Significance;
using ScottPlot;

namespace RuralEcom.Plots;

/// <summary>
/// Figures of a canonical correlation analysis: the canonical correlations with their sequential tests, the
/// canonical variates of a pair, the structure coefficients of a pair and the redundancy of every pair.
/// Each method returns a rendered <see cref="Figure"/> (PNG; the variate scatter and the structure chart also have an
/// interactive HTML page, built only when asked for).
/// </summary>
public static class CcaFigures
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// A scree-like bar chart of the canonical correlations r_1 ≥ r_2 ≥ … with the squared correlations as points.
    /// Bars of pairs whose sequential Wilks test (H0: this and all later correlations are zero) is significant at
    /// <paramref name="alpha"/> — counted as in <see cref="SignificanceResult.SignificantPairs"/> — are coloured;
    /// the rest are grey. Each tick names the pair and the p-value of its test.
    /// </summary>
    /// <param name="cca">The fitted analysis.</param>
    /// <param name="tests">Its tests of significance (<see cref="SignificanceTests.Test(CcaResult, int?)"/>).</param>
    /// <param name="alpha">The significance level.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static Figure CanonicalCorrelations(CcaResult cca, SignificanceResult tests, double alpha = 0.05,
        int width = 900, int height = 500)
    {
        var (plot, title) = BuildCanonicalCorrelations(cca, tests, alpha);
        using (plot) return FigureRendering.Render(plot, title, width, height);
    }

    /// <summary>
    /// The scores of the canonical variates of one pair, W_k (vertical) against V_k (horizontal), one point per
    /// sample, labelled (e.g. "Region A 2015"), with the least-squares line W = r_k V (both variates have unit
    /// variance and mean zero). Chinese province names in labels are drawn in English (<see cref="FigureRendering.Transliterate"/>),
    /// so the PNG needs no CJK font. The interactive HTML version (built only when asked for) shows each label as
    /// typed on hover; it loads plotly.js from plotly.min.js beside it.
    /// </summary>
    /// <param name="cca">The fitted analysis; it must have been fitted from data (it needs the scores).</param>
    /// <param name="pair">The pair number k, 1-based.</param>
    /// <param name="labels">One label per sample, in the order of the data rows; null labels the points 1..n.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="groups">One group per sample (e.g. the region); points of a group share a colour. Null: one colour.</param>
    /// <param name="labelLargest">Label only this many samples, those with the largest |W − r V| (the least well described).</param>
    /// <exception cref="InvalidOperationException">The analysis was fitted from a correlation or covariance matrix, so it has no scores.</exception>
    public static Figure VariateScatter(CcaResult cca, int pair, IReadOnlyList<string>? labels = null,
        int width = 900, int height = 700, IReadOnlyList<string>? groups = null, int labelLargest = 5)
    {
        var (plot, title) = BuildVariateScatter(cca, pair, labels, groups, labelLargest);
        using (plot) return FigureRendering.Render(plot, title, width, height, () => VariateScatterHtml(cca, pair, labels, title, width, height));
    }

    /// <summary>
    /// One scatter figure (<see cref="VariateScatter"/>) per pair that is significant at <paramref name="alpha"/>.
    /// </summary>
    /// <param name="cca">The fitted analysis (from data).</param>
    /// <param name="tests">Its tests of significance.</param>
    /// <param name="labels">One label per sample, or null.</param>
    /// <param name="alpha">The significance level.</param>
    public static IReadOnlyList<Figure> SignificantVariateScatters(CcaResult cca, SignificanceResult tests,
        IReadOnlyList<string>? labels = null, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(tests);
        return Enumerable.Range(1, tests.SignificantPairs(alpha)).Select(k => VariateScatter(cca, k, labels)).ToArray();
    }

    /// <summary>
    /// A paired horizontal bar chart of one pair's structure coefficients: the correlation of every X variable with
    /// V_k (blue bars, top) and of every Y variable with W_k (orange bars, bottom). Diamonds mark the standardized
    /// coefficients (the weights the paper reads as "typical loads"), so a student sees where the two readings
    /// disagree; dashed lines mark ±<paramref name="threshold"/>. The interactive HTML version (built only when asked
    /// for) shows the full indicator name and both coefficients on hover (it loads plotly.js from plotly.min.js beside it).
    /// </summary>
    /// <param name="cca">The fitted analysis.</param>
    /// <param name="pair">The pair number k, 1-based.</param>
    /// <param name="displayName">Maps a variable symbol to the text shown beside it (e.g. "X7 Rural internet coverage rate"); null shows the symbol.</param>
    /// <param name="threshold">Where the dashed guide lines sit (the interpretation threshold, 0.5 by default).</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static Figure StructureCoefficients(CcaResult cca, int pair, Func<string, string>? displayName = null,
        double threshold = 0.5, int width = 1000, int height = 750)
    {
        var (plot, title) = BuildStructureCoefficients(cca, pair, displayName, threshold);
        using (plot) return FigureRendering.Render(plot, title, width, height, () => StructureCoefficientsHtml(cca, pair, displayName, title, width, height));
    }

    /// <summary>
    /// Grouped bars of the Stewart–Love redundancy analysis for every pair: the share of the X set's standardized
    /// variance explained by its own variate V_k and by the opposite variate W_k (the redundancy of X), and the
    /// same for Y.
    /// </summary>
    /// <param name="cca">The fitted analysis.</param>
    /// <param name="pairs">How many leading pairs to show; null shows all.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static Figure Redundancy(CcaResult cca, int? pairs = null, int width = 900, int height = 500)
    {
        var (plot, title) = BuildRedundancy(cca, pairs);
        using (plot) return FigureRendering.Render(plot, title, width, height);
    }

    internal static (Plot Plot, string Title) BuildCanonicalCorrelations(CcaResult cca, SignificanceResult tests, double alpha)
    {
        ArgumentNullException.ThrowIfNull(cca);
        ArgumentNullException.ThrowIfNull(tests);
        if (tests.Wilks.Count != cca.Count || tests.N != cca.N)
            throw new ArgumentException($"The tests belong to another analysis (they have {tests.Wilks.Count} pairs and n = {tests.N}; the analysis has {cca.Count} pairs and n = {cca.N}). Compute them with cca.Tests().", nameof(tests));
        int significant = tests.SignificantPairs(alpha);
        var plot = new Plot();
        var bars = Enumerable.Range(0, cca.Count).Select(i => new Bar
        {
            Position = i + 1,
            Value = cca.Correlations[i],
            FillColor = i < significant ? FigureRendering.XColor : FigureRendering.Muted,
            Label = cca.Correlations[i].ToString("0.000", Inv),
        }).ToArray();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 12;
        var squares = plot.Add.Scatter(Enumerable.Range(1, cca.Count).Select(i => (double)i).ToArray(), cca.SquaredCorrelations.ToArray(), Colors.Black);
        squares.MarkerSize = 7;
        squares.LineWidth = 1;
        squares.LinePattern = LinePattern.Dotted;
        var ticks = Enumerable.Range(0, cca.Count).Select(i => $"{i + 1}\n{Interpretation.CanonicalInterpreter.PText(tests.Wilks[i].PValue)}").ToArray();
        plot.Axes.Bottom.SetTicks(Enumerable.Range(1, cca.Count).Select(i => (double)i).ToArray(), ticks);
        plot.Axes.SetLimits(0.4, cca.Count + 0.6, 0, 1.1);
        squares.LegendText = "r_k² (shared variance of the pair)";
        FigureRendering.AddFillLegend(plot, $"r_k, significant (sequential Wilks test, p < {alpha.ToString(Inv)})", FigureRendering.XColor);
        FigureRendering.AddFillLegend(plot, "r_k, not significant", FigureRendering.Muted);
        plot.ShowLegend(Alignment.UpperRight);
        string title = $"Canonical correlations and their sequential tests: {significant} of {cca.Count} pairs significant at α = {alpha.ToString(Inv)} (n = {cca.N})";
        FigureRendering.Label(plot, title, "canonical pair k, with the p-value of the test of pairs k..K", "canonical correlation r_k (0 to 1)");
        return (plot, title);
    }

    internal static (Plot Plot, string Title) BuildVariateScatter(CcaResult cca, int pair, IReadOnlyList<string>? labels,
        IReadOnlyList<string>? groups = null, int labelLargest = 5)
    {
        var (v, w, text) = VariateData(cca, pair, labels);
        if (groups is not null && groups.Count != v.Length)
            throw new ArgumentException($"groups has {groups.Count} entries but the analysis has {v.Length} samples; pass one group per data row, in order.", nameof(groups));
        if (labelLargest < 0) throw new ArgumentOutOfRangeException(nameof(labelLargest), labelLargest, "labelLargest must be 0 or more.");
        double r = cca.Correlations[pair - 1];
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var names = groups ?? Enumerable.Repeat("samples", v.Length).ToArray();
        foreach (var (group, index) in names.Distinct().Select((g, i) => (g, i)))
        {
            var rows = Enumerable.Range(0, v.Length).Where(i => names[i] == group).ToArray();
            var points = plot.Add.ScatterPoints(rows.Select(i => v[i]).ToArray(), rows.Select(i => w[i]).ToArray(), groups is null ? FigureRendering.XColor : palette.GetColor(index));
            points.MarkerSize = 6;
            if (groups is not null) points.LegendText = group;
        }
        // Label only the samples farthest from the line W = r V (largest |residual|), so labels do not pile up.
        foreach (int i in Enumerable.Range(0, v.Length).OrderByDescending(i => Math.Abs(w[i] - r * v[i])).Take(labelLargest))
        {
            var t = plot.Add.Text(FigureRendering.Transliterate(text[i]), v[i], w[i]);
            t.LabelFontSize = 9;
            t.LabelFontColor = Colors.DimGray;
            t.OffsetX = 4;
        }
        double lo = Math.Min(v.Min(), w.Min()) - 0.3, hi = Math.Max(v.Max(), w.Max()) + 0.6;
        var line = plot.Add.Line(lo, r * lo, hi, r * hi);
        line.LineColor = FigureRendering.YColor;
        line.LineWidth = 1.5f;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = $"least-squares line W = {r.ToString("0.000", Inv)} V";
        plot.Axes.SetLimits(lo, hi, lo, hi);
        plot.ShowLegend(Alignment.UpperLeft);
        string title = $"Canonical pair {pair}: W{pair} against V{pair} (r = {r.ToString("0.000", Inv)}, n = {cca.N})";
        FigureRendering.Label(plot, title, $"V{pair}: X-set canonical variate score (standard units)", $"W{pair}: Y-set canonical variate score (standard units)");
        return (plot, title);
    }

    private static (double[] V, double[] W, IReadOnlyList<string> Labels) VariateData(CcaResult cca, int pair, IReadOnlyList<string>? labels)
    {
        ArgumentNullException.ThrowIfNull(cca);
        FigureRendering.CheckPair(pair, cca.Count);
        if (cca.ScoresX is null || cca.ScoresY is null)
            throw new InvalidOperationException("This analysis was fitted from a correlation or covariance matrix, so it has no canonical variate scores to plot. Fit it from the data with CanonicalCorrelationAnalysis.Fit(x, y).");
        if (labels is not null && labels.Count != cca.N)
            throw new ArgumentException($"labels has {labels.Count} entries but the analysis has {cca.N} samples; pass one label per data row, in order.", nameof(labels));
        var text = labels ?? Enumerable.Range(1, cca.N).Select(i => i.ToString(Inv)).ToArray();
        return (cca.ScoresX.Column(pair - 1), cca.ScoresY.Column(pair - 1), text);
    }

    private static string VariateScatterHtml(CcaResult cca, int pair, IReadOnlyList<string>? labels, string title, int width, int height)
    {
        var (v, w, text) = VariateData(cca, pair, labels);
        var trace = new { type = "scatter", mode = "markers", name = "samples", x = v, y = w, text = text.Select(InteractiveHtml.Text).ToArray(), hoverinfo = "text+x+y" };
        var layout = new
        {
            title = new { text = InteractiveHtml.Text(title) },
            xaxis = new { title = new { text = $"V{pair}: X-set canonical variate score (standard units)" } },
            yaxis = new { title = new { text = $"W{pair}: Y-set canonical variate score (standard units)" } },
            width,
            height,
        };
        return InteractiveHtml.Page($"canonical-pair-{pair}", title, [trace], layout, width, height);
    }

    internal static (Plot Plot, string Title) BuildStructureCoefficients(CcaResult cca, int pair, Func<string, string>? displayName, double threshold)
    {
        ArgumentNullException.ThrowIfNull(cca);
        FigureRendering.CheckPair(pair, cca.Count);
        if (!(threshold > 0 && threshold < 1)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must lie strictly between 0 and 1.");
        var name = displayName ?? (s => s);
        int k = pair - 1, p = cca.P, q = cca.Q;
        // Rows from the top: X1..Xp, a gap, Y1..Yq. Row i sits at height (p + q + 1 - i) so X1 is highest.
        double Pos(int row) => p + q + 1 - row;
        var plot = new Plot();
        var bars = new List<Bar>();
        var positions = new List<double>();
        var tickText = new List<string>();
        var stdPos = new List<double>();
        var stdVal = new List<double>();
        void AddSet(IReadOnlyList<string> names, LabeledMatrix structure, LabeledMatrix weights, int firstRow, Color color)
        {
            for (int j = 0; j < names.Count; j++)
            {
                double y = Pos(firstRow + j);
                bars.Add(new Bar { Position = y, Value = structure[j, k], FillColor = color, Orientation = Orientation.Horizontal, Size = 0.7 });
                positions.Add(y);
                tickText.Add(FigureRendering.Wrap(FigureRendering.Transliterate(name(names[j])), 40));
                stdPos.Add(y);
                stdVal.Add(weights[j, k]);
            }
        }
        AddSet(cca.XNames, cca.Structure.X, cca.StandardizedCoefficientsX, 0, FigureRendering.XColor);
        AddSet(cca.YNames, cca.Structure.Y, cca.StandardizedCoefficientsY, p + 1, FigureRendering.YColor);
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        var diamonds = plot.Add.Markers(stdVal.ToArray(), stdPos.ToArray(), MarkerShape.FilledDiamond, 9, Colors.Black);
        diamonds.LegendText = "standardized coefficient (weight)";
        foreach (var t in new[] { -threshold, threshold })
        {
            var guide = plot.Add.VerticalLine(t, 1, Colors.Gray, LinePattern.Dashed);
            if (t > 0) guide.LegendText = $"±{threshold.ToString(Inv)} (interpretation threshold)";
        }
        plot.Add.VerticalLine(0, 1, Colors.Black);
        plot.Axes.Left.SetTicks(positions.ToArray(), tickText.ToArray());
        double extent = Math.Max(1.05, stdVal.Select(Math.Abs).Append(0).Max() + 0.15);
        plot.Axes.SetLimits(-extent, extent, 0.3, p + q + 1.7);
        FigureRendering.AddFillLegend(plot, $"X variable: correlation with V{pair}", FigureRendering.XColor);
        FigureRendering.AddFillLegend(plot, $"Y variable: correlation with W{pair}", FigureRendering.YColor);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        string title = $"Pair {pair} (r = {cca.Correlations[k].ToString("0.000", Inv)}): structure coefficients (bars), weights (diamonds)";
        FigureRendering.Label(plot, title, "structure coefficient (correlation) or standardized weight", "");
        return (plot, title);
    }

    private static string StructureCoefficientsHtml(CcaResult cca, int pair, Func<string, string>? displayName, string title, int width, int height)
    {
        var name = displayName ?? (s => s);
        int k = pair - 1;
        // Rows from the top: X variables then Y variables (plotly draws the first category at the bottom, so reverse).
        var rows = cca.XNames.Select((s, j) => (Label: InteractiveHtml.Text(name(s)), S: cca.Structure.X[j, k], W: cca.StandardizedCoefficientsX[j, k], Set: "X"))
            .Concat(cca.YNames.Select((s, j) => (Label: InteractiveHtml.Text(name(s)), S: cca.Structure.Y[j, k], W: cca.StandardizedCoefficientsY[j, k], Set: "Y")))
            .Reverse().ToArray();
        string Hover((string Label, double S, double W, string Set) r) =>
            $"{r.Label}<br>structure coefficient {r.S.ToString("0.000", Inv)}<br>standardized coefficient {r.W.ToString("0.000", Inv)}";
        var traces = new List<object>();
        foreach (var set in new[] { "X", "Y" })
        {
            var part = rows.Where(r => r.Set == set).ToArray();
            traces.Add(new
            {
                type = "bar",
                orientation = "h",
                name = set == "X" ? $"X variable: correlation with V{pair}" : $"Y variable: correlation with W{pair}",
                x = part.Select(r => r.S).ToArray(),
                y = part.Select(r => r.Label).ToArray(),
                text = part.Select(Hover).ToArray(),
                hoverinfo = "text",
                textposition = "none",
            });
        }
        traces.Add(new
        {
            type = "scatter",
            mode = "markers",
            name = "standardized coefficient (weight)",
            x = rows.Select(r => r.W).ToArray(),
            y = rows.Select(r => r.Label).ToArray(),
            text = rows.Select(Hover).ToArray(),
            hoverinfo = "text",
        });
        var layout = new
        {
            title = new { text = InteractiveHtml.Text(title) },
            xaxis = new { title = new { text = "structure coefficient (correlation) or standardized weight" } },
            yaxis = new { automargin = true },
            barmode = "overlay",
            width,
            height,
        };
        return InteractiveHtml.Page($"structure-pair-{pair}", title, traces, layout, width, height);
    }

    internal static (Plot Plot, string Title) BuildRedundancy(CcaResult cca, int? pairs)
    {
        ArgumentNullException.ThrowIfNull(cca);
        int count = pairs ?? cca.Count;
        if (count < 1 || count > cca.Count)
            throw new ArgumentOutOfRangeException(nameof(pairs), pairs, $"pairs must be 1 to {cca.Count} (or null for all).");
        var red = cca.Redundancy;
        var series = new (IReadOnlyList<double> Values, string Label, Color Color)[]
        {
            (red.OwnX, "X set explained by its own variate V_k", FigureRendering.XColor),
            (red.OppositeX, "X set explained by the opposite variate W_k (redundancy)", FigureRendering.XColor.WithAlpha(0.45)),
            (red.OwnY, "Y set explained by its own variate W_k", FigureRendering.YColor),
            (red.OppositeY, "Y set explained by the opposite variate V_k (redundancy)", FigureRendering.YColor.WithAlpha(0.45)),
        };
        var plot = new Plot();
        var bars = new List<Bar>();
        for (int s = 0; s < series.Length; s++)
            for (int k = 0; k < count; k++)
                bars.Add(new Bar { Position = k + 1 + (s - 1.5) * 0.2, Value = series[s].Values[k], FillColor = series[s].Color, Size = 0.18 });
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(1, count).Select(i => (double)i).ToArray(), Enumerable.Range(1, count).Select(i => i.ToString(Inv)).ToArray());
        double top = bars.Max(b => b.Value);
        plot.Axes.SetLimits(0.4, count + 0.6, 0, Math.Min(1.0, top * 1.35 + 0.02));
        foreach (var (_, label, color) in series) FigureRendering.AddFillLegend(plot, label, color);
        plot.ShowLegend(Alignment.UpperRight);
        string title = $"Redundancy analysis: standardized variance explained per canonical pair (n = {cca.N})";
        FigureRendering.Label(plot, title, "canonical pair k", "proportion of standardized variance (0 to 1)");
        return (plot, title);
    }
}
