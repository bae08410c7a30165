using System.Buffers.Binary;
using RuralEcom.Plots;

namespace RuralEcom.Tests.Plots;

public class IndexPlotsTests
{
    private static (int Width, int Height) PngSize(byte[] png)
    {
        // PNG signature, then the IHDR chunk: width and height are big-endian ints at bytes 16 and 20.
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void WeightBars_RendersAPngOfTheRequestedSize()
    {
        var f = IndexPlots.WeightBars(["X1", "X2", "X3"], [0.5, 0.3, 0.2], "Weights", 640, 360);
        Assert.Equal("Weights", f.Title);
        Assert.Equal((640, 360), PngSize(f.Png));
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => IndexPlots.WeightBars(["X1", "X2"], [1.0]));
        Assert.Throws<ArgumentException>(() => IndexPlots.WeightBars(["X1"], [double.NaN]));
    }
}
