using MathNet.Numerics.Statistics;
using MathNet.Numerics.Distributions;
using RuralEcom.Cca;

namespace RuralEcom.Resampling;

/// <summary>
/// Nonparametric bootstrap confidence intervals for the canonical correlations and the structure coefficients:
/// samples (rows of X and Y together) are drawn with replacement and the analysis is refitted. r_k of a draw is its
/// k-th largest canonical correlation; for the structure coefficients each refitted pair is matched in order and sign
/// to the full-sample pair it resembles most (<see cref="PairAlignment"/>).
/// </summary>
/// <remarks>
/// Intervals: percentile (Efron &amp; Tibshirani 1993, An Introduction to the Bootstrap, ch. 13) and, optionally, BCa
/// (bias-corrected and accelerated, ch. 14: bias correction z0 = Φ⁻¹(share of draws below the estimate), acceleration
/// from the leave-one-out jackknife, whose refits are aligned the same way). A draw in which a variable is constant
/// or a set collinear (possible when few distinct rows are drawn) cannot be analysed; it is replaced by a new
/// draw from the same random stream, and the number of such redraws is reported.
/// </remarks>
public static class CcaBootstrap
{
    /// <summary>Resamples the rows with replacement <paramref name="draws"/> times, refits and aligns each draw, and returns the intervals.</summary>
    /// <param name="x">The X set, n × p.</param>
    /// <param name="y">The Y set, n × q.</param>
    /// <param name="draws">The number B of bootstrap draws (1,000–2,000 is usual for intervals).</param>
    /// <param name="seed">The random seed; the result does not depend on the number of cores.</param>
    /// <param name="level">The confidence level, e.g. 0.95.</param>
    /// <param name="bca">Also compute BCa intervals (costs n extra fits for the jackknife).</param>
    /// <param name="options">Progress reports, cancellation and the thread limit (null: all cores, no reports); the result does not depend on them.</param>
    /// <param name="xNames">Names of the X variables for the tables (default X1..Xp).</param>
    /// <param name="yNames">Names of the Y variables for the tables (default Y1..Yq).</param>
    /// <exception cref="CcaDataException">The full data cannot be analysed, or 100 draws in a row could not.</exception>
    public static BootstrapResult Resample(double[,] x, double[,] y, int draws, int seed, double level = 0.95, bool bca = true,
        ResamplingOptions? options = null, IReadOnlyList<string>? xNames = null, IReadOnlyList<string>? yNames = null)
    {
        if (draws < 2)
            throw new ArgumentOutOfRangeException(nameof(draws), draws, "Ask for at least 2 bootstrap draws (1,000 or more for an interval).");
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must lie strictly between 0 and 1, e.g. 0.95.");
        var full = CanonicalCorrelationAnalysis.Fit(x, y, xNames, yNames);
        int n = full.N, p = full.P, q = full.Q, k = full.Count;
        int width = k + (p + q) * k; // correlations, then X structure (p × k), then Y structure (q × k), column by column
        var reference = PairAlignment.StructureVectors(full);
        var values = new double[draws * width];
        var redraws = new int[draws];
        ReplicateRunner.Run(draws, seed, "bootstrap draws", options,
            () => (Index: new int[n], X: new double[n, p], Y: new double[n, q]),
            (b, rng, w) =>
            {
                for (int attempt = 0; ; attempt++)
                {
                    ReplicateRunner.Resample(w.Index, rng);
                    Rows(x, w.Index, w.X);
                    Rows(y, w.Index, w.Y);
                    CcaResult fit;
                    try { fit = CanonicalCorrelationAnalysis.Fit(w.X, w.Y); }
                    catch (CcaDataException) when (attempt < 100) { redraws[b]++; continue; }
                    Aligned(fit, reference, values.AsSpan(b * width, width));
                    break;
                }
            });

        double[]? jack = null;
        string? bcaUnavailable = null;
        if (bca)
        {
            jack = new double[n * width];
            var keep = new int[n - 1];
            var xj = new double[n - 1, p];
            var yj = new double[n - 1, q];
            for (int i = 0; i < n; i++)
            {
                options?.CancellationToken.ThrowIfCancellationRequested();
                for (int r = 0, m = 0; r < n; r++) if (r != i) keep[m++] = r;
                Rows(x, keep, xj);
                Rows(y, keep, yj);
                CcaResult fit;
                try { fit = CanonicalCorrelationAnalysis.Fit(xj, yj, full.XNames, full.YNames); }
                catch (CcaDataException e)
                {
                    // The point fit was accepted; only the jackknife needed for BCa's acceleration fails. Degrade to percentile.
                    bcaUnavailable = $"BCa intervals are not given, only percentile ones: BCa's acceleration refits the analysis without each of the n = {n} rows in turn, " +
                        $"and without row {i + 1} (leaving {n - 1} rows) it cannot be fitted: " +
                        (e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
                    jack = null;
                    break;
                }
                Aligned(fit, reference, jack.AsSpan(i * width, width));
            }
        }

        var estimate = new double[width];
        Aligned(full, reference, estimate);
        var names = new string[width];
        for (int c = 0; c < k; c++)
        {
            names[c] = $"r{c + 1}";
            for (int i = 0; i < p; i++) names[k + c * p + i] = $"{full.XNames[i]} with {full.VNames[c]}";
            for (int i = 0; i < q; i++) names[k + k * p + c * q + i] = $"{full.YNames[i]} with {full.WNames[c]}";
        }
        var intervals = new BootstrapInterval[width];
        var column = new double[draws];
        var jackColumn = new double[n];
        for (int j = 0; j < width; j++)
        {
            for (int b = 0; b < draws; b++) column[b] = values[b * width + j];
            if (jack is not null) for (int i = 0; i < n; i++) jackColumn[i] = jack[i * width + j];
            intervals[j] = Interval(names[j], estimate[j], column, jack is null ? null : jackColumn, level);
        }
        return new BootstrapResult(full, draws, seed, level, redraws.Sum(), intervals, values, width, bcaUnavailable);
    }

    /// <summary>Writes the correlations and structure coefficients of <paramref name="fit"/>, matched to the reference pairs.</summary>
    private static void Aligned(CcaResult fit, double[,] reference, Span<double> output)
    {
        int p = fit.P, q = fit.Q, k = fit.Count;
        var (match, sign) = PairAlignment.Align(reference, PairAlignment.StructureVectors(fit));
        for (int c = 0; c < k; c++)
        {
            int m = match[c];
            // r_c is the c-th largest correlation of the refit (an order statistic), not the correlation of the pair
            // matched to pair c: when pairs swap, the matched pair's correlation is a smaller one, which put a lower
            // cluster near 0 in the draws of r_1 (see the coverage evidence in BootstrapTests).
            output[c] = fit.Correlations[c];
            for (int i = 0; i < p; i++) output[k + c * p + i] = sign[c] * fit.Structure.X[i, m];
            for (int i = 0; i < q; i++) output[k + k * p + c * q + i] = sign[c] * fit.Structure.Y[i, m];
        }
    }

    /// <summary>Copies the rows <paramref name="index"/> of <paramref name="data"/> into <paramref name="target"/>.</summary>
    internal static void Rows(double[,] data, int[] index, double[,] target)
    {
        int cols = data.GetLength(1);
        for (int i = 0; i < index.Length; i++)
            for (int j = 0; j < cols; j++) target[i, j] = data[index[i], j];
    }

    /// <summary>
    /// The percentile interval of one statistic from its bootstrap draws and, when leave-one-out jackknife values are
    /// given, its BCa interval (Efron &amp; Tibshirani 1993, §14.3: z0 = Φ⁻¹(share of draws below the estimate, ties
    /// counted half), a = Σ d_i³ / (6 (Σ d_i²)^{3/2}) with d_i = mean of the jackknife values − value i, and limits at
    /// the Φ(z0 + (z0 + z_α)/(1 − a (z0 + z_α))) quantiles of the draws). <see cref="BootstrapInterval.BcaNote"/> says why
    /// when the BCa limits are left out (a jackknife value is not finite) or unreliable (an adjusted level outside
    /// [1/(B + 1), B/(B + 1)], where a limit is the most extreme draw and moves from seed to seed).
    /// </summary>
    /// <param name="name">What is estimated.</param>
    /// <param name="estimate">The full-sample value.</param>
    /// <param name="draws">The bootstrap values (at least 2).</param>
    /// <param name="jackknife">Leave-one-out values, or null for the percentile interval only.</param>
    /// <param name="level">The confidence level, e.g. 0.95.</param>
    public static BootstrapInterval Interval(string name, double estimate, double[] draws, double[]? jackknife, double level)
    {
        ArgumentNullException.ThrowIfNull(draws);
        if (draws.Length < 2) throw new ArgumentException("At least two bootstrap values are needed.", nameof(draws));
        var sorted = (double[])draws.Clone();
        Array.Sort(sorted);
        double alpha = (1 - level) / 2;
        double mean = sorted.Average();
        double sd = Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1));
        double? bcaLo = null, bcaHi = null;
        string? note = null;
        if (jackknife is not null)
        {
            int below = sorted.Count(v => v < estimate);
            double share = Math.Clamp((below + 0.5 * sorted.Count(v => v == estimate)) / sorted.Length, 0.5 / sorted.Length, 1 - 0.5 / sorted.Length);
            double z0 = Normal.InvCDF(0, 1, share);
            double jm = jackknife.Average(), num = 0, den = 0;
            foreach (var t in jackknife)
            {
                double d = jm - t;
                num += d * d * d;
                den += d * d;
            }
            double a = den > 0 ? num / (6 * Math.Pow(den, 1.5)) : 0;
            double Adjusted(double z) => Normal.CDF(0, 1, z0 + (z0 + z) / (1 - a * (z0 + z)));
            double lo = Adjusted(Normal.InvCDF(0, 1, alpha)), hi = Adjusted(Normal.InvCDF(0, 1, 1 - alpha));
            double resolution = 1.0 / (sorted.Length + 1);
            if (!jackknife.All(double.IsFinite) || !double.IsFinite(a))
                note = "BCa not given: a leave-one-out value is not finite.";
            else
            {
                bcaLo = Quantile(sorted, lo);
                bcaHi = Quantile(sorted, hi);
                if (!(lo >= resolution && hi <= 1 - resolution))
                    note = FormattableString.Invariant(
                        $"unreliable BCa: its limits are the {100 * lo:G2} % and {100 * hi:G2} % quantiles of the draws (bias correction z0 = {z0:F2}, acceleration a = {a:F3}), beyond what B = {sorted.Length} draws resolve ({100 * resolution:G2} %), so a limit is the most extreme draw and moves with the seed.");
            }
        }
        return new BootstrapInterval(name, estimate, mean - estimate, sd, Quantile(sorted, alpha), Quantile(sorted, 1 - alpha), bcaLo, bcaHi, note);
    }

    /// <summary>Type-7 quantile (R's default) of sorted values, by MathNet; probabilities outside [0, 1] are clamped.</summary>
    internal static double Quantile(double[] sorted, double probability) =>
        SortedArrayStatistics.QuantileCustom(sorted, Math.Clamp(probability, 0, 1), QuantileDefinition.R7);
}

