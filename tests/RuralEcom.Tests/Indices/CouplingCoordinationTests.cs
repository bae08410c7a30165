using RuralEcom.Indices;

namespace RuralEcom.Tests.Indices;

public class CouplingCoordinationTests
{
    private const double Tol = 1e-12;

    [Fact]
    public void HandWorkedExample()
    {
        // U1 = .25, U2 = .64: sqrt(U1 U2) = .4, C = 2(.4)/.89 = .898876..., T = (.25 + .64)/2 = .445,
        // D = sqrt(C T) = sqrt(.8 * .5) = sqrt(.4) = .632456 -> [0.6, 0.7) primary coordination.
        // U1 = U2 = .81: C = 1, T = .81, D = .9 -> [0.9, 1] high-quality coordination.
        // U1 = .01, U2 = .49: C = 2(.07)/.5 = .28, T = .25, D = sqrt(.07) = .264575 -> [0.2, 0.3) moderate imbalance.
        var r = CouplingCoordination.Compute([0.25, 0.81, 0.01], [0.64, 0.81, 0.49]);
        Assert.Equal(0.8 / 0.89, r.Coupling[0], Tol);
        Assert.Equal(0.445, r.Development[0], Tol);
        Assert.Equal(Math.Sqrt(0.4), r.Coordination[0], Tol);
        Assert.Equal("primary coordination", r.Grades[0].Label);
        Assert.Equal(1, r.Coupling[1], Tol);
        Assert.Equal(0.9, r.Coordination[1], Tol);
        Assert.Equal("high-quality coordination", r.Grades[1].Label);
        Assert.Equal(0.28, r.Coupling[2], Tol);
        Assert.Equal(Math.Sqrt(0.07), r.Coordination[2], Tol);
        Assert.Equal("moderate imbalance", r.Grades[2].Label);
        Assert.Equal(7, r.ToTable(["a", "b", "c"]).Columns.Count);
    }

    [Fact]
    public void UnequalAlphaBeta()
    {
        // alpha = .7, beta = .3 on (.25, .64): T = .175 + .192 = .367, D = sqrt(.898876 * .367).
        var r = CouplingCoordination.Compute([0.25], [0.64], alpha: 0.7, beta: 0.3);
        Assert.Equal(0.367, r.Development[0], Tol);
        Assert.Equal(Math.Sqrt(0.8 / 0.89 * 0.367), r.Coordination[0], Tol);
    }

    [Theory]
    [InlineData(0.0, 1, "extreme imbalance")]
    [InlineData(0.0999, 1, "extreme imbalance")]
    [InlineData(0.1, 2, "severe imbalance")]
    [InlineData(0.2, 3, "moderate imbalance")]
    [InlineData(0.3, 4, "mild imbalance")]
    [InlineData(0.45, 5, "on the verge of imbalance")]
    [InlineData(0.5, 6, "barely coordinated")]
    [InlineData(0.6, 7, "primary coordination")]
    [InlineData(0.7, 8, "intermediate coordination")]
    [InlineData(0.8, 9, "good coordination")]
    [InlineData(0.8999, 9, "good coordination")]
    [InlineData(0.9, 10, "high-quality coordination")]
    [InlineData(1.0, 10, "high-quality coordination")]
    public void Grades_AreHalfOpenBandsOfWidthOneTenth(double d, int level, string label)
    {
        var g = CoordinationGrade.Of(d);
        Assert.Equal(level, g.Level);
        Assert.Equal(label, g.Label);
        Assert.True(d >= g.Lower && (d < g.Upper || g.Level == 10));
    }

    [Fact]
    public void GradesTable_ListsTheTenBands()
    {
        var t = CoordinationGrade.GradesTable();
        Assert.Equal(10, t.Rows.Count);
        Assert.Equal("0.9", t.CellText(9, 1));
        Assert.Equal("high-quality coordination", t.CellText(9, 3));
    }

    [Fact]
    public void BadInput_GivesClearErrors()
    {
        Assert.Contains("[0, 1]", Assert.Throws<ArgumentException>(() => CouplingCoordination.Compute([1.2], [0.5])).Message);
        Assert.Throws<ArgumentException>(() => CouplingCoordination.Compute([0.5], [-0.1]));
        Assert.Throws<ArgumentException>(() => CouplingCoordination.Compute([double.NaN], [0.5]));
        Assert.Contains("sum to 1", Assert.Throws<ArgumentException>(() => CouplingCoordination.Compute([0.5], [0.5], 0.6, 0.3)).Message);
        Assert.Contains("both 0", Assert.Throws<ArgumentException>(() => CouplingCoordination.Compute([0.0], [0.0])).Message);
        Assert.Throws<ArgumentException>(() => CouplingCoordination.Compute([0.5, 0.4], [0.5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoordinationGrade.Of(1.01));
    }
}
