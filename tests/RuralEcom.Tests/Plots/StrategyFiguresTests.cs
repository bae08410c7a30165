using RuralEcom.Cca;
using RuralEcom.Interpretation;
using RuralEcom.Plots;
using RuralEcom.Significance;
using ScottPlot.Plottables;

namespace RuralEcom.Tests.Plots;

public class StrategyFiguresTests
{
    [Fact]
    public void RankingStacksEachStrategysPairContributions()
    {
        var (x, y) = TestData.Related(55, 8, 11, seed: 808);
        var xNames = Enumerable.Range(1, 8).Select(i => $"X{i}").ToArray();
        var yNames = Enumerable.Range(1, 11).Select(i => $"Y{i}").ToArray();
        var cca = CanonicalCorrelationAnalysis.Fit(x, y, xNames, yNames);
        var ranking = StrategyRanker.Rank(CanonicalInterpreter.Interpret(cca, SignificanceTests.Test(cca)), scoring: StrategyScoring.Sum);
        var fig = StrategyFigures.Ranking(ranking, 800, 480);
        Assert.Equal((800, 480), PngHeader.Size(fig.Png));
        var (plot, title) = StrategyFigures.BuildRanking(ranking);
        using (plot)
        {
            var bars = plot.GetPlottables<BarPlot>().Single().Bars;
            // Terms for a strategy stack right of 0, terms against it left; their ends sum to the strategy's score.
            foreach (var (s, i) in ranking.Scores.Select((s, i) => (s, i)))
            {
                var own = bars.Where(b => b.Position == ranking.Scores.Count - i).ToArray();
                double right = own.Where(b => b.Value > b.ValueBase).Select(b => b.Value).DefaultIfEmpty(0).Max();
                double left = own.Where(b => b.Value < b.ValueBase).Select(b => b.Value).DefaultIfEmpty(0).Min();
                Assert.Equal(s.Score, right + left, 12);
                Assert.Equal(s.Contributions.Where(c => c.Contribution > 0).Sum(c => c.Contribution), right, 12);
            }
            Assert.Contains($"({ranking.PairsUsed} significant pair", title);
            Assert.Contains("against", plot.Axes.Bottom.Label.Text);
            Assert.DoesNotContain(plot.Axes.Left.TickGenerator.Ticks, t => t.Label.Contains('…'));
        }
        // By the mean, every segment is divided by the number of linked indicators.
        var byMean = StrategyRanker.Rank(CanonicalInterpreter.Interpret(cca, SignificanceTests.Test(cca)));
        var (meanPlot, _) = StrategyFigures.BuildRanking(byMean);
        using (meanPlot)
        {
            var bars = meanPlot.GetPlottables<BarPlot>().Single().Bars;
            var top = bars.Where(b => b.Position == byMean.Scores.Count).ToArray();
            Assert.Equal(byMean.Scores[0].MeanScore, top.Where(b => b.Value > b.ValueBase).Select(b => b.Value).DefaultIfEmpty(0).Max()
                + top.Where(b => b.Value < b.ValueBase).Select(b => b.Value).DefaultIfEmpty(0).Min(), 12);
        }
    }
}

public class LabelWrappingTests
{
    [Theory]
    [InlineData("Ratio of urban to rural per capita spending on education, culture and recreation", 40)]
    [InlineData("5.2.1 Digital and other infrastructure; equal access to public services", 36)]
    [InlineData("short", 10)]
    [InlineData("averyveryverylongsingleword and more", 10)]
    public void WrappedLabelsKeepEveryWordAndStayWithinTheWidth(string text, int width)
    {
        var lines = RuralEcom.Plots.FigureRendering.Wrap(text, width).Split('\n');
        Assert.Equal(text, string.Join(' ', lines)); // nothing cut, no "…"
        Assert.All(lines, l => Assert.True(l.Length <= width || !l.Contains(' '), l));
    }
}
