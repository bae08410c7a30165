using RuralEcom.Cca;
using RuralEcom.Data;

namespace RuralEcom.Tests.Data;

public class ReferenceDataTests
{
    private static double[] ColumnMeans(double[,] m) =>
        Enumerable.Range(0, m.GetLength(1)).Select(j => Enumerable.Range(0, m.GetLength(0)).Average(i => m[i, j])).ToArray();

    [Fact]
    public void Linnerud_TwentyMen_SpotValuesAndMeans()
    {
        var d = ReferenceData.Linnerud();
        Assert.Equal(20, d.X.GetLength(0));
        Assert.Equal(["Weight", "Waist", "Pulse"], d.XNames);
        Assert.Equal(["Chins", "Situps", "Jumps"], d.YNames);
        // Row 1 and row 14 of the SAS "Fit" data: 191 36 50 5 162 60 and 247 46 50 1 50 50.
        Assert.Equal(191, d.X[0, 0]); Assert.Equal(60, d.Y[0, 2]);
        Assert.Equal(247, d.X[13, 0]); Assert.Equal(50, d.Y[13, 1]);
        // Column sums by hand: 3572/20, 708/20, 1122/20, 189/20, 2911/20, 1406/20.
        var mx = ColumnMeans(d.X); var my = ColumnMeans(d.Y);
        Assert.Equal([178.6, 35.4, 56.1], mx.Select(v => Math.Round(v, 10)));
        Assert.Equal([9.45, 145.55, 70.3], my.Select(v => Math.Round(v, 10)));
    }

    [Fact]
    public void LifeCycleSavings_FiftyCountries_MeansMatchR()
    {
        var d = ReferenceData.LifeCycleSavings();
        Assert.Equal(50, d.RowLabels.Count);
        Assert.Equal("Australia", d.RowLabels[0]);
        Assert.Equal("Malaysia", d.RowLabels[^1]);
        // R summary(LifeCycleSavings) means: sr 9.671, pop15 35.09 (35.0896), pop75 2.293, dpi 1106.76 (1106.7584), ddpi 3.758 (3.7576).
        var mx = ColumnMeans(d.X); var my = ColumnMeans(d.Y);
        Assert.Equal(35.0896, mx[0], 10); Assert.Equal(2.293, mx[1], 10);
        Assert.Equal(9.671, my[0], 10); Assert.Equal(1106.7584, my[1], 10); Assert.Equal(3.7576, my[2], 10);
        Assert.Equal(16.71, d.Y[48, 2]); // Libya ddpi
    }

    [Fact]
    public void Linnerud_EqualsTheFitnessCopyUsedByTheCcaTests()
    {
        var d = ReferenceData.Linnerud();
        Assert.Equal(RuralEcom.Tests.Cca.Fitness.X, d.X);
        Assert.Equal(RuralEcom.Tests.Cca.Fitness.Y, d.Y);
    }

    [Fact]
    public void LifeCycleSavings_ReproducesRCancor()
    {
        // R: cancor(x = LifeCycleSavings[2:4], y = LifeCycleSavings[c(1, 5)])$cor = 0.5264128 0.2468310
        // (printed in a public R course report found with the code search; see data/reference/README.md). Tolerance 1e-7 (7 printed digits).
        var d = ReferenceData.LifeCycleSavings();
        int n = d.RowLabels.Count;
        var x = new double[n, 3];
        var y = new double[n, 2];
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = d.X[i, 0]; x[i, 1] = d.X[i, 1]; x[i, 2] = d.Y[i, 1]; // pop15, pop75, dpi
            y[i, 0] = d.Y[i, 0]; y[i, 1] = d.Y[i, 2];                    // sr, ddpi
        }
        var cca = CanonicalCorrelationAnalysis.Fit(x, y);
        Assert.Equal(0.5264128, cca.Correlations[0], 1e-7);
        Assert.Equal(0.2468310, cca.Correlations[1], 1e-7);
    }
}
