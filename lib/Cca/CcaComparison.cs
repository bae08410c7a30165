namespace RuralEcom.Cca;

/// <summary>
/// A side-by-side comparison of two canonical correlation analyses of the same variables, e.g. the stable and the
/// eigen route (<see cref="CcaMethod"/>), or an analysis and a reference: per pair, both correlations, their
/// absolute difference, and the largest absolute difference between the standardized coefficients.
/// </summary>
public sealed class CcaComparison
{
    private CcaComparison(CcaResult first, CcaResult second, string firstLabel, string secondLabel)
    {
        First = first;
        Second = second;
        FirstLabel = firstLabel;
        SecondLabel = secondLabel;
        int k = first.Count;
        CorrelationDifferences = ReadOnly.Copy(Enumerable.Range(0, k).Select(i => Math.Abs(first.Correlations[i] - second.Correlations[i])));
        static double MaxColumnDifference(LabeledMatrix a, LabeledMatrix b, int c) =>
            Enumerable.Range(0, a.RowCount).Max(j => Math.Abs(a[j, c] - b[j, c]));
        CoefficientDifferences = ReadOnly.Copy(Enumerable.Range(0, k).Select(c => Math.Max(
            MaxColumnDifference(first.StandardizedCoefficientsX, second.StandardizedCoefficientsX, c),
            MaxColumnDifference(first.StandardizedCoefficientsY, second.StandardizedCoefficientsY, c))));
    }

    /// <summary>The first analysis.</summary>
    public CcaResult First { get; }

    /// <summary>The second analysis.</summary>
    public CcaResult Second { get; }

    /// <summary>The label of the first analysis in tables.</summary>
    public string FirstLabel { get; }

    /// <summary>The label of the second analysis in tables.</summary>
    public string SecondLabel { get; }

    /// <summary>|r_k(first) − r_k(second)| for each pair k.</summary>
    public IReadOnlyList<double> CorrelationDifferences { get; }

    /// <summary>For each pair, the largest |difference| between the two analyses' standardized coefficients of X and Y.
    /// Both analyses orient pairs by the same rule, so no sign is flipped before comparing.</summary>
    public IReadOnlyList<double> CoefficientDifferences { get; }

    /// <summary>The largest difference between canonical correlations over all pairs.</summary>
    public double MaxCorrelationDifference => CorrelationDifferences.Max();

    /// <summary>The largest difference between standardized coefficients over all pairs.</summary>
    public double MaxCoefficientDifference => CoefficientDifferences.Max();

    /// <summary>Compares two analyses of the same variables and samples.</summary>
    /// <param name="first">The first analysis (e.g. <see cref="CcaMethod.Stable"/>).</param>
    /// <param name="second">The second analysis (e.g. <see cref="CcaMethod.Eigen"/>).</param>
    /// <param name="firstLabel">Its label in tables (default: its method).</param>
    /// <param name="secondLabel">Its label in tables (default: its method).</param>
    /// <exception cref="ArgumentException">The analyses differ in their variables or sample size.</exception>
    public static CcaComparison Compare(CcaResult first, CcaResult second, string? firstLabel = null, string? secondLabel = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!first.XNames.SequenceEqual(second.XNames) || !first.YNames.SequenceEqual(second.YNames) || first.N != second.N)
            throw new ArgumentException("Only analyses of the same X and Y variables (same names, same order) on the same number of samples can be compared.", nameof(second));
        return new CcaComparison(first, second, firstLabel ?? first.Method.ToString(), secondLabel ?? second.Method.ToString());
    }

    /// <summary>The comparison as a table: one row per pair.</summary>
    public Table ToTable() => new(
        $"Canonical correlations: {FirstLabel} vs {SecondLabel} (n = {First.N}, p = {First.P}, q = {First.Q})",
        ["Pair", $"r ({FirstLabel})", $"r ({SecondLabel})", "|Difference|", "Largest |difference| of standardized coefficients"],
        Enumerable.Range(0, First.Count).Select(k => (IReadOnlyList<object?>)new object?[]
            { k + 1, First.Correlations[k], Second.Correlations[k], CorrelationDifferences[k], CoefficientDifferences[k] }),
        columnFormats: [null, "F12", "F12", "E2", "E2"],
        note: Verdict());

    /// <summary>
    /// The table note, derived from the largest differences: below <see cref="RoundingLevel"/> in both r and the
    /// coefficients the two computations agree to rounding; above it they do not.
    /// </summary>
    public string Verdict()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string sizes = $"Largest differences: {MaxCorrelationDifference.ToString("0.0E+0", inv)} in a canonical correlation, {MaxCoefficientDifference.ToString("0.0E+0", inv)} in a standardized coefficient.";
        return MaxCorrelationDifference < RoundingLevel && MaxCoefficientDifference < RoundingLevel
            ? $"{sizes} Both are below {RoundingLevel.ToString("0E+0", inv)}, the size of accumulated rounding in double precision: the two computations agree."
            : $"{sizes} At least one is above {RoundingLevel.ToString("0E+0", inv)}, more than rounding explains: the two computations disagree (look at the condition numbers of the within-set correlation matrices).";
    }

    /// <summary>Differences below this (1e-10) are treated as accumulated double-precision rounding in <see cref="Verdict"/>.</summary>
    public const double RoundingLevel = 1e-10;
}
