using RuralEcom.Data;

namespace RuralEcom.Indices;

/// <summary>Options of the entropy weight method.</summary>
/// <param name="Shift">Added after min-max normalisation (default 0.0001) so that ln p stays finite; see <see cref="Standardization.MinMax"/>.</param>
/// <param name="IndicatorNames">Optional names, one per column (default "X1", "X2", ...).</param>
/// <param name="Groups">Optional level-2 group (criterion layer) of each column, e.g. "Logistics foundation";
/// when given, the result also reports group weights and group sub-indices (<see cref="EntropyGroup"/>).</param>
public sealed record EntropyWeightOptions(
    double Shift = Standardization.DefaultShift,
    IReadOnlyList<string>? IndicatorNames = null,
    IReadOnlyList<string>? Groups = null);

/// <summary>How a region x year panel is normalised and weighted by the entropy weight method.</summary>
public enum PanelScheme
{
    /// <summary>
    /// Pooled, time-aware: all region-years form one sample. Min and max come from the whole panel, the shares
    /// p are taken over all r x n rows, k = 1 / ln(r n), and one weight vector serves every year, so levels are
    /// comparable across years and regions. This is the "entropy method with a time variable" of
    /// Yang Li &amp; Sun Zhichun (2015), "Evaluation of the development level of new urbanization in western China
    /// based on the entropy method" (in Chinese), Economic Problems 2015(3): 115-119.
    /// </summary>
    Pooled,

    /// <summary>
    /// Year by year (cross-sectional): each year's rows are normalised and weighted on their own, as in the
    /// classical single-period entropy weight method (Zou, Yun &amp; Sun 2006, Journal of Environmental Sciences
    /// 18(5): 1020-1023). Weights change from year to year and a level compares a region only with the other
    /// regions of the same year: levels of different years are not on one scale.
    /// </summary>
    ByYear,
}

/// <summary>
/// The entropy weight method: objective indicator weights from the dispersion of each indicator, and the
/// composite development level of every row.
/// </summary>
/// <remarks>
/// With x'_ij &gt;= 0 the normalised data (n rows, p indicators): shares p_ij = x'_ij / sum_i x'_ij,
/// entropy e_j = -(1 / ln n) sum_i p_ij ln p_ij (with 0 ln 0 = 0), divergence d_j = 1 - e_j,
/// weight w_j = d_j / sum_k d_k, and level U_i = sum_j w_j x'_ij.
/// Source: Zou Zhihong, Yi Yun &amp; Sun Jingnan (2006), "Entropy method for determination of weight of evaluating
/// indicators in fuzzy synthetic evaluation for water quality assessment", Journal of Environmental Sciences
/// 18(5): 1020-1023.
/// </remarks>
public static class EntropyWeightMethod
{
    /// <summary>
    /// Normalises <paramref name="x"/> with <see cref="Standardization.MinMax"/> (directions and shift) and applies
    /// the entropy weight method to the result.
    /// </summary>
    /// <param name="x">n x p raw indicator data (n &gt;= 2 rows, finite values).</param>
    /// <param name="directions">One direction per column.</param>
    /// <param name="options">Shift, names and optional level-2 groups; null for the defaults.</param>
    /// <exception cref="ArgumentException">See <see cref="Standardization.MinMax"/>; also bad names or groups.</exception>
    public static EntropyWeightResult Compute(double[,] x, IReadOnlyList<IndicatorDirection> directions, EntropyWeightOptions? options = null)
    {
        options ??= new EntropyWeightOptions();
        var normalized = Standardization.MinMax(x, directions, options.Shift, options.IndicatorNames);
        return Weigh(normalized, directions, options, nameof(x));
    }

    /// <summary>
    /// Applies the entropy weight method to data the caller has already normalised so that larger is better and
    /// every value is &gt;= 0 (for instance with another normalisation than min-max).
    /// </summary>
    /// <param name="normalized">n x p non-negative data (n &gt;= 2); no column may be all zero.</param>
    /// <param name="options">Names and optional groups (the shift is not used here).</param>
    /// <exception cref="ArgumentException">A negative value (the log of a share is taken), an all-zero column
    /// (its shares are undefined), a non-finite value, or data in which every indicator is uniform.</exception>
    public static EntropyWeightResult FromNormalized(double[,] normalized, EntropyWeightOptions? options = null)
    {
        options ??= new EntropyWeightOptions(Shift: 0);
        InputChecks.Matrix(normalized, nameof(normalized), 2, options.IndicatorNames);
        var directions = Enumerable.Repeat(IndicatorDirection.Positive, normalized.GetLength(1)).ToArray();
        return Weigh((double[,])normalized.Clone(), directions, options, nameof(normalized));
    }

