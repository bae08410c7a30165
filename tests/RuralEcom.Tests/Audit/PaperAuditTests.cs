using System.Globalization;
using RuralEcom.Audit;
using RuralEcom.Cca;
using RuralEcom.Significance;

namespace RuralEcom.Tests.Audit;

public class PaperAuditTests
{
    private static readonly DesignSearchBounds Small = new(MinN: 40, MaxN: 80, MaxVariables: 7);

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A table printed from our own engine: correlations to 3 decimals, Wilks 4, DF 3, p 4, proportions 3.</summary>
    private static ReportedCcaTable Printed(int n = 60, int p = 4, int q = 5, int seed = 3)
    {
        var (x, y) = TestData.Related(n, p, q, seed);
        var cca = CanonicalCorrelationAnalysis.Fit(x, y);
        var report = SignificanceTests.Test(cca);
        var tests = report.Wilks.Select(w => new ReportedTestRow(w.K, new ReportedNumber(F(w.Lambda, "F4")),
            new ReportedNumber(F(w.Df2, "F3")), new ReportedNumber(w.PValue < 1e-4 ? "<0.0001" : F(w.PValue, "F4")))).ToArray();
        var v1 = new ReportedEquation("V1", Enumerable.Range(0, p).Select(j => new ReportedTerm(new ReportedNumber(F(cca.StandardizedCoefficientsX[j, 0], "F2")), $"x_{j + 1}")).ToArray());
        var w1 = new ReportedEquation("W1", Enumerable.Range(0, q).Select(j => new ReportedTerm(new ReportedNumber(F(cca.StandardizedCoefficientsY[j, 0], "F2")), $"y_{j + 1}")).ToArray());
        var claim = new ReportedClaim(1, "X1", new ReportedNumber(F(cca.StandardizedCoefficientsX[0, 0], "F2")), "x1 loads on V1");
        return new ReportedCcaTable("engine", n, p, q, cca.Correlations.Select(r => new ReportedNumber(F(r, "F3"))).ToArray(), tests,
            [new ReportedExtraRow("Proportion", cca.Proportions.Select(v => new ReportedNumber(F(v, "F3"))).ToArray())], [v1, w1], [claim]);
    }

    [Fact]
    public void A_table_printed_from_our_engine_passes_and_its_design_is_found()
    {
        var table = Printed();
        var audit = PaperAudit.Run(table, Small);
        Assert.True(audit.Count(AuditVerdict.Inconsistent) == 0 && audit.Count(AuditVerdict.Impossible) == 0,
            audit.ToTable(AuditVerdict.Inconsistent, AuditVerdict.Impossible).ToMarkdown());
        Assert.True(audit.Count(AuditVerdict.Consistent) >= 4 * 3 + 4 + 3);
        // The stated design reproduces every DF and every p-value row.
        Assert.Contains(audit.DesignFits, f => f.Column == "Tests: DF" && f.Variant.Contains("SAS", StringComparison.Ordinal) && (f.N, f.P, f.Q) == (60, 4, 5) && f.RowsExplained == 4);
        Assert.Contains(audit.DesignFits, f => f.Column == "Tests: Sig." && f.Variant.Contains("SAS", StringComparison.Ordinal) && (f.N, f.P, f.Q) == (60, 4, 5) && f.RowsExplained == 4);
    }

