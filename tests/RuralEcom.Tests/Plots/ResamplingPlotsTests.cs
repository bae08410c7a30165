using RuralEcom.Plots;
using RuralEcom.Resampling;

namespace RuralEcom.Tests.Plots;

public class ResamplingPlotsTests
{
    private static void AssertPng(Figure f, int width, int height) => Assert.Equal((width, height), PngHeader.Size(f.Png));

    [Fact]
    public void Null_distribution_and_honest_correlation_figures_render()
    {
        var sim = NullDistribution.Simulate(30, 3, 4, 200, 1);
        AssertPng(ResamplingPlots.NullDistribution(sim, [0.9, 0.6, 0.3, 0.2], "Reported", 640, 400), 640, 400);
        var (x, y) = TestData.Related(40, 3, 3, 2);
        var boot = CcaBootstrap.Resample(x, y, 50, 1, bca: false);
        var cv = CcaCrossValidation.KFold(x, y, 4, 1);
        AssertPng(ResamplingPlots.HonestCorrelations(cv.InSample, cv.HeldOut, boot, [0.8, 0.7, 0]), 800, 480);
        AssertPng(ResamplingPlots.HonestCorrelations(cv.InSample, cv.HeldOut, CcaBootstrap.Resample(x, y, 50, 1), [0.8, 0.7, 0]), 800, 480); // BCa bars
    }
}
