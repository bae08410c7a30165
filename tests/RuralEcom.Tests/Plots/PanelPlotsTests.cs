using RuralEcom.Data;
using RuralEcom.Plots;
using ScottPlot.Plottables;

namespace RuralEcom.Tests.Plots;

public class PanelPlotsTests
{
    private static readonly Panel Gdp = NbsExport.Read(RepoPaths.Combine("data", "nbs", "RenJiyi163_NBS_fsnd_GDP_yiyuan.csv")).ToPanel("GDP", 2014, 2021);

    [Fact]
    public void SeriesByRegion_IsAPngOfTheRequestedSize()
    {
        var f = PanelPlots.SeriesByRegion(Gdp, "GDP", ["安徽省", "Jiangsu"], title: "GDP", yLabel: "100 million yuan", width: 640, height: 400);
        Assert.Equal((640, 400), PngHeader.Size(f.Png));
        Assert.Equal("GDP", f.Title);
    }

    [Fact]
    public void SeriesByRegion_DrawsOneLinePerRegionInYearOrder()
    {
        var (plot, title) = PanelPlots.BuildSeriesByRegion(Gdp, "GDP", ["安徽省", "Jiangsu"], "GDP", "100 million yuan");
        using (plot)
        {
            var lines = plot.GetPlottables<Scatter>().ToArray();
            // Chinese or English names select the stored region; the legend is in English (no CJK font needed).
            Assert.Equal(["Anhui", "Jiangsu"], lines.Select(l => l.LegendText).ToArray());
            int[] years = Enumerable.Range(2014, 8).ToArray();
            var stored = Gdp.DistinctRegions;
            foreach (var (line, english) in lines.Zip(new[] { "Anhui", "Jiangsu" }))
            {
                string region = stored.Single(r => ProvinceNames.ToEnglish(r) == english);
                var points = line.Data.GetScatterPoints();
                Assert.Equal(years.Select(y => (double)y).ToArray(), points.Select(c => c.X).ToArray());
                Assert.Equal(years.Select(y => Gdp.Value(region, y, "GDP")).ToArray(), points.Select(c => c.Y).ToArray());
            }
            Assert.Equal("GDP", title);
            Assert.Equal("Year", plot.Axes.Bottom.Label.Text);
            Assert.Equal("100 million yuan", plot.Axes.Left.Label.Text);
            plot.RenderInMemory(800, 480); // manual ticks are laid out on render
            Assert.Equal(years.Select(y => y.ToString()).ToArray(), plot.Axes.Bottom.TickGenerator.Ticks.OrderBy(t => t.Position).Select(t => t.Label).ToArray());
        }
    }

    [Fact]
    public void SeriesByRegion_WithoutRegionsDrawsEveryRegion()
    {
        var p = SyntheticPanel.LoadBundled();
        var (plot, title) = PanelPlots.BuildSeriesByRegion(p, "X1", null, null, null);
        using (plot)
        {
            Assert.Equal(p.DistinctRegions.ToArray(), plot.GetPlottables<Scatter>().Select(l => l.LegendText).ToArray());
            Assert.Equal(p.Count, plot.GetPlottables<Scatter>().Sum(l => l.Data.GetScatterPoints().Count));
            Assert.StartsWith("X1: ", title); // catalogue name of the indicator
            Assert.Equal(IndicatorCatalog.Default["X1"].Unit, plot.Axes.Left.Label.Text);
        }
    }

    [Fact]
    public void SeriesByRegion_UnknownRegion_ListsTheRegions()
    {
        var p = SyntheticPanel.LoadBundled();
        var ex = Assert.Throws<KeyNotFoundException>(() => PanelPlots.SeriesByRegion(p, "X1", ["Region Z"]));
        Assert.Equal("The panel has no region 'Region Z'. Its regions: Region A, Region B, Region C, Region D, Region E, Region F, Region G.", ex.Message);
    }
}
