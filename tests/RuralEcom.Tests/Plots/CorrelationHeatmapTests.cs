using System.Buffers.Binary;
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
        // A PNG starts with its 8-byte signature, then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4), big-endian.
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, figure.Png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), figure.Png[12..16]);
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(figure.Png.AsSpan(16, 4)));
        Assert.Equal(500, BinaryPrimitives.ReadInt32BigEndian(figure.Png.AsSpan(20, 4)));
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
