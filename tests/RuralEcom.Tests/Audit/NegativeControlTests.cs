using RuralEcom.Audit;

namespace RuralEcom.Tests.Audit;

/// <summary>
/// Negative controls: correct published tables (SAS PROC CANCORR's fitness-club example and R's cancor example, both
/// transcribed in data/audit/ from the sources the CCA tests cite) must audit as consistent; a copy with one p-value and
/// one df changed by hand must be flagged in exactly those two figures.
/// </summary>
public class NegativeControlTests
{
    private static AuditReport Audit(string file) => PaperAudit.Run(ReportedTables.Load(RepoPaths.Combine("data", "audit", file)), search: false);

    [Fact]
    public void Sas_fitness_example_is_consistent_in_every_checkable_figure()
    {
        var audit = Audit("sas-fitness-cancorr.csv");
        Assert.True(audit.Passes, audit.ToTable(AuditVerdict.Inconsistent, AuditVerdict.Impossible).ToMarkdown());
        // 3 correlations (one finding), 3 standard errors, 3 squared correlations, 1 proportion, 3 rows × (Wilks, F, Num DF, Den DF, Sig.).
        Assert.Equal(1 + 3 + 3 + 1 + 15, audit.Count(AuditVerdict.Consistent));
        // Only Lawley's adjusted correlations are not recomputed.
        Assert.All(audit.Findings.Where(f => f.Verdict == AuditVerdict.NotCheckable), f => Assert.StartsWith("Adjusted", f.Item, StringComparison.Ordinal));
        Assert.Equal(TestConvention.RaoSas, audit.Table.Convention);
    }

    [Fact]
    public void R_cancor_example_is_consistent()
    {
        var audit = Audit("r-cancor-lifecyclesavings.csv");
        Assert.True(audit.Passes);
        Assert.Equal((50, 2, 3), (audit.Table.N, audit.Table.P, audit.Table.Q));
        Assert.Equal("0.8247966", audit.Table.Correlations[0].Text);
        Assert.All(audit.Findings, f => Assert.Equal(AuditVerdict.Consistent, f.Verdict));
    }

    [Fact]
    public void The_corrupted_copy_is_flagged_in_exactly_the_two_changed_figures()
    {
        var audit = Audit("sas-fitness-cancorr-corrupted.csv");
        var flagged = audit.Findings.Where(f => f.Verdict is AuditVerdict.Inconsistent or AuditVerdict.Impossible).Select(f => f.Item).Order().ToArray();
        Assert.Equal(new[] { "row 1, Den DF", "row 2, Sig." }, flagged);
        Assert.False(audit.Passes);
        // Everything else is as in the correct table.
        Assert.Equal(Audit("sas-fitness-cancorr.csv").Count(AuditVerdict.Consistent) - 2, audit.Count(AuditVerdict.Consistent));
    }

    [Fact]
    public void The_template_audits_as_consistent()
    {
        var audit = Audit("template.csv");
        Assert.True(audit.Passes, audit.ToTable(AuditVerdict.Inconsistent, AuditVerdict.Impossible).ToMarkdown());
        Assert.Equal(0, audit.Count(AuditVerdict.NotCheckable));
    }
}
