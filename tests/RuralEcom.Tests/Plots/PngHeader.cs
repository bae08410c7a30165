using System.Buffers.Binary;

namespace RuralEcom.Tests.Plots;

/// <summary>Reads the size of a PNG from its IHDR chunk (PNG spec, ISO/IEC 15948: 8-byte signature, then the
/// IHDR chunk: 4-byte length, "IHDR", 4-byte big-endian width, 4-byte big-endian height).</summary>
internal static class PngHeader
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>The width and height of the PNG in <paramref name="png"/>; fails the test if it is not a PNG.</summary>
    public static (int Width, int Height) Size(byte[] png)
    {
        Assert.True(png.Length > 24, "too short to be a PNG");
        Assert.Equal(Signature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
