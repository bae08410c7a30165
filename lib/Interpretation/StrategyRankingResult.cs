using System.Globalization;

namespace RuralEcom.Interpretation;

/// <summary>One term of a strategy's score: one linked indicator in one significant pair.</summary>
/// <param name="StrategyId">The strategy.</param>
/// <param name="Indicator">The indicator's symbol.</param>
/// <param name="DisplayName">The indicator's display name.</param>
/// <param name="Pair">The canonical pair k.</param>
/// <param name="SquaredCorrelation">r_k².</param>
/// <param name="StructureCoefficient">s_jk, the indicator's correlation with its own variate of pair k.</param>
/// <param name="Direction">+1 for an indicator where larger is better, −1 where smaller is better (e.g. an urban-rural gap).</param>
/// <param name="Contribution">sign(d_j s_jk) · r_k² · s_jk²: the squared correlation of the indicator with the opposite variate of
/// pair k, counted for the strategy (positive) when the indicator's better direction rises with the pair's variates and
/// against it (negative) when it falls.</param>
public sealed record StrategyContribution(string StrategyId, string Indicator, string DisplayName, int Pair,
    double SquaredCorrelation, double StructureCoefficient, int Direction, double Contribution);

/// <summary>The score of one strategy.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Rank">Its rank, 1 = strongest (ties on the ranking score are broken by the other score, then by the order of the map).</param>
/// <param name="Score">Σ over significant pairs and linked indicators of the signed terms sign(d_j s_jk) · r_k² · s_jk².</param>
/// <param name="MeanScore"><see cref="Score"/> divided by the number of linked indicators found in the analysis (0 when none).</param>
/// <param name="Indicators">The linked indicators found in the analysis.</param>
/// <param name="Contributions">Every term of the score, largest first.</param>
/// <param name="Reasoning">A sentence naming the indicators that carry the score.</param>
public sealed record StrategyScore(Strategy Strategy, int Rank, double Score, double MeanScore, IReadOnlyList<string> Indicators,
    IReadOnlyList<StrategyContribution> Contributions, string Reasoning)
{
    /// <summary>The linked indicators found in the analysis.</summary>
    public IReadOnlyList<string> Indicators { get; } = ReadOnly.Copy(Indicators);

    /// <summary>Every term of the score, largest first.</summary>
    public IReadOnlyList<StrategyContribution> Contributions { get; } = ReadOnly.Copy(Contributions);
}

/// <summary>Strategies ranked by the strength of their indicators in the significant canonical pairs.</summary>
public sealed class StrategyRankingResult
{
    internal StrategyRankingResult(IReadOnlyList<StrategyScore> scores, StrategyScoring scoring, int pairs, IReadOnlyList<string> unmatched)
    {
        Scores = ReadOnly.Own(scores);
        Scoring = scoring;
        PairsUsed = pairs;
        UnmatchedIndicators = ReadOnly.Own(unmatched);
    }

    /// <summary>The strategies, best first.</summary>
    public IReadOnlyList<StrategyScore> Scores { get; }

    /// <summary>Which score ordered them.</summary>
    public StrategyScoring Scoring { get; }

    /// <summary>How many significant pairs the scores add up.</summary>
    public int PairsUsed { get; }

    /// <summary>Indicators the map links but the analysis does not contain (they add nothing).</summary>
    public IReadOnlyList<string> UnmatchedIndicators { get; }

