using RuralEcom.Cca;
using RuralEcom.Significance;

namespace RuralEcom.Reports;

/// <summary>A table with the file name (without extension) it is written under, e.g. "02-wilks-tests".</summary>
/// <param name="Name">The file name: a two-digit group number, then a slug.</param>
/// <param name="Table">The table.</param>
public sealed record NamedTable(string Name, Table Table);

/// <summary>
/// The tables of a canonical correlation analysis in the order SAS PROC CANCORR and a paper print them, defined once
/// for the report (<see cref="AnalysisReport"/>) and the command line's <c>cca</c> command.
/// </summary>
public static class CcaReportTables
{
    /// <summary>
    /// Every table: correlations, the Wilks, Bartlett and multivariate tests, standardized and (when the analysis had
    /// raw data or moments) raw coefficients, structure and cross-structure coefficients, redundancy and the
    /// correlation matrix.
    /// </summary>
    /// <param name="cca">The fitted analysis.</param>
    /// <param name="tests">Its tests (<c>cca.Tests()</c>).</param>
    public static IReadOnlyList<NamedTable> All(CcaResult cca, SignificanceResult tests)
    {
        ArgumentNullException.ThrowIfNull(cca);
        ArgumentNullException.ThrowIfNull(tests);
        var list = new List<NamedTable>
        {
            new("01-canonical-correlations", cca.ToTable()),
            new("02-wilks-tests", tests.WilksTable()),
            new("03-bartlett-tests", tests.BartlettTable()),
            new("04-multivariate-tests", tests.MultivariateTable()),
            new("05-standardized-coefficients-x", cca.StandardizedCoefficientsX.ToTable("Standardized canonical coefficients of the X variables (the paper's \"typical loads\")")),
            new("05-standardized-coefficients-y", cca.StandardizedCoefficientsY.ToTable("Standardized canonical coefficients of the Y variables")),
        };
        if (cca.RawCoefficientsX is { } rawX && cca.RawCoefficientsY is { } rawY)
        {
            list.Add(new("06-raw-coefficients-x", rawX.ToTable("Raw canonical coefficients of the X variables (centred raw units)", "G6")));
            list.Add(new("06-raw-coefficients-y", rawY.ToTable("Raw canonical coefficients of the Y variables (centred raw units)", "G6")));
        }
        string[] structureNames = ["07-structure-x-own", "07-structure-y-own", "07-structure-x-cross", "07-structure-y-cross"];
        var structure = cca.Structure.ToTables();
        for (int i = 0; i < structure.Count; i++) list.Add(new(structureNames[i], structure[i]));
        list.Add(new("08-redundancy-x", cca.Redundancy.ToTable("X")));
        list.Add(new("08-redundancy-y", cca.Redundancy.ToTable("Y")));
        list.Add(new("09-correlation-matrix", cca.CorrelationMatrix.ToTable("Correlation matrix R = [R11 R12; R21 R22] (X variables first)")));
        return ReadOnly.Own(list.ToArray());
    }
}
