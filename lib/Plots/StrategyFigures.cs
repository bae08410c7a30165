using System.Globalization;
using RuralEcom.Interpretation;
using ScottPlot;

namespace RuralEcom.Plots;

/// <summary>Figures of a strategy ranking (<see cref="StrategyRanker"/>).</summary>
public static class StrategyFigures
{
    /// <summary>
    /// Horizontal stacked bars: one bar per strategy, best at the top, split into the contributions of each significant
    /// pair (over the strategy's linked indicators, the signed terms sign(d_j s_jk) · r_k² · s_jk², divided by the number
    /// of linked indicators when the ranking is by the mean). Terms for a strategy stack to the right of 0, terms against
    /// it to the left, so one sees which pairs carry each strategy and which speak against it. Titles are wrapped, not cut.
    /// </summary>
    /// <param name="ranking">The ranking.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static Figure Ranking(StrategyRankingResult ranking, int width = 1000, int height = 650)
    {
        var (plot, title) = BuildRanking(ranking);
        using (plot) return FigureRendering.Render(plot, title, width, height);
    }

    internal static (Plot Plot, string Title) BuildRanking(StrategyRankingResult ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var scores = ranking.Scores;
        int pairs = ranking.PairsUsed;
        bool mean = ranking.Scoring == StrategyScoring.Mean;
        var palette = new ScottPlot.Palettes.Category10();
        var plot = new Plot();
        var bars = new List<Bar>();
        double low = 0, high = 0;
        for (int i = 0; i < scores.Count; i++)
        {
            double y = scores.Count - i, right = 0, left = 0, divisor = mean ? Math.Max(1, scores[i].Indicators.Count) : 1;
            for (int k = 1; k <= pairs; k++)
            {
                var terms = scores[i].Contributions.Where(c => c.Pair == k).ToArray();
                double pro = terms.Where(c => c.Contribution > 0).Sum(c => c.Contribution) / divisor;
                double con = terms.Where(c => c.Contribution < 0).Sum(c => c.Contribution) / divisor;
                if (pro > 0) { bars.Add(Segment(y, right, right + pro, palette.GetColor(k - 1))); right += pro; }
                if (con < 0) { bars.Add(Segment(y, left, left + con, palette.GetColor(k - 1))); left += con; }
            }
            low = Math.Min(low, left);
            high = Math.Max(high, right);
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Add.VerticalLine(0, 1, Colors.Black);
        for (int k = 1; k <= pairs; k++) FigureRendering.AddFillLegend(plot, $"pair {k}", palette.GetColor(k - 1));
        plot.Axes.Left.SetTicks(Enumerable.Range(0, scores.Count).Select(i => (double)(scores.Count - i)).ToArray(),
            scores.Select(s => FigureRendering.Wrap($"{s.Strategy.Id} {s.Strategy.Title}", 36)).ToArray());
        double span = Math.Max(high - low, 1e-9);
        plot.Axes.SetLimits(low - 0.05 * span, high + 0.05 * span, 0.4, scores.Count + 0.6);
        if (pairs > 0) plot.ShowLegend(Alignment.LowerRight);
        string title = $"Strategies ranked by the {(mean ? "mean" : "sum")} over their indicators ({pairs} significant pair{(pairs == 1 ? "" : "s")})";
        FigureRendering.Label(plot, title, mean
            ? "mean per linked indicator of ± r_k² · s_jk² (right: for the strategy, left: against)"
            : "sum over linked indicators of ± r_k² · s_jk² (right: for the strategy, left: against)", "");
        return (plot, title);
    }

    private static Bar Segment(double position, double from, double to, Color color) =>
        new() { Position = position, ValueBase = from, Value = to, FillColor = color, Orientation = Orientation.Horizontal, Size = 0.7 };
}
