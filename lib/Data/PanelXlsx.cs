using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace RuralEcom.Data;

/// <summary>
/// Loads a tidy panel from a sheet of an Excel workbook (.xlsx or .xls) with ExcelDataReader: the same layout,
/// checks and messages as <see cref="PanelCsv"/>, with "line" meaning the worksheet row number.
/// </summary>
public static class PanelXlsx
{
    /// <summary>Loads a panel from one worksheet.</summary>
    /// <param name="path">Path of the workbook.</param>
    /// <param name="sheetName">Worksheet name; null takes the first sheet.</param>
    /// <param name="options">Column mapping and missing-value policy; null for the defaults.</param>
    /// <exception cref="PanelFormatException">The file or sheet is missing, or the sheet is malformed.</exception>
    public static Panel Load(string path, string? sheetName = null, PanelCsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new PanelFormatException(path, null, null, "The file does not exist.",
                $"Check the path (the current folder is {Directory.GetCurrentDirectory()}).");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // ExcelDataReader needs code pages on .NET
        using var stream = File.OpenRead(path);
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateReader(stream);
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.HeaderException or InvalidDataException or NotSupportedException)
        {
            throw new PanelFormatException(path, null, null, $"The file is not an Excel workbook ({e.Message}).",
                "Open it in Excel and save as .xlsx, or save as CSV UTF-8 and use PanelCsv.Load.");
        }
        using (reader)
        {
            var sheets = new List<string>();
            do
            {
                sheets.Add(reader.Name);
                if (sheetName is null || reader.Name == sheetName)
                    {
                    var source = $"{path} [{reader.Name}]";
                    return PanelCsv.FromRecords(ReadSheet(reader, source), source, options);
                }
            } while (reader.NextResult());
            throw new PanelFormatException(path, null, null, $"The workbook has no sheet named '{sheetName}'.",
                $"Use one of: {string.Join(", ", sheets)}.");
        }
    }

    private static List<CsvRecords.Record> ReadSheet(IExcelDataReader reader, string source)
    {
        var records = new List<CsvRecords.Record>();
        string[]? header = null;
        int row = 0;
        while (reader.Read())
        {
            row++;
            var fields = new string[reader.FieldCount];
            for (int c = 0; c < fields.Length; c++)
            {
                var value = reader.GetValue(c);
                var format = reader.GetNumberFormatString(c);
                if (value is double d && format is not null && format.Contains('%') && header is not null)
                    throw new PanelFormatException(source, row, c < header.Length ? header[c] : $"#{c + 1}",
                        $"The cell is formatted as a percentage, so Excel stores {d.ToString("R", CultureInfo.InvariantCulture)} for {(d * 100).ToString("G", CultureInfo.InvariantCulture)}%.",
                        "Format the column as a plain number holding the percentage (12.5 for 12.5%), the unit the catalogue uses.");
                fields[c] = value switch
                {
                    null => "",
                    double x => x.ToString("R", CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString() ?? "",
                };
            }
            if (fields.All(f => f.Length == 0)) continue; // blank row
            if (header is null)
            {
                // Sheets often carry formatted but empty trailing columns; the header ends at its last named column.
                header = fields[..(Array.FindLastIndex(fields, f => f.Length > 0) + 1)];
                records.Add(new CsvRecords.Record(row, header));
                continue;
            }
            var cells = new string[Math.Max(header.Length, Array.FindLastIndex(fields, f => f.Length > 0) + 1)];
            Array.Fill(cells, "");
            Array.Copy(fields, cells, Math.Min(fields.Length, cells.Length));
            records.Add(new CsvRecords.Record(row, cells));
        }
        return records;
    }
}
