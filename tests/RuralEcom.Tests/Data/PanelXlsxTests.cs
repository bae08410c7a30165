using System.IO.Compression;
using System.Security;
using System.Text;
using RuralEcom.Data;

namespace RuralEcom.Tests.Data;

public class PanelXlsxTests
{
    private static int _files;

    /// <summary>Writes a minimal .xlsx (one sheet "Panel") by hand: numbers as numeric cells, strings inline; a cell "p:0.125" is a number with the built-in 0.00% format.</summary>
    internal static string WriteXlsx(string[][] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"panel-{Environment.ProcessId}-{Interlocked.Increment(ref _files)}.xlsx");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Add(string name, string xml)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            w.Write(xml);
        }
        Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
        Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Panel" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        Add("xl/styles.xml", """<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs></styleSheet>""");
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (int r = 0; r < rows.Length; r++)
        {
            sheet.Append($"<row r=\"{r + 1}\">");
            for (int c = 0; c < rows[r].Length; c++)
            {
                var v = rows[r][c];
                var cell = $"{(char)('A' + c)}{r + 1}";
                if (v.Length == 0) continue;
                if (v.StartsWith("p:")) sheet.Append($"<c r=\"{cell}\" s=\"1\"><v>{v[2..]}</v></c>");
                else if (double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out _)) sheet.Append($"<c r=\"{cell}\"><v>{v}</v></c>");
                else sheet.Append($"<c r=\"{cell}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(v)}</t></is></c>");
            }
            sheet.Append("</row>");
        }
        Add("xl/worksheets/sheet1.xml", sheet.Append("</sheetData></worksheet>").ToString());
        return path;
    }

    [Fact]
    public void ReadsTheSameLayoutAsCsv()
    {
        var path = WriteXlsx([["region", "year", "X1", "Y4"], ["Anhui", "2020", "10.5", "50"], ["Anhui", "2021", "12", ""], ["Jiangsu", "2021", "30", "70"]]);
        try
        {
            var ex = Assert.Throws<PanelFormatException>(() => PanelXlsx.Load(path));
            Assert.Equal($"{path} [Panel], line 3, column 'Y4': 1 empty cell(s) in 1 row(s): line 3 column Y4. Fill them in, or delete those rows (command line: --missing drop drops every row with an empty cell and lists them).", ex.Message);
            var p = PanelXlsx.Load(path, "Panel", new PanelCsvOptions { Missing = MissingValues.ListwiseDelete });
            Assert.Equal(2, p.Count);
            Assert.Equal(10.5, p.Value("Anhui", 2020, "X1"));
            Assert.Equal(70, p.Value("Jiangsu", 2021, "Y4"));
            Assert.Equal(3, p.DroppedRows.Single().Line);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void PercentFormattedCell_IsAnError()
    {
        var path = WriteXlsx([["region", "year", "Y2"], ["Anhui", "2021", "p:0.5939"]]);
        try
        {
            var ex = Assert.Throws<PanelFormatException>(() => PanelXlsx.Load(path));
            Assert.Equal($"{path} [Panel], line 2, column 'Y2': The cell is formatted as a percentage, so Excel stores 0.5939 for 59.39%. Format the column as a plain number holding the percentage (12.5 for 12.5%), the unit the catalogue uses.", ex.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void MissingSheet_ListsTheSheets()
    {
        var path = WriteXlsx([["region", "year", "X1"], ["A", "2020", "1"]]);
        try
        {
            var ex = Assert.Throws<PanelFormatException>(() => PanelXlsx.Load(path, "Data"));
            Assert.Equal($"{path}: The workbook has no sheet named 'Data'. Use one of: Panel.", ex.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void NotAWorkbook()
    {
        var ex = Assert.Throws<PanelFormatException>(() => PanelXlsx.Load(RepoPaths.Combine("data", "reference", "linnerud.csv")));
        Assert.Contains("The file is not an Excel workbook", ex.Message);
    }
}
