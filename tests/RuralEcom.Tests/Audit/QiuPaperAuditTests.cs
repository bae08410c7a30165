using RuralEcom.Audit;

namespace RuralEcom.Tests.Audit;

/// <summary>
/// The audit of the paper's section 3.1.3 (data/paper/qiu-2022-reported-tables.csv). These tests pin the findings the
/// notebook 09-paper-audit reports, each of which can be checked by hand from the printed numbers.
/// </summary>
public class QiuPaperAuditTests
{
    private static readonly Lazy<AuditReport> Audit = new(() =>
        PaperAudit.Run(ReportedTables.Load(RepoPaths.Combine("data", "paper", "qiu-2022-reported-tables.csv"))));

    private static AuditFinding Finding(string section, string item) => Audit.Value.Findings.Single(f => f.Section == section && f.Item == item);

    [Fact]
    public void The_file_holds_the_printed_tables()
    {
        var t = Audit.Value.Table;
        Assert.Equal((55, 8, 11), (t.N, t.P, t.Q));
        Assert.Equal(11, t.Correlations.Count);
        Assert.Equal("0.995", t.Correlations[0].Text);
        Assert.Equal("Prop Var", t.ProportionLabel);
        Assert.Equal("159.840", t.Tests[0].Df!.Text);
        Assert.Equal("<0.0001", t.Tests[0].P!.Text);
        Assert.Equal(6, t.Equations.Count);
        Assert.Equal(10, t.Claims.Count);
    }

    [Fact]
    public void More_correlations_and_tests_than_min_p_q_are_impossible()
    {
        foreach (var r in new[] { "r9", "r10", "r11" }) Assert.Equal(AuditVerdict.Impossible, Finding("Table 3", r).Verdict);
        Assert.Equal(AuditVerdict.Impossible, Finding("Table 4", "row 9, Wilks").Verdict);
        Assert.Equal(AuditVerdict.Inconsistent, Finding("Text", "number of canonical pairs").Verdict);
    }

    [Fact]
    public void Equations_name_variables_that_do_not_exist_and_swap_coefficients_between_v_and_w()
    {
        Assert.Equal(AuditVerdict.Impossible, Finding("Canonical equations", "V3: 0.56x_{10}").Verdict);
        Assert.Equal(AuditVerdict.Impossible, Finding("Canonical equations", "V3: 0.55x_{11}").Verdict);
        Assert.Equal(AuditVerdict.Impossible, Finding("Canonical equations", "V2: 0.57x_5").Verdict); // x5 twice in V2
        Assert.Equal(AuditVerdict.NotCheckable, Finding("Canonical equations", "W1").Verdict);         // 4.13 y4 alone
        // Text: 0.76 and 0.85 belong to Y5 and Y6 (W3) but the equations print them on x3 and x5 in V3.
        Assert.Contains("V3", Finding("Text vs equations", "pair 3: 0.76 for Y5").Recomputed, StringComparison.Ordinal);
        Assert.Equal(AuditVerdict.Inconsistent, Finding("Text vs equations", "pair 3: 0.58 for X3").Verdict);
        Assert.Equal(AuditVerdict.Consistent, Finding("Text vs equations", "pair 1: 1.17 for X7").Verdict);
    }

    /// <summary>
    /// Hand check of the strongest inconsistency: with r_8 = 0.611 and the stated design, Λ_8 = 1 − 0.611² = 0.627 and
    /// Rao's F (4 and 43 df, t = 1) = (0.373/0.627)(43/4) = 6.39, p ≈ 0.0004, while the paper prints Λ = 0.475, p = 0.996.
    /// </summary>
    [Fact]
    public void The_test_table_disagrees_with_the_printed_correlations()
    {
        var row8 = Finding("Table 4", "row 8, Wilks");
        Assert.Equal(AuditVerdict.Inconsistent, row8.Verdict);
        Assert.Equal("0.6267", row8.Recomputed);
        Assert.Equal(AuditVerdict.Inconsistent, Finding("Table 4", "row 8, Sig.").Verdict);
        Assert.Equal("4 and 43", Finding("Table 4", "row 8, DF").Recomputed);
    }

    [Fact]
    public void Design_search_explains_prop_var_and_wilks_but_not_df()
    {
        var fits = Audit.Value.DesignFits;
        // "Prop Var" is SAS's approximate standard error (1 − r²)/√(n − 1) with n = 56 for rows 1–10.
        var prop = fits.First(f => f.Column == "Correlations: Prop Var");
        Assert.Equal((56, 10), (prop.N, prop.RowsExplained));
        Assert.Contains("standard error", prop.Variant, StringComparison.Ordinal);
        // The Wilks column matches products over r_k..r_9: an analysis with nine canonical correlations.
        var wilks = fits.First(f => f.Column == "Tests: Wilks");
        Assert.Equal(("first 9", 8), (wilks.CorrelationList, wilks.RowsExplained));
        // No design with n 20..200, p and q 1..15 reproduces more than the two integer DF rows (8 and 9).
        Assert.True(fits.Where(f => f.Column == "Tests: DF").All(f => f.RowsExplained <= 2));
        Assert.Contains(fits, f => f.Column == "Tests: DF" && (f.N, f.P, f.Q) == (55, 8, 11) && f.RowsExplained == 0);
    }
}
