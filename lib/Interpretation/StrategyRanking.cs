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
