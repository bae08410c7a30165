using RuralEcom.Cca;

namespace RuralEcom.Resampling;

/// <summary>Cross-validated canonical correlations (see <see cref="CcaCrossValidation"/>).</summary>
/// <param name="Scheme">"leave-one-out" or "k-fold (seed s)".</param>
/// <param name="Folds">The number of folds.</param>
/// <param name="InSample">The in-sample canonical correlations r_k of the full data.</param>
/// <param name="HeldOut">The correlation of the pooled held-out variates V_k and W_k over all n samples.</param>
/// <param name="MeanWithinFold">The mean of the within-fold held-out correlations (k-fold with at least 3 samples per fold; otherwise null).</param>
public sealed record CrossValidationResult(string Scheme, int Folds, IReadOnlyList<double> InSample,
    IReadOnlyList<double> HeldOut, IReadOnlyList<double?> MeanWithinFold)
{
    /// <summary>The in-sample canonical correlations r_k of the full data.</summary>
    public IReadOnlyList<double> InSample { get; } = ReadOnly.Copy(InSample);

    /// <summary>The correlation of the pooled held-out variates V_k and W_k over all n samples.</summary>
    public IReadOnlyList<double> HeldOut { get; } = ReadOnly.Copy(HeldOut);

    /// <summary>The mean of the within-fold held-out correlations, or null.</summary>
    public IReadOnlyList<double?> MeanWithinFold { get; } = ReadOnly.Copy(MeanWithinFold);

    /// <summary>In-sample and cross-validated correlations side by side.</summary>
    public Table ToTable() => new(
        $"Out-of-sample canonical correlations ({Scheme} cross-validation)",
        ["Pair", "In-sample r", "Held-out r (pooled)", "Mean within-fold r"],
        Enumerable.Range(0, InSample.Count).Select(c => (IReadOnlyList<object?>)new object?[]
            { c + 1, InSample[c], HeldOut[c], MeanWithinFold[c] is { } m ? m : null }),
        "F3",
        note: "Weights fitted on the training rows, variates computed for the held-out rows; each fold's pairs matched to the full-sample pairs before pooling.");
}
