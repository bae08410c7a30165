using ScottPlot;

namespace RuralEcom.Plots;

/// <summary>Figures for composite indices. (Levels over time: put them in a panel with
/// <c>DevelopmentLevelsResult.ToPanel()</c> and draw them with <see cref="PanelPlots.SeriesByRegion"/>.)</summary>
public static class IndexPlots
{
    /// <summary>A bar chart of indicator weights (one bar per indicator, labelled with its name).</summary>
    /// <param name="names">Indicator names (x-axis labels).</param>
    /// <param name="weights">One weight per name.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="width">Width in pixels (200 to 8000).</param>
    /// <param name="height">Height in pixels (150 to 8000).</param>
    /// <exception cref="ArgumentException">Names and weights differ in length, are empty, or a weight is not finite.</exception>
    public static Figure WeightBars(IReadOnlyList<string> names, IReadOnlyList<double> weights, string title = "Indicator weights",
        int width = 720, int height = 400)
    {
        using var plot = BuildWeightBars(names, weights, title);
        return FigureRendering.Render(plot, title, width, height);
    }

    internal static Plot BuildWeightBars(IReadOnlyList<string> names, IReadOnlyList<double> weights, string title)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(weights);
        if (names.Count != weights.Count || names.Count == 0)
            throw new ArgumentException($"{names.Count} names and {weights.Count} weights were given; give one weight per name (at least one).", nameof(weights));
        if (weights.Any(w => !double.IsFinite(w))) throw new ArgumentException("A weight is NaN or infinite.", nameof(weights));
        var plot = new Plot();
        plot.Add.Bars(weights.ToArray());
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, names.Count).Select(i => (double)i).ToArray(), names.ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel("Weight");
        return plot;
    }
}
