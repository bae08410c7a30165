namespace RuralEcom.Data;

/// <summary>A public two-set data set for checking a CCA against published output.</summary>
/// <param name="Name">Short name.</param>
/// <param name="RowLabels">One label per row (id or country).</param>
/// <param name="X">First variable set, n x p.</param>
/// <param name="Y">Second variable set, n x q.</param>
/// <param name="XNames">Names of the X columns.</param>
/// <param name="YNames">Names of the Y columns.</param>
/// <param name="Source">Where the values come from (see data/reference/README.md).</param>
public sealed record ReferenceDataSet(string Name, IReadOnlyList<string> RowLabels, double[,] X, double[,] Y,
    IReadOnlyList<string> XNames, IReadOnlyList<string> YNames, string Source);

/// <summary>The public reference data sets shipped in data/reference (compiled into the library).</summary>
public static class ReferenceData
{
    /// <summary>
    /// Linnerud fitness-club data: 20 middle-aged men; X = Weight, Waist, Pulse (physiological), Y = Chins, Situps,
    /// Jumps (exercise), as in the SAS/STAT PROC CANCORR "Getting Started" example (Tenenhaus 1998, Table 1, p. 15).
    /// </summary>
    public static ReferenceDataSet Linnerud() =>
        Load("linnerud.csv", "Linnerud", ["Weight", "Waist", "Pulse"], ["Chins", "Situps", "Jumps"],
            "SAS/STAT PROC CANCORR Getting Started (data Fit); scikit-learn load_linnerud; Tenenhaus (1998) Table 1");

    /// <summary>
    /// R's LifeCycleSavings (Belsley, Kuh and Welsch 1980): 50 countries, 1960-1970 averages; X = pop15, pop75,
    /// Y = sr, dpi, ddpi, the split of R's <c>example(cancor)</c>.
    /// </summary>
    public static ReferenceDataSet LifeCycleSavings() =>
        Load("life-cycle-savings.csv", "LifeCycleSavings", ["pop15", "pop75"], ["sr", "dpi", "ddpi"],
            "R datasets::LifeCycleSavings (Belsley, Kuh & Welsch 1980), via Rdatasets csv/datasets/LifeCycleSavings.csv");

    private static ReferenceDataSet Load(string file, string name, string[] xNames, string[] yNames, string source)
    {
        using var reader = BundledFile.OpenText(file);
        var table = CsvTable.Parse(reader, file);
        return new ReferenceDataSet(name, table.Text(table.Columns[0]), table.Matrix(xNames), table.Matrix(yNames), xNames, yNames, source);
    }
}
