using System.Globalization;
using RuralEcom.Interpretation;
using ScottPlot;

namespace RuralEcom.Plots;

/// <summary>Figures of a strategy ranking (<see cref="StrategyRanker"/>).</summary>
public static class StrategyFigures
{
    /// <summary>
    /// Horizontal stacked bars: one bar per strategy, best at the top, split into the contributions of each significant
    /// pair (Σ over the strategy's linked indicators of r_k² · s_jk²), so one sees which pairs carry each strategy.
    /// </summary>
    /// <param name="ranking">The ranking.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static Figure Ranking(StrategyRankingResult ranking, int width = 1000, int height = 550)
    {
        var (plot, title) = BuildRanking(ranking);
        using (plot) return FigureRendering.Render(plot, title, width, height);
    }

    internal static (Plot Plot, string Title) BuildRanking(StrategyRankingResult ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var scores = ranking.Scores;
        int pairs = ranking.PairsUsed;
        var palette = new ScottPlot.Palettes.Category10();
        var plot = new Plot();
        var bars = new List<Bar>();
        for (int i = 0; i < scores.Count; i++)
        {
            double y = scores.Count - i, start = 0;
            for (int k = 1; k <= pairs; k++)
            {
                double v = scores[i].Contributions.Where(c => c.Pair == k).Sum(c => c.Contribution);
                if (v <= 0) continue;
                bars.Add(new Bar { Position = y, ValueBase = start, Value = start + v, FillColor = palette.GetColor(k - 1), Orientation = Orientation.Horizontal, Size = 0.7 });
                start += v;
            }
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        for (int k = 1; k <= pairs; k++) FigureRendering.AddFillLegend(plot, $"pair {k}", palette.GetColor(k - 1));
        plot.Axes.Left.SetTicks(Enumerable.Range(0, scores.Count).Select(i => (double)(scores.Count - i)).ToArray(),
            scores.Select(s => FigureRendering.Shorten($"{s.Strategy.Id} {s.Strategy.Title}", 44)).ToArray());
        double top = scores.Count == 0 ? 1 : Math.Max(scores.Max(s => s.Score), 1e-9);
        plot.Axes.SetLimits(0, top * 1.05, 0.4, scores.Count + 0.6);
        if (pairs > 0) plot.ShowLegend(Alignment.LowerRight);
        string title = $"Strategies ranked by their indicators ({pairs} significant pair{(pairs == 1 ? "" : "s")})";
        FigureRendering.Label(plot, title, "score: Σ r_k² · s_jk² over linked indicators (variance shares)", "");
        return (plot, title);
    }
}
