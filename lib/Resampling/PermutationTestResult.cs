namespace RuralEcom.Resampling;

/// <summary>
/// One dimension of a stepwise permutation test (see <see cref="PermutationTest"/>).
/// </summary>
/// <param name="K">The dimension tested (1-based): H0 "r_K and all later canonical correlations are zero".</param>
/// <param name="Correlation">The observed canonical correlation r_K.</param>
/// <param name="WilksLambda">The observed Wilks' Λ_K = Π_{i≥K} (1 − r_i²).</param>
/// <param name="CorrelationExceedances">Permutations whose first reduced correlation was at least r_K.</param>
/// <param name="WilksExceedances">Permutations whose Wilks' Λ was at most Λ_K.</param>
/// <param name="PCorrelation">(1 + CorrelationExceedances) / (1 + B).</param>
/// <param name="PWilks">(1 + WilksExceedances) / (1 + B).</param>
/// <param name="PCorrelationFwer">max(PCorrelation of dimensions 1..K): family-wise error controlled (Winkler et al. 2020).</param>
/// <param name="PWilksFwer">max(PWilks of dimensions 1..K).</param>
/// <param name="StandardErrorCorrelation">Monte Carlo standard error √(p (1 − p) / B) of <paramref name="PCorrelation"/>.</param>
/// <param name="StandardErrorWilks">Monte Carlo standard error of <paramref name="PWilks"/>.</param>
public sealed record PermutationTestRow(int K, double Correlation, double WilksLambda,
    int CorrelationExceedances, int WilksExceedances, double PCorrelation, double PWilks,
    double PCorrelationFwer, double PWilksFwer, double StandardErrorCorrelation, double StandardErrorWilks);

/// <summary>The result of <see cref="PermutationTest.Test"/>: one row per dimension and the permutation distributions.</summary>
public sealed class PermutationTestResult
{
    private readonly double[] _roy;
    private readonly double[] _wilks;

    internal PermutationTestResult(int n, int p, int q, int permutations, int seed, IReadOnlyList<PermutationTestRow> rows,
        double[] roy, double[] wilks)
    {
        N = n;
        P = p;
        Q = q;
        Permutations = permutations;
        Seed = seed;
        Rows = ReadOnly.Own(rows);
        _roy = roy;
        _wilks = wilks;
    }

    /// <summary>Sample size.</summary>
    public int N { get; }

    /// <summary>Number of X variables.</summary>
    public int P { get; }

    /// <summary>Number of Y variables.</summary>
    public int Q { get; }

    /// <summary>The number B of random permutations.</summary>
    public int Permutations { get; }

    /// <summary>The seed used.</summary>
    public int Seed { get; }

    /// <summary>One row per dimension k = 1..min(p, q).</summary>
    public IReadOnlyList<PermutationTestRow> Rows { get; }

    /// <summary>The B permuted values of the first reduced canonical correlation for dimension <paramref name="k"/> (1-based), in permutation order.</summary>
    /// <param name="k">The dimension, 1..min(p, q).</param>
    public double[] CorrelationReplicates(int k) => Column(_roy, k);

    /// <summary>The B permuted values of Wilks' Λ for dimension <paramref name="k"/> (1-based).</summary>
    /// <param name="k">The dimension, 1..min(p, q).</param>
    public double[] WilksReplicates(int k) => Column(_wilks, k);

    /// <summary>The tests as a table (one row per dimension).</summary>
    public Table ToTable() => new(
        $"Permutation tests (stepwise, Winkler et al. 2020): n = {N}, p = {P}, q = {Q}, B = {Permutations:N0} permutations, seed {Seed}",
        ["k", "r_k", "Wilks' Λ_k", "p (r_k)", "± MC s.e.", "p FWER (r)", "p (Wilks)", "± MC s.e.", "p FWER (Wilks)"],
        Rows.Select(r => (IReadOnlyList<object?>)new object?[]
        {
            r.K, r.Correlation, r.WilksLambda, r.PCorrelation, r.StandardErrorCorrelation, r.PCorrelationFwer,
            r.PWilks, r.StandardErrorWilks, r.PWilksFwer,
        }),
        numberFormat: "F4", columnFormats: [null, "F4", "G4", "F4", "F4", "F4", "F4", "F4", "F4"],
        note: "p = (1 + #permuted statistics at least as extreme) / (1 + B); the smallest possible p is 1/(1 + B). " +
              "FWER: p_k = max(p_1..p_k), the closed-testing step of Winkler, Renaud, Smith & Nichols (2020), NeuroImage 220:117065.");

    private double[] Column(double[] data, int k)
    {
        int count = Rows.Count;
        if (k < 1 || k > count)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"The dimension must lie between 1 and {count}.");
        var c = new double[Permutations];
        for (int b = 0; b < Permutations; b++) c[b] = data[b * count + k - 1];
        return c;
    }
}
