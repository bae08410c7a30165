using RuralEcom.Data;
using RuralEcom.Indices;

namespace RuralEcom.Tests.Indices;

public class TopsisTests
{
    private const double Tol = 1e-12;

    [Fact]
    public void HandWorkedExample_NoNormalization()
    {
        // x = (1,0), (0,1), (1,1), weights (0.75, 0.25): v = (.75,0), (0,.25), (.75,.25); A+ = (.75,.25), A- = (0,0).
        //   row 1: D+ = .25, D- = .75                 -> C = .75
        //   row 2: D+ = .75, D- = .25                 -> C = .25
        //   row 3: D+ = 0,   D- = sqrt(.5625+.0625)   -> C = 1
        double[,] x = { { 1, 0 }, { 0, 1 }, { 1, 1 } };
        var r = Topsis.Compute(x, [IndicatorDirection.Positive, IndicatorDirection.Positive], [0.75, 0.25], TopsisNormalization.None);
        Assert.Equal([0.75, 0.25], r.PositiveIdeal);
        Assert.Equal([0.0, 0.0], r.NegativeIdeal);
        Assert.Equal(0.25, r.DistanceToPositive[0], Tol);
        Assert.Equal(0.75, r.DistanceToNegative[0], Tol);
        Assert.Equal(Math.Sqrt(0.625), r.DistanceToNegative[2], Tol);
        Assert.Equal(0.75, r.Closeness[0], Tol);
        Assert.Equal(0.25, r.Closeness[1], Tol);
        Assert.Equal(1, r.Closeness[2], Tol);
        Assert.Equal([2, 3, 1], r.Ranks);
    }

    [Fact]
    public void NegativeDirection_TurnsTheIdealAround()
    {
        // Same data with column 2 a cost: A+ = (.75, 0), A- = (0, .25).
        //   row 1: D+ = 0, C = 1;  row 2: D- = 0, C = 0;  row 3: D+ = .25, D- = .75, C = .75.
        double[,] x = { { 1, 0 }, { 0, 1 }, { 1, 1 } };
        var r = Topsis.Compute(x, [IndicatorDirection.Positive, IndicatorDirection.Negative], [0.75, 0.25], TopsisNormalization.None);
        Assert.Equal([0.75, 0.0], r.PositiveIdeal);
        Assert.Equal([0.0, 0.25], r.NegativeIdeal);
        Assert.Equal(1, r.Closeness[0], Tol);
        Assert.Equal(0, r.Closeness[1], Tol);
        Assert.Equal(0.75, r.Closeness[2], Tol);
    }

    [Fact]
    public void HwangYoonFighterAircraftExample()
    {
        // Hwang & Yoon (1981), Multiple Attribute Decision Making, Springer, pp. 133-134: four aircraft, six attributes
        // (max speed, ferry range, max payload, acquisition cost [a cost], reliability, manoeuvrability), weights
        // (.2, .1, .1, .1, .2, .3), vector normalisation. Published (4-decimal intermediate rounding, and the book's
        // normalised matrix has small slips, e.g. .5063 for 5.5/sqrt(117.75) = .5069): D+ = .0545, .1197, .0580, .1009;
        // D- = .0983, .0439, .0920, .0458; C = .643, .268, .613, .312; ranking A1 > A3 > A4 > A2.
        // Numbers as reproduced in the test suites of two public MCDA packages (mcdajs examples; a Python TOPSIS benchmark).
        // Tolerance 0.003 covers the book's rounding.
        double[,] x =
        {
            { 2.0, 1500, 20000, 5.5, 5, 9 },
            { 2.5, 2700, 18000, 6.5, 3, 5 },
            { 1.8, 2000, 21000, 4.5, 7, 7 },
            { 2.2, 1800, 20000, 5.0, 5, 5 },
        };
        var dirs = new[] { IndicatorDirection.Positive, IndicatorDirection.Positive, IndicatorDirection.Positive,
                           IndicatorDirection.Negative, IndicatorDirection.Positive, IndicatorDirection.Positive };
        var r = Topsis.Compute(x, dirs, [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]);
        double[] dPlus = [0.0545, 0.1197, 0.0580, 0.1009], dMinus = [0.0983, 0.0439, 0.0920, 0.0458], c = [0.643, 0.268, 0.613, 0.312];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(dPlus[i], r.DistanceToPositive[i], 0.003);
            Assert.Equal(dMinus[i], r.DistanceToNegative[i], 0.003);
            Assert.Equal(c[i], r.Closeness[i], 0.003);
        }
        Assert.Equal([1, 4, 2, 3], r.Ranks);
        Assert.Equal(["Alternative", "D+", "D-", "Closeness C", "Rank"], r.ToTable(["A1", "A2", "A3", "A4"]).Columns);
    }

    [Fact]
    public void MinMaxNormalization_MatchesNoneOnTheMinMaxMatrix()
    {
        var x = EntropyWeightMethodTests.DemoData(seed: 5, rows: 8, cols: 3);
        var dirs = new[] { IndicatorDirection.Positive, IndicatorDirection.Negative, IndicatorDirection.Positive };
        double[] w = [0.5, 0.3, 0.2];
        var a = Topsis.Compute(x, dirs, w, TopsisNormalization.MinMax);
        var b = Topsis.Compute(Standardization.MinMax(x, dirs, 0), Enumerable.Repeat(IndicatorDirection.Positive, 3).ToArray(), w, TopsisNormalization.None);
        for (int i = 0; i < 8; i++) Assert.Equal(b.Closeness[i], a.Closeness[i], Tol);
    }

    [Fact]
    public void BadInput_GivesClearErrors()
    {
        double[,] x = { { 1, 0 }, { 0, 0 }, { 1, 0 } };
        var pp = new[] { IndicatorDirection.Positive, IndicatorDirection.Positive };
        Assert.Contains("zero in every row", Assert.Throws<ArgumentException>(() => Topsis.Compute(x, pp, [0.5, 0.5])).Message);
        Assert.Contains("sum to", Assert.Throws<ArgumentException>(() => Topsis.Compute(new double[,] { { 1, 2 }, { 2, 1 } }, pp, [0.5, 0.6])).Message);
        Assert.Throws<ArgumentException>(() => Topsis.Compute(new double[,] { { 1, 2 }, { 2, 1 } }, pp, [1.5, -0.5]));
        Assert.Throws<ArgumentException>(() => Topsis.Compute(new double[,] { { 1, 2 }, { 2, 1 } }, [IndicatorDirection.Positive], [0.5, 0.5]));
        Assert.Contains("ideals coincide", Assert.Throws<ArgumentException>(() =>
            Topsis.Compute(new double[,] { { 1, 2 }, { 1, 2 } }, pp, [0.5, 0.5], TopsisNormalization.None)).Message);
    }
}