/// <summary>A bootstrap confidence interval for one statistic.</summary>
/// <param name="Name">What is estimated, e.g. "r1" or "X3 with V1".</param>
/// <param name="Estimate">The full-sample value.</param>
/// <param name="Bias">Mean of the draws minus the estimate (the bootstrap estimate of bias).</param>
/// <param name="StandardError">Standard deviation of the draws.</param>
/// <param name="PercentileLower">Lower percentile limit: the (1 − level)/2 quantile of the draws.</param>
/// <param name="PercentileUpper">Upper percentile limit.</param>
/// <param name="BcaLower">Lower BCa limit (null when BCa was not requested).</param>
/// <param name="BcaUpper">Upper BCa limit.</param>
/// <param name="BcaNote">Why the BCa limits are missing or unreliable although BCa was requested (null when neither).</param>
public sealed record BootstrapInterval(string Name, double Estimate, double Bias, double StandardError,
    double PercentileLower, double PercentileUpper, double? BcaLower, double? BcaUpper, string? BcaNote = null);

/// <summary>The result of <see cref="CcaBootstrap.Resample"/>.</summary>
public sealed class BootstrapResult
{
    private readonly double[] _values;
    private readonly int _width;

    internal BootstrapResult(CcaResult full, int draws, int seed, double level, int redraws,
        IReadOnlyList<BootstrapInterval> intervals, double[] values, int width, string? bcaUnavailable = null)
    {
        BcaUnavailable = bcaUnavailable;
        Analysis = full;
        Draws = draws;
        Seed = seed;
        Level = level;
        Redraws = redraws;
        _values = values;
        _width = width;
        int k = full.Count, p = full.P;
        Correlations = ReadOnly.Copy(intervals.Take(k));
        StructureX = ReadOnly.Copy(intervals.Skip(k).Take(p * k));
        StructureY = ReadOnly.Copy(intervals.Skip(k + p * k));
    }

