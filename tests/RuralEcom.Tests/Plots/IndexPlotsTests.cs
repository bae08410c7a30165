using RuralEcom.Plots;
using ScottPlot.Plottables;

namespace RuralEcom.Tests.Plots;

public class IndexPlotsTests
{
    [Fact]
    public void WeightBars_RendersAPngOfTheRequestedSize()
    {
        var f = IndexPlots.WeightBars(["X1", "X2", "X3"], [0.5, 0.3, 0.2], "Weights", 640, 360);
        Assert.Equal("Weights", f.Title);
        Assert.Equal((640, 360), PngHeader.Size(f.Png));
    }

    [Fact]
    public void WeightBars_DrawsOneBarPerIndicatorUnderItsName()
    {
        using var plot = IndexPlots.BuildWeightBars(["X1", "X2", "X3"], [0.5, 0.3, 0.2], "Entropy weights");
        var bars = plot.GetPlottables<BarPlot>().Single().Bars;
        Assert.Equal([0.5, 0.3, 0.2], bars.Select(b => b.Value).ToArray());
        Assert.Equal([0.0, 1, 2], bars.Select(b => b.Position).ToArray());
        Assert.Equal("Entropy weights", plot.Axes.Title.Label.Text);
        Assert.Equal("Weight", plot.Axes.Left.Label.Text);
        Assert.Equal(0, plot.Axes.GetLimits().Bottom); // bars stand on the axis
        plot.RenderInMemory(720, 400);
        var ticks = plot.Axes.Bottom.TickGenerator.Ticks.OrderBy(t => t.Position).ToArray();
        Assert.Equal([0.0, 1, 2], ticks.Select(t => t.Position).ToArray());
        Assert.Equal(["X1", "X2", "X3"], ticks.Select(t => t.Label).ToArray());
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => IndexPlots.WeightBars(["X1", "X2"], [1.0]));
        Assert.Throws<ArgumentException>(() => IndexPlots.WeightBars(["X1"], [double.NaN]));
        Assert.Equal("height", Assert.Throws<ArgumentOutOfRangeException>(() => IndexPlots.WeightBars(["X1"], [1.0], height: 20)).ParamName);
    }
}
