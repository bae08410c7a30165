using RuralEcom.Data;

namespace RuralEcom.Indices;

/// <summary>
/// A level-2 group (criterion layer) of indicators in an entropy-weight result.
/// </summary>
/// <remarks>
/// Variant used here (additive, one-stage): the group weight is the group's share of the total divergence,
/// W_g = sum_{j in g} d_j / sum_k d_k (= the sum of its indicators' weights); the within-group weights are
/// w_{j|g} = d_j / sum_{k in g} d_k, and the group sub-index is S_ig = sum_{j in g} w_{j|g} x'_ij. Combining them
/// gives back the one-stage weights (W_g w_{j|g} = w_j) and levels (sum_g W_g S_ig = U_i): grouping adds a breakdown
/// by criterion layer without changing the development level. (A two-stage variant that re-runs the entropy method on
/// the sub-indices S_ig gives different weights; it is not offered because its result depends on how the
/// sub-indices are re-normalised.)
/// </remarks>
/// <param name="Name">The group label.</param>
/// <param name="Indicators">Zero-based columns of the group's indicators.</param>
/// <param name="Weight">W_g, the group's weight within the level-1 system.</param>
/// <param name="WithinWeights">w_{j|g}, the weights of the group's indicators within the group (sum 1).</param>
/// <param name="Scores">S_ig, the group sub-index of every row.</param>
public sealed record EntropyGroup(string Name, IReadOnlyList<int> Indicators, double Weight,
    IReadOnlyList<double> WithinWeights, IReadOnlyList<double> Scores);

/// <summary>
/// The entropy weight method's result for one level-1 system: entropies e_j, divergences d_j = 1 - e_j,
/// weights w_j = d_j / sum d, and the development level U_i = sum_j w_j x'_ij of every row.
/// </summary>
public sealed class EntropyWeightResult
{
    private readonly double[,] _normalized;

    internal EntropyWeightResult(string[] names, IndicatorDirection[] directions, double[,] normalized, double[] entropies,
        double[] divergences, double[] weights, double[] levels, EntropyGroup[] groups, double shift)
    {
        IndicatorNames = names;
        Directions = directions;
        _normalized = normalized;
        Entropies = entropies;
        Divergences = divergences;
        Weights = weights;
        Levels = levels;
        Groups = groups;
        Shift = shift;
    }

    /// <summary>The indicator names, one per column.</summary>
    public IReadOnlyList<string> IndicatorNames { get; }

    /// <summary>The direction of each indicator (all Positive after <see cref="EntropyWeightMethod.FromNormalized"/>).</summary>
    public IReadOnlyList<IndicatorDirection> Directions { get; }

    /// <summary>The number of rows n.</summary>
    public int RowCount => _normalized.GetLength(0);

    /// <summary>The normalised data x'_ij the weights were computed from (a copy).</summary>
    public double[,] Normalized => (double[,])_normalized.Clone();

    /// <summary>Entropy e_j = -(1 / ln n) sum_i p_ij ln p_ij of each indicator, in [0, 1].</summary>
    public IReadOnlyList<double> Entropies { get; }

    /// <summary>Divergence (degree of diversification) d_j = 1 - e_j of each indicator.</summary>
    public IReadOnlyList<double> Divergences { get; }

    /// <summary>Entropy weight w_j = d_j / sum_k d_k of each indicator; they sum to 1.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Development level U_i = sum_j w_j x'_ij of each row, in [shift, 1 + shift].</summary>
    public IReadOnlyList<double> Levels { get; }

    /// <summary>
    /// The levels without the normalisation shift, U_i - shift = sum_j w_j (x'_ij - shift), in [0, 1] (weights sum to 1,
    /// so the shift moves every level by exactly the shift). Use these where a model needs levels in [0, 1], such as
    /// <see cref="CouplingCoordination"/>: a row that is best on every indicator has <see cref="Levels"/> = 1 + shift.
    /// </summary>
    /// <remarks>Differences of rounding size (below 1e-12) outside [0, 1] are snapped to the bound; nothing else is changed.</remarks>
    public IReadOnlyList<double> UnshiftedLevels => Levels.Select(u => SnapRounding(u - Shift)).ToArray();

    private static double SnapRounding(double u) => u is < 0 and > -1e-12 ? 0 : u is > 1 and < 1 + 1e-12 ? 1 : u;

    /// <summary>The level-2 groups with their weights and sub-indices (empty when no groups were given).</summary>
    public IReadOnlyList<EntropyGroup> Groups { get; }

    /// <summary>The shift added after min-max normalisation (0 after <see cref="EntropyWeightMethod.FromNormalized"/>).</summary>
    public double Shift { get; }

