using RuralEcom.Data;
using RuralEcom.Panels;
using RuralEcom.Resampling;

namespace RuralEcom.Tests.Panels;

public class PanelResamplingTests
{
    private static readonly IReadOnlyList<string> Xs = SyntheticPanel.Truth.XNames;
    private static readonly IReadOnlyList<string> Ys = SyntheticPanel.Truth.YNames;

    [Fact]
    public void WholeRegionShuffle_MovesWholeSeries_YearsAligned()
    {
        var d = WithinTransformTests.Balanced(6, 4);
        var shuffle = PanelResampling.Shuffler(WithinTransform.Create(d, WithinTransformation.TwoWay), PermutationBlocks.WholeRegion);
        var index = new int[24];
        shuffle(index, new Random(3));
        for (int r = 0; r < 6; r++)
        {
            int source = d.RegionOf[index[r * 4]];
            for (int t = 0; t < 4; t++)
            {
                Assert.Equal(source, d.RegionOf[index[r * 4 + t]]);
                Assert.Equal(d.YearOf[r * 4 + t], d.YearOf[index[r * 4 + t]]);
            }
        }
        Assert.Equal(24, index.Distinct().Count());
    }

    [Fact]
    public void WithinYearShuffle_NeverMixesYears()
    {
        var d = WithinTransformTests.Balanced(6, 4);
        var shuffle = PanelResampling.Shuffler(WithinTransform.Create(d, WithinTransformation.Year), PermutationBlocks.WithinYear);
        var index = new int[24];
        shuffle(index, new Random(4));
        for (int i = 0; i < 24; i++) Assert.Equal(d.YearOf[i], d.YearOf[index[i]]);
        Assert.Equal(24, index.Distinct().Count());
    }

    [Fact]
    public void BlocksThatWouldUndoTheTransformation_AreRefused()
    {
        Assert.Throws<PanelDesignException>(() => PanelResampling.RequireInvariance(WithinTransformation.TwoWay, PermutationBlocks.WithinYear));
        Assert.Throws<PanelDesignException>(() => PanelResampling.RequireInvariance(WithinTransformation.Region, PermutationBlocks.Free));
        PanelResampling.RequireInvariance(WithinTransformation.TwoWay, PermutationBlocks.WholeRegion);
        PanelResampling.RequireInvariance(WithinTransformation.Year, PermutationBlocks.WithinYear);
    }

    [Fact]
    public void WholeRegionBlocks_OnTheUnbalancedPaperShape_SayWhatIsMissing()
    {
        var panel = RealisticPanels.Load(RepoPaths.Combine("data", "synthetic"), RealisticPanels.PaperShapedFile);
        var fit = PanelCca.Fit(panel, Xs, Ys, WithinTransformation.TwoWay);
        var ex = Assert.Throws<PanelDesignException>(() => PanelResampling.Permute(fit, PermutationBlocks.WholeRegion, 99, 1));
        Assert.Contains("missing: Region G 2014", ex.Message);
    }

    [Fact]
    public void ClusterBootstrap_IsWiderThanTheRowBootstrap_WhenRegionsHaveTheirOwnTrends()
    {
        // Two-way residuals of the 31-region panel are dominated by region-specific trends (78% of the within
        // variance in the calibration), so rows of one region are dependent: resampling rows understates the
        // variability that resampling whole regions shows.
        var panel = RealisticPanels.Load(RepoPaths.Combine("data", "synthetic"), RealisticPanels.ProvincesFile);
        var fit = PanelCca.Fit(panel, Xs, Ys, WithinTransformation.TwoWay);
        var cluster = PanelResampling.ClusterBootstrap(fit, 300, 1);
        var rows = CcaBootstrap.Resample(fit.TransformedX, fit.TransformedY, 300, 1, bca: false);
        Assert.True(cluster.Correlations[0].StandardError > rows.Correlations[0].StandardError,
            $"cluster se {cluster.Correlations[0].StandardError} vs row se {rows.Correlations[0].StandardError}");
        Assert.Null(cluster.Correlations[0].BcaLower);
    }
}
