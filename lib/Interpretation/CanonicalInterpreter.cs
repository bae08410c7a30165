using System.Globalization;
using System.Text;
using RuralEcom.Cca;
using RuralEcom.Significance;

namespace RuralEcom.Interpretation;

/// <summary>
/// Reads the significant canonical pairs of an analysis two ways — by structure coefficients (correlations of each
/// indicator with its variate; Sherry &amp; Henson 2005 recommend them as the primary reading) and by standardized
/// coefficients (the paper's "typical loads") — names the dominant indicators, flags where the two readings disagree,
/// and writes one sentence per pair from the numbers.
/// </summary>
public static class CanonicalInterpreter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Interprets every pair whose sequential Wilks test is significant at <see cref="InterpretationOptions.Alpha"/>
    /// (at most <see cref="InterpretationOptions.MaxPairs"/> of them).</summary>
    /// <param name="cca">The fitted analysis.</param>
    /// <param name="tests">Its tests (<see cref="SignificanceTests.Test(CcaResult, int?)"/>).</param>
    /// <param name="options">Thresholds and names; null uses the defaults.</param>
    /// <exception cref="ArgumentException">The tests belong to another analysis.</exception>
    public static InterpretationResult Interpret(CcaResult cca, SignificanceResult tests, InterpretationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cca);
        ArgumentNullException.ThrowIfNull(tests);
        options ??= new InterpretationOptions();
        options.Validate();
        if (tests.Wilks.Count != cca.Count || tests.N != cca.N || tests.P != cca.P || tests.Q != cca.Q)
            throw new ArgumentException($"The tests belong to another analysis (n = {tests.N}, p = {tests.P}, q = {tests.Q}; the analysis has n = {cca.N}, p = {cca.P}, q = {cca.Q}). Compute them with cca.Tests().", nameof(tests));
        int significant = Math.Min(tests.SignificantPairs(options.Alpha), options.MaxPairs ?? int.MaxValue);
        var pairs = Enumerable.Range(1, significant).Select(k => InterpretPair(cca, k, tests.Wilks[k - 1].PValue, options)).ToArray();
        return new InterpretationResult(cca, options, pairs);
    }

    private static PairInterpretation InterpretPair(CcaResult cca, int k, double p, InterpretationOptions o)
    {
        var x = Readings(cca.XNames, cca.Structure.X, cca.StandardizedCoefficientsX, k, "X", o);
        var y = Readings(cca.YNames, cca.Structure.Y, cca.StandardizedCoefficientsY, k, "Y", o);
        IReadOnlyList<IndicatorReading> Dominant(IReadOnlyList<IndicatorReading> r) =>
            r.Where(i => Math.Abs(i.StructureCoefficient) >= o.StructureThreshold).OrderByDescending(i => Math.Abs(i.StructureCoefficient)).ToArray();
        IReadOnlyList<IndicatorReading> Weighted(IReadOnlyList<IndicatorReading> r) =>
            r.Where(i => Math.Abs(i.StandardizedCoefficient) >= o.WeightThreshold).OrderByDescending(i => Math.Abs(i.StandardizedCoefficient)).ToArray();
        var flags = x.Concat(y).SelectMany(i => Disagreements(k, i, o)).ToArray();
        double r = cca.Correlations[k - 1];
        var dx = Dominant(x);
        var dy = Dominant(y);
        var wx = Weighted(x);
        var wy = Weighted(y);
        return new PairInterpretation(k, r, p, x, y, dx, dy, wx, wy, flags, Sentence(k, r, p, x, y, dx, dy, wx, wy, flags, o));
    }

    private static IndicatorReading[] Readings(IReadOnlyList<string> names, LabeledMatrix structure, LabeledMatrix weights, int k, string set, InterpretationOptions o) =>
        names.Select((s, j) => new IndicatorReading(s, o.Name(s), set, structure[j, k - 1], weights[j, k - 1])).ToArray();

    /// <summary>The flags of one indicator in one pair; the rules are those documented on <see cref="DisagreementKind"/>.</summary>
    internal static IEnumerable<CoefficientDisagreement> Disagreements(int pair, IndicatorReading i, InterpretationOptions o)
    {
        double w = i.StandardizedCoefficient, s = i.StructureCoefficient, aw = Math.Abs(w), a = Math.Abs(s);
        string nums = $"weight {F(w)}, structure coefficient {F(s)}";
        if (Math.Sign(w) != Math.Sign(s) && aw >= o.SignFloor && a >= o.SignFloor)
            yield return new(pair, i, DisagreementKind.OppositeSigns,
                $"{i.DisplayName}: {nums}. Opposite signs: it enters the variate against its own correlation with it (suppression or collinearity); read its direction from the structure coefficient.");
        if (aw >= o.LargeWeight && a < o.SmallCoefficient)
            yield return new(pair, i, DisagreementKind.LargeWeightSmallStructure,
                $"{i.DisplayName}: {nums}. Large weight, little correlation: a suppressor that cleans other indicators rather than carrying the relationship.");
        if (a >= o.StructureThreshold && aw < o.SmallCoefficient)
            yield return new(pair, i, DisagreementKind.SmallWeightLargeStructure,
                $"{i.DisplayName}: {nums}. Strongly tied to the variate but collinear indicators took its weight; reading weights alone misses it.");
        if (aw > 1 && aw - a >= 0.1)
            yield return new(pair, i, DisagreementKind.WeightAboveOne,
                $"{i.DisplayName}: {nums}. A weight beyond ±1 is not a correlation; it signals collinearity within the set, so the weight is unstable.");
    }

    private static string Sentence(int k, double r, double p, IReadOnlyList<IndicatorReading> x, IReadOnlyList<IndicatorReading> y,
        IReadOnlyList<IndicatorReading> dx, IReadOnlyList<IndicatorReading> dy, IReadOnlyList<IndicatorReading> wx, IReadOnlyList<IndicatorReading> wy,
        IReadOnlyList<CoefficientDisagreement> flags, InterpretationOptions o)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Pair {k} (r = {r.ToString("0.000", Inv)}, shared variance {(r * r).ToString("P1", Inv)}, {PText(p)}): ");
        sb.Append(CultureInfo.InvariantCulture, $"V{k} ({o.XSetName}) {Defined(dx, x, o)}; W{k} ({o.YSetName}) {Defined(dy, y, o)}. ");
        sb.Append(Association(dx.Count > 0 ? dx : [Strongest(x)], dy.Count > 0 ? dy : [Strongest(y)])).Append(' ');
        var missed = dx.Concat(dy).Where(d => !wx.Concat(wy).Contains(d)).Select(d => d.Symbol).ToArray();
        var extra = wx.Concat(wy).Where(d => !dx.Concat(dy).Contains(d)).Select(d => d.Symbol).ToArray();
        if (missed.Length == 0 && extra.Length == 0)
            sb.Append("Reading the standardized coefficients instead names the same indicators.");
        else
        {
            sb.Append("Reading the standardized coefficients instead");
            if (extra.Length > 0) sb.Append(" would add ").Append(List(extra));
            if (extra.Length > 0 && missed.Length > 0) sb.Append(" and");
            if (missed.Length > 0) sb.Append(" would miss ").Append(List(missed));
            sb.Append('.');
        }
        int flagged = flags.Select(f => f.Indicator).Distinct().Count();
        if (flagged > 0)
            sb.Append(CultureInfo.InvariantCulture, $" Weights and structure coefficients disagree for {flagged} indicator{(flagged == 1 ? "" : "s")} ({List(flags.Select(f => f.Indicator.Symbol).Distinct().ToArray())}).");
        return sb.ToString();
    }

    private static string Defined(IReadOnlyList<IndicatorReading> dominant, IReadOnlyList<IndicatorReading> all, InterpretationOptions o)
    {
        if (dominant.Count > 0)
            return "is defined mainly by " + List(dominant.Select(d => $"{d.DisplayName} ({F(d.StructureCoefficient)})").ToArray());
        var s = Strongest(all);
        return $"has no indicator with |r_s| ≥ {o.StructureThreshold.ToString(Inv)}; the strongest is {s.DisplayName} ({F(s.StructureCoefficient)})";
    }

    private static IndicatorReading Strongest(IReadOnlyList<IndicatorReading> all) => all.MaxBy(i => Math.Abs(i.StructureCoefficient))!;

    /// <summary>"Samples with high A and low B tend to have high C." from the leading indicators of each side.</summary>
    /// <remarks>V_k and W_k may be reversed together without changing r_k, so when every leading X indicator is
    /// negative the sentence reverses both sides ("high A … low C" rather than "low A … high C").</remarks>
    internal static string Association(IReadOnlyList<IndicatorReading> leadX, IReadOnlyList<IndicatorReading> leadY)
    {
        double flip = leadX.All(i => i.StructureCoefficient < 0) ? -1 : 1;
        return $"Samples with {Profile(leadX, flip)} tend to have {Profile(leadY, flip)}.";
    }

    private static string Profile(IReadOnlyList<IndicatorReading> dominant, double flip)
    {
        var high = dominant.Where(d => flip * d.StructureCoefficient > 0).Select(d => d.DisplayName).ToArray();
        var low = dominant.Where(d => flip * d.StructureCoefficient < 0).Select(d => d.DisplayName).ToArray();
        var parts = new List<string>();
        if (high.Length > 0) parts.Add("high " + List(high));
        if (low.Length > 0) parts.Add("low " + List(low));
        return string.Join(" and ", parts);
    }

    internal static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    internal static string F(double v) => v.ToString("0.00", Inv).Replace("-", "−", StringComparison.Ordinal);

    /// <summary>A p-value printed compactly: "p &lt; 0.0001" below that bound, otherwise three or four decimals.</summary>
    internal static string PText(double p) => p < 1e-4 ? "p < 0.0001" : "p = " + p.ToString(p < 0.001 ? "0.0000" : "0.000", Inv);
}
