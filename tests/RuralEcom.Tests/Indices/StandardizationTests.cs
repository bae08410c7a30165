using RuralEcom.Data;
using RuralEcom.Indices;

namespace RuralEcom.Tests.Indices;

public class StandardizationTests
{
    private const double Tol = 1e-12;

    [Fact]
    public void ZScores_UseSampleStandardDeviation()
    {
        // Column 1: 1, 2, 3 -> mean 2, s = sqrt((1 + 0 + 1) / 2) = 1 -> z = -1, 0, 1.
        // Column 2: 2, 4, 9 -> mean 5, deviations -3, -1, 4, SS = 26, s = sqrt(26 / 2) = sqrt(13).
        var z = Standardization.ZScores(new double[,] { { 1, 2 }, { 2, 4 }, { 3, 9 } });
        Assert.Equal(-1, z[0, 0], Tol);
        Assert.Equal(0, z[1, 0], Tol);
        Assert.Equal(1, z[2, 0], Tol);
        Assert.Equal(-3 / Math.Sqrt(13), z[0, 1], Tol);
        Assert.Equal(-1 / Math.Sqrt(13), z[1, 1], Tol);
        Assert.Equal(4 / Math.Sqrt(13), z[2, 1], Tol);
    }

    [Fact]
    public void MinMax_RespectsDirectionAndShift()
    {
        // Positive column 10, 20, 30: (x - 10) / 20 = 0, 0.5, 1. Negative column 4, 6, 12: (12 - x) / 8 = 1, 0.75, 0.
        var x = new double[,] { { 10, 4 }, { 20, 6 }, { 30, 12 } };
        var dirs = new[] { IndicatorDirection.Positive, IndicatorDirection.Negative };
        var plain = Standardization.MinMax(x, dirs, shift: 0);
        double[,] expected = { { 0, 1 }, { 0.5, 0.75 }, { 1, 0 } };
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 2; j++) Assert.Equal(expected[i, j], plain[i, j], Tol);
        var shifted = Standardization.MinMax(x, dirs);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 2; j++) Assert.Equal(expected[i, j] + 0.0001, shifted[i, j], Tol);
    }

    [Fact]
    public void ConstantColumn_IsRejectedWithItsName()
    {
        var x = new double[,] { { 1, 5 }, { 2, 5 }, { 3, 5 } };
        var e = Assert.Throws<ArgumentException>(() =>
            Standardization.MinMax(x, [IndicatorDirection.Positive, IndicatorDirection.Positive], names: ["X1", "X2"]));
        Assert.Contains("'X2' (column 2) is constant", e.Message);
        Assert.Throws<ArgumentException>(() => Standardization.ZScores(x));
    }

    [Fact]
    public void MissingOrUndefinedDirection_IsRejected()
    {
        var x = new double[,] { { 1, 5 }, { 2, 6 }, { 3, 8 } };
        var e = Assert.Throws<ArgumentException>(() => Standardization.MinMax(x, [IndicatorDirection.Positive]));
        Assert.Contains("1 indicator directions were given for 2 columns", e.Message);
        Assert.Throws<ArgumentException>(() => Standardization.MinMax(x, [IndicatorDirection.Positive, (IndicatorDirection)7]));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonFiniteValue_IsRejectedWithItsCell(double bad)
    {
        var x = new double[,] { { 1, 5 }, { 2, bad }, { 3, 8 } };
        var e = Assert.Throws<ArgumentException>(() => Standardization.MinMax(x, [IndicatorDirection.Positive, IndicatorDirection.Positive]));
        Assert.Contains("Row 2, column 2", e.Message);
        Assert.Throws<ArgumentException>(() => Standardization.ZScores(x));
    }

    [Fact]
    public void NegativeShift_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Standardization.MinMax(new double[,] { { 1 }, { 2 } }, [IndicatorDirection.Positive], shift: -0.1));
}
