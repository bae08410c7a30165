using System.Globalization;
using RuralEcom.Significance;
using ScottPlot;

namespace RuralEcom.Plots;

/// <summary>Figures the course notebooks use to show one result at a glance: the sequential Wilks tests and the coupling-coordination plane.</summary>
public static class CourseFigures
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Wilks' Λ_k = Π_{i ≥ k} (1 − r_i²) of the sequential tests on a log₁₀ axis, one point per row k, each labelled
    /// with its p-value (Rao's F); filled where p &lt; <paramref name="alpha"/>. Λ_k near 1 means the pairs from k on add
    /// nothing; the log axis shows the many orders of magnitude between the first and the last row.
    /// </summary>
    /// <param name="tests">The sequential tests (<c>cca.Tests()</c>).</param>
    /// <param name="alpha">The significance level that decides the fill.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static Figure WilksSequence(SignificanceResult tests, double alpha = 0.05, int width = 800, int height = 480)
    {
        var (plot, title) = BuildWilksSequence(tests, alpha);
        using (plot) return FigureRendering.Render(plot, title, width, height);
    }

    internal static (Plot Plot, string Title) BuildWilksSequence(SignificanceResult tests, double alpha)
    {
        ArgumentNullException.ThrowIfNull(tests);
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie strictly between 0 and 1, e.g. 0.05.");
        var plot = new Plot();
        var rows = tests.Wilks;
        double[] k = rows.Select(w => (double)w.K).ToArray();
        double[] logLambda = rows.Select(w => Math.Log10(Math.Max(w.Lambda, 1e-300))).ToArray();
        var line = plot.Add.Scatter(k, logLambda, Colors.Gray);
        line.MarkerSize = 0;
        line.LinePattern = LinePattern.Dotted;
        for (int i = 0; i < rows.Count; i++)
        {
            bool significant = rows[i].PValue < alpha;
            var m = plot.Add.Marker(k[i], logLambda[i], significant ? MarkerShape.FilledCircle : MarkerShape.OpenCircle, 11,
                significant ? FigureRendering.XColor : FigureRendering.Muted);
            if (i == 0) m.LegendText = $"Λ_k, p < {alpha.ToString(Inv)}";
            var t = plot.Add.Text($"p = {rows[i].PValue.ToString(rows[i].PValue < 0.001 ? "0.0E+0" : "0.000", Inv)}", k[i], logLambda[i]);
            t.LabelFontSize = 11;
            t.OffsetX = -20;
            t.OffsetY = -22;
        }
        if (rows.Any(r => r.PValue >= alpha)) FigureRendering.AddFillLegend(plot, $"Λ_k, p ≥ {alpha.ToString(Inv)}", FigureRendering.Muted);
        int lowest = (int)Math.Floor(logLambda.Append(0).Min());
        var ticks = Enumerable.Range(lowest, 1 - lowest).Select(e => (double)e).ToArray();
        plot.Axes.Left.SetTicks(ticks, ticks.Select(e => e == 0 ? "1" : $"1E{e.ToString(Inv)}").ToArray());
        plot.Axes.Bottom.SetTicks(k, rows.Select(r => r.K.ToString(Inv)).ToArray());
        plot.Axes.SetLimits(0.5, rows.Count + 0.5, lowest - 0.5, 0.5);
        plot.ShowLegend(Alignment.LowerRight);
        string title = $"Sequential Wilks tests: Λ_k for the pairs k..{rows.Count} (n = {tests.N}, p = {tests.P}, q = {tests.Q})";
        FigureRendering.Label(plot, title, "row k of the sequential test (H0: pairs k..K are all zero)", "Wilks' Λ_k (log scale; 1 = nothing left)");
        return (plot, title);
    }

    /// <summary>
    /// The coupling-coordination plane: every sample at (U1, U2), coloured by group (e.g. region), over the contour lines
    /// of the coupling coordination degree D = 0.1, 0.2, …, 0.9. With equal weights (α = β = 0.5),
    /// C = 2√(U1U2)/(U1 + U2) and T = (U1 + U2)/2 give D = √(CT) = (U1 U2)^{1/4}, so the contour D = d is the hyperbola
    /// U2 = d⁴ / U1; points near the diagonal are balanced (C near 1), points far up-right are highly coordinated.
    /// </summary>
    /// <param name="u1">The first system's levels, in [0, 1].</param>
    /// <param name="u2">The second system's levels, in [0, 1], one per sample of <paramref name="u1"/>.</param>
    /// <param name="groups">One group name per sample (points of a group share a colour), or null for one colour.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static Figure CoordinationPlane(IReadOnlyList<double> u1, IReadOnlyList<double> u2, IReadOnlyList<string>? groups = null,
        int width = 760, int height = 680)
    {
        var (plot, title) = BuildCoordinationPlane(u1, u2, groups);
        using (plot) return FigureRendering.Render(plot, title, width, height);
    }

    internal static (Plot Plot, string Title) BuildCoordinationPlane(IReadOnlyList<double> u1, IReadOnlyList<double> u2, IReadOnlyList<string>? groups)
    {
        ArgumentNullException.ThrowIfNull(u1);
        ArgumentNullException.ThrowIfNull(u2);
        if (u1.Count != u2.Count) throw new ArgumentException($"u1 has {u1.Count} values but u2 has {u2.Count}; give one pair per sample.", nameof(u2));
        if (groups is not null && groups.Count != u1.Count) throw new ArgumentException($"groups has {groups.Count} entries but there are {u1.Count} samples.", nameof(groups));
        if (u1.Concat(u2).Any(v => !(v >= 0 && v <= 1))) throw new ArgumentOutOfRangeException(nameof(u1), "Development levels must lie in [0, 1].");
        var plot = new Plot();
        for (int level = 1; level <= 9; level++)
        {
            double d = level / 10.0, d4 = Math.Pow(d, 4);
            var xs = Enumerable.Range(0, 200).Select(i => d4 + (1 - d4) * i / 199.0).ToArray();
            var contour = plot.Add.Scatter(xs, xs.Select(x => d4 / x).ToArray(), Colors.LightGray);
            contour.MarkerSize = 0;
            contour.LinePattern = LinePattern.Dashed;
            var label = plot.Add.Text($"D = {d.ToString("0.0", Inv)}", Math.Sqrt(d4), Math.Sqrt(d4));
            label.LabelFontSize = 10;
            label.LabelFontColor = Colors.Gray;
        }
        var names = groups ?? Enumerable.Repeat("samples", u1.Count).ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var (group, index) in names.Distinct().Select((g, i) => (g, i)))
        {
            var rows = Enumerable.Range(0, u1.Count).Where(i => names[i] == group).ToArray();
            var points = plot.Add.ScatterPoints(rows.Select(i => u1[i]).ToArray(), rows.Select(i => u2[i]).ToArray(), palette.GetColor(index));
            points.MarkerSize = 8;
            points.LegendText = group;
        }
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = Colors.Black.WithAlpha(0.4);
        diagonal.LegendText = "U1 = U2 (balanced)";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.LowerRight);
        string title = $"Coupling coordination: {u1.Count} samples on the (U1, U2) plane with contours of D";
        FigureRendering.Label(plot, title, "U1: rural e-commerce development level", "U2: urban-rural integration level");
        return (plot, title);
    }
}