    /// <summary>The full-sample analysis the draws were aligned to.</summary>
    public CcaResult Analysis { get; }

    /// <summary>The number B of bootstrap draws.</summary>
    public int Draws { get; }

    /// <summary>The seed used.</summary>
    public int Seed { get; }

    /// <summary>The confidence level.</summary>
    public double Level { get; }

    /// <summary>Draws that could not be analysed (constant or collinear columns) and were replaced.</summary>
    public int Redraws { get; }

    /// <summary>
    /// Why no statistic has BCa limits although BCa was requested (a leave-one-out refit of the jackknife failed), or null.
    /// Statistics whose own BCa limits are missing say why in <see cref="BootstrapInterval.BcaNote"/>.
    /// </summary>
    public string? BcaUnavailable { get; }

    /// <summary>Intervals for r_1..r_k (r_k of a draw is its k-th largest canonical correlation).</summary>
    public IReadOnlyList<BootstrapInterval> Correlations { get; }

    /// <summary>Intervals for the X structure coefficients, pair by pair (X1 with V1, X2 with V1, …).</summary>
    public IReadOnlyList<BootstrapInterval> StructureX { get; }

    /// <summary>Intervals for the Y structure coefficients, pair by pair.</summary>
    public IReadOnlyList<BootstrapInterval> StructureY { get; }