    [Fact]
    public void Each_planted_inconsistency_is_flagged()
    {
        var good = Printed();
        var tests = good.Tests.ToArray();
        tests[1] = tests[1] with { Wilks = new ReportedNumber(F(tests[1].Wilks!.Value + 0.01, "F4")) };      // wrong lambda
        tests[2] = tests[2] with { P = new ReportedNumber("0.9000") };                                         // wrong p-value
        var props = good.ExtraRows[0].Values.ToArray();
        props[0] = new ReportedNumber(F(props[0].Value - 0.05, "F3"));                                         // wrong proportion
        var bad = good with
        {
            Correlations = [.. good.Correlations, new ReportedNumber("0.050")],                               // a 5th correlation with p = 4
            Tests = [.. tests, new ReportedTestRow(5, new ReportedNumber("0.9975"), new ReportedNumber("50.000"), new ReportedNumber("0.8000"))],
            ExtraRows = [new ReportedExtraRow("Proportion", props)],
            Equations =
            [
                good.Equations[0] with { Terms = [.. good.Equations[0].Terms, new ReportedTerm(new ReportedNumber("0.33"), "x_{9}")] }, // x9 does not exist
                new ReportedEquation("V2", [new ReportedTerm(new ReportedNumber("0.40"), "y_2"), new ReportedTerm(new ReportedNumber("0.30"), "x_1"), new ReportedTerm(new ReportedNumber("0.20"), "x_1")]),
            ],
            Claims = [new ReportedClaim(1, "X2", good.Equations[0].Terms[0].Coefficient, "coefficient of x1 attributed to X2")],
        };
        var audit = PaperAudit.Run(bad, Small);
        AuditVerdict Verdict(string section, string item) => audit.Findings.Single(f => f.Section == section && f.Item == item).Verdict;
        Assert.Equal(AuditVerdict.Inconsistent, Verdict("Tests", "row 2, Wilks"));
        Assert.Equal(AuditVerdict.Consistent, Verdict("Tests", "row 3, Wilks"));
        Assert.Equal(AuditVerdict.Inconsistent, Verdict("Tests", "row 3, Sig."));
        Assert.Equal(AuditVerdict.Inconsistent, Verdict("Correlations", "Proportion 1"));
        Assert.Equal(AuditVerdict.Impossible, Verdict("Correlations", "r5"));
        Assert.Equal(AuditVerdict.Impossible, Verdict("Tests", "row 5, DF"));
        Assert.Equal(AuditVerdict.Impossible, Verdict("Canonical equations", "V1: 0.33x_{9}"));
        Assert.Equal(AuditVerdict.Impossible, Verdict("Canonical equations", "V2: 0.40y_2"));
        Assert.Equal(AuditVerdict.Impossible, Verdict("Canonical equations", "V2: 0.20x_1"));
        Assert.Equal(AuditVerdict.Inconsistent, Verdict("Text vs equations", $"pair 1: {good.Equations[0].Terms[0].Coefficient.Text} for X2"));
    }

    [Fact]
    public void Degrees_of_freedom_of_another_design_are_flagged_and_that_design_is_found()
    {
        var good = Printed();
        // Print the DF column as SAS would for n = 47 instead of 60.
        var tests = good.Tests.Select(t => t with { Df = new ReportedNumber(F(SignificanceTests.RaoDegreesOfFreedom(t.Row, 47, 4, 5).Df2, "F3")) }).ToArray();
        var audit = PaperAudit.Run(good with { Tests = tests }, Small);
        Assert.All(audit.Findings.Where(f => f.Item.EndsWith(", DF", StringComparison.Ordinal)), f => Assert.Equal(AuditVerdict.Inconsistent, f.Verdict));
        // SAS's df for n = 47 reproduces all four rows; so does statsmodels' formula for n = 48, which for q − p = 1
        // is SAS's with n + 1 (its r = n − q − 1 − (q − p + 1)/2 against SAS's w = n − 3/2 − (p + q)/2).
        Assert.Contains(audit.DesignFits, f => f.Column == "Tests: DF" && f.Variant.Contains("SAS", StringComparison.Ordinal) && (f.N, f.P, f.Q, f.RowsExplained) == (47, 4, 5, 4));
        Assert.Contains(audit.DesignFits, f => f.Column == "Tests: DF" && f.Variant.Contains("statsmodels", StringComparison.Ordinal) && (f.N, f.P, f.Q, f.RowsExplained) == (48, 4, 5, 4));
    }

    [Fact]
    public void Printed_numbers_carry_their_rounding()
    {
        var a = new ReportedNumber("46.000");
        Assert.Equal(3, a.Decimals);
        Assert.True(a.Admits(46.0004));
        Assert.False(a.Admits(46.0006));
        var b = new ReportedNumber("<0.0001");
        Assert.True(b.IsUpperBound);
        Assert.True(b.Admits(3e-90));
        Assert.False(b.Admits(0.0002));
        Assert.Equal(('X', 10), ReportedCcaTable.ParseVariable("x_{10}"));
        Assert.Throws<FormatException>(() => new ReportedNumber("n.s."));
    }

    [Fact]
    public void A_malformed_file_names_its_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ruralecom-audit-{Environment.ProcessId}.csv");
        File.WriteAllText(path, "printed_in,section,item,position,reported,variable,quote\nTable 3,correlations,r,one,0.5,,\n");
        try
        {
            var e = Assert.Throws<RuralEcom.Data.PanelFormatException>(() => ReportedTables.Load(path));
            Assert.Equal((2, "position"), (e.Line, e.Column));
            Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }
}
