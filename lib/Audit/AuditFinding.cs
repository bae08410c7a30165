namespace RuralEcom.Audit;

/// <summary>The outcome of checking one printed figure.</summary>
public enum AuditVerdict
{
    /// <summary>The recomputed value prints as the reported text (within the rounding of its digits and of the inputs).</summary>
    Consistent,

    /// <summary>The recomputed value differs from the printed one by more than rounding can explain.</summary>
    Inconsistent,

    /// <summary>The figure cannot exist for the stated design (e.g. a ninth canonical correlation with p = 8).</summary>
    Impossible,

    /// <summary>The figure cannot be recomputed from what was printed (e.g. it needs the raw data).</summary>
    NotCheckable,
}

/// <summary>One checked figure.</summary>
/// <param name="Section">Where it is printed, e.g. "Table 4".</param>
/// <param name="Item">Which figure, e.g. "row 5, Sig.".</param>
/// <param name="Reported">The printed text.</param>
/// <param name="Recomputed">The recomputed value as text (empty when there is none).</param>
/// <param name="Verdict">The outcome.</param>
/// <param name="Explanation">How it was recomputed and why the verdict.</param>
public sealed record AuditFinding(string Section, string Item, string Reported, string Recomputed, AuditVerdict Verdict, string Explanation);

/// <summary>
/// A design (n, p, q) and computation variant that reproduces some rows of a printed column, from the design search
/// of <see cref="PaperAudit"/>.
/// </summary>
/// <param name="Column">The printed column, e.g. "Table 4 DF".</param>
/// <param name="Variant">The computation, e.g. "Rao F denominator df (SAS PROC CANCORR)".</param>
/// <param name="N">Sample size of the design (0 when the variant does not use it).</param>
/// <param name="P">Number of X variables (0 when not used).</param>
/// <param name="Q">Number of Y variables (0 when not used).</param>
/// <param name="CorrelationList">Which correlations entered: "first min(p, q)" or "all printed".</param>
/// <param name="RowsExplained">How many printed rows the design reproduces.</param>
/// <param name="RowsPrinted">How many rows the column prints.</param>
/// <param name="Rows">The reproduced row numbers.</param>
public sealed record DesignFit(string Column, string Variant, int N, int P, int Q, string CorrelationList,
    int RowsExplained, int RowsPrinted, IReadOnlyList<int> Rows);
