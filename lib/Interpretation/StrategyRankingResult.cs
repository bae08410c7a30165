using System.Globalization;

namespace RuralEcom.Interpretation;

/// <summary>One term of a strategy's score: one linked indicator in one significant pair.</summary>
/// <param name="StrategyId">The strategy.</param>
/// <param name="Indicator">The indicator's symbol.</param>
/// <param name="DisplayName">The indicator's display name.</param>
/// <param name="Pair">The canonical pair k.</param>
/// <param name="SquaredCorrelation">r_k².</param>
/// <param name="StructureCoefficient">s_jk, the indicator's correlation with its own variate of pair k.</param>
/// <param name="Contribution">r_k² · s_jk², the squared correlation of the indicator with the opposite variate of pair k.</param>
public sealed record StrategyContribution(string StrategyId, string Indicator, string DisplayName, int Pair,
    double SquaredCorrelation, double StructureCoefficient, double Contribution);

/// <summary>The score of one strategy.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Rank">Its rank, 1 = strongest (ties share the order of the map).</param>
/// <param name="Score">Σ over significant pairs and linked indicators of r_k² · s_jk².</param>
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
        string note = $"Score = Σ over the {PairsUsed} significant pair(s) k and the strategy's linked indicators j of r_k² · s_jk² (s_jk: structure coefficient). " +
            "Each term is the squared correlation of the indicator with the other set's canonical variate, so an indicator's total is the share of its variance the other set explains through the significant pairs. " +
            $"Ranked by the {(Scoring == StrategyScoring.Sum ? "sum" : "mean per linked indicator")}. The links are judgements (data/strategies/README.md). Correlation is not causation." +
            (UnmatchedIndicators.Count > 0 ? $" Not in the analysis, so not counted: {string.Join(", ", UnmatchedIndicators)}." : "");
        return new Table("Strategies of the paper's Section 5 ranked by the strength of their indicators in the significant canonical pairs",
            ["Rank", "Strategy", "Section", "Title", "Score", "Mean per indicator", "Linked indicators", "Reasoning"],
            Scores.Select(s => (IReadOnlyList<object?>)new object?[]
                { s.Rank, s.Strategy.Id, s.Strategy.Section, s.Strategy.Title, s.Score, s.MeanScore, s.Indicators.Count == 0 ? "(none)" : string.Join(", ", s.Indicators), s.Reasoning }),
            columnFormats: [null, null, null, null, "F3", "F3", null, null], note: note);
    }

    /// <summary>Every term of every score: which indicator in which pair contributes how much, and its share of the strategy's score.</summary>
    /// <param name="strategyId">Show only this strategy (e.g. "5.3.2"); null shows all.</param>
    /// <exception cref="ArgumentException">No strategy has that number.</exception>
    public Table ContributionTable(string? strategyId = null)
    {
        if (strategyId is not null && !Scores.Any(s => s.Strategy.Id == strategyId))
            throw new ArgumentException($"No strategy '{strategyId}'. Strategies: {string.Join(", ", Scores.Select(s => s.Strategy.Id))}.", nameof(strategyId));
        return new(strategyId is null ? "Contributions to the strategy scores (r_k² · s_jk² per linked indicator and significant pair)" : $"Contributions to the score of strategy {strategyId}",
        ["Strategy", "Indicator", "Name", "Pair", "r_k²", "Structure coefficient s_jk", "Contribution", "Share of strategy score"],
        Scores.Where(s => strategyId is null || s.Strategy.Id == strategyId).SelectMany(s => s.Contributions.Select(c => (IReadOnlyList<object?>)new object?[]
            { c.StrategyId, c.Indicator, c.DisplayName, c.Pair, c.SquaredCorrelation, c.StructureCoefficient, c.Contribution, s.Score > 0 ? c.Contribution / s.Score : 0.0 })),
        columnFormats: [null, null, null, null, "F3", "F3", "F4", "P1"]);
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
        }).OrderByDescending(r => Scoring == StrategyScoring.Sum ? r.Score : r.Mean).ToArray();
        return new Table("Sections of the paper's Section 5 ranked the same way (distinct indicators)",
            ["Rank", "Section", "Title", "Score", "Mean per indicator", "Indicators"],
            rows.Select((r, i) => (IReadOnlyList<object?>)new object?[] { i + 1, r.Section, r.SectionTitle, r.Score, r.Mean, string.Join(", ", r.Indicators) }),
            columnFormats: [null, null, null, "F3", "F3", null]);
    }
}
