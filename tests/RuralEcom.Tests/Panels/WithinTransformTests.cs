using RuralEcom.Panels;

namespace RuralEcom.Tests.Panels;

public class WithinTransformTests
{
    internal static PanelDesign Balanced(int regions, int years) => new(
        Enumerable.Range(0, regions * years).Select(i => $"R{i / years}").ToArray(),
        Enumerable.Range(0, regions * years).Select(i => 2014 + i % years).ToArray());

    internal static double[,] Random(int n, int k, int seed)
    {
        var rng = new System.Random(seed);
        var m = new double[n, k];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++) m[i, j] = rng.NextDouble() * 10 + i % 3;
        return m;
    }

    [Fact]
    public void Balanced_Transformations_EqualHandDemeaning()
    {
        int regions = 5, years = 4, n = 20, k = 3;
        var d = Balanced(regions, years);
        var x = Random(n, k, 1);
        for (int j = 0; j < k; j++)
        {
            double grand = 0;
            var rm = new double[regions];
            var ym = new double[years];
            for (int i = 0; i < n; i++)
            {
                grand += x[i, j] / n;
                rm[i / years] += x[i, j] / years;
                ym[i % years] += x[i, j] / regions;
            }
            var region = WithinTransform.Create(d, WithinTransformation.Region).Apply(x);
            var year = WithinTransform.Create(d, WithinTransformation.Year).Apply(x);
            var two = WithinTransform.Create(d, WithinTransformation.TwoWay).Apply(x);
            var none = WithinTransform.Create(d, WithinTransformation.None).Apply(x);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(x[i, j] - grand, none[i, j], 1e-12);
                Assert.Equal(x[i, j] - rm[i / years], region[i, j], 1e-12);
                Assert.Equal(x[i, j] - ym[i % years], year[i, j], 1e-12);
                Assert.Equal(x[i, j] - rm[i / years] - ym[i % years] + grand, two[i, j], 1e-12);
            }
        }
    }

    [Fact]
    public void FirstDifferences_EqualHandDifferences_Centred()
    {
        var d = Balanced(3, 4);
        var x = Random(12, 2, 2);
        var t = WithinTransform.Create(d, WithinTransformation.FirstDifference);
        var f = t.Apply(x);
        Assert.Equal(9, f.GetLength(0));
        for (int j = 0; j < 2; j++)
        {
            var diffs = new List<double>();
            for (int r = 0; r < 3; r++)
                for (int y = 1; y < 4; y++) diffs.Add(x[r * 4 + y, j] - x[r * 4 + y - 1, j]);
            double mean = diffs.Average();
            for (int i = 0; i < 9; i++) Assert.Equal(diffs[i] - mean, f[i, j], 1e-12);
        }
        Assert.Equal(9 - 1, t.ResidualDf); // n − R − 1
    }

    [Theory]
    [InlineData(7, 8)]
    [InlineData(31, 8)]
    [InlineData(5, 4)]
    public void ResidualDf_FollowsTheBalancedFormulas(int regions, int years)
    {
        var d = Balanced(regions, years);
        int n = regions * years;
        Assert.Equal(n - 1, WithinTransform.Create(d, WithinTransformation.None).ResidualDf);
        Assert.Equal(n - regions, WithinTransform.Create(d, WithinTransformation.Region).ResidualDf);
        Assert.Equal(n - years, WithinTransform.Create(d, WithinTransformation.Year).ResidualDf);
        Assert.Equal(n - regions - years + 1, WithinTransform.Create(d, WithinTransformation.TwoWay).ResidualDf);
        Assert.Equal(n - regions - 1, WithinTransform.Create(d, WithinTransformation.FirstDifference).ResidualDf);
    }

    [Fact]
    public void Unbalanced_RankIsComputed_AndResidualsAreOrthogonalToEveryDummy()
    {
        // Paper shape: 7 × 8 without one region-year. Still connected, so r = R + T − 1 = 14 and ν = 55 − 14 = 41.
        var regions = new List<string>();
        var years = new List<int>();
        for (int r = 0; r < 7; r++)
            for (int t = 0; t < 8; t++)
                if (!(r == 6 && t == 0)) { regions.Add($"R{r}"); years.Add(2014 + t); }
        var d = new PanelDesign(regions, years);
        Assert.False(d.IsBalanced);
        var two = WithinTransform.Create(d, WithinTransformation.TwoWay);
        Assert.Equal(14, two.NuisanceRank);
        Assert.Equal(41, two.ResidualDf);
        var x = Random(55, 2, 3);
        var m = two.Apply(x);
        for (int j = 0; j < 2; j++)
        {
            for (int r = 0; r < 7; r++) Assert.Equal(0, Enumerable.Range(0, 55).Where(i => d.RegionOf[i] == r).Sum(i => m[i, j]), 1e-10);
            for (int t = 0; t < 8; t++) Assert.Equal(0, Enumerable.Range(0, 55).Where(i => d.YearOf[i] == t).Sum(i => m[i, j]), 1e-10);
        }
        // Idempotent: removing the effects twice changes nothing.
        var mm = two.Apply(m);
        for (int i = 0; i < 55; i++) Assert.Equal(m[i, 0], mm[i, 0], 1e-10);
    }

    [Fact]
    public void DisconnectedDesign_HasRankBelowRPlusTMinusOne()
    {
        // Regions A, B observed in 2014-2015 only, C, D in 2016-2017 only: two separate two-way designs, each of rank
        // 2 + 2 − 1 = 3, so r = 6, not R + T − 1 = 7.
        string[] regions = ["A", "A", "B", "B", "C", "C", "D", "D"];
        int[] years = [2014, 2015, 2014, 2015, 2016, 2017, 2016, 2017];
        var t = WithinTransform.Create(new PanelDesign(regions, years), WithinTransformation.TwoWay);
        Assert.Equal(6, t.NuisanceRank);
    }

    [Fact]
    public void DuplicatedRegionYear_AndSingleYearRegion_AreRejectedWithRows()
    {
        var dup = Assert.Throws<PanelDesignException>(() => new PanelDesign(["A", "A", "B", "B"], [2014, 2014, 2014, 2015]));
        Assert.Contains("(A, 2014) appears twice (rows 1 and 2)", dup.Message);
        var single = Assert.Throws<PanelDesignException>(() => new PanelDesign(["A", "A", "B"], [2014, 2015, 2014]));
        Assert.Contains("Region 'B' has a single year", single.Message);
    }
}
