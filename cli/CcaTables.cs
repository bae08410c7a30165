using System.Text;
using RuralEcom.Cca;
using RuralEcom.Significance;

namespace RuralEcom.Cli;

/// <summary>The tables of a canonical correlation analysis in the order a paper prints them, each with a file-name slug.</summary>
internal static class CcaTables
{
    /// <summary>Every table: correlations, tests, coefficients, structure, redundancy.</summary>
    public static IReadOnlyList<(string Slug, Table Table)> All(CcaResult cca, SignificanceResult tests)
    {
        var structure = cca.Structure.ToTables();
        var list = new List<(string, Table)>
        {
            ("canonical-correlations", cca.ToTable()),
            ("wilks", tests.WilksTable()),
            ("bartlett", tests.BartlettTable()),
            ("multivariate", tests.MultivariateTable()),
            ("standardized-coefficients-x", cca.StandardizedCoefficientsX.ToTable("Standardized canonical coefficients of the X variables")),
            ("standardized-coefficients-y", cca.StandardizedCoefficientsY.ToTable("Standardized canonical coefficients of the Y variables")),
        };
        if (cca.RawCoefficientsX is { } rawX && cca.RawCoefficientsY is { } rawY)
        {
            list.Add(("raw-coefficients-x", rawX.ToTable("Raw canonical coefficients of the X variables (centred raw units)", "G6")));
            list.Add(("raw-coefficients-y", rawY.ToTable("Raw canonical coefficients of the Y variables (centred raw units)", "G6")));
        }
        list.Add(("structure-x", structure[0]));
        list.Add(("structure-y", structure[1]));
        list.Add(("cross-structure-x", structure[2]));
        list.Add(("cross-structure-y", structure[3]));
        list.Add(("redundancy-x", cca.Redundancy.ToTable("X")));
        list.Add(("redundancy-y", cca.Redundancy.ToTable("Y")));
        return list;
    }

    /// <summary>A Markdown report: a heading naming the data and the sets, then every table.</summary>
    public static string ToMarkdown(CcaResult cca, SignificanceResult tests, string dataName)
    {
        var sb = new StringBuilder();
        sb.Append("# Canonical correlation analysis of ").Append(dataName).Append("\n\n")
          .Append("- X (").Append(cca.P).Append("): ").AppendJoin(", ", cca.XNames).Append('\n')
          .Append("- Y (").Append(cca.Q).Append("): ").AppendJoin(", ", cca.YNames).Append('\n')
          .Append("- n = ").Append(cca.N).Append(", method: ").Append(CcaJson.MethodName(cca.Method)).Append('\n')
          .Append("- Signs: ").Append(CanonicalCorrelationAnalysis.SignConvention).Append("\n\n");
        foreach (var (_, table) in All(cca, tests)) sb.Append(table.ToMarkdown()).Append('\n');
        return sb.ToString();
    }

    /// <summary>Every table as CSV on one stream, each preceded by a line <c># slug: title</c> and followed by a blank line.</summary>
    public static string ToCsvStream(CcaResult cca, SignificanceResult tests)
    {
        var sb = new StringBuilder();
        foreach (var (slug, table) in All(cca, tests))
            sb.Append("# ").Append(slug).Append(": ").Append(table.Title).Append('\n').Append(table.ToCsv()).Append('\n');
        return sb.ToString();
    }
}
