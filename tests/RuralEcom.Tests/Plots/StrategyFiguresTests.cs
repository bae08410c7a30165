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
        var ranking = StrategyRanker.Rank(CanonicalInterpreter.Interpret(cca, SignificanceTests.Test(cca)));
        var fig = StrategyFigures.Ranking(ranking, 800, 480);
        Assert.Equal((800, 480), PngHeader.Size(fig.Png));
        var (plot, title) = StrategyFigures.BuildRanking(ranking);
        using (plot)
        {
            var bars = plot.GetPlottables<BarPlot>().Single().Bars;
            // The right end of each strategy's last segment is its score; the top bar is rank 1.
            foreach (var (s, i) in ranking.Scores.Select((s, i) => (s, i)).Where(t => t.s.Score > 0))
                Assert.Equal(s.Score, bars.Where(b => b.Position == ranking.Scores.Count - i).Max(b => b.Value), 12);
            Assert.Equal(ranking.Scores.Count(s => s.Score > 0) * ranking.PairsUsed, bars.Count(b => b.Value > b.ValueBase));
            Assert.Contains($"({ranking.PairsUsed} significant pair", title);
            Assert.Contains("score", plot.Axes.Bottom.Label.Text);
        }
    }
}
