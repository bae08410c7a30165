using RuralEcom.Audit;
using RuralEcom.Plots;

namespace RuralEcom.Tests.Plots;

public class AuditPlotsTests
{
    [Fact]
    public void The_papers_row_8_wilks_is_plotted_off_the_line_and_the_sas_example_on_it()
    {
        var paper = PaperAudit.Run(ReportedTables.Load(RepoPaths.Combine("data", "paper", "qiu-2022-reported-tables.csv")), search: false);
        var points = AuditPlots.Points(paper);
        // Hand check: Λ_8 = 1 − 0.611² = 0.6267 against the printed 0.475.
        var row8 = Assert.Single(points, p => p.Item == "Table 4: row 8, Wilks");
        Assert.Equal((0.475, AuditVerdict.Inconsistent), (row8.Printed, row8.Verdict));
        Assert.Equal(1 - 0.611 * 0.611, row8.Recomputed, 4);
        // Bounds (<0.0001) and df pairs are not plotted.
        Assert.DoesNotContain(points, p => p.Item.EndsWith("row 1, Sig.", StringComparison.Ordinal) || p.Item.EndsWith(", DF", StringComparison.Ordinal));
        Assert.Equal((720, 620), PngHeader.Size(AuditPlots.PrintedVsRecomputed(paper).Png));

        var sas = PaperAudit.Run(ReportedTables.Load(RepoPaths.Combine("data", "audit", "sas-fitness-cancorr.csv")), search: false);
        Assert.All(AuditPlots.Points(sas), p => Assert.Equal(AuditVerdict.Consistent, p.Verdict));
        Assert.All(AuditPlots.Points(sas), p => Assert.True(Math.Abs(p.Printed - p.Recomputed) <= 0.0051)); // F has two printed decimals: 0.08 for 0.0850
    }

    [Fact]
    public void An_audit_without_numbers_to_plot_is_refused()
    {
        var r = PaperAudit.Run(ReportedTables.Load(RepoPaths.Combine("data", "audit", "r-cancor-lifecyclesavings.csv")), search: false);
        Assert.Empty(AuditPlots.Points(r));
        Assert.Throws<ArgumentException>(() => AuditPlots.PrintedVsRecomputed(r));
    }
}