    /// <summary>The ranking: rank, strategy, section, score, mean per indicator, indicators and the reasoning.</summary>
    public Table ToTable()
    {
        string note = $"Score = Σ over the {PairsUsed} significant pair(s) k and the strategy's linked indicators j of sign(d_j s_jk) · r_k² · s_jk² (s_jk: structure coefficient, d_j = −1 for an indicator where smaller is better). " +
            "Each term is the squared correlation of the indicator with the other set's canonical variate, counted for the strategy when the indicator's better direction rises with the pair (pairs oriented so that V_k means more rural e-commerce) and against it when it falls. " +
            $"Ranked by the {(Scoring == StrategyScoring.Sum ? "sum" : "mean per linked indicator")}; ties by the {(Scoring == StrategyScoring.Sum ? "mean" : "sum")}, then by the map's order. The links are judgements (data/strategies/README.md). Correlation is not causation." +
            (UnmatchedIndicators.Count > 0 ? $" Not in the analysis, so not counted: {string.Join(", ", UnmatchedIndicators)}." : "");
        return new Table("Strategies of the paper's Section 5 ranked by the strength of their indicators in the significant canonical pairs",
            ["Rank", "Strategy", "Title", "Mean per indicator", "Sum", "Linked indicators", "Reasoning"],
            Scores.Select(s => (IReadOnlyList<object?>)new object?[]
                { s.Rank, s.Strategy.Id, s.Strategy.Title, s.MeanScore, s.Score, s.Indicators.Count == 0 ? "(none)" : string.Join(", ", s.Indicators), s.Reasoning }),
            columnFormats: [null, null, null, "F3", "F3", null, null], note: note);
    }

    /// <summary>Every term of every score: which indicator in which pair contributes how much, and its share of the strategy's score.</summary>
    /// <param name="strategyId">Show only this strategy (e.g. "5.3.2"); null shows all.</param>
    /// <exception cref="ArgumentException">No strategy has that number.</exception>
    public Table ContributionTable(string? strategyId = null)
    {
        if (strategyId is not null && !Scores.Any(s => s.Strategy.Id == strategyId))
            throw new ArgumentException($"No strategy '{strategyId}'. Strategies: {string.Join(", ", Scores.Select(s => s.Strategy.Id))}.", nameof(strategyId));
        return new(strategyId is null ? "Contributions to the strategy scores (signed r_k² · s_jk² per linked indicator and significant pair)" : $"Contributions to the score of strategy {strategyId}",
        ["Strategy", "Indicator", "Pair", "r_k²", "s_jk", "Direction", "Contribution"],
        Scores.Where(s => strategyId is null || s.Strategy.Id == strategyId).SelectMany(s => s.Contributions.Select(c => (IReadOnlyList<object?>)new object?[]
            { c.StrategyId, c.Indicator, c.Pair, c.SquaredCorrelation, c.StructureCoefficient, c.Direction > 0 ? "+" : "−", c.Contribution })),
        columnFormats: [null, null, null, "F3", "F3", null, "F4"],
        note: "Contribution = sign(direction · s_jk) · r_k² · s_jk²; negative terms count against the strategy. Direction − marks an indicator where smaller is better.");
    }

    /// <summary>
    /// The three sections (5.1-5.3) scored the same way over the distinct indicators linked to any of their strategies,
    /// so an indicator linked to two strategies of one section counts once.
    /// </summary>
    public Table SectionTable()
    {
        var rows = Scores.GroupBy(s => (s.Strategy.Section, s.Strategy.SectionTitle)).Select(g =>
        {
            var terms = g.SelectMany(s => s.Contributions).GroupBy(c => (c.Indicator, c.Pair)).Select(t => t.First()).ToArray();
            var indicators = terms.Select(t => t.Indicator).Distinct().Order(StringComparer.Ordinal).ToArray();
            double score = terms.Sum(t => t.Contribution);
            return (g.Key.Section, g.Key.SectionTitle, Score: score, Mean: indicators.Length > 0 ? score / indicators.Length : 0, Indicators: indicators);
        }).OrderByDescending(r => Scoring == StrategyScoring.Sum ? r.Score : r.Mean).ThenByDescending(r => Scoring == StrategyScoring.Sum ? r.Mean : r.Score).ToArray();
        return new Table("Sections of the paper's Section 5 ranked the same way (distinct indicators)",
            ["Rank", "Section", "Title", "Score", "Mean per indicator", "Indicators"],
            rows.Select((r, i) => (IReadOnlyList<object?>)new object?[] { i + 1, r.Section, r.SectionTitle, r.Score, r.Mean, string.Join(", ", r.Indicators) }),
            columnFormats: [null, null, null, "F3", "F3", null]);
    }
}
