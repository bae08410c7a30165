using RuralEcom.Data;
using ScottPlot;

namespace RuralEcom.Plots;

/// <summary>Plots of panel data (one line per region over the years).</summary>
public static class PanelPlots
{
    /// <summary>
    /// One line per region of one indicator against year. Regions are labelled with their English names
    /// (<see cref="ProvinceNames.ToEnglish"/>), so the figure needs no CJK fonts.
    /// </summary>
    /// <param name="panel">The panel.</param>
    /// <param name="symbol">The indicator to plot.</param>
    /// <param name="regions">Regions to draw (any name <see cref="ProvinceNames"/> knows, or as stored); null draws every region.</param>
    /// <param name="title">Figure title; null uses the catalogue name of the indicator.</param>
    /// <param name="yLabel">Y-axis label; null uses the catalogue unit.</param>
    /// <param name="width">Width in pixels (200 to 8000).</param>
    /// <param name="height">Height in pixels (150 to 8000).</param>
    /// <exception cref="KeyNotFoundException">The symbol or a region is not in the panel.</exception>
    public static Figure SeriesByRegion(Panel panel, string symbol, IReadOnlyList<string>? regions = null, string? title = null,
        string? yLabel = null, int width = 800, int height = 480)
    {
        var (plot, figureTitle) = BuildSeriesByRegion(panel, symbol, regions, title, yLabel);
        using (plot) return FigureRendering.Render(plot, figureTitle, width, height);
    }

    internal static (Plot Plot, string Title) BuildSeriesByRegion(Panel panel, string symbol, IReadOnlyList<string>? regions,
        string? title, string? yLabel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var values = panel.Column(symbol);
        var catalog = IndicatorCatalog.Default;
        var indicator = catalog.Contains(symbol) ? catalog[symbol] : null;
        var stored = panel.DistinctRegions;
        var chosen = regions is null ? stored : regions.Select(r =>
            stored.FirstOrDefault(s => s == r || ProvinceNames.ToEnglish(s) == ProvinceNames.ToEnglish(r))
            ?? throw new KeyNotFoundException($"The panel has no region '{r}'. Its regions: {string.Join(", ", stored)}.")).ToArray();
        var plot = new Plot();
        foreach (var region in chosen)
        {
            var rows = Enumerable.Range(0, panel.Count).Where(i => panel.Regions[i] == region).OrderBy(i => panel.Years[i]).ToArray();
            var line = plot.Add.ScatterLine(rows.Select(i => (double)panel.Years[i]).ToArray(), rows.Select(i => values[i]).ToArray());
            line.LegendText = ProvinceNames.ToEnglish(region);
            line.MarkerSize = 5;
            line.LineWidth = 2;
        }
        var figureTitle = title ?? (indicator is null ? symbol : $"{symbol}: {indicator.Name}");
        plot.Title(figureTitle);
        plot.XLabel("Year");
        plot.YLabel(yLabel ?? indicator?.Unit ?? symbol);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var year in chosen.SelectMany(r => Enumerable.Range(0, panel.Count).Where(i => panel.Regions[i] == r).Select(i => panel.Years[i])).Distinct().Order())
            ticks.AddMajor(year, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.ShowLegend(Edge.Right);
        return (plot, figureTitle);
    }
}
