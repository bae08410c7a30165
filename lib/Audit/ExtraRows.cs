namespace RuralEcom.Audit;

/// <summary>The quantities a row printed under the canonical correlations can hold, recognized from its label.</summary>
public enum ExtraRowKind
{
    /// <summary>Not recognized: the audit calls it not checkable.</summary>
    Unknown,

    /// <summary>SAS's "Approximate Standard Error" (1 − r_i²)/√(n − 1) (SAS/STAT User's Guide, PROC CANCORR, "Canonical Correlations").</summary>
    StandardError,

    /// <summary>"Squared Canonical Correlation" r_i².</summary>
    Squared,

    /// <summary>"Eigenvalue" λ_i = r_i²/(1 − r_i²), the eigenvalue of R11⁻¹R12R22⁻¹R21 relative to its complement.</summary>
    Eigenvalue,

    /// <summary>"Proportion" λ_i / Σ_j λ_j (SAS).</summary>
    Proportion,

    /// <summary>"Cumulative" Σ_{j≤i} λ_j / Σ_j λ_j (SAS).</summary>
    Cumulative,

    /// <summary>Lawley's adjusted canonical correlation: recognized, but not recomputed by the audit.</summary>
    Adjusted,
}

/// <summary>Recognizes and recomputes rows printed under the canonical correlations.</summary>
public static class ExtraRows
{
    /// <summary>
    /// The kind of a row from its printed label (case-insensitive): "adjusted" → <see cref="ExtraRowKind.Adjusted"/>,
    /// "standard error" → standard error, "squared" → squared, "eigenvalue" → eigenvalue, "cumulative" → cumulative,
    /// "prop" → proportion; anything else is unknown.
    /// </summary>
    /// <param name="label">The printed label.</param>
    public static ExtraRowKind Recognize(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var l = label.ToLowerInvariant();
        if (l.Contains("adjusted", StringComparison.Ordinal)) return ExtraRowKind.Adjusted;
        if (l.Contains("standard error", StringComparison.Ordinal) || l.Contains("std err", StringComparison.Ordinal)) return ExtraRowKind.StandardError;
        if (l.Contains("squared", StringComparison.Ordinal)) return ExtraRowKind.Squared;
        if (l.Contains("eigenvalue", StringComparison.Ordinal)) return ExtraRowKind.Eigenvalue;
        if (l.Contains("cumulative", StringComparison.Ordinal)) return ExtraRowKind.Cumulative;
        if (l.Contains("prop", StringComparison.Ordinal)) return ExtraRowKind.Proportion;
        return ExtraRowKind.Unknown;
    }

    /// <summary>The value of row kind <paramref name="kind"/> for pair i (0-based) from the correlations r of a design with n samples.</summary>
    /// <param name="kind">A recomputable kind (not Unknown or Adjusted).</param>
    /// <param name="r">The canonical correlations, the first min(p, q).</param>
    /// <param name="i">The pair, 0-based.</param>
    /// <param name="n">The sample size.</param>
    public static double Value(ExtraRowKind kind, double[] r, int i, int n)
    {
        ArgumentNullException.ThrowIfNull(r);
        double r2 = r[i] * r[i];
        return kind switch
        {
            ExtraRowKind.StandardError => (1 - r2) / Math.Sqrt(n - 1.0),
            ExtraRowKind.Squared => r2,
            ExtraRowKind.Eigenvalue => r2 / (1 - r2),
            ExtraRowKind.Proportion => Proportion(r, i),
            ExtraRowKind.Cumulative => Enumerable.Range(0, i + 1).Sum(j => Proportion(r, j)),
            _ => throw new ArgumentException($"Rows of kind {kind} are not recomputed.", nameof(kind)),
        };
    }

    /// <summary>What <see cref="Value"/> computes, for explanations.</summary>
    /// <param name="kind">The kind.</param>
    public static string Formula(ExtraRowKind kind) => kind switch
    {
        ExtraRowKind.StandardError => "SAS's approximate standard error (1 − r²)/√(n − 1)",
        ExtraRowKind.Squared => "the squared canonical correlation r²",
        ExtraRowKind.Eigenvalue => "the eigenvalue r²/(1 − r²)",
        ExtraRowKind.Proportion => "the eigenvalue proportion λ_i/Σλ with λ = r²/(1 − r²) (SAS \"Proportion\") from the first min(p, q) correlations",
        ExtraRowKind.Cumulative => "the cumulative eigenvalue proportion (SAS \"Cumulative\")",
        _ => "",
    };

    /// <summary>λ_i / Σ_j λ_j with λ = r²/(1 − r²).</summary>
    internal static double Proportion(double[] r, int i)
    {
        double total = r.Sum(v => v * v / (1 - v * v));
        return r[i] * r[i] / (1 - r[i] * r[i]) / total;
    }
}

/// <summary>First-order propagation of the printed rounding of the correlations.</summary>
internal static class Propagation
{
    /// <summary>
    /// f(r) and its tolerance Σ_j |f(r + h_j e_j) − f(r − h_j e_j)| / 2, with h_j half a unit in the last printed digit of r_j.
    /// </summary>
    internal static (double Value, double Tolerance) Of(double[] r, double[] h, Func<double[], double> f)
    {
        double value = f(r), tol = 0;
        var work = (double[])r.Clone();
        for (int j = 0; j < r.Length; j++)
        {
            work[j] = Math.Min(r[j] + h[j], 1 - 1e-12);
            double up = f(work);
            work[j] = Math.Max(r[j] - h[j], 0);
            double down = f(work);
            work[j] = r[j];
            if (double.IsFinite(up) && double.IsFinite(down)) tol += Math.Abs(up - down) / 2;
        }
        return (value, tol);
    }
}