    /// <summary>
    /// The entropy weight method on a region x year panel, pooled (time-aware) or year by year; see <see cref="PanelScheme"/>.
    /// </summary>
    /// <param name="x">Raw indicator data, one row per region-year.</param>
    /// <param name="years">The year of each row.</param>
    /// <param name="directions">One direction per column.</param>
    /// <param name="scheme">Pooled (one normalisation and weight vector for the panel) or ByYear (each year on its own).</param>
    /// <param name="options">Shift, names and optional level-2 groups; null for the defaults.</param>
    /// <exception cref="ArgumentException">Years do not match the rows, a year has fewer than 2 rows, or any error of <see cref="Compute"/>
    /// (named with the year for <see cref="PanelScheme.ByYear"/>).</exception>
    public static PanelEntropyResult ComputePanel(double[,] x, IReadOnlyList<int> years, IReadOnlyList<IndicatorDirection> directions,
        PanelScheme scheme = PanelScheme.Pooled, EntropyWeightOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(years);
        int n = x.GetLength(0), p = x.GetLength(1);
        if (years.Count != n)
            throw new ArgumentException($"{years.Count} years were given for {n} rows; give the year of every row.", nameof(years));
        if (!Enum.IsDefined(scheme)) throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Use PanelScheme.Pooled or PanelScheme.ByYear.");
        var parts = new List<EntropyPanelPart>();
        if (scheme == PanelScheme.Pooled)
        {
            parts.Add(new EntropyPanelPart(null, Enumerable.Range(0, n).ToArray(), Compute(x, directions, options)));
        }
        else
        {
            foreach (var year in years.Distinct().Order())
            {
                var rows = Enumerable.Range(0, n).Where(i => years[i] == year).ToArray();
                if (rows.Length < 2)
                    throw new ArgumentException($"Year {year} has {rows.Length} row; year-by-year weighting needs at least 2 regions per year. Use PanelScheme.Pooled.", nameof(years));
                var sub = new double[rows.Length, p];
                for (int r = 0; r < rows.Length; r++)
                    for (int j = 0; j < p; j++) sub[r, j] = x[rows[r], j];
                try
                {
                    parts.Add(new EntropyPanelPart(year, rows, Compute(sub, directions, options)));
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentException($"Year {year}: {e.Message}", nameof(x), e);
                }
            }
        }
        return new PanelEntropyResult(scheme, years.ToArray(), parts);
    }

    private static EntropyWeightResult Weigh(double[,] xn, IReadOnlyList<IndicatorDirection> directions, EntropyWeightOptions options, string paramName)
    {
        int n = xn.GetLength(0), p = xn.GetLength(1);
        var names = options.IndicatorNames?.ToArray() ?? Enumerable.Range(1, p).Select(j => $"X{j}").ToArray();
        if (names.Length != p) throw new ArgumentException($"{names.Length} indicator names were given for {p} columns.", nameof(options));
        double k = 1 / Math.Log(n);
        var entropies = new double[p];
        var divergences = new double[p];
        for (int j = 0; j < p; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                if (xn[i, j] < 0)
                    throw new ArgumentException(
                        $"Row {i + 1}, {InputChecks.ColumnName(names, j)} is negative ({xn[i, j]}); entropy shares need values >= 0. Normalise with Standardization.MinMax first.",
                        paramName);
                sum += xn[i, j];
            }
            if (!(sum > 0))
                throw new ArgumentException($"{InputChecks.ColumnName(names, j)} is zero in every row; its shares p_ij are undefined. Drop the indicator.", paramName);
            double h = 0;
            for (int i = 0; i < n; i++)
            {
                double share = xn[i, j] / sum;
                if (share > 0) h -= share * Math.Log(share);
            }
            entropies[j] = k * h;
            divergences[j] = 1 - entropies[j];
        }
        double total = divergences.Sum();
        if (!(total > 0))
            throw new ArgumentException("Every indicator is spread evenly over the rows (all entropies are 1), so the entropy weights are undefined.", paramName);
        var weights = divergences.Select(d => d / total).ToArray();
        var levels = CompositeIndex.WeightedSum(xn, weights);
        var groups = options.Groups is null ? [] : BuildGroups(options.Groups, names, xn, divergences, total);
        return new EntropyWeightResult(names, directions.ToArray(), xn, entropies, divergences, weights, levels, groups, options.Shift);
    }

    private static EntropyGroup[] BuildGroups(IReadOnlyList<string> groupOf, string[] names, double[,] xn, double[] d, double total)
    {
        int p = names.Length;
        if (groupOf.Count != p)
            throw new ArgumentException($"{groupOf.Count} group labels were given for {p} columns; give the level-2 group of every column.", nameof(EntropyWeightOptions.Groups));
        var result = new List<EntropyGroup>();
        foreach (var name in groupOf.Distinct())
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A group label is empty; name the level-2 group of every column.", nameof(EntropyWeightOptions.Groups));
            var members = Enumerable.Range(0, p).Where(j => groupOf[j] == name).ToArray();
            double dg = members.Sum(j => d[j]);
            if (!(dg > 0))
                throw new ArgumentException($"Every indicator of group '{name}' is uniform (divergence 0), so its within-group weights are undefined.", nameof(EntropyWeightOptions.Groups));
            var within = members.Select(j => d[j] / dg).ToArray();
            var sub = new double[xn.GetLength(0), members.Length];
            for (int i = 0; i < sub.GetLength(0); i++)
                for (int m = 0; m < members.Length; m++) sub[i, m] = xn[i, members[m]];
            result.Add(new EntropyGroup(name, members, dg / total, within, CompositeIndex.WeightedSum(sub, within)));
        }
        return result.ToArray();
    }
}
