using RuralEcom.Data;
using RuralEcom.Plots;

namespace RuralEcom.Tests.Plots;

public class PanelPlotsTests
{
    [Fact]
    public void SeriesByRegion_IsAPngOfTheRequestedSize()
    {
        var p = NbsExport.Read(RepoPaths.Combine("data", "nbs", "RenJiyi163_NBS_fsnd_GDP_yiyuan.csv")).ToPanel("GDP", 2014, 2021);
        var f = PanelPlots.SeriesByRegion(p, "GDP", ["安徽省", "Jiangsu"], title: "GDP", yLabel: "100 million yuan", width: 640, height: 400);
        Assert.Equal((640, 400), PngHeader.Size(f.Png));
        Assert.Equal("GDP", f.Title);
    }

    [Fact]
    public void SeriesByRegion_UnknownRegion_ListsTheRegions()
    {
        var p = SyntheticPanel.LoadBundled();
        var ex = Assert.Throws<KeyNotFoundException>(() => PanelPlots.SeriesByRegion(p, "X1", ["Region Z"]));
        Assert.Equal("The panel has no region 'Region Z'. Its regions: Region A, Region B, Region C, Region D, Region E, Region F, Region G.", ex.Message);
    }
}
