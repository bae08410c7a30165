using RuralEcom.Data;
using RuralEcom.Indices;

namespace RuralEcom.Tests.Indices;

public class EntropyWeightMethodTests
{
    private const double Tol = 1e-12;
    private static readonly IndicatorDirection[] PosPos = [IndicatorDirection.Positive, IndicatorDirection.Positive];

    // Hand-worked example, 3 rows x 2 positive indicators, shift 0 (0 ln 0 = 0):
    //   X1 = 0, 1, 2 -> x' = 0, 0.5, 1 -> p = 0, 1/3, 2/3
    //        e1 = -(1/ln 3)(1/3 ln 1/3 + 2/3 ln 2/3) = 1 - 2 ln 2 / (3 ln 3) = 0.579380...
    //   X2 = 0, 2, 2 -> x' = 0, 1, 1   -> p = 0, 1/2, 1/2
    //        e2 = -(1/ln 3)(2 * 1/2 ln 1/2) = ln 2 / ln 3 = 0.630930...
    //   d1 = 2 ln 2 / (3 ln 3) = 0.420620, d2 = 1 - ln 2 / ln 3 = 0.369070
    //   w1 = d1 / (d1 + d2) = 0.532639, w2 = 0.467361
    //   U = (0, 0.5 w1 + w2, w1 + w2) = (0, 0.733680, 1)
    private static readonly double[,] Hand = { { 0, 0 }, { 1, 2 }, { 2, 2 } };
    private static readonly double Ln2 = Math.Log(2), Ln3 = Math.Log(3);
    private static readonly double D1 = 2 * Ln2 / (3 * Ln3), D2 = 1 - Ln2 / Ln3;

    [Fact]
    public void HandWorkedExample()
    {
        var r = EntropyWeightMethod.Compute(Hand, PosPos, new EntropyWeightOptions(Shift: 0));
        Assert.Equal(1 - D1, r.Entropies[0], Tol);
        Assert.Equal(1 - D2, r.Entropies[1], Tol);
        Assert.Equal(D1, r.Divergences[0], Tol);
        Assert.Equal(D2, r.Divergences[1], Tol);
        double w1 = D1 / (D1 + D2), w2 = D2 / (D1 + D2);
        Assert.Equal(w1, r.Weights[0], Tol);
        Assert.Equal(w2, r.Weights[1], Tol);
        Assert.Equal(0.532639, r.Weights[0], 1e-6); // the rounded hand value above
        Assert.Equal(0, r.Levels[0], Tol);
        Assert.Equal(0.5 * w1 + w2, r.Levels[1], Tol);
        Assert.Equal(1, r.Levels[2], Tol);
    }

    [Fact]
    public void PublishedExample_Xu2004()
    {
        // Xu, X. (2004), "A note on the subjective and objective integrated approach to determine attribute weights",
        // European Journal of Operational Research 156(2): 530-532: entropy weights of a 4 x 4 decision matrix with
        // shares taken on the raw (positive) data, published to 4 decimals as 0.4630, 0.3992, 0.1378, 0.0000
        // (as reproduced in the unit tests of the pyrepo-mcda package). Tolerance 5e-5 (half a unit of the last decimal).
        double[,] x = { { 30, 30, 38, 29 }, { 19, 54, 86, 29 }, { 19, 15, 85, 28.9 }, { 68, 70, 60, 29 } };
        var r = EntropyWeightMethod.FromNormalized(x);
        double[] published = [0.4630, 0.3992, 0.1378, 0.0000];
        for (int j = 0; j < 4; j++) Assert.Equal(published[j], r.Weights[j], 5e-5);
    }

    [Fact]
    public void DefaultShift_IsAddedBeforeTheShares()
    {
        // With shift s the normalised column X2 is s, 1+s, 1+s; its entropy follows from p = x' / (2 + 3s).
        const double s = 0.0001;
        var r = EntropyWeightMethod.Compute(Hand, PosPos);
        Assert.Equal(s, r.Shift);
        double[] x2 = [s, 1 + s, 1 + s];
        double e2 = -x2.Sum(v => v / (2 + 3 * s) * Math.Log(v / (2 + 3 * s))) / Ln3;
        Assert.Equal(e2, r.Entropies[1], Tol);
        Assert.NotEqual(1 - D2, r.Entropies[1]); // the shift does change e, a little
        Assert.Equal(1 - D2, r.Entropies[1], 2e-3);
        // Row 3 is best on both indicators: U = sum w (1 + s) = 1 + s, and the unshifted level is 1 (row 1: s and 0).
        Assert.Equal(1 + s, r.Levels[2], Tol);
        Assert.Equal(1, r.UnshiftedLevels[2], Tol);
        Assert.Equal(0, r.UnshiftedLevels[0], Tol);
    }

