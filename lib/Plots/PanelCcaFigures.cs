using System.Globalization;
using RuralEcom.Data;
using RuralEcom.Panels;
using ScottPlot;

namespace RuralEcom.Plots;

/// <summary>Figures for panel CCA: the three relations of two indicators, and the decomposition of the pooled canonical correlations.</summary>
public static class PanelCcaFigures
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly Color TrendColor = new(214, 39, 40);
    private static readonly Color BetweenColor = new(31, 119, 180);
    private static readonly Color WithinColor = new(44, 160, 44);

    /// <summary>One relation of two indicators: its points (each side z-scored) and their correlation.</summary>
    /// <param name="Name">"between regions", "trend (year means)" or "within regions (two-way residuals)".</param>
    /// <param name="X">The x values, z-scored.</param>
    /// <param name="Y">The y values, z-scored.</param>
    /// <param name="Correlation">The correlation of the points.</param>
    public sealed record Relation(string Name, double[] X, double[] Y, double Correlation);

    /// <summary>
    /// The three relations of two indicators of a panel: region means (one point per region), year means (one per year)
    /// and two-way residuals (one per region-year), each z-scored so they share the axes.
    /// </summary>
    /// <param name="panel">The panel.</param>
    /// <param name="xSymbol">The indicator on the horizontal axis.</param>
    /// <param name="ySymbol">The indicator on the vertical axis.</param>
    public static IReadOnlyList<Relation> Relations(Panel panel, string xSymbol, string ySymbol)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var design = PanelDesign.Of(panel);
        double[] x = panel.Column(xSymbol), y = panel.Column(ySymbol);
        double[] Means(double[] v, IReadOnlyList<int> group, int groups) =>
            Enumerable.Range(0, groups).Select(g => Enumerable.Range(0, v.Length).Where(i => group[i] == g).Average(i => v[i])).ToArray();
        double[] Residual(double[] v)
        {
            var m = new double[v.Length, 1];
            for (int i = 0; i < v.Length; i++) m[i, 0] = v[i];
            var r = WithinTransform.Create(design, WithinTransformation.TwoWay).Apply(m);
            return Enumerable.Range(0, v.Length).Select(i => r[i, 0]).ToArray();
        }
        Relation Make(string name, double[] a, double[] b)
        {
            var pair = new double[a.Length, 2];
            for (int i = 0; i < a.Length; i++) (pair[i, 0], pair[i, 1]) = (a[i], b[i]);
            var z = Indices.Standardization.ZScores(pair, [xSymbol, ySymbol]);
            var za = Enumerable.Range(0, a.Length).Select(i => z[i, 0]).ToArray();
            var zb = Enumerable.Range(0, a.Length).Select(i => z[i, 1]).ToArray();
            return new Relation(name, za, zb, za.Zip(zb).Sum(t => t.First * t.Second) / (za.Length - 1));
        }
        return
        [
            Make("between regions (region means)", Means(x, design.RegionOf, design.Regions.Count), Means(y, design.RegionOf, design.Regions.Count)),
            Make("trend (year means)", Means(x, design.YearOf, design.Years.Count), Means(y, design.YearOf, design.Years.Count)),
            Make("within regions (two-way residuals)", Residual(x), Residual(y)),
        ];
    }

    /// <summary>The three relations of <see cref="Relations"/> in one scatter plot, with each correlation in the legend.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="xSymbol">The indicator on the horizontal axis.</param>
    /// <param name="ySymbol">The indicator on the vertical axis.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static Figure ThreeRelations(Panel panel, string xSymbol, string ySymbol, int width = 760, int height = 520)
    {
        FigureRendering.CheckSize(width, height);
        var relations = Relations(panel, xSymbol, ySymbol);
        var plot = new Plot();
        Color[] colors = [BetweenColor, TrendColor, WithinColor];
        for (int i = 0; i < relations.Count; i++)
        {
            var r = relations[i];
            var points = plot.Add.ScatterPoints(r.X, r.Y, colors[i]);
            points.MarkerSize = i == 2 ? 5 : 10;
            points.LegendText = $"{r.Name}: r = {r.Correlation.ToString("0.00", Inv)} ({r.X.Length} points)";
        }
        plot.ShowLegend(Alignment.UpperLeft);
        string title = $"{xSymbol} and {ySymbol}: three relations in one panel";
        using (plot)
        {
            FigureRendering.Label(plot, title, $"{xSymbol} (z-score within each relation)", $"{ySymbol} (z-score within each relation)");
            return FigureRendering.Render(plot, title, width, height);
        }
    }

    /// <summary>Grouped bars: the trend, between-region and within-region parts of each pooled canonical correlation.</summary>
    /// <param name="parts">The result of <see cref="CorrelationDecomposition.Decompose"/>.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static Figure Decomposition(IReadOnlyList<CorrelationParts> parts, int width = 760, int height = 440)
    {
        ArgumentNullException.ThrowIfNull(parts);
        FigureRendering.CheckSize(width, height);
        var plot = new Plot();
        var bars = new List<Bar>();
        Color[] colors = [TrendColor, BetweenColor, WithinColor];
        foreach (var c in parts)
        {
            double[] v = [c.Trend, c.Between, c.Within];
            for (int j = 0; j < 3; j++) bars.Add(new Bar { Position = c.Pair + (j - 1) * 0.27, Value = v[j], Size = 0.25, FillColor = colors[j] });
        }
        plot.Add.Bars(bars);
        var totals = plot.Add.ScatterPoints(parts.Select(c => (double)c.Pair).ToArray(), parts.Select(c => c.Total).ToArray(), Colors.Black);
        totals.MarkerSize = 8;
        totals.LegendText = "pooled r_k (sum of the three parts)";
        FigureRendering.AddFillLegend(plot, "trend (year means)", TrendColor);
        FigureRendering.AddFillLegend(plot, "between regions", BetweenColor);
        FigureRendering.AddFillLegend(plot, "within regions", WithinColor);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.SetTicks(parts.Select(c => (double)c.Pair).ToArray(), parts.Select(c => c.Pair.ToString(Inv)).ToArray());
        string title = "Where each pooled canonical correlation comes from";
        using (plot)
        {
            FigureRendering.Label(plot, title, "canonical pair k", "part of r_k");
            return FigureRendering.Render(plot, title, width, height);
        }
    }
}
