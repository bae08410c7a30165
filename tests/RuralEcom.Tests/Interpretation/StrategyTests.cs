using RuralEcom.Cca;
using RuralEcom.Interpretation;
using RuralEcom.Significance;

namespace RuralEcom.Tests.Interpretation;

public class StrategyTests
{
    private const string Strategies = "strategy,section,section_title,title\n9.1.1,9.1,First,A\n9.1.2,9.1,First,B\n9.2.1,9.2,Second,C\n";
    private const string Links = "indicator,strategy,reason\nX1,9.1.1,a reason\nX1,9.1.2,\"another, with a comma\"\nY1,9.1.2,r\nX3,9.2.1,r\nZ9,9.2.1,not in the data\n";

    private static StrategyMap Map(string s = Strategies, string l = Links) =>
        StrategyMap.Parse(new StringReader(s), "s.csv", new StringReader(l), "l.csv");

    // X1 and Y1 share one factor (d0); X2/Y2 share a weaker one (d1); X3 and Y3 are noise: two significant pairs.
    private static InterpretationResult Interpretation(bool negateY1 = false)
    {
        var z = TestData.Gaussian(300, 8, 71);
        var x = new double[300, 3];
        var y = new double[300, 3];
        for (int i = 0; i < 300; i++)
        {
            x[i, 0] = z[i, 0] + 0.5 * z[i, 2]; x[i, 1] = z[i, 1] + z[i, 3]; x[i, 2] = z[i, 4];
            y[i, 0] = (negateY1 ? -1 : 1) * (z[i, 0] + 0.5 * z[i, 5]); y[i, 1] = z[i, 1] + z[i, 6]; y[i, 2] = z[i, 7];
        }
        var cca = CanonicalCorrelationAnalysis.Fit(x, y);
        return CanonicalInterpreter.Interpret(cca, SignificanceTests.Test(cca));
    }

    [Fact]
    public void TheBundledMapCoversEveryIndicatorAndEveryStrategyOfSection5()
    {
        var map = StrategyMap.Default;
        Assert.Equal(["5.1.1", "5.1.2", "5.1.3", "5.2.1", "5.2.2", "5.2.3", "5.3.1", "5.3.2", "5.3.3"], map.Strategies.Select(s => s.Id));
        var symbols = Enumerable.Range(1, 8).Select(i => $"X{i}").Concat(Enumerable.Range(1, 11).Select(i => $"Y{i}"));
        Assert.All(symbols, s => Assert.Contains(map.Links, l => l.Indicator == s));
        Assert.All(map.Links, l => Assert.Matches(@"^[XY]\d+$", l.Indicator));
        Assert.Empty(map.LinksOf("5.2.2")); // governance: no indicator measures it (README says so)
        Assert.Equal(map.Links.Count + 1, map.ToTable().Rows.Count); // one row per link plus a "(none)" row for 5.2.2
    }

    [Fact]
    public void AnIndicatorsTotalIsTheShareOfItsVarianceTheOtherSetExplains()
    {
        var read = Interpretation();
        int k = read.Pairs.Count;
        Assert.Equal(2, k);
        var ranking = StrategyRanker.Rank(read, Map());
        // X1 only; the terms carry signs, their absolute values are the variance shares.
        double scoreA = ranking.Scores.Single(s => s.Strategy.Id == "9.1.1").Contributions.Sum(c => Math.Abs(c.Contribution));
        // Independent route: regress X1 on the Y-side variates W_1..W_K of the significant pairs; the R² is the share of
        // X1's variance the other set explains through those pairs (the W's are uncorrelated, so it equals Σ_k r_k² s_1k²).
        var cca = read.Analysis;
        var data = X1();
        var w = Enumerable.Range(0, cca.N).Select(i => Enumerable.Range(0, k).Select(j => cca.ScoresY![i, j]).ToArray()).ToArray();
        var beta = MathNet.Numerics.LinearRegression.MultipleRegression.QR(w, data, intercept: true);
        var fitted = w.Select(row => beta[0] + row.Select((v, j) => v * beta[j + 1]).Sum()).ToArray();
        double r2 = Math.Pow(TestData.Correlation(fitted, data), 2);
        Assert.Equal(r2, scoreA, 10);
    }