    [Fact]
    public void WeightsSumToOne_AndLevelsAreWeightedSums()
    {
        var x = DemoData(seed: 7, rows: 12, cols: 5);
        var dirs = new[] { IndicatorDirection.Positive, IndicatorDirection.Negative, IndicatorDirection.Positive, IndicatorDirection.Positive, IndicatorDirection.Negative };
        var r = EntropyWeightMethod.Compute(x, dirs);
        Assert.Equal(1, r.Weights.Sum(), Tol);
        Assert.All(r.Weights, w => Assert.True(w > 0));
        var xn = r.Normalized;
        for (int i = 0; i < 12; i++)
            Assert.Equal(Enumerable.Range(0, 5).Sum(j => r.Weights[j] * xn[i, j]), r.Levels[i], Tol);
    }

    [Fact]
    public void NegativeDirection_InvertsTheContribution()
    {
        // X2 negative with values 2, 0, 0 normalises to (2 - x)/2 = 0, 1, 1: the same x' as the positive X2 = 0, 2, 2 of the
        // hand example, so the weights and levels are those of the hand example.
        var neg = EntropyWeightMethod.Compute(new double[,] { { 0, 2 }, { 1, 0 }, { 2, 0 } },
            [IndicatorDirection.Positive, IndicatorDirection.Negative], new EntropyWeightOptions(Shift: 0));
        var pos = EntropyWeightMethod.Compute(Hand, PosPos, new EntropyWeightOptions(Shift: 0));
        for (int j = 0; j < 2; j++) Assert.Equal(pos.Weights[j], neg.Weights[j], Tol);
        for (int i = 0; i < 3; i++) Assert.Equal(pos.Levels[i], neg.Levels[i], Tol);
        // And lowering a negative indicator raises the level: row 1 has the largest X2, hence the lowest level.
        Assert.True(neg.Levels[0] < neg.Levels[1]);
    }

    [Fact]
    public void Weights_AreInvariantUnderPositiveRescalingOfAColumn()
    {
        var x = DemoData(seed: 3, rows: 10, cols: 4);
        var dirs = Enumerable.Repeat(IndicatorDirection.Positive, 4).ToArray();
        var scaled = (double[,])x.Clone();
        for (int i = 0; i < 10; i++) scaled[i, 2] = 37.5 * x[i, 2] + 1000; // change of unit and origin
        var a = EntropyWeightMethod.Compute(x, dirs);
        var b = EntropyWeightMethod.Compute(scaled, dirs);
        for (int j = 0; j < 4; j++) Assert.Equal(a.Weights[j], b.Weights[j], 1e-12);
        for (int i = 0; i < 10; i++) Assert.Equal(a.Levels[i], b.Levels[i], 1e-12);
    }

    [Fact]
    public void Groups_GiveAdditiveGroupWeightsAndSubIndices()
    {
        var x = DemoData(seed: 11, rows: 9, cols: 5);
        var dirs = Enumerable.Repeat(IndicatorDirection.Positive, 5).ToArray();
        var r = EntropyWeightMethod.Compute(x, dirs, new EntropyWeightOptions(Groups: ["A", "A", "B", "B", "B"]));
        Assert.Equal(2, r.Groups.Count);
        var a = r.Groups[0];
        Assert.Equal("A", a.Name);
        Assert.Equal([0, 1], a.Indicators);
        Assert.Equal(r.Weights[0] + r.Weights[1], a.Weight, Tol);
        Assert.Equal(1, r.Groups.Sum(g => g.Weight), Tol);
        foreach (var g in r.Groups)
        {
            Assert.Equal(1, g.WithinWeights.Sum(), Tol);
            for (int m = 0; m < g.Indicators.Count; m++) Assert.Equal(r.Weights[g.Indicators[m]], g.Weight * g.WithinWeights[m], Tol);
        }
        for (int i = 0; i < 9; i++) Assert.Equal(r.Levels[i], r.Groups.Sum(g => g.Weight * g.Scores[i]), Tol);
        Assert.Equal(["Group", "Indicators", "Weight W_g"], r.ToGroupTable().Columns);
        Assert.Contains("Group", r.ToTable().Columns);
    }

