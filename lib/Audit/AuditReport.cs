namespace RuralEcom.Audit;

/// <summary>The result of <see cref="PaperAudit.Run"/>: a verdict for every printed figure and the design search.</summary>
public sealed class AuditReport
{
    internal AuditReport(ReportedCcaTable table, IReadOnlyList<AuditFinding> findings, DesignSearchResult search)
    {
        Table = table;
        Findings = findings;
        Search = search;
    }

    /// <summary>The audited figures.</summary>
    public ReportedCcaTable Table { get; }

    /// <summary>One finding per checked figure (or group of figures), in printed order.</summary>
    public IReadOnlyList<AuditFinding> Findings { get; }

    /// <summary>The design search: the joint ranking and the per-column fits.</summary>
    public DesignSearchResult Search { get; }

    /// <summary>The designs and variants that reproduce each printed column best, with the stated design's own count.</summary>
    public IReadOnlyList<DesignFit> DesignFits => Search.ColumnFits;

    /// <summary>True when every checkable figure is consistent (nothing inconsistent or impossible).</summary>
    public bool Passes => Count(AuditVerdict.Inconsistent) == 0 && Count(AuditVerdict.Impossible) == 0;

    /// <summary>The number of findings with the given verdict.</summary>
    /// <param name="verdict">The verdict to count.</param>
    public int Count(AuditVerdict verdict) => Findings.Count(f => f.Verdict == verdict);

    /// <summary>The findings as a table a referee can paste into a report.</summary>
    /// <param name="verdicts">Only these verdicts (default: all).</param>
    public Table ToTable(params AuditVerdict[] verdicts)
    {
        var shown = verdicts.Length == 0 ? Findings : Findings.Where(f => verdicts.Contains(f.Verdict)).ToArray();
        return new Table(
            $"Audit of {Table.Source}: stated design n = {Table.N}, p = {Table.P}, q = {Table.Q}",
            ["Section", "Item", "Reported", "Recomputed", "Verdict", "Explanation"],
            shown.Select(f => (IReadOnlyList<object?>)new object?[] { f.Section, f.Item, f.Reported, f.Recomputed, VerdictText(f.Verdict), f.Explanation }),
            note: $"{Count(AuditVerdict.Consistent)} consistent, {Count(AuditVerdict.Inconsistent)} inconsistent, {Count(AuditVerdict.Impossible)} impossible, {Count(AuditVerdict.NotCheckable)} not checkable. " +
                  "Consistent = the recomputed value prints as reported within the rounding of the printed digits and of the printed correlations.");
    }

    /// <summary>The design search: which design and computation reproduce how many printed rows of each column.</summary>
    public Table DesignTable() => new(
        "Which design and computation reproduce the printed columns?",
        ["Column", "Computation", "n", "p", "q", "Correlations used", "Rows reproduced", "Of", "Rows"],
        DesignFits.Select(f => (IReadOnlyList<object?>)new object?[]
        {
            f.Column, f.Variant, f.N == 0 ? "any" : f.N.ToString(System.Globalization.CultureInfo.InvariantCulture),
            f.P == 0 ? "any" : f.P.ToString(System.Globalization.CultureInfo.InvariantCulture),
            f.Q == 0 ? "any" : f.Q.ToString(System.Globalization.CultureInfo.InvariantCulture),
            f.CorrelationList, f.RowsExplained, f.RowsPrinted, string.Join(" ", f.Rows),
        }),
        note: "Designs searched: every n, p, q within the search bounds; the best fits per column are listed first, followed by the stated design's own count.");

    /// <summary>
    /// The findings and, when the search ran, the design-search tables as Markdown. <see cref="RuralEcom.Table.ToMarkdown"/>
    /// escapes every text by the library's one rule (<see cref="MarkdownText.Escape"/>), so printed text from the
    /// audited file (labels, quotes, the source) cannot inject HTML or Markdown markup.
    /// </summary>
    /// <param name="verdicts">Only these verdicts (default: all).</param>
    public string ToMarkdown(params AuditVerdict[] verdicts)
    {
        var tables = new List<Table> { ToTable(verdicts) };
        if (Search.Candidates > 0) tables.AddRange([Search.JointTable(), Search.WholeColumnTable(), DesignTable()]);
        return string.Join("\n", tables.Select(t => t.ToMarkdown()));
    }

    /// <summary>The verdict word used in tables: "consistent", "INCONSISTENT", "IMPOSSIBLE" or "not checkable".</summary>
    /// <param name="v">The verdict.</param>
    public static string VerdictText(AuditVerdict v) => v switch
    {
        AuditVerdict.Consistent => "consistent",
        AuditVerdict.Inconsistent => "INCONSISTENT",
        AuditVerdict.Impossible => "IMPOSSIBLE",
        _ => "not checkable",
    };
}
