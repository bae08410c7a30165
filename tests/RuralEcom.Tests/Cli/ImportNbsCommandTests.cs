using System.Globalization;
using System.Text;
using RuralEcom.Data;

namespace RuralEcom.Tests.Cli;

/// <summary><c>import-nbs</c> on the real exports in data/nbs and on exports built from them; and <c>report</c> on the bundled real panel.</summary>
public sealed class ImportNbsCommandTests : IDisposable
{
    private static readonly string NbsFolder = RepoPaths.Combine("data", "nbs");
    private static readonly string GdpExport = RepoPaths.Combine("data", "nbs", "RenJiyi163_NBS_fsnd_GDP_yiyuan.csv");
    private readonly string _dir = Directory.CreateTempSubdirectory("ruralecom-import-nbs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_real_gbk_export_becomes_a_panel_with_a_source_for_every_value()
    {
        var outFile = Path.Combine(_dir, "panel.csv");
        var (code, output, error) = CliRunner.Run("import-nbs", "--dir", NbsFolder, "--out", outFile);
        Assert.True(code == 0, error);
        Assert.Contains("RenJiyi163_NBS_fsnd_GDP_yiyuan.csv: used (指标：地区生产总值(亿元) (GBK, 2006-2024))", output);
        Assert.Contains("panel_province_2014_2021.csv: not an NBS export", output);
        Assert.Contains("Not imported (19 of 19 indicators):", output);
        var lines = File.ReadAllLines(outFile);
        Assert.Equal("region,year,gdp,source_gdp", lines[0]);
        Assert.Equal(1 + 31 * 19, lines.Length);
        // Values against the export itself (read independently by NbsExport): Anhui 2021 = 43102.8 (also checked by hand with iconv).
        Assert.Contains("Anhui,2021,43102.8,\"RenJiyi163_NBS_fsnd_GDP_yiyuan.csv (NBS 分省年度数据, 指标：地区生产总值(亿元))\"", lines);
        var coverage = File.ReadAllLines(Path.Combine(_dir, "panel-coverage.csv"));
        Assert.Contains("gdp,2024,31,0,", coverage);
        Assert.Contains(coverage, l => l.StartsWith("X3,all,0,589,not imported: X3: none", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_dir, "panel-coverage.md")));
    }

    [Fact]
    public void Derived_indicators_are_computed_with_their_formula_and_missing_cells_are_reported()
    {
        // Two exports in the portal's layout: GDP (the real file) and a primary-industry value added built from it
        // (10% of GDP, except one empty cell), so Y3 = 100 − 100·primary/GDP must be exactly 90 where both exist.
        File.Copy(GdpExport, Path.Combine(_dir, "gdp.csv"));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding(936);
        var lines = gbk.GetString(File.ReadAllBytes(GdpExport)).Split("\r\n");
        var built = lines.Select(l =>
        {
            if (l.StartsWith("指标：", StringComparison.Ordinal)) return "指标：第一产业增加值（亿元）"; // full-width parentheses, as some downloads have
            var cells = l.Split(',');
            if (cells.Length < 3 || !double.TryParse(cells[1], CultureInfo.InvariantCulture, out _)) return l;
            return string.Join(',', cells.Select((c, j) => j == 0 ? c : c == "" ? "" : (l.StartsWith("北京市", StringComparison.Ordinal) && j == 4 ? "" : (double.Parse(c, CultureInfo.InvariantCulture) / 10).ToString("R", CultureInfo.InvariantCulture))));
        });
        File.WriteAllText(Path.Combine(_dir, "primary.csv"), "\"" + string.Join("\r\n", built).Replace("数据库：分省年度数据", "数据库：分省年度数据\"", StringComparison.Ordinal), new UTF8Encoding(true));
        var outFile = Path.Combine(_dir, "out", "panel.csv");
        var (code, output, error) = CliRunner.Run("import-nbs", "--dir", _dir, "--out", outFile);
        Assert.True(code == 0, error);
        Assert.Contains("primary.csv: used (指标：第一产业增加值（亿元） (UTF-8 (BOM), 2006-2024))", output);
        var import = NbsImport.FromFolder(_dir);
        Assert.Equal(["Y3", "gdp", "primary_va"], import.Columns);
        Assert.Equal(90, import.Value("Y3", "Anhui", 2021)!.Value, 12);
        Assert.Null(import.Value("Y3", "Beijing", 2021)); // the header runs 2024, 2023, 2022, 2021: field 4 is 2021
        Assert.Contains("Y3 = 100 - 100 * primary_va / gdp; primary_va: primary.csv", import.Source("Y3"));
        var coverage = import.CoverageTable();
        Assert.Contains(coverage.Rows, r => (string)r[0]! == "Y3" && (string)r[1]! == "2021" && (int)r[3]! == 1 && (string)r[4]! == "Beijing");
        var panelText = File.ReadAllText(outFile);
        Assert.Contains("Beijing,2021,,", panelText);
        Assert.Contains("no value: Y3 = 100 - 100 * primary_va / gdp", panelText);
    }

    [Fact]
    public void Folder_errors_exit_2()
    {
        var (code, _, error) = CliRunner.Run("import-nbs", "--dir", Path.Combine(_dir, "none"), "--out", Path.Combine(_dir, "p.csv"));
        Assert.Equal(2, code);
        Assert.Contains("The folder does not exist.", error);
        (code, _, error) = CliRunner.Run("import-nbs", "--dir", _dir, "--out", Path.Combine(_dir, "p.csv"));
        Assert.Equal(2, code);
        Assert.Contains("The folder holds no .csv, .xls or .xlsx file.", error);
        (code, _, error) = CliRunner.Run("import-nbs", "--dir", NbsFolder, "--out", _dir);
        Assert.Equal(2, code);
        Assert.Contains("is a folder; give the panel file to write", error);
    }

    [Fact]
    public void Report_on_the_bundled_real_panel_says_which_indicators_are_missing_and_where_to_get_them()
    {
        var (code, output, error) = CliRunner.Run("report", "--data", RepoPaths.Combine("data", "nbs", "panel_province_2014_2021.csv"), "--out", Path.Combine(_dir, "r"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("note: reading column Y2_urbanization_rate_pct as Y2 (Urbanization rate).", error);
        Assert.Contains("and the file has only Y2 (column Y2_urbanization_rate_pct). Missing (18): X1, X2, X3, X4, X5, X6, X7, X8, Y1, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11.", error);
        Assert.Contains("  Y8: download 人均地区生产总值(元/人) [分省年度数据 > 国民经济核算 > 人均地区生产总值].", error);
        Assert.Contains("  X3: none: no public provincial series", error);
        foreach (var api in new[] { "PanelCsvOptions", "NbsExport.", "MissingValues.", "ColumnMap", "PanelCsv.", "PanelXlsx." })
            Assert.DoesNotContain(api, error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "r")));
    }
}
