using System.Globalization;
using RuralEcom.Audit;
using RuralEcom.Cca;
using RuralEcom.Significance;

namespace RuralEcom.Tests.Audit;

public class DesignSearchTests
{
    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A test table printed from our own engine for a known design, with the DF column as SAS's denominator df.</summary>
    private static ReportedCcaTable Printed(int n, int p, int q, int seed)
    {
        var (x, y) = TestData.Related(n, p, q, seed);
        var report = SignificanceTests.Test(CanonicalCorrelationAnalysis.Fit(x, y));
        var cca = CanonicalCorrelationAnalysis.Fit(x, y);
        var tests = report.Wilks.Select(w => new ReportedTestRow(w.K, new ReportedNumber(F(w.Lambda, "F4")),
            new ReportedNumber(F(w.Df2, "F3")), new ReportedNumber(w.PValue < 1e-4 ? "<0.0001" : F(w.PValue, "F4")))).ToArray();
        return new ReportedCcaTable("engine", n, p, q, cca.Correlations.Select(r => new ReportedNumber(F(r, "F3"))).ToArray(), tests, [], [], []);
    }

    [Fact]
    public void The_true_design_explains_every_row_and_ranks_first()
    {
        var table = Printed(57, 3, 5, 11);
        var result = DesignSearch.Run(table, new DesignSearchBounds(MaxN: 120, MaxVariables: 12));
        var best = result.Joint[0];
        Assert.Equal(9, best.RowsExplained);
        Assert.Contains(result.Joint, f => (f.Convention, f.DfColumn, f.N, f.P, f.Q) == (TestConvention.RaoSas, DfColumn.Denominator, 57, 3, 5) && f.RowsExplained == 9);
        Assert.Contains(result.Stated, f => f.Convention == TestConvention.RaoSas && f.DfColumn == DfColumn.Denominator && f.RowsExplained == 9);
    }

    /// <summary>
    /// The interval search (closed-form df intervals, bisection on p-values, sweep over n) must count exactly what a direct
    /// evaluation of every candidate at every n counts: the best joint score and the number of candidates reproducing each
    /// whole column.
    /// </summary>
    [Theory]
    [InlineData(40, 2, 4, 5)]
    [InlineData(33, 3, 3, 8)]
    public void Interval_search_agrees_with_direct_evaluation_of_every_candidate(int n, int p, int q, int seed)
    {
        var table = Printed(n, p, q, seed);
        var bounds = new DesignSearchBounds(MinN: 4, MaxN: 70, MaxVariables: 6);
        var result = DesignSearch.Run(table, bounds);
        int best = 0;
        long wholeDf = 0, wholeSig = 0, wholeAll = 0;
        int rows = table.Tests.Count;
        foreach (var convention in TestConventions.All)
            foreach (var column in TestConventions.Columns(convention))
                for (int pp = 1; pp <= bounds.MaxVariables; pp++)
                    for (int qq = 1; qq <= bounds.MaxVariables; qq++)
                        for (int nn = Math.Max(bounds.MinN, pp + qq + 2); nn <= bounds.MaxN; nn++)
                        {
                            var fit = DesignSearch.Explain(table, convention, column, nn, pp, qq);
                            best = Math.Max(best, fit.RowsExplained);
                            if (fit.DfRows.Count == rows) wholeDf++;
                            if (column == DfColumn.Numerator && fit.SigRows.Count == rows) wholeSig++;
                            if (fit.RowsExplained == 3 * rows) wholeAll++;
                        }
        Assert.Equal(best, result.Joint[0].RowsExplained);
        Assert.Equal(wholeDf, result.WholeColumns.Single(w => w.Column == "DF").Candidates);
        Assert.Equal(wholeSig, result.WholeColumns.Single(w => w.Column == "Sig.").Candidates);
        Assert.Equal(wholeAll, result.WholeColumns.Single(w => w.Column == "all three").Candidates);
        Assert.True(wholeAll >= 1);
    }

    [Fact]
    public void Closed_forms_match_the_library_tests()
    {
        // SAS's df and p-value through TestConventions equal SignificanceTests.WilksRow; Bartlett equals SignificanceTests.Bartlett.
        var w = SignificanceTests.WilksRow(2, 0.41, 48, 4, 6);
        var (f, pv) = TestConventions.Test(TestConvention.RaoSas, 2, 0.41, 48, 4, 6);
        Assert.Equal(w.F, f, 12);
        Assert.Equal(w.PValue, pv, 12);
        Assert.Equal(w.Df2, TestConventions.Df(TestConvention.RaoSas, DfColumn.Denominator, 2, 48, 4, 6), 12);
        var b = SignificanceTests.Bartlett(2, 0.41, 48, 4, 6);
        Assert.Equal(b.ChiSquare, TestConventions.Test(TestConvention.Bartlett, 2, 0.41, 48, 4, 6).Statistic, 12);
        // Lawley's multiplier for row 2 with r1 = 0.8: n − 2 − (p + q + 1)/2 + 1/0.64 = 48 − 2 − 5.5 + 1.5625.
        Assert.Equal(-(48 - 2 - 5.5 + 1.5625) * Math.Log(0.41), TestConventions.Test(TestConvention.BartlettLawley, 2, 0.41, 48, 4, 6, 1 / 0.64).Statistic, 12);
        // statsmodels for p = 4, q = 5 equals SAS for n + 1 (its r = n − q − 1 − (q − p + 1)/2 = n − 7 against SAS's w = n − 6).
        Assert.Equal(TestConventions.Df(TestConvention.RaoSas, DfColumn.Denominator, 1, 48, 4, 5),
            TestConventions.Df(TestConvention.RaoStatsmodels, DfColumn.Denominator, 1, 49, 4, 5), 12);
    }
}