    /// <summary>One row per indicator: direction, group, entropy, divergence, weight (and within-group weight).</summary>
    /// <param name="title">The table title.</param>
    public Table ToTable(string title = "Entropy weights")
    {
        bool grouped = Groups.Count > 0;
        var groupOf = new string[IndicatorNames.Count];
        var within = new double[IndicatorNames.Count];
        foreach (var g in Groups)
            for (int m = 0; m < g.Indicators.Count; m++) { groupOf[g.Indicators[m]] = g.Name; within[g.Indicators[m]] = g.WithinWeights[m]; }
        var columns = new List<string> { "Indicator", "Direction" };
        if (grouped) columns.Add("Group");
        columns.AddRange(["Entropy e", "Divergence d", "Weight w"]);
        if (grouped) columns.Add("Weight within group");
        var rows = Enumerable.Range(0, IndicatorNames.Count).Select(j =>
        {
            var row = new List<object?> { IndicatorNames[j], Directions[j].ToString() };
            if (grouped) row.Add(groupOf[j]);
            row.AddRange([Entropies[j], Divergences[j], Weights[j]]);
            if (grouped) row.Add(within[j]);
            return (IReadOnlyList<object?>)row;
        });
        return new Table(title, columns, rows, note:
            $"Entropy weight method on n = {RowCount} rows: min-max normalisation by direction plus shift {Shift:G4}; " +
            "p = x'/sum x', e = -(1/ln n) sum p ln p, d = 1 - e, w = d / sum d (Zou, Yi & Sun 2006).");
    }

    /// <summary>One row per level-2 group: its weight W_g and number of indicators.</summary>
    /// <param name="title">The table title.</param>
    /// <exception cref="InvalidOperationException">No groups were given.</exception>
    public Table ToGroupTable(string title = "Group (level-2) weights")
    {
        if (Groups.Count == 0) throw new InvalidOperationException("This result has no groups; pass EntropyWeightOptions.Groups to get group weights.");
        return new Table(title, ["Group", "Indicators", "Weight W_g"],
            Groups.Select(g => (IReadOnlyList<object?>)[g.Name, string.Join(", ", g.Indicators.Select(j => IndicatorNames[j])), g.Weight]),
            note: "W_g = sum of the group's divergences / total divergence (= sum of its indicators' entropy weights).");
    }

    /// <summary>One row per sample: its label and development level U_i.</summary>
    /// <param name="rowLabels">One label per row (e.g. "Anhui 2014").</param>
    /// <param name="title">The table title.</param>
    public Table ToLevelsTable(IReadOnlyList<string> rowLabels, string title = "Development levels")
    {
        ArgumentNullException.ThrowIfNull(rowLabels);
        if (rowLabels.Count != RowCount)
            throw new ArgumentException($"{rowLabels.Count} labels were given for {RowCount} rows.", nameof(rowLabels));
        return new Table(title, ["Row", "Level U"], Enumerable.Range(0, RowCount).Select(i => (IReadOnlyList<object?>)[rowLabels[i], Levels[i]]));
    }
}

/// <summary>One part of a panel entropy computation: the whole panel (Pooled) or one year (ByYear).</summary>
/// <param name="Year">The year, or null for the pooled panel.</param>
/// <param name="Rows">The zero-based panel rows this part covers.</param>
/// <param name="Result">The entropy-weight result on those rows.</param>
public sealed record EntropyPanelPart(int? Year, IReadOnlyList<int> Rows, EntropyWeightResult Result);

/// <summary>The entropy weight method on a region x year panel (see <see cref="PanelScheme"/>).</summary>
public sealed class PanelEntropyResult
{
    internal PanelEntropyResult(PanelScheme scheme, int[] years, IReadOnlyList<EntropyPanelPart> parts)
    {
        Scheme = scheme;
        Years = years;
        Parts = parts;
        var levels = new double[years.Length];
        foreach (var part in parts)
            for (int r = 0; r < part.Rows.Count; r++) levels[part.Rows[r]] = part.Result.Levels[r];
        Levels = levels;
    }

    /// <summary>Pooled or year by year.</summary>
    public PanelScheme Scheme { get; }

    /// <summary>The year of each panel row.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>One part (Pooled) or one per year in ascending order (ByYear).</summary>
    public IReadOnlyList<EntropyPanelPart> Parts { get; }

    /// <summary>The development level of each panel row, in the panel's row order.</summary>
    public IReadOnlyList<double> Levels { get; }

    /// <summary>The indicator names.</summary>
    public IReadOnlyList<string> IndicatorNames => Parts[0].Result.IndicatorNames;

    /// <summary>The weights as a table: one row per indicator, one column for the pooled panel or per year.</summary>
    /// <param name="title">The table title.</param>
    public Table ToWeightsTable(string title = "Entropy weights")
    {
        var columns = new List<string> { "Indicator" };
        columns.AddRange(Parts.Select(pt => pt.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Pooled"));
        var rows = Enumerable.Range(0, IndicatorNames.Count).Select(j =>
        {
            var row = new List<object?> { IndicatorNames[j] };
            row.AddRange(Parts.Select(pt => (object?)pt.Result.Weights[j]));
            return (IReadOnlyList<object?>)row;
        });
        return new Table(title, columns, rows, note: Scheme == PanelScheme.Pooled
            ? "Pooled (time-aware) scheme: one normalisation and one weight vector for all region-years (Yang & Sun 2015)."
            : "Year-by-year scheme: each year normalised and weighted on its own; levels compare regions within a year only.");
    }
}
