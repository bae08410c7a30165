using System.Globalization;

namespace RuralEcom.Interpretation;

/// <summary>How <see cref="StrategyRanker"/> orders strategies.</summary>
public enum StrategyScoring
{
    /// <summary>By the average per linked indicator (the default: a strategy does not gain by having more links).</summary>
    Mean,

    /// <summary>By the total over the linked indicators (grows with the number of links, so strategies with many links rank high).</summary>
    Sum,
}

/// <summary>
/// Ranks the paper's strategies (Section 5) by how strongly the indicators they act on take part in the significant
/// canonical pairs.
/// </summary>
/// <remarks>
/// Score of strategy s: S_s = Σ_k Σ_{j ∈ L(s)} sign(d_j s_jk) r_k² s_jk², over the significant pairs k and the indicators
/// j linked to s, with s_jk the structure coefficient of j on its own variate (V_k for X, W_k for Y) and d_j = +1 for an
/// indicator where larger is better, −1 where smaller is better. Because r_k s_jk is the cross-structure coefficient
/// (the correlation of j with the opposite variate; Cooley &amp; Lohnes 1971), |term| is the share of j's variance explained
/// by the other set's variate k, and since the variates of different pairs are uncorrelated, Σ_k |term| is the share
/// explained by all significant pairs together — the per-indicator term of the Stewart–Love (1968) redundancy index.
/// Pairs are oriented so that the X structure coefficients sum to a positive number (V_k reads "more rural e-commerce")
/// and r_k ≥ 0, so a term counts for the strategy when the indicator's better direction rises with the pair and against
/// it when it falls. The ranking score is the mean M_s = S_s / |L(s)| (by default) or the sum S_s; ties are broken by the
/// other score, then by the map's order. The score measures association, not effect; it depends on the links, which are
/// judgements.
/// </remarks>
public static class StrategyRanker
{
    /// <summary>Scores and ranks every strategy of <paramref name="map"/> from the significant pairs of <paramref name="interpretation"/>.</summary>
    /// <param name="interpretation">The significant pairs (<see cref="CanonicalInterpreter.Interpret"/>).</param>
    /// <param name="map">The strategies and links; null uses <see cref="StrategyMap.Default"/>.</param>
    /// <param name="scoring">Rank by the mean per linked indicator (default) or the sum.</param>
    /// <param name="smallerIsBetter">Indicators where smaller values are better (d_j = −1); null takes the negative
    /// indicators of <see cref="Data.IndicatorCatalog.Default"/> (Y9, Y10).</param>
    public static StrategyRankingResult Rank(InterpretationResult interpretation, StrategyMap? map = null, StrategyScoring scoring = StrategyScoring.Mean,
        IReadOnlyCollection<string>? smallerIsBetter = null)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        map ??= StrategyMap.Default;
        var negative = (smallerIsBetter ?? Data.IndicatorCatalog.Default.All.Where(i => i.Direction == Data.IndicatorDirection.Negative).Select(i => i.Symbol).ToArray())
            .ToHashSet(StringComparer.Ordinal);
        var readings = interpretation.Pairs.SelectMany(p => p.X.Concat(p.Y).Select(i => (p.Pair, R2: p.Correlation * p.Correlation, Reading: i))).ToArray();
        var known = interpretation.Analysis.XNames.Concat(interpretation.Analysis.YNames).ToHashSet(StringComparer.Ordinal);
        var unmatched = map.Links.Select(l => l.Indicator).Where(i => !known.Contains(i)).Distinct().ToArray();
        var scored = map.Strategies.Select(s =>
        {
            var indicators = map.LinksOf(s.Id).Select(l => l.Indicator).Where(known.Contains).ToArray();
            var terms = readings.Where(r => indicators.Contains(r.Reading.Symbol))
                .Select(r =>
                {
                    int d = negative.Contains(r.Reading.Symbol) ? -1 : 1;
                    double sjk = r.Reading.StructureCoefficient;
                    return new StrategyContribution(s.Id, r.Reading.Symbol, r.Reading.DisplayName, r.Pair, r.R2, sjk, d, Math.Sign(d * sjk) * r.R2 * sjk * sjk);
                })
                .OrderByDescending(c => Math.Abs(c.Contribution)).ToArray();
            double score = terms.Sum(t => t.Contribution);
            return (Strategy: s, Score: score, Mean: indicators.Length > 0 ? score / indicators.Length : 0, Indicators: indicators, Terms: terms);
        }).ToArray();
        // OrderBy is stable, so strategies tied on both scores keep the map's order.
        var ordered = scored.OrderByDescending(s => scoring == StrategyScoring.Sum ? s.Score : s.Mean)
            .ThenByDescending(s => scoring == StrategyScoring.Sum ? s.Mean : s.Score).ToArray();
        var scores = ordered.Select((s, i) => new StrategyScore(s.Strategy, i + 1, s.Score, s.Mean, s.Indicators, s.Terms,
            Reasoning(s.Strategy, s.Indicators, s.Terms, interpretation.Pairs.Count))).ToArray();
        return new StrategyRankingResult(scores, scoring, interpretation.Pairs.Count, unmatched);
    }

    private static string Reasoning(Strategy s, IReadOnlyList<string> indicators, IReadOnlyList<StrategyContribution> terms, int pairs)
    {
        var inv = CultureInfo.InvariantCulture;
        if (indicators.Count == 0) return "No indicator of the analysis is linked to this strategy, so the data cannot speak to it.";
        if (pairs == 0) return "No canonical pair is significant, so no strategy can be scored.";
        var byIndicator = terms.GroupBy(t => (t.Indicator, t.DisplayName)).Select(g => (g.Key.Indicator, g.Key.DisplayName, Total: g.Sum(t => t.Contribution),
            Best: g.MaxBy(t => Math.Abs(t.Contribution))!)).ToArray();
        string Describe((string Indicator, string DisplayName, double Total, StrategyContribution Best) g) =>
            $"{g.Indicator} {g.DisplayName} ({g.Total.ToString("+0.00;−0.00", inv)}, mostly pair {g.Best.Pair} with r_s = {g.Best.StructureCoefficient.ToString("0.00", inv)})";
        var pros = byIndicator.Where(g => g.Total > 0).OrderByDescending(g => g.Total).Take(3).Select(Describe).ToArray();
        var cons = byIndicator.Where(g => g.Total < 0).OrderBy(g => g.Total).Take(2).Select(Describe).ToArray();
        string text = pros.Length > 0 ? $"For: {CanonicalInterpreter.List(pros)}." : "No indicator counts for it.";
        return cons.Length > 0 ? $"{text} Against: {CanonicalInterpreter.List(cons)}." : text;
    }
}
