using RuralEcom.Data;

namespace RuralEcom.Tests.Data;

public class PanelCsvTests
{
    private static Panel Parse(string text, PanelCsvOptions? options = null) => PanelCsv.FromText(text, "p.csv", options);

    private static PanelFormatException Fails(string text, PanelCsvOptions? options = null) =>
        Assert.Throws<PanelFormatException>(() => Parse(text, options));

    private const string Good = "region,year,X1,Y4\nAnhui,2020,10,50\nAnhui,2021,12,55\nJiangsu,2021,30,70\n";

    [Fact]
    public void ValidFile_KeepsRowOrderAndValues()
    {
        var p = Parse(Good);
        Assert.Equal(3, p.Count);
        Assert.Equal(["X1", "Y4"], p.Symbols);
        Assert.Equal(["Anhui", "Anhui", "Jiangsu"], p.Regions);
        Assert.Equal([2020, 2021, 2021], p.Years);
        Assert.Equal(55, p.Value("Anhui", 2021, "Y4"));
        var m = p.Matrix(["Y4", "X1"]);
        Assert.Equal(new double[,] { { 50, 10 }, { 55, 12 }, { 70, 30 } }, m);
        Assert.Equal(["Anhui", "Jiangsu"], p.DistinctRegions);
        Assert.Equal([2020, 2021], p.DistinctYears);
    }

    [Fact]
    public void SummaryTable_MeanAndSampleSd_ByHand()
    {
        // X1 = 10, 12, 30: mean 52/3 = 17.333..., deviations -7.333, -5.333, 12.667; SS = 53.78+28.44+160.44 = 242.667; sd = sqrt(242.667/2) = 11.0151
        var t = Parse(Good).SummaryTable();
        Assert.Equal(52.0 / 3, (double)t.Rows[0][3]!, 12);
        Assert.Equal(Math.Sqrt((728.0 / 3) / 2), (double)t.Rows[0][4]!, 12); // SS = 242.667 = 728/3
        Assert.Equal(10.0, (double)t.Rows[0][5]!);
        Assert.Equal(30.0, (double)t.Rows[0][6]!);
    }

    [Fact]
    public void ToDataFrame_HasKeysAndColumns()
    {
        var df = Parse(Good).ToDataFrame();
        Assert.Equal(["region", "year", "X1", "Y4"], df.Columns.Select(c => c.Name));
        Assert.Equal(3, df.Rows.Count);
        Assert.Equal(70.0, df["Y4"][2]);
        Assert.Equal("Jiangsu", df["region"][2]);
    }

    [Fact]
    public void MissingFile()
    {
        var ex = Assert.Throws<PanelFormatException>(() => PanelCsv.Load("/nonexistent/panel.csv"));
        Assert.StartsWith("/nonexistent/panel.csv: The file does not exist. Check the path", ex.Message);
    }

    [Fact]
    public void UnknownColumn_ListsSymbols()
    {
        var ex = Fails("region,year,X1,Z3\nA,2020,1,2\n");
        Assert.Equal(1, ex.Line);
        Assert.Equal("Z3", ex.Column);
        Assert.StartsWith("p.csv, line 1, column 'Z3': 'Z3' is not an indicator symbol. Use region, year and symbols from the catalogue (X1, X2,", ex.Message);
        Assert.EndsWith("rename the column to its symbol, or skip it (command line: --ignore-columns Z3).", ex.Message);
    }

    [Fact]
    public void WrongCaseSymbol_SuggestsTheRightOne()
    {
        var ex = Fails("region,year,x1\nA,2020,1\n");
        Assert.Contains("'x1' is not an indicator symbol (symbols are case-sensitive: did you mean X1?).", ex.Message);
    }

    [Fact]
    public void DuplicatedColumn()
    {
        var ex = Fails("region,year,X1,Y2,X1\nA,2020,1,2,3\n");
        Assert.Equal("p.csv, line 1, column 'X1': Column 'X1' appears twice (fields 3 and 5). Keep one column per indicator.", ex.Message);
    }

    [Fact]
    public void MissingKeyColumn()
    {
        var ex = Fails("region,X1\nA,1\n");
        Assert.Equal("p.csv, line 1: The header has no 'year' column. Name the key columns region and year (lower case).", ex.Message);
        ex = Fails("Region,year,X1\nA,2020,1\n");
        Assert.Equal("p.csv, line 1, column 'Region': 'Region' looks like a key column but header names are case-sensitive. Rename it to region.", ex.Message);
    }