    /// <summary>The raw X1 column of <see cref="Interpretation"/>.</summary>
    private static double[] X1()
    {
        var z = TestData.Gaussian(300, 8, 71);
        return Enumerable.Range(0, 300).Select(i => z[i, 0] + 0.5 * z[i, 2]).ToArray();
    }

    [Fact]
    public void StrategiesAreRankedBySumOrMeanWithTheirContributions()
    {
        var read = Interpretation();
        var map = Map();
        var sum = StrategyRanker.Rank(read, map, StrategyScoring.Sum);
        var a = sum.Scores.Single(s => s.Strategy.Id == "9.1.1");
        var b = sum.Scores.Single(s => s.Strategy.Id == "9.1.2");
        var c = sum.Scores.Single(s => s.Strategy.Id == "9.2.1");
        double Term(string symbol) => read.Pairs.Sum(p =>
        {
            var i = p.X.Concat(p.Y).Single(r => r.Symbol == symbol);
            return Math.Sign(i.StructureCoefficient) * p.Correlation * p.Correlation * i.StructureCoefficient * i.StructureCoefficient;
        });
        Assert.Equal(Term("X1") + Term("Y1"), b.Score, 12);
        Assert.Equal((Term("X1") + Term("Y1")) / 2, b.MeanScore, 12);
        Assert.Equal(Term("X3"), c.Score, 12);
        Assert.Equal(["9.1.2", "9.1.1", "9.2.1"], sum.Scores.Select(s => s.Strategy.Id));
        Assert.Equal([1, 2, 3], sum.Scores.Select(s => s.Rank));
        Assert.Equal(4, b.Contributions.Count); // two indicators × two pairs
        Assert.Equal(b.Score, b.Contributions.Sum(t => t.Contribution), 12);
        Assert.Contains("X1", b.Reasoning);
        Assert.Equal(["Z9"], sum.UnmatchedIndicators);
        Assert.Contains("Z9", sum.ToTable().Note);
        Assert.Equal(sum.Scores.Sum(s => s.Contributions.Count), sum.ContributionTable().Rows.Count);
        Assert.Equal(4, sum.ContributionTable("9.1.2").Rows.Count);
        Assert.Equal("strategyId", Assert.Throws<ArgumentException>(() => sum.ContributionTable("0.0")).ParamName);
        // Reading only the first pair (as a paper that reads fewer pairs would) drops the pair-2 terms.
        var one = StrategyRanker.Rank(CanonicalInterpreter.Interpret(read.Analysis, SignificanceTests.Test(read.Analysis), new InterpretationOptions { MaxPairs = 1 }), map, StrategyScoring.Sum);
        Assert.Equal(1, one.PairsUsed);
        Assert.All(one.Scores.SelectMany(s => s.Contributions), c => Assert.Equal(1, c.Pair));
        // By the mean, 9.1.1 (X1 alone) and 9.1.2 (X1, Y1) are close; the noise strategy stays last.
        var mean = StrategyRanker.Rank(read, map);
        Assert.Equal(StrategyScoring.Mean, mean.Scoring); // the mean is the default
        Assert.Equal("9.2.1", mean.Scores[^1].Strategy.Id);
        // Sections count an indicator once: section 9.1 = X1 + Y1, not X1 twice.
        var section = sum.SectionTable();
        Assert.Equal("9.1", section.CellText(0, 1));
        Assert.Equal((Term("X1") + Term("Y1")).ToString("F3", System.Globalization.CultureInfo.InvariantCulture), section.CellText(0, 3));
    }

