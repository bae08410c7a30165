using RuralEcom.Resampling;

namespace RuralEcom.Tests.Resampling;

public class CoefficientBootstrapTests
{
    /// <summary>n × 2 X (correlation rho between its columns) and n × 2 Y, both X columns related to Y1 with equal strength.</summary>
    private static (double[,] X, double[,] Y) Data(double rho, int seed)
    {
        const int n = 200;
        var z = TestData.Gaussian(n, 5, seed);
        var x = new double[n, 2];
        var y = new double[n, 2];
        double c = Math.Sqrt(1 - rho * rho);
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = z[i, 0];
            x[i, 1] = rho * z[i, 0] + c * z[i, 1];
            y[i, 0] = 0.5 * (x[i, 0] + x[i, 1]) + z[i, 2];
            y[i, 1] = z[i, 3];
        }
        return (x, y);
    }

    [Fact]
    public void WithUncorrelatedIndicatorsWeightsAndStructureCoefficientsSpreadAlike()
    {
        // R11 = I in the population, so s = a: the two spreads of the X side of pair 1 must be close.
        var (x, y) = Data(0.0, 11);
        var result = CoefficientBootstrap.Resample(x, y, pairs: 1, draws: 400, seed: 1);
        var (w, s) = result.MedianSpread(1, "X");
        Assert.InRange(w / s, 0.7, 1.5);
    }

    [Fact]
    public void CollinearityInflatesTheSpreadOfTheWeightsNotOfTheStructureCoefficients()
    {
        // rho = 0.95: each weight is a difference of nearly equal columns; the structure coefficients stay near ±0.98.
        var (x, y) = Data(0.95, 12);
        var result = CoefficientBootstrap.Resample(x, y, pairs: 1, draws: 400, seed: 1);
        var (w, s) = result.MedianSpread(1, "X");
        Assert.True(w > 5 * s, $"weights {w}, structure {s}");
        Assert.Equal(result.Analysis.StandardizedCoefficientsX[0, 0], result.Spreads[0].Weight, 12);
        Assert.Equal(2, result.ToTable().Rows.Count); // pair 1: X and Y
        Assert.Equal(4, result.PairTable(1).Rows.Count);
        // Seeded: the same seed gives the same numbers on one core or all.
        var again = CoefficientBootstrap.Resample(x, y, 1, 400, 1, new ResamplingOptions(MaxDegreeOfParallelism: 1));
        Assert.Equal(result.Spreads.Select(r => r.WeightSpread), again.Spreads.Select(r => r.WeightSpread));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoefficientBootstrap.Resample(x, y, 3, 10, 1));
        Assert.Throws<ArgumentException>(() => result.MedianSpread(2, "X"));
    }
}
