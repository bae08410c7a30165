using RuralEcom.Plots;

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
    public void BadInput_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => IndexPlots.WeightBars(["X1", "X2"], [1.0]));
        Assert.Throws<ArgumentException>(() => IndexPlots.WeightBars(["X1"], [double.NaN]));
    }
}
