using RuralEcom.Plots;
using RuralEcom.Resampling;

namespace RuralEcom.Tests.Plots;

public class ResamplingPlotsTests
{
    private static void AssertPng(Figure f, int width, int height)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, f.Png.Take(4).ToArray());
        // IHDR: width and height as big-endian integers at bytes 16-23.
        Assert.Equal(width, (f.Png[16] << 24) | (f.Png[17] << 16) | (f.Png[18] << 8) | f.Png[19]);
        Assert.Equal(height, (f.Png[20] << 24) | (f.Png[21] << 16) | (f.Png[22] << 8) | f.Png[23]);
    }

    [Fact]
    public void Null_distribution_and_honest_correlation_figures_render()
    {
        var sim = NullDistribution.Simulate(30, 3, 4, 200, 1);
        AssertPng(ResamplingPlots.NullDistribution(sim, [0.9, 0.6, 0.3, 0.2], "Reported", 640, 400), 640, 400);
        var (x, y) = TestData.Related(40, 3, 3, 2);
        var boot = CcaBootstrap.Resample(x, y, 50, 1, bca: false);
        var cv = CcaCrossValidation.KFold(x, y, 4, 1);
        AssertPng(ResamplingPlots.HonestCorrelations(cv.InSample, cv.HeldOut, boot, [0.8, 0.7, 0]), 800, 480);
    }
}
