namespace RuralEcom.Data;

/// <summary>
/// Loads a tidy panel from a sheet of an Excel workbook (.xlsx or .xls, read with ExcelDataReader): the same layout,
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
        return PanelCsv.FromContent(DataFile.ReadWorkbookContent(path, sheetName), options);
    }
}
