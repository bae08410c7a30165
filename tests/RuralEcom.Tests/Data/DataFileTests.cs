using System.Text;
using RuralEcom.Data;

namespace RuralEcom.Tests.Data;

/// <summary>The one file reader: separators, encodings, NBS header and footer lines, quotes, and cells at the edges of a double.</summary>
public sealed class DataFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ruralecom-datafile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("a,b,c\n1,2,3\n", ',')]
    [InlineData("a;b;c\n1,5;2,5;3\n4;5;6\n", ';')]          // decimal commas: the semicolons are the consistent ones
    [InlineData("a\tb\tc\n1\t2\t3\n", '\t')]
    [InlineData("a|b\n1|2\n", '|')]
    [InlineData("\"x;y\",b\n\"1;2\",3\n", ',')]             // separators inside quotes do not count
    [InlineData("only\n1\n2\n", ',')]                       // one column: comma by default
    public void The_separator_is_the_most_consistent_candidate(string text, char expected) =>
        Assert.Equal(expected, DataFile.DetectSeparator(text));

    [Fact]
    public void An_nbs_export_with_quoted_fields_keeps_its_header_footer_and_cells()
    {
        // The portal quotes fields in some downloads; a comma inside a quoted footer note must not split the table.
        var text = "\"数据库：分省年度数据\"\r\n\"指标：地区生产总值(亿元)\"\r\n\"时间：最近2年\"\r\n\"地区\",\"2021年\",\"2020年\"\r\n\"北京市\",\"40269.6\",\"36102.6\"\r\n\"天津市\",\"15695.0\",\"\"\r\n\"注：2020年数据为第四次全国经济普查修订数，2021年为初步核算数。\"\r\n\"数据来源：国家统计局\"\r\n";
        var path = Path.Combine(_dir, "quoted.csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        var e = NbsExport.Read(path);
        Assert.Equal("地区生产总值(亿元)", e.IndicatorLabel);
        Assert.Equal([2020, 2021], e.Years);
        Assert.Equal(40269.6, e.Value("Beijing", 2021));
        Assert.Null(e.Value("Tianjin", 2020));
        Assert.Equal(2, e.Footer.Count);
        Assert.Equal("数据来源：国家统计局", e.Footer[1].Trim('"'));
    }

    [Fact]
    public void An_nbs_export_saved_as_xlsx_is_read_like_the_csv()
    {
        var xlsx = PanelXlsxTests.WriteXlsx([
            ["数据库：分省年度数据"], ["指标：地区生产总值(亿元)"], ["时间：最近2年"],
            ["地区", "2021年", "2020年"], ["北京市", "40269.6", "36102.6"], ["天津市", "15695", "14008"],
            ["数据来源：国家统计局"]]);
        try
        {
            var e = NbsExport.Read(xlsx);
            Assert.Equal("Excel", e.EncodingName);
            Assert.Equal("地区生产总值(亿元)", e.IndicatorLabel);
            Assert.Equal(14008, e.Value("天津", 2020));
            Assert.Equal(["数据来源：国家统计局"], e.Footer);
        }
        finally { File.Delete(xlsx); }
    }

    [Theory]
    [InlineData("1e-400")]     // below the smallest subnormal: rounds to 0
    [InlineData("-2.5e-320")]  // subnormal: 4 significant digits survive of 17
    [InlineData("1e400")]      // above the largest double: rounds to infinity
    public void Cells_outside_the_range_of_a_double_are_errors(string cell)
    {
        var ex = Assert.Throws<PanelFormatException>(() => CsvTable.Parse(new StringReader($"a,b\n1,{cell}\n2,3\n"), "t.csv").Matrix(["a", "b"]));
        Assert.Equal(2, ex.Line);
        Assert.Equal("b", ex.Column);
        Assert.Contains($"'{cell}' is", ex.Message);
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("-0.000", 0.0)]
    [InlineData("0e-400", 0.0)]            // a zero written with a huge exponent is still zero
    [InlineData("2.2250738585072014E-308", 2.2250738585072014E-308)] // the smallest normal double
    [InlineData("1.7976931348623157E308", double.MaxValue)]
    public void Zero_and_the_extremes_of_the_normal_range_are_read(string cell, double expected) =>
        Assert.Equal(expected, CsvTable.Parse(new StringReader($"a\n{cell}\n"), "t.csv").Column("a")[0]);

    [Fact]
    public void A_folder_and_an_empty_name_are_named_as_such()
    {
        var ex = Assert.Throws<PanelFormatException>(() => CsvTable.Load(_dir));
        Assert.Equal("This is a folder, not a file.", ex.Problem);
        Assert.Equal("The file name is empty.", Assert.Throws<PanelFormatException>(() => CsvTable.Load(" ")).Problem);
    }

    [Fact]
    public void A_file_that_is_neither_utf8_nor_gbk_says_so()
    {
        var path = Path.Combine(_dir, "binary.csv");
        File.WriteAllBytes(path, [0x61, 0x2C, 0x62, 0x0A, 0x81, 0x7F, 0x0A]); // 0x81 0x7F: a GBK lead byte with an invalid trail byte
        Assert.Contains("neither UTF-8 nor GBK", Assert.Throws<PanelFormatException>(() => CsvTable.Load(path)).Message);
    }
}
