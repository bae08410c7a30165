using MathNet.Numerics.LinearAlgebra;
using RuralEcom.Data;

namespace RuralEcom.Tests.Data;

public class SyntheticPanelTests
{
    [Fact]
    public void Regenerating_ReproducesTheShippedFilesByteForByte()
    {
        var dir = RepoPaths.Combine("data", "synthetic");
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "synthetic-paper-shaped-panel.csv")), SyntheticPanel.PanelCsvText(SyntheticPanel.DefaultSeed));
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "synthetic-paper-shaped-truth.json")), SyntheticPanel.Truth.ToJson());
    }

    [Fact]
    public void PopulationCanonicalCorrelations_AreTheSpecifiedValues()
    {
        // Independent of the construction: eigenvalues of Rxx^-1 Rxy Ryy^-1 Ryx are the squared canonical correlations.
        var s = Matrix<double>.Build.DenseOfArray(SyntheticPanel.Truth.PopulationCorrelation);
        var rxx = s.SubMatrix(0, 8, 0, 8);
        var ryy = s.SubMatrix(8, 11, 8, 11);
        var rxy = s.SubMatrix(0, 8, 8, 11);
        var m = rxx.Inverse() * rxy * ryy.Inverse() * rxy.Transpose();
        var rho = m.Evd().EigenValues.Select(c => Math.Sqrt(c.Real)).OrderDescending().ToArray();
        double[] expected = [0.995, 0.969, 0.956, 0.931, 0.865, 0.845, 0.758, 0.611];
        for (int i = 0; i < 8; i++) Assert.Equal(expected[i], rho[i], 1e-10);
    }

    [Fact]
    public void Sigma_IsAValidCorrelationMatrix_NotBlockIdentity()
    {
        var s = Matrix<double>.Build.DenseOfArray(SyntheticPanel.Truth.PopulationCorrelation);
        Assert.Equal(19, s.RowCount);
        for (int i = 0; i < 19; i++)
        {
            Assert.Equal(1.0, s[i, i]);
            for (int j = 0; j < 19; j++) Assert.Equal(s[i, j], s[j, i]);
        }
        Assert.True(s.Evd().EigenValues.Min(c => c.Real) > 1e-6);
        Assert.True(Math.Abs(s[0, 1]) > 0.1); // Rxx is not the identity, so coefficients differ from loadings
    }

    [Fact]
    public void StructureCoefficients_FollowThePapersReading()
    {
        var t = SyntheticPanel.Truth;
        var x = Matrix<double>.Build.DenseOfArray(t.PopulationCorrelation);
        // Loadings = Rxx * standardized coefficients (checked independently of how they were stored).
        var lx = x.SubMatrix(0, 8, 0, 8) * Matrix<double>.Build.DenseOfArray(t.XCoefficients);
        var ly = x.SubMatrix(8, 11, 8, 11) * Matrix<double>.Build.DenseOfArray(t.YCoefficients);
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++) Assert.Equal(lx[i, j], t.XStructure[i, j], 1e-12);
        string[] Top(Matrix<double> l, IReadOnlyList<string> names, int col, int k) =>
            Enumerable.Range(0, names.Count).OrderByDescending(i => Math.Abs(l[i, col])).Take(k).Select(i => names[i]).Order().ToArray();
        Assert.Equal(["X7"], Top(lx, t.XNames, 0, 1));
        Assert.Equal(["Y4"], Top(ly, t.YNames, 0, 1));
        Assert.Equal(["X1", "X2", "X5"], Top(lx, t.XNames, 1, 3));
        Assert.Equal(["Y5", "Y8"], Top(ly, t.YNames, 1, 2));
        Assert.Equal(["X3", "X6"], Top(lx, t.XNames, 2, 2));
        Assert.Equal(["Y5", "Y6"], Top(ly, t.YNames, 2, 2));
        // Unit-variance canonical variates: a' Rxx a = 1.
        var a = Matrix<double>.Build.DenseOfArray(t.XCoefficients);
        var v = a.Transpose() * x.SubMatrix(0, 8, 0, 8) * a;
        for (int i = 0; i < 8; i++) Assert.Equal(1.0, v[i, i], 1e-10);
    }

    [Fact]
    public void Panel_Has55RowsSevenRegionsEightYears_OneAbsent()
    {
        var p = SyntheticPanel.LoadBundled();
        Assert.Equal(55, p.Count);
        Assert.Equal(SyntheticPanel.RegionLabels, p.DistinctRegions);
        Assert.Equal(Enumerable.Range(2014, 8), p.DistinctYears);
        Assert.Equal(-1, p.RowIndex("Region G", 2014));
        Assert.Equal(19, p.Symbols.Count);
        p.CheckNotConstant();
    }

    [Fact]
    public void Panel_ValuesAreInPlausibleRanges()
    {
        var p = SyntheticPanel.LoadBundled();
        var c = IndicatorCatalog.Default;
        foreach (var s in p.Symbols)
        {
            var col = p.Column(s);
            Assert.True(col.Min() > 0, $"{s} has a non-positive value");
            if (c[s].Unit == "%") Assert.True(col.Max() < 100, $"{s} exceeds 100%");
        }
    }

    [Fact]
    public void DifferentSeed_GivesDifferentDrawsSameShape()
    {
        var a = SyntheticPanel.Generate(1);
        var b = SyntheticPanel.Generate(2);
        Assert.Equal(a.Regions, b.Regions);
        Assert.NotEqual(a.Column("X1"), b.Column("X1"));
        Assert.Equal(a.Column("X1"), SyntheticPanel.Generate(1).Column("X1"));
    }
}