    [Fact]
    public void NonNumericCell()
    {
        var ex = Fails("region,year,X1\nA,2020,1\nB,2020,abc\n");
        Assert.Equal("p.csv, line 3, column 'X1': 'abc' is not a number. Write a plain number in the catalogue's unit, without units or words.", ex.Message);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void ThousandsSeparator_IsAnErrorWithHint()
    {
        var ex = Fails("region,year,X1\nA,2020,\"1,234\"\n");
        Assert.Equal("p.csv, line 2, column 'X1': '1,234' is not a number. Remove thousands separators and use a point for decimals (1234.5, not 1,234.5 or 1234,5).", ex.Message);
    }

    [Fact]
    public void Percent_IsAnErrorWithHint()
    {
        var ex = Fails("region,year,Y2\nA,2020,12%\n");
        Assert.Equal("p.csv, line 2, column 'Y2': '12%' is not a number. Write the number without the percent sign (12.5, not 12.5%); the catalogue gives each indicator's unit.", ex.Message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-inf")]
    public void NanAndInfinity_AreErrors(string cell)
    {
        var ex = Fails($"region,year,X1\nA,2020,{cell}\n");
        Assert.Equal($"p.csv, line 2, column 'X1': '{cell}' is not a finite number (NaN and infinities are not data). Leave the cell empty if the value is missing, or correct the value.", ex.Message);
    }

    [Fact]
    public void Placeholder_IsNotReadAsMissing()
    {
        var ex = Fails("region,year,X1\nA,2020,--\n");
        Assert.Contains("If the value is missing, leave the cell empty; placeholders are not read as missing.", ex.Message);
    }

    [Fact]
    public void EmptyCells_FailByDefault_ListingEveryPosition()
    {
        var ex = Fails("region,year,X1,Y4\nA,2020,1,\nA,2021,2,3\nB,2020,,\n");
        Assert.Equal("p.csv, line 2, column 'Y4': 3 empty cell(s) in 2 row(s): line 2 column Y4; line 4 column X1; line 4 column Y4. "
            + "Fill them in, or delete those rows (command line: --missing drop drops every row with an empty cell and lists them).", ex.Message);
        Assert.Equal([new CellPosition(2, "Y4"), new CellPosition(4, "X1"), new CellPosition(4, "Y4")], ex.Positions);
    }

    [Fact]
    public void ListwiseDeletion_ReportsDroppedRows()
    {
        var p = Parse("region,year,X1,Y4\nA,2020,1,\nA,2021,2,3\nB,2020,,\nB,2021,5,6\n", new PanelCsvOptions { Missing = MissingValues.ListwiseDelete });
        Assert.Equal(2, p.Count);
        Assert.Equal(["A", "B"], p.Regions);
        Assert.Equal(2, p.DroppedRows.Count);
        Assert.Equal((2, "A", 2020), (p.DroppedRows[0].Line, p.DroppedRows[0].Region, p.DroppedRows[0].Year));
        Assert.Equal(["Y4"], p.DroppedRows[0].EmptyColumns);
        Assert.Equal(["X1", "Y4"], p.DroppedRows[1].EmptyColumns);
        Assert.Equal(4, p.DroppedRows[1].Line);
        var report = p.MissingValueReport();
        Assert.Equal("2 row(s) dropped (listwise deletion).", report.Note);
        Assert.Equal("X1 Y4", report.Rows[1][3]);
        Assert.Equal(2, (int)p.SummaryTable().Rows[1][7]!); // Y4 empty in both dropped rows
    }

    [Fact]
    public void DuplicatedRegionYear()
    {
        var ex = Fails("region,year,X1\nA,2020,1\nB,2020,2\nA,2020,3\n");
        Assert.Equal("p.csv, line 4: Region-year (A, 2020) already appears on line 2. Keep one row per region and year (delete or merge the duplicate).", ex.Message);
    }

    [Fact]
    public void BadYear()
    {
        var ex = Fails("region,year,X1\nA,2020年,1\n");
        Assert.Equal("p.csv, line 2, column 'year': '2020年' is not a year. Write a four-digit year such as 2021 (not 2021年 or 2021.0).", ex.Message);
    }

    [Fact]
    public void RaggedRow()
    {
        var ex = Fails("region,year,X1\nA,2020,1,7\n");
        Assert.Equal("p.csv, line 2: The row has 4 fields but the header has 3. The fields were split at each comma (,): check for a missing or extra one, quote text that contains it, or give the file's real separator (command line: --separator).", ex.Message);
    }

    [Fact]
    public void HeaderOnly()
    {
        var ex = Fails("region,year,X1\n");
        Assert.Equal("p.csv: The file has a header but no data rows. Add one row per region and year.", ex.Message);
    }

    [Fact]
    public void ConstantColumn_FailsInMatrix()
    {
        var p = Parse("region,year,X1,Y4\nA,2020,1,5\nA,2021,2,5\n");
        Assert.Equal(["Y4"], p.ConstantColumns());
        var ex = Assert.Throws<PanelFormatException>(() => p.Matrix(["X1", "Y4"]));
        Assert.Equal("p.csv, column 'Y4': The column is constant (every one of the 2 rows is 5), so it has no variance and its correlations are undefined. "
            + "Check the import (a column filled with one value is usually a copy error) or leave the indicator out of the analysis.", ex.Message);
        Assert.Equal(2, p.Matrix(["X1"]).Length); // the non-constant column alone is fine
    }

    [Fact]
    public void NbsExport_ReadAsAPanel_SaysToImportTheFolder()
    {
        // The real GBK export is decoded (GBK detected) and recognized by its 指标 line, which is not a panel.
        var ex = Assert.Throws<PanelFormatException>(() => PanelCsv.Load(RepoPaths.Combine("data", "nbs", "RenJiyi163_NBS_fsnd_GDP_yiyuan.csv")));
        Assert.Contains("This is an export of the NBS portal (指标：地区生产总值(亿元))", ex.Message);
        Assert.EndsWith("(command line: import-nbs --dir FOLDER --out panel.csv; see data/nbs/DOWNLOAD.md).", ex.Message);
    }

    [Fact]
    public void ColumnMap_ReadsTheStagedRealPanel()
    {
        // data/nbs/panel_province_2014_2021.csv: PROVENANCE.md checks Anhui 2021 = 59.39 and Shanghai 2021 = 89.3.
        var p = PanelCsv.Load(RepoPaths.Combine("data", "nbs", "panel_province_2014_2021.csv"), new PanelCsvOptions
        {
            ColumnMap = new Dictionary<string, string> { ["Y2_urbanization_rate_pct"] = "Y2" },
            IgnoreColumns = ["aux_secondary_industry_share_pct", "aux_gdp_current_100m_yuan", "source"],
        });
        Assert.Equal(248, p.Count);
        Assert.Equal(59.39, p.Value("安徽", 2021, "Y2"));
        Assert.Equal(89.3, p.Value("上海", 2021, "Y2"));
        Assert.Equal(31, p.DistinctRegions.Count);
    }

    [Fact]
    public void MergedThesisFile_LoadsWithChineseKeysAndListwiseDeletion()
    {
        // The merged file (UTF-8 with BOM, 31 provinces x 2005-2024) has many empty cells in other columns;
        // only 城镇化率_% is mapped. PROVENANCE.md: Jiangsu 2021 = 73.94, Zhejiang 2021 = 72.66.
        var p = PanelCsv.Load(RepoPaths.Combine("data", "nbs", "RenJiyi163_分省年度数据_整合.csv"), new PanelCsvOptions
        {
            RegionColumn = "地区",
            YearColumn = "年份",
            ColumnMap = new Dictionary<string, string> { ["城镇化率_%"] = "Y2" },
            IgnoreOtherColumns = true,
            Missing = MissingValues.ListwiseDelete,
        });
        Assert.Equal(73.94, p.Value("江苏", 2021, "Y2"));
        Assert.Equal(72.66, p.Value("浙江", 2021, "Y2"));
        Assert.Equal(620, p.Count + p.DroppedRows.Count); // 31 x 20 rows in the file
        Assert.Equal(248, p.Where((_, y) => y is >= 2014 and <= 2021).Count); // same coverage as panel_province_2014_2021.csv
    }

    [Fact]
    public void ToCsv_RoundTrips()
    {
        var p = Parse(Good);
        var q = Parse(p.ToCsv());
        Assert.Equal(p.Matrix(p.Symbols), q.Matrix(q.Symbols));
        Assert.Equal(Good, p.ToCsv());
    }
}
