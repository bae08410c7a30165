using ScottPlot;

namespace RuralEcom.Plots;

/// <summary>Figures for composite indices: indicator weights as bars and development levels over time as lines.</summary>
public static class IndexPlots
{
    /// <summary>A bar chart of indicator weights (one bar per indicator, labelled with its name).</summary>
    /// <param name="names">Indicator names (x-axis labels).</param>
    /// <param name="weights">One weight per name.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ArgumentException">Names and weights differ in length, are empty, or a weight is not finite.</exception>
    public static Figure WeightBars(IReadOnlyList<string> names, IReadOnlyList<double> weights, string title = "Indicator weights",
        int width = 720, int height = 400)
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
        return Render(plot, title, width, height);
    }

    /// <summary>A line chart of one series per region over the years (e.g. development levels 2014-2021).</summary>
    /// <param name="seriesNames">One name per series (region), used in the legend.</param>
    /// <param name="years">The x values, ascending.</param>
    /// <param name="values">series x years matrix of values.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="yLabel">The y-axis label.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ArgumentException">The sizes disagree or a value is not finite.</exception>
    public static Figure LevelLines(IReadOnlyList<string> seriesNames, IReadOnlyList<int> years, double[,] values,
        string title = "Development level", string yLabel = "Level", int width = 720, int height = 420)
    {
        ArgumentNullException.ThrowIfNull(seriesNames);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(values);
        if (values.GetLength(0) != seriesNames.Count || values.GetLength(1) != years.Count || years.Count == 0)
            throw new ArgumentException($"values is {values.GetLength(0)} x {values.GetLength(1)} but {seriesNames.Count} series and {years.Count} years were given.", nameof(values));
        var plot = new Plot();
        var xs = years.Select(y => (double)y).ToArray();
        for (int s = 0; s < seriesNames.Count; s++)
        {
            var ys = new double[years.Count];
            for (int t = 0; t < ys.Length; t++)
            {
                if (!double.IsFinite(values[s, t]))
                    throw new ArgumentException($"The value of '{seriesNames[s]}' in {years[t]} is {values[s, t]}.", nameof(values));
                ys[t] = values[s, t];
            }
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = seriesNames[s];
        }
        plot.Axes.Bottom.SetTicks(xs, years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(title);
        plot.XLabel("Year");
        plot.YLabel(yLabel);
        return Render(plot, title, width, height);
    }

    private static Figure Render(Plot plot, string title, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        return new Figure(title, width, height, plot.GetImageBytes(width, height, ImageFormat.Png));
    }
}