    [Fact]
    public void ByYear_AndPooled_DifferAsExpected()
    {
        // 3 regions, 2 years; in 2015 every region adds 10 to both indicators (uniform growth).
        double[,] x = { { 1, 3 }, { 2, 1 }, { 4, 2 }, { 11, 13 }, { 12, 11 }, { 14, 12 } };
        int[] years = [2014, 2014, 2014, 2015, 2015, 2015];
        var byYear = EntropyWeightMethod.ComputePanel(x, years, PosPos, PanelScheme.ByYear);
        var pooled = EntropyWeightMethod.ComputePanel(x, years, PosPos, PanelScheme.Pooled);
        // Year by year, each year is min-max normalised on its own: the growth vanishes, both years get the same
        // weights and levels, so levels of different years are not comparable.
        Assert.Equal([2014, 2015], byYear.Parts.Select(p => p.Year!.Value));
        for (int j = 0; j < 2; j++) Assert.Equal(byYear.Parts[0].Result.Weights[j], byYear.Parts[1].Result.Weights[j], Tol);
        for (int i = 0; i < 3; i++) Assert.Equal(byYear.Levels[i], byYear.Levels[i + 3], Tol);
        // Each year's part equals the single-matrix method on that year's rows.
        var y2014 = EntropyWeightMethod.Compute(new double[,] { { 1, 3 }, { 2, 1 }, { 4, 2 } }, PosPos);
        Assert.Equal(y2014.Weights, byYear.Parts[0].Result.Weights);
        // Pooled (time-aware): one normalisation over the panel; every region's 2015 level is above its 2014 level.
        Assert.Single(pooled.Parts);
        Assert.Null(pooled.Parts[0].Year);
        for (int i = 0; i < 3; i++) Assert.True(pooled.Levels[i + 3] > pooled.Levels[i] + 0.5);
        Assert.NotEqual(byYear.Parts[0].Result.Weights[0], pooled.Parts[0].Result.Weights[0], 1e-6);
        Assert.Equal(["Indicator", "2014", "2015"], byYear.ToWeightsTable().Columns);
        Assert.Equal(["Indicator", "Pooled"], pooled.ToWeightsTable().Columns);
    }

    [Fact]
    public void BadInput_GivesClearErrors()
    {
        // Constant column (after min-max it is undefined).
        var e1 = Assert.Throws<ArgumentException>(() => EntropyWeightMethod.Compute(new double[,] { { 1, 4 }, { 2, 4 }, { 3, 4 } }, PosPos));
        Assert.Contains("constant", e1.Message);
        // All-zero column in already-normalised data.
        var e2 = Assert.Throws<ArgumentException>(() => EntropyWeightMethod.FromNormalized(new double[,] { { 1, 0 }, { 2, 0 }, { 3, 0 } }));
        Assert.Contains("zero in every row", e2.Message);
        // Negative value where a log of the share is taken.
        var e3 = Assert.Throws<ArgumentException>(() => EntropyWeightMethod.FromNormalized(new double[,] { { 1, 0.5 }, { 2, -0.2 }, { 3, 1 } }));
        Assert.Contains("Row 2, 'X2' (column 2) is negative", e3.Message);
        // Missing direction.
        Assert.Throws<ArgumentException>(() => EntropyWeightMethod.Compute(Hand, [IndicatorDirection.Positive]));
        // NaN.
        var e4 = Assert.Throws<ArgumentException>(() => EntropyWeightMethod.Compute(new double[,] { { 1, 2 }, { double.NaN, 3 }, { 3, 5 } }, PosPos));
        Assert.Contains("Row 2, column 1", e4.Message);
        // A year with a single region cannot be weighted year by year; a constant column within one year is named with its year.
        Assert.Throws<ArgumentException>(() => EntropyWeightMethod.ComputePanel(Hand, [2014, 2014, 2015], PosPos, PanelScheme.ByYear));
        var e5 = Assert.Throws<ArgumentException>(() =>
            EntropyWeightMethod.ComputePanel(new double[,] { { 1, 2 }, { 2, 3 }, { 3, 7 }, { 3, 9 } }, [2014, 2014, 2015, 2015], PosPos, PanelScheme.ByYear));
        Assert.StartsWith("Year 2015:", e5.Message);
        // Wrong number of group labels.
        Assert.Throws<ArgumentException>(() => EntropyWeightMethod.Compute(Hand, PosPos, new EntropyWeightOptions(Groups: ["A"])));
    }

    [Fact]
    public void EqualWeights_AreOneOverP()
    {
        Assert.Equal([0.25, 0.25, 0.25, 0.25], CompositeIndex.EqualWeights(4));
        // Equal-weight index of the hand example's x' = (0,0), (0.5,1), (1,1): 0, 0.75, 1.
        var u = CompositeIndex.WeightedSum(new double[,] { { 0, 0 }, { 0.5, 1 }, { 1, 1 } }, CompositeIndex.EqualWeights(2));
        Assert.Equal([0, 0.75, 1], u);
        Assert.Throws<ArgumentException>(() => CompositeIndex.WeightedSum(new double[,] { { 1, 2 } }, [0.5, 0.6]));
    }

    /// <summary>Deterministic positive test data (fixed seed).</summary>
    internal static double[,] DemoData(int seed, int rows, int cols)
    {
        var rng = new Random(seed);
        var x = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) x[i, j] = 1 + 10 * rng.NextDouble() * (j + 1);
        return x;
    }
}
