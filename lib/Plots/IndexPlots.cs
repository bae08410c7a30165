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

    /// <summary>
    /// A line chart with one line per series (e.g. region) over the years, from long-format data: one entry per panel
    /// row. An unbalanced panel is fine: each line joins the years its series has.
    /// </summary>
    /// <param name="series">The series (region) of each row; lines appear in order of first appearance.</param>
    /// <param name="years">The year of each row.</param>
    /// <param name="values">The value of each row (e.g. development levels).</param>
    /// <param name="title">The figure title.</param>
    /// <param name="yLabel">The y-axis label.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ArgumentException">The lengths differ, are 0, a value is not finite, or a series has a year twice.</exception>
    public static Figure LevelLines(IReadOnlyList<string> series, IReadOnlyList<int> years, IReadOnlyList<double> values,
        string title = "Development level", string yLabel = "Level", int width = 720, int height = 420)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(values);
        if (series.Count != years.Count || values.Count != years.Count || years.Count == 0)
            throw new ArgumentException($"{series.Count} series labels, {years.Count} years and {values.Count} values were given; give one of each per row.", nameof(values));
        var plot = new Plot();
        foreach (var name in series.Distinct())
        {
            var rows = Enumerable.Range(0, series.Count).Where(i => series[i] == name).OrderBy(i => years[i]).ToArray();
            for (int k = 0; k < rows.Length; k++)
            {
                if (!double.IsFinite(values[rows[k]]))
                    throw new ArgumentException($"The value of '{name}' in {years[rows[k]]} is {values[rows[k]]}.", nameof(values));
                if (k > 0 && years[rows[k]] == years[rows[k - 1]])
                    throw new ArgumentException($"'{name}' has two values for {years[rows[k]]}.", nameof(years));
            }
            var line = plot.Add.Scatter(rows.Select(i => (double)years[i]).ToArray(), rows.Select(i => values[i]).ToArray());
            line.LegendText = name;
        }
        var ticks = years.Distinct().Order().ToArray();
        plot.Axes.Bottom.SetTicks(ticks.Select(y => (double)y).ToArray(), ticks.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.ShowLegend(Edge.Right);
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
