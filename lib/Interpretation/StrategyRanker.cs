using System.Globalization;

namespace RuralEcom.Interpretation;

/// <summary>How <see cref="StrategyRanker"/> orders strategies.</summary>
public enum StrategyScoring
{
    /// <summary>By the total over the linked indicators (strategies that act on many shared indicators rank high).</summary>
    Sum,

    /// <summary>By the average per linked indicator (a strategy with a few strongly shared indicators can rank high).</summary>
    Mean,
}

/// <summary>
/// Ranks the paper's strategies (Section 5) by how strongly the indicators they act on take part in the significant
/// canonical pairs.
/// </summary>
/// <remarks>
/// Score of strategy s: S_s = Σ_k Σ_{j ∈ L(s)} r_k² s_jk², over the significant pairs k and the indicators j linked to s,
/// with s_jk the structure coefficient of j on its own variate (V_k for X, W_k for Y). Because r_k s_jk is the
/// cross-structure coefficient (the correlation of j with the opposite variate; Cooley &amp; Lohnes 1971), each term is the
/// share of j's variance explained by the other set's variate k, and since the variates of different pairs are
/// uncorrelated, Σ_k is the share explained by all significant pairs together — the per-indicator term of the
/// Stewart–Love (1968) redundancy index. The score measures association, not effect; it depends on the links, which are
/// judgements.
/// </remarks>
public static class StrategyRanker
{
    /// <summary>Scores and ranks every strategy of <paramref name="map"/> from the significant pairs of <paramref name="interpretation"/>.</summary>
    /// <param name="interpretation">The significant pairs (<see cref="CanonicalInterpreter.Interpret"/>).</param>
    /// <param name="map">The strategies and links; null uses <see cref="StrategyMap.Default"/>.</param>
    /// <param name="scoring">Rank by the sum (default) or the mean per linked indicator.</param>
    public static StrategyRankingResult Rank(InterpretationResult interpretation, StrategyMap? map = null, StrategyScoring scoring = StrategyScoring.Sum)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        map ??= StrategyMap.Default;
        var readings = interpretation.Pairs.SelectMany(p => p.X.Concat(p.Y).Select(i => (p.Pair, R2: p.Correlation * p.Correlation, Reading: i))).ToArray();
        var known = interpretation.Analysis.XNames.Concat(interpretation.Analysis.YNames).ToHashSet(StringComparer.Ordinal);
        var unmatched = map.Links.Select(l => l.Indicator).Where(i => !known.Contains(i)).Distinct().ToArray();
        var scored = map.Strategies.Select(s =>
        {
            var indicators = map.LinksOf(s.Id).Select(l => l.Indicator).Where(known.Contains).ToArray();
            var terms = readings.Where(r => indicators.Contains(r.Reading.Symbol))
                .Select(r => new StrategyContribution(s.Id, r.Reading.Symbol, r.Reading.DisplayName, r.Pair, r.R2, r.Reading.StructureCoefficient,
                    r.R2 * r.Reading.StructureCoefficient * r.Reading.StructureCoefficient))
                .OrderByDescending(c => c.Contribution).ToArray();
            double score = terms.Sum(t => t.Contribution);
            return (Strategy: s, Score: score, Mean: indicators.Length > 0 ? score / indicators.Length : 0, Indicators: indicators, Terms: terms);
        }).ToArray();
        var ordered = scored.OrderByDescending(s => scoring == StrategyScoring.Sum ? s.Score : s.Mean).ToArray();
        var scores = ordered.Select((s, i) => new StrategyScore(s.Strategy, i + 1, s.Score, s.Mean, s.Indicators, s.Terms,
            Reasoning(s.Strategy, s.Score, s.Indicators, s.Terms, interpretation.Pairs.Count))).ToArray();
        return new StrategyRankingResult(scores, scoring, interpretation.Pairs.Count, unmatched);
    }

    private static string Reasoning(Strategy s, double score, IReadOnlyList<string> indicators, IReadOnlyList<StrategyContribution> terms, int pairs)
    {
        var inv = CultureInfo.InvariantCulture;
        if (indicators.Count == 0) return "No indicator of the analysis is linked to this strategy, so the data cannot speak to it.";
        if (pairs == 0) return "No canonical pair is significant, so no strategy can be scored.";
        var byIndicator = terms.GroupBy(t => (t.Indicator, t.DisplayName)).Select(g => (g.Key.Indicator, g.Key.DisplayName, Total: g.Sum(t => t.Contribution),
            Best: g.MaxBy(t => t.Contribution)!)).OrderByDescending(g => g.Total).ToArray();
        var top = byIndicator.Take(3).Select(g =>
            $"{g.Indicator} {g.DisplayName} ({g.Total.ToString("0.00", inv)}, mostly pair {g.Best.Pair} with r_s = {g.Best.StructureCoefficient.ToString("0.00", inv)})");
        string share = score > 0 ? (byIndicator.Take(3).Sum(g => g.Total) / score).ToString("P0", inv) : "0%";
        return $"Carried by {CanonicalInterpreter.List(top.ToArray())}" + (byIndicator.Length > 3 ? $", {share} of the score." : ".");
    }
}