    /// <summary>The B bootstrap values of r_k (1-based k; the k-th largest canonical correlation of each draw), in draw order.</summary>
    /// <param name="k">The dimension, 1..min(p, q).</param>
    public double[] CorrelationReplicates(int k)
    {
        if (k < 1 || k > Analysis.Count) throw new ArgumentOutOfRangeException(nameof(k), k, $"The dimension must lie between 1 and {Analysis.Count}.");
        var c = new double[Draws];
        for (int b = 0; b < Draws; b++) c[b] = _values[b * _width + k - 1];
        return c;
    }

    /// <summary>The correlation intervals as a table.</summary>
    public Table ToTable() => Tabulate(Correlations, "canonical correlations");

    /// <summary>The structure-coefficient intervals of one set as a table.</summary>
    /// <param name="set">"X" or "Y".</param>
    /// <param name="pairs">Show only the first this many pairs (default: all).</param>
    public Table StructureTable(string set = "X", int? pairs = null)
    {
        int k = Math.Clamp(pairs ?? Analysis.Count, 1, Analysis.Count);
        return set switch
        {
            "X" => Tabulate(StructureX.Take(k * Analysis.P).ToArray(), "X structure coefficients (correlations of X variables with V)"),
            "Y" => Tabulate(StructureY.Take(k * Analysis.Q).ToArray(), "Y structure coefficients (correlations of Y variables with W)"),
            _ => throw new ArgumentException("The set must be \"X\" or \"Y\".", nameof(set)),
        };
    }