    [Fact]
    public void AnIndicatorThatFallsWithThePairCountsAgainstItsStrategy()
    {
        var plain = StrategyRanker.Rank(Interpretation(), Map(), StrategyScoring.Sum);
        var negated = StrategyRanker.Rank(Interpretation(negateY1: true), Map(), StrategyScoring.Sum);
        var y1 = negated.Scores.Single(s => s.Strategy.Id == "9.1.2").Contributions.Single(c => c.Indicator == "Y1" && c.Pair == 1);
        // Y1 now falls as the pair-1 variates rise: its term is minus its variance share.
        Assert.True(y1.StructureCoefficient < -0.5);
        Assert.Equal(-y1.SquaredCorrelation * y1.StructureCoefficient * y1.StructureCoefficient, y1.Contribution, 12);
        double Score(StrategyRankingResult r, string id) => r.Scores.Single(s => s.Strategy.Id == id).Score;
        double x1 = Score(plain, "9.1.1");
        Assert.Equal(x1 - (Score(plain, "9.1.2") - x1), Score(negated, "9.1.2"), 10);
        // Invariant: negating an indicator and declaring that smaller is better for it changes no score.
        var declared = StrategyRanker.Rank(Interpretation(negateY1: true), Map(), StrategyScoring.Sum, smallerIsBetter: ["Y1"]);
        Assert.All(plain.Scores, s => Assert.Equal(s.Score, Score(declared, s.Strategy.Id), 10));
        Assert.Contains("Against: Y1", negated.Scores.Single(s => s.Strategy.Id == "9.1.2").Reasoning);
    }

    [Fact]
    public void TheMeanDoesNotRewardMoreLinksAndTiesKeepTheMapOrder()
    {
        // A: X1 alone; B: X1 and the weaker X2; C and D: nothing in the data (tied at 0 on both scores).
        const string strategies = "strategy,section,section_title,title\n9.1.1,9.1,S,A\n9.1.2,9.1,S,B\n9.2.1,9.2,T,C\n9.2.2,9.2,T,D\n";
        const string links = "indicator,strategy,reason\nX1,9.1.1,r\nX1,9.1.2,r\nX2,9.1.2,r\nZ9,9.2.1,r\n";
        var read = Interpretation();
        var map = Map(strategies, links);
        var sum = StrategyRanker.Rank(read, map, StrategyScoring.Sum);
        var mean = StrategyRanker.Rank(read, map);
        double x1 = sum.Scores.Single(s => s.Strategy.Id == "9.1.1").Score, x2 = sum.Scores.Single(s => s.Strategy.Id == "9.1.2").Score - x1;
        Assert.InRange(x2, 1e-3, x1 - 1e-3); // the premise: X2 adds a smaller positive share
        Assert.Equal(["9.1.2", "9.1.1", "9.2.1", "9.2.2"], sum.Scores.Select(s => s.Strategy.Id));
        Assert.Equal(["9.1.1", "9.1.2", "9.2.1", "9.2.2"], mean.Scores.Select(s => s.Strategy.Id));
        Assert.Equal((x1 + x2) / 2, mean.Scores[1].MeanScore, 12);
        Assert.Contains("ties by the sum, then by the map's order", mean.ToTable().Note);
    }

    [Fact]
    public void AStrategyWithoutIndicatorsScoresZeroAndSaysWhy()
    {
        var ranking = StrategyRanker.Rank(Interpretation());
        var governance = ranking.Scores.Single(s => s.Strategy.Id == "5.2.2");
        Assert.Equal(0, governance.Score);
        Assert.Contains("No indicator", governance.Reasoning);
    }

    [Theory]
    [InlineData(Strategies, "indicator,strategy,reason\nX1,9.9.9,r\n", "l.csv, line 2: strategy '9.9.9' is not in s.csv")]
    [InlineData(Strategies, "indicator,strategy,reason\nX1,9.1.1,r\nX1,9.1.1,r\n", "l.csv, line 3: X1 is linked to 9.1.1 twice")]
    [InlineData(Strategies, "indicator,strategy,reason\nX1,9.1.1,\n", "l.csv, line 2: column 'reason' is empty")]
    [InlineData(Strategies, "indicator,strategy\nX1,9.1.1\n", "l.csv, line 1: the header must be")]
    [InlineData("strategy,section,section_title,title\n9.1.1,9.2,First,A\n", "indicator,strategy,reason\n", "s.csv, line 2: strategy 9.1.1 does not belong to section 9.2")]
    [InlineData(Strategies, "indicator,strategy,reason\nX1,9.1.1,r,extra\n", "l.csv, line 2: expected 3 fields")]
    public void MalformedMapsAreRejectedWithFileAndLine(string strategies, string links, string message)
    {
        var e = Assert.Throws<FormatException>(() => Map(strategies, links));
        Assert.StartsWith(message, e.Message);
    }
}
