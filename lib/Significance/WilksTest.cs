namespace RuralEcom.Significance;

/// <summary>
/// One row of the sequential likelihood-ratio test "the canonical correlations from pair <see cref="K"/> on are all
/// zero": Wilks' lambda Λ_k = Π_{i≥k} (1 − r_i²) with Rao's F approximation.
/// </summary>
/// <param name="K">The first pair tested (1-based).</param>
/// <param name="Lambda">Wilks' lambda Λ_k.</param>
/// <param name="F">Rao's approximate F.</param>
/// <param name="Df1">Numerator degrees of freedom.</param>
/// <param name="Df2">Denominator degrees of freedom (generally not an integer).</param>
/// <param name="PValue">P(F(Df1, Df2) &gt; F).</param>
public sealed record WilksTest(int K, double Lambda, double F, double Df1, double Df2, double PValue);