    /// <summary>
    /// Every estimate of r_k side by side: in-sample, Lawley-adjusted, cross-validated, the bootstrap interval and,
    /// when known (synthetic data), the population value with whether each interval covers it.
    /// </summary>
    /// <param name="crossValidation">A cross-validation of the same data (null to omit).</param>
    /// <param name="truth">Population canonical correlations (null when unknown).</param>
    public Table CompareTable(CrossValidationResult? crossValidation = null, IReadOnlyList<double>? truth = null)
    {
        var columns = new List<string> { "Pair", "In-sample r", "Lawley adjusted" };
        if (crossValidation is not null) columns.Add($"Held-out r ({crossValidation.Scheme})");
        columns.AddRange([$"Percentile {Level:P0}", $"BCa {Level:P0}"]);
        if (truth is not null) columns.AddRange(["Population ρ", "Percentile covers ρ", "BCa covers ρ"]);
        static string Range(double? lo, double? hi) => lo is { } l && hi is { } h
            ? $"[{l.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}, {h.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}]" : "";
        var rows = Enumerable.Range(0, Analysis.Count).Select(i =>
        {
            var c = Correlations[i];
            var row = new List<object?> { i + 1, Analysis.Correlations[i], Analysis.AdjustedCorrelations[i] is { } a ? a : null };
            if (crossValidation is not null) row.Add(crossValidation.HeldOut[i]);
            row.Add(Range(c.PercentileLower, c.PercentileUpper));
            row.Add(Range(c.BcaLower, c.BcaUpper));
            if (truth is not null)
            {
                double t = truth[i];
                row.Add(t);
                row.Add(c.PercentileLower <= t && t <= c.PercentileUpper ? "yes" : "no");
                row.Add(c.BcaLower is { } lo && c.BcaUpper is { } hi ? (lo <= t && t <= hi ? "yes" : "no") : "");
            }
            return (IReadOnlyList<object?>)row;
        });
        return new Table($"Estimates of the canonical correlations (n = {Analysis.N}, p = {Analysis.P}, q = {Analysis.Q}; B = {Draws:N0} bootstrap draws)",
            columns, rows, "F3", note: "Lawley's adjustment is blank where SAS leaves it missing.");
    }

    private Table Tabulate(IReadOnlyList<BootstrapInterval> items, string what) => new(
        $"Bootstrap {Level:P0} intervals for the {what}: B = {Draws:N0} draws, seed {Seed}",
        ["Statistic", "Estimate", "Bias", "Std. error", "Percentile lower", "Percentile upper", "BCa lower", "BCa upper"],
        items.Select(i => (IReadOnlyList<object?>)new object?[]
        {
            i.Name, i.Estimate, i.Bias, i.StandardError, i.PercentileLower, i.PercentileUpper,
            i.BcaLower is { } l ? l : null, i.BcaUpper is { } u ? u : null,
        }),
        "F3",
        note: $"Rows resampled with replacement; r_k is the k-th largest canonical correlation of each draw; for the structure coefficients each refitted pair is matched to the full-sample pair with the most similar structure coefficients (Hungarian algorithm on |cosine|) and its sign flipped to agree. {Redraws} unusable draws were replaced." +
              (BcaUnavailable is not null ? " " + BcaUnavailable : "") +
              string.Concat(items.Where(i => i.BcaNote is not null).Select(i => $" {i.Name}: {i.BcaNote}")));
}
