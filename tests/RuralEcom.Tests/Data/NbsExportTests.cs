using System.Text;
using RuralEcom.Data;

namespace RuralEcom.Tests.Data;

public class NbsExportTests
{
    private static readonly string GdpFile = RepoPaths.Combine("data", "nbs", "RenJiyi163_NBS_fsnd_GDP_yiyuan.csv");

    [Fact]
    public void ReadsTheRealGbkExport()
    {
        var e = NbsExport.Read(GdpFile);
        Assert.Equal("GBK", e.EncodingName);
        Assert.Equal("分省年度数据", e.Database);
        Assert.Equal("地区生产总值(亿元)", e.IndicatorLabel);
        Assert.Equal("最近20年", e.TimeLabel);
        Assert.Equal(31, e.Regions.Count);
        Assert.Equal(Enumerable.Range(2006, 19), e.Years);
        Assert.Equal(2, e.Footer.Count);
        Assert.StartsWith("注：", e.Footer[0]);
        Assert.Equal("数据来源：国家统计局", e.Footer[1]);
        // Spot checks against the file (first, last and middle cells; GBK decoded with iconv by hand).
        Assert.Equal(49670.2, e.Value("北京市", 2024));
        Assert.Equal(44350.7, e.Value("Beijing", 2021));
        Assert.Equal(2984.5, e.Value("新疆维吾尔自治区", 2006));
        Assert.Equal(43102.8, e.Value("安徽", 2021));
        Assert.Equal(25964.5, e.Value("上海市", 2014));
    }

    [Fact]
    public void Utf8ResavedCopy_ReadsTheSame()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Encoding.GetEncoding(936).GetString(File.ReadAllBytes(GdpFile));
        var path = Path.Combine(Path.GetTempPath(), "nbs-utf8-" + Environment.ProcessId + ".csv");
        File.WriteAllText(path, text, new UTF8Encoding(true));
        try
        {
            var e = NbsExport.Read(path);
            Assert.Equal("UTF-8 (BOM)", e.EncodingName);
            Assert.Equal(43102.8, e.Value("安徽省", 2021));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ToPanel_MeltsToTidyRowsWithEnglishRegions()
    {
        // Total GDP is not one of the paper's indicators (Y8 is GDP per capita), so it gets a descriptive column name.
        var p = NbsExport.Read(GdpFile).ToPanel("GDP", 2014, 2021);
        Assert.Equal(31 * 8, p.Count);
        Assert.Equal("Beijing", p.Regions[0]);
        Assert.Equal(2014, p.Years[0]);
        Assert.Equal(43102.8, p.Value("Anhui", 2021, "GDP"));
        Assert.Equal("Xinjiang", p.Regions[^1]);
    }

    [Fact]
    public void Join_TwoExports_KeepsCommonYears()
    {
        var e = NbsExport.Read(GdpFile);
        var p = NbsExport.Join(new Dictionary<string, NbsExport> { ["GDP"] = e, ["GDP copy"] = e }, lastYear: 2010);
        Assert.Equal(["GDP", "GDP copy"], p.Symbols);
        Assert.Equal(31 * 5, p.Count);
        Assert.Equal(p.Column("GDP"), p.Column("GDP copy"));
    }

    [Fact]
    public void NotAnExport_SaysWhatToDo()
    {
        var ex = Assert.Throws<PanelFormatException>(() => NbsExport.Read(RepoPaths.Combine("data", "reference", "linnerud.csv")));
        Assert.Equal(1, ex.Line);
        Assert.Contains("Expected a header line such as 数据库：分省年度数据 or 指标：…, found 'id,Weight,Waist,Pulse,Chins,Situps,Jumps'.", ex.Message);
    }

    [Fact]
    public void EmptyCell_FailsWithPosition_UnlessDeleting()
    {
        var path = Path.Combine(Path.GetTempPath(), "nbs-gap-" + Environment.ProcessId + ".csv");
        File.WriteAllText(path, "数据库：分省年度数据\n指标：测试\n时间：2年\n地区,2021年,2020年\n安徽省,2,\n江苏省,4,3\n数据来源：国家统计局\n");
        try
        {
            var e = NbsExport.Read(path);
            Assert.Null(e.Value("Anhui", 2020));
            var ex = Assert.Throws<PanelFormatException>(() => e.ToPanel("X1"));
            Assert.Contains("1 empty cell(s) in 1 row(s)", ex.Message);
            var p = e.ToPanel("X1", missing: MissingValues.ListwiseDelete);
            Assert.Equal(3, p.Count);
            Assert.Equal("Anhui", p.DroppedRows.Single().Region);
            Assert.Equal(2020, p.DroppedRows.Single().Year);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ProvinceNames_Has31WithUniqueNames()
    {
        Assert.Equal(31, ProvinceNames.All.Count);
        Assert.Equal(31, ProvinceNames.All.Select(p => p.English).Distinct().Count());
        Assert.Equal("Inner Mongolia", ProvinceNames.ToEnglish("内蒙古自治区"));
        Assert.Equal("Inner Mongolia", ProvinceNames.ToEnglish("内蒙古"));
        Assert.Equal("Region A", ProvinceNames.ToEnglish("Region A"));
        // Every region of the real export and of the merged file is known.
        Assert.All(NbsExport.Read(GdpFile).Regions, r => Assert.True(ProvinceNames.TryFind(r, out _), r));
        Assert.Throws<KeyNotFoundException>(() => ProvinceNames.Find("全国"));
    }
}
