using RuralEcom.Cca;
using RuralEcom.Plots;

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
        Assert.True(figure.Png.Length > 5000, "a 7 × 7 heat map with labels is more than a blank image");
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
    }
}
