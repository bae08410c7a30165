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
        Assert.Equal("Prop Var", Assert.Single(t.ExtraRows).Label);
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
    public void Prop_var_is_a_standard_error_for_n_55_or_56_depending_on_the_formula()
    {
        var fits = Audit.Value.DesignFits.Where(f => f.Column == "Correlations: Prop Var").ToArray();
        // (1 − r²)/√55 reproduces rows 1–10; so does SAS's (1 − r²)/√(n − 1) with n = 56: the same numbers.
        Assert.Contains(fits, f => f.Variant == DesignSearch.LargeSampleStandardError && (f.N, f.RowsExplained) == (55, 10));
        Assert.Contains(fits, f => f.Variant == DesignSearch.SasStandardError && (f.N, f.RowsExplained) == (56, 10));
        // Hand check of row 1: (1 − 0.995²)/√55 = 0.009975/7.416 = 0.00135, printed 0.001.
        Assert.Equal(0.00135, (1 - 0.995 * 0.995) / Math.Sqrt(55), 5);
    }

    /// <summary>
    /// The widest search (n ≤ 400, p, q ≤ 60, four conventions) finds one analysis that reproduces DF rows 5–9, Sig.
    /// rows 1–8 and Wilks rows 1–3 and 5–9: n = 55 with 9 variables in one set and 30 in the other, SAS's denominator df.
    /// Hand check with SAS's formulas (w = n − 3/2 − (p + q)/2 = 34): row 9 has a = 1, t = 1, df2 = 34 − 22/2 + 1 = 24;
    /// row 8 has a = 2, b = 23, t = √((4·529 − 4)/(4 + 529 − 5)) = 2, df2 = 68 − 23 + 1 = 46, the two integers printed.
    /// </summary>
    [Fact]
    public void The_wide_search_finds_n_55_with_9_and_30_variables()
    {
        var best = Audit.Value.Search.Joint[0];
        Assert.Equal((TestConvention.RaoSas, DfColumn.Denominator, 55, 9), (best.Convention, best.DfColumn, best.N, Math.Min(best.P, best.Q)));
        Assert.Equal(39, best.P + best.Q);
        Assert.Equal([5, 6, 7, 8, 9], best.DfRows);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], best.SigRows);
        Assert.Equal([1, 2, 3, 5, 6, 7, 8, 9], best.WilksRows);
        Assert.Equal(24, TestConventions.Df(TestConvention.RaoSas, DfColumn.Denominator, 9, 55, 9, 30), 12);
        Assert.Equal(46, TestConventions.Df(TestConvention.RaoSas, DfColumn.Denominator, 8, 55, 9, 30), 12);
        // Rows 1–4 print a third decimal of 0 (159.840, 147.920, 134.580, 119.780); to two decimals they match too.
        double[] twoDecimals = [159.84, 147.92, 134.58, 119.78];
        for (int k = 1; k <= 4; k++)
            Assert.Equal(twoDecimals[k - 1], Math.Round(TestConventions.Df(TestConvention.RaoSas, DfColumn.Denominator, k, 55, 9, 30), 2), 10);
        // The stated design explains no DF row under any convention.
        Assert.All(Audit.Value.Search.Stated, s => Assert.Empty(s.DfRows));
    }

    [Fact]
    public void The_wilks_column_fits_nine_correlations()
    {
        var wilks = Audit.Value.DesignFits.First(f => f.Column == "Tests: Wilks");
        Assert.Equal(("first 9", 8), (wilks.CorrelationList, wilks.RowsExplained));
    }
}
