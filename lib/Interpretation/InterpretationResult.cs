using System.Globalization;
using RuralEcom.Cca;

namespace RuralEcom.Interpretation;

/// <summary>The reading of every significant pair of one analysis (<see cref="CanonicalInterpreter.Interpret"/>), with tables.</summary>
public sealed class InterpretationResult
{
    internal InterpretationResult(CcaResult cca, InterpretationOptions options, IReadOnlyList<PairInterpretation> pairs)
    {
        Analysis = cca;
        Options = options;
        Pairs = ReadOnly.Own(pairs);
        Disagreements = ReadOnly.Copy(Pairs.SelectMany(p => p.Disagreements));
        Sentences = ReadOnly.Copy(Pairs.Select(p => p.Sentence));
    }

    /// <summary>The analysis that was read.</summary>
    public CcaResult Analysis { get; }

    /// <summary>The thresholds and names used.</summary>
    public InterpretationOptions Options { get; }

    /// <summary>One reading per significant pair, k = 1..K (empty when no pair is significant).</summary>
    public IReadOnlyList<PairInterpretation> Pairs { get; }

    /// <summary>Every disagreement flag of every significant pair.</summary>
    public IReadOnlyList<CoefficientDisagreement> Disagreements { get; }

    /// <summary>The generated sentences, one per significant pair.</summary>
    public IReadOnlyList<string> Sentences { get; }

    /// <summary>Scores and ranks the strategies of <paramref name="map"/> from these pairs; the same as <see cref="StrategyRanker.Rank"/>.</summary>
    /// <param name="map">The strategies and links; null uses <see cref="StrategyMap.Default"/>.</param>
    /// <param name="scoring">Rank by the mean per linked indicator (default) or the sum.</param>
    /// <param name="smallerIsBetter">Indicators where smaller is better; null takes the catalogue's negative indicators.</param>
    public StrategyRankingResult RankStrategies(StrategyMap? map = null, StrategyScoring scoring = StrategyScoring.Mean,
        IReadOnlyCollection<string>? smallerIsBetter = null) =>
        StrategyRanker.Rank(this, map, scoring, smallerIsBetter);

    /// <summary>One row per significant pair: r, p, the dominant indicators of each set with their structure coefficients, the sentence.</summary>
    public Table ToTable()
    {
        static string Names(IReadOnlyList<IndicatorReading> r, bool byWeight) => r.Count == 0 ? "(none)" :
            string.Join("; ", r.Select(i => $"{i.Symbol} {i.DisplayName} ({CanonicalInterpreter.F(byWeight ? i.StandardizedCoefficient : i.StructureCoefficient)})"));
        var rows = Pairs.Select(p => (IReadOnlyList<object?>)new object?[]
            { p.Pair, p.Correlation, p.PValue, Names(p.DominantX, false), Names(p.DominantY, false), p.Sentence });
        return new Table($"Reading of the significant canonical pairs (α = {Options.Alpha.ToString(CultureInfo.InvariantCulture)}, dominant: |structure coefficient| ≥ {Options.StructureThreshold.ToString(CultureInfo.InvariantCulture)})",
            ["Pair", "r", "p (Wilks, pairs k..K)", "Dominant X indicators (r_s)", "Dominant Y indicators (r_s)", "Plain-language reading"], rows,
            columnFormats: [null, "F3", "G3", null, null, null],
            note: "Structure coefficient r_s = correlation of the indicator with its own set's canonical variate. The threshold is a rule of thumb (Sherry & Henson 2005 use .45; Hair et al. call ±.50 practically significant). Correlation is not causation.");
    }

    /// <summary>
    /// The paper's reading and the structure-coefficient reading of every significant pair side by side: one row per
    /// pair and indicator, with both coefficients, their ranks within the set, which reading names the indicator, and flags.
    /// </summary>
    /// <param name="pair">Restrict to one pair (1-based); null shows every significant pair.</param>
    public Table ComparisonTable(int? pair = null)
    {
        if (pair is { } k && (k < 1 || k > Pairs.Count))
            throw new ArgumentOutOfRangeException(nameof(pair), pair, $"pair must be 1 to {Pairs.Count} (the number of significant pairs), or null.");
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var p in Pairs.Where(p => pair is null || p.Pair == pair))
            foreach (var set in new[] { p.X, p.Y })
            {
                var byWeight = set.OrderByDescending(i => Math.Abs(i.StandardizedCoefficient)).ToList();
                var byStructure = set.OrderByDescending(i => Math.Abs(i.StructureCoefficient)).ToList();
                foreach (var i in set)
                {
                    var kinds = p.Disagreements.Where(d => d.Indicator == i).Select(d => d.Kind.ToString());
                    rows.Add([p.Pair, i.Set == "X" ? $"V{p.Pair}" : $"W{p.Pair}", i.Symbol, i.DisplayName,
                        i.StandardizedCoefficient, byWeight.IndexOf(i) + 1, p.WeightedX.Contains(i) || p.WeightedY.Contains(i) ? "named" : "",
                        i.StructureCoefficient, byStructure.IndexOf(i) + 1, p.DominantX.Contains(i) || p.DominantY.Contains(i) ? "dominant" : "",
                        string.Join(", ", kinds)]);
                }
            }
        string inv(double v) => v.ToString(CultureInfo.InvariantCulture);
        return new Table(pair is null ? "Paper's reading (standardized coefficients) beside the structure-coefficient reading" : $"Pair {pair}: paper's reading beside the structure-coefficient reading",
            ["Pair", "Variate", "Symbol", "Indicator", "Standardized coefficient", "Rank |coef|", $"Paper's reading (|coef| ≥ {inv(Options.WeightThreshold)})",
             "Structure coefficient", "Rank |r_s|", $"Structure reading (|r_s| ≥ {inv(Options.StructureThreshold)})", "Disagreement"],
            rows, columnFormats: [null, null, null, null, "F3", null, null, "F3", null, null, null],
            note: "The standardized coefficient is the indicator's weight in the variate, given the other indicators; the structure coefficient is its correlation with the variate. With correlated indicators the weights can be large, small or of the opposite sign to the correlation; the structure coefficient says what the variate has in common with the indicator.");
    }

    /// <summary>Every disagreement flag: pair, indicator, both coefficients, kind and explanation.</summary>
    public Table DisagreementTable() => new(
        "Where standardized coefficients and structure coefficients disagree",
        ["Pair", "Symbol", "Indicator", "Standardized coefficient", "Structure coefficient", "Kind", "Explanation"],
        Disagreements.Select(d => (IReadOnlyList<object?>)new object?[]
            { d.Pair, d.Indicator.Symbol, d.Indicator.DisplayName, d.Indicator.StandardizedCoefficient, d.Indicator.StructureCoefficient, d.Kind.ToString(), d.Explanation }),
        columnFormats: [null, null, null, "F3", "F3", null, null],
        note: $"Rules: OppositeSigns when the signs differ and both |values| ≥ {Options.SignFloor.ToString(CultureInfo.InvariantCulture)}; LargeWeightSmallStructure when |weight| ≥ {Options.LargeWeight.ToString(CultureInfo.InvariantCulture)} and |r_s| < {Options.SmallCoefficient.ToString(CultureInfo.InvariantCulture)}; SmallWeightLargeStructure when |r_s| ≥ {Options.StructureThreshold.ToString(CultureInfo.InvariantCulture)} and |weight| < {Options.SmallCoefficient.ToString(CultureInfo.InvariantCulture)}; WeightAboveOne when |weight| > 1 and |weight| − |r_s| ≥ 0.1.");
}
