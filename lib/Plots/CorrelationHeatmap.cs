using RuralEcom.Cca;
using ScottPlot;

namespace RuralEcom.Plots;

/// <summary>
/// A heat map of a correlation matrix R = [R11 R12; R21 R22] with the boundaries between the X and Y blocks drawn,
/// so the within-set blocks (R11, R22) and the between-set blocks (R12, R21) can be told apart at a glance.
/// </summary>
public static class CorrelationHeatmap
{
    /// <summary>Draws the correlation matrix of <paramref name="blocks"/> with its block boundaries.</summary>
    /// <param name="blocks">The correlation matrix and its split into X and Y.</param>
    /// <param name="title">The figure title (default names the blocks).</param>
    /// <param name="width">Width in pixels (200 to 8000).</param>
    /// <param name="height">Height in pixels (150 to 8000).</param>
    public static Figure Create(CorrelationBlocks blocks, string? title = null, int width = 760, int height = 680)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        return Create(blocks.R, blocks.P, title, width, height);
    }

    /// <summary>
    /// Draws a square correlation matrix as a heat map on a fixed scale from −1 (blue) through 0 (white) to +1 (red),
    /// the first variable in the top-left corner, with lines after the first <paramref name="p"/> rows and columns.
    /// </summary>
    /// <param name="correlation">A square matrix of correlations in [−1, 1], with row and column names.</param>
    /// <param name="p">The number of X variables (the size of R11); 0 or the full size draws no boundary.</param>
    /// <param name="title">The figure title (default names the blocks).</param>
    /// <param name="width">Width in pixels (200 to 8000).</param>
    /// <param name="height">Height in pixels (150 to 8000).</param>
    /// <exception cref="ArgumentException">The matrix is not square, an entry is not a number in [−1, 1], or p is out of range.</exception>
    public static Figure Create(LabeledMatrix correlation, int p, string? title = null, int width = 760, int height = 680)
    {
        var (plot, figureTitle) = Build(correlation, p, title);
        using (plot) return FigureRendering.Render(plot, figureTitle, width, height);
    }

    internal static (Plot Plot, string Title) Build(LabeledMatrix correlation, int p, string? title)
    {
        ArgumentNullException.ThrowIfNull(correlation);
        int m = correlation.RowCount;
        if (correlation.ColumnCount != m)
            throw new ArgumentException($"A correlation matrix is square; this one is {m} × {correlation.ColumnCount}.", nameof(correlation));
        if (p < 0 || p > m)
            throw new ArgumentOutOfRangeException(nameof(p), p, $"p must be between 0 and {m} (the number of variables).");
        var values = correlation.ToArray();
        foreach (var v in values)
            if (!(v >= -1 - 1e-9 && v <= 1 + 1e-9))
                throw new ArgumentException($"A correlation must lie in [−1, 1]; the matrix holds {v}.", nameof(correlation));
        title ??= p > 0 && p < m ? $"Correlation matrix R: R11 (X, {p} × {p}) top left, R22 (Y, {m - p} × {m - p}) bottom right" : "Correlation matrix R";

        var plot = new Plot();
        // Cell (i, j) covers x in [j, j + 1] and y in [m − i − 1, m − i]: row 0 at the top, as the matrix is printed.
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Rectangle = new CoordinateRect(0, m, 0, m);
        heatmap.Colormap = new ScottPlot.Colormaps.Balance();
        heatmap.ManualRange = new ScottPlot.Range(-1, 1);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "Pearson correlation";

        if (p > 0 && p < m)
        {
            var x = plot.Add.Line(p, 0, p, m);
            var y = plot.Add.Line(0, m - p, m, m - p);
            foreach (var line in new[] { x, y })
            {
                line.LineWidth = 3;
                line.LineColor = Colors.Black;
            }
        }
        var centres = Enumerable.Range(0, m).Select(j => j + 0.5).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(centres, correlation.ColumnNames.ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            centres.Select(c => m - c).ToArray(), correlation.RowNames.ToArray());
        plot.Axes.SetLimits(0, m, 0, m);
        plot.HideGrid();
        plot.Title(title);
        return (plot, title);
    }
}
