using RuralEcom.Cca;
using RuralEcom.Plots;
using ScottPlot;
using ScottPlot.Plottables;

namespace RuralEcom.Tests.Plots;

public class CorrelationHeatmapTests
{
    [Fact]
    public void Renders_a_png_of_the_requested_size()
    {
        var (x, y) = TestData.Related(40, 3, 4, 21);
        var figure = CorrelationHeatmap.Create(CorrelationBlocks.FromData(x, y), width: 640, height: 500);
        Assert.Equal((640, 500), PngHeader.Size(figure.Png));
        Assert.Equal((640, 500), (figure.Width, figure.Height));
        Assert.Contains("R11", figure.Title);
    }

    [Fact]
    public void Draws_every_cell_where_the_matrix_prints_it_on_a_fixed_minus_one_to_one_scale()
    {
        var (x, y) = TestData.Related(40, 3, 4, 21);
        var blocks = CorrelationBlocks.FromData(x, y);
        var r = blocks.R.ToArray();
        var (plot, title) = CorrelationHeatmap.Build(blocks.R, 3, null);
        using (plot)
        {
            var heatmap = plot.GetPlottables<Heatmap>().Single();
            // Row i, column j at x in [j, j + 1], y in [7 − i − 1, 7 − i]: row 0 at the top, as printed.
            for (int i = 0; i < 7; i++)
                for (int j = 0; j < 7; j++)
                    Assert.Equal(r[i, j], heatmap.GetValue(new Coordinates(j + 0.5, 7 - i - 0.5)));
            Assert.Equal(new ScottPlot.Range(-1, 1), heatmap.GetRange()); // not stretched to the data's range
            // The colour map runs from blue at −1 through white to red at +1.
            var low = heatmap.Colormap.GetColor(0);
            var mid = heatmap.Colormap.GetColor(0.5);
            var high = heatmap.Colormap.GetColor(1);
            Assert.True(low.B > low.R && high.R > high.B, $"{low} should be blue, {high} red");
            Assert.True(mid.R > 200 && mid.G > 200 && mid.B > 200, $"{mid} should be near white");
            var bar = plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>().Single();
            Assert.Equal("Pearson correlation", bar.Label);
            // The block boundaries: after column 3 (vertical) and after row 3 (horizontal, at y = 7 − 3).
            var lines = plot.GetPlottables<LinePlot>().ToArray();
            Assert.Equal((new Coordinates(3, 0), new Coordinates(3, 7)), (lines[0].Start, lines[0].End));
            Assert.Equal((new Coordinates(0, 4), new Coordinates(7, 4)), (lines[1].Start, lines[1].End));
            Assert.Equal("Correlation matrix R: R11 (X, 3 × 3) top left, R22 (Y, 4 × 4) bottom right", title);
            Assert.Equal(title, plot.Axes.Title.Label.Text);
            var limits = plot.Axes.GetLimits();
            Assert.Equal((0, 7, 0, 7), (limits.Left, limits.Right, limits.Bottom, limits.Top));
            plot.RenderInMemory(760, 680); // manual ticks are laid out on render
            Assert.Equal(blocks.R.ColumnNames.ToArray(), plot.Axes.Bottom.TickGenerator.Ticks.OrderBy(t => t.Position).Select(t => t.Label).ToArray());
            Assert.Equal(blocks.R.RowNames.ToArray(), plot.Axes.Left.TickGenerator.Ticks.OrderByDescending(t => t.Position).Select(t => t.Label).ToArray());
        }
    }

    [Fact]
    public void Without_a_split_no_boundary_is_drawn()
    {
        var m = new LabeledMatrix(new double[,] { { 1, -0.5 }, { -0.5, 1 } }, ["a", "b"], ["a", "b"]);
        var (plot, title) = CorrelationHeatmap.Build(m, 0, "Two variables");
        using (plot)
        {
            Assert.Empty(plot.GetPlottables<LinePlot>());
            Assert.Equal("Two variables", title);
            Assert.Equal(-0.5, plot.GetPlottables<Heatmap>().Single().GetValue(new Coordinates(1.5, 1.5))); // row 0, column 1
        }
    }

    [Fact]
    public void Bad_input_is_refused_with_the_reason()
    {
        var notSquare = new LabeledMatrix(new double[2, 3], ["a", "b"], ["a", "b", "c"]);
        Assert.Contains("square", Assert.Throws<ArgumentException>(() => CorrelationHeatmap.Create(notSquare, 1)).Message);
        var outOfRange = new LabeledMatrix(new double[,] { { 1, 2 }, { 2, 1 } }, ["a", "b"], ["a", "b"]);
        Assert.Contains("[−1, 1]", Assert.Throws<ArgumentException>(() => CorrelationHeatmap.Create(outOfRange, 1)).Message);
        var ok = new LabeledMatrix(new double[,] { { 1, 0.5 }, { 0.5, 1 } }, ["a", "b"], ["a", "b"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => CorrelationHeatmap.Create(ok, 3));
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => CorrelationHeatmap.Create(ok, 1, width: 10)).ParamName);
    }
}
