using System.Text;
using RuralEcom.Cca;
using RuralEcom.Reports;
using RuralEcom.Significance;

namespace RuralEcom.Cli;

/// <summary>The command line's Markdown and CSV forms of the analysis tables (the list itself is the library's <see cref="CcaReportTables"/>).</summary>
internal static class CcaTables
{
    /// <summary>A Markdown report: a heading naming the data and the sets, then every table.</summary>
    public static string ToMarkdown(CcaResult cca, SignificanceResult tests, string dataName)
    {
        // The file name and the column names come from the user: escaped like every other text (MarkdownText).
        var sb = new StringBuilder();
        sb.Append("# Canonical correlation analysis of ").Append(MarkdownText.Escape(dataName)).Append("\n\n")
          .Append("- X (").Append(cca.P).Append("): ").AppendJoin(", ", cca.XNames.Select(MarkdownText.Escape)).Append('\n')
          .Append("- Y (").Append(cca.Q).Append("): ").AppendJoin(", ", cca.YNames.Select(MarkdownText.Escape)).Append('\n')
          .Append("- n = ").Append(cca.N).Append(", method: ").Append(CcaJson.MethodName(cca.Method)).Append('\n')
          .Append("- Signs: ").Append(CanonicalCorrelationAnalysis.SignConvention).Append("\n\n");
        foreach (var t in CcaReportTables.All(cca, tests)) sb.Append(t.Table.ToMarkdown()).Append('\n');
        return sb.ToString();
    }

    /// <summary>Every table as CSV on one stream, each preceded by a line <c># slug: title</c> and followed by a blank line.</summary>
    public static string ToCsvStream(CcaResult cca, SignificanceResult tests)
    {
        var sb = new StringBuilder();
        foreach (var t in CcaReportTables.All(cca, tests))
            sb.Append("# ").Append(t.Name).Append(": ").Append(t.Table.Title).Append('\n').Append(t.Table.ToCsv()).Append('\n');
        return sb.ToString();
    }
}
