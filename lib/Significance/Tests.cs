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

/// <summary>
/// One row of Bartlett's chi-square version of the sequential test:
/// χ² = −(n − 1 − (p + q + 1)/2) ln Λ_k with (p − k + 1)(q − k + 1) degrees of freedom
/// (Bartlett 1938, "Further aspects of the theory of multiple regression", Proc. Camb. Phil. Soc. 34:33-40;
/// Mardia, Kent &amp; Bibby 1979, Multivariate Analysis, §10.2.3).
/// </summary>
/// <param name="K">The first pair tested (1-based).</param>
/// <param name="ChiSquare">The statistic.</param>
/// <param name="Df">Degrees of freedom.</param>
/// <param name="PValue">P(χ²(Df) &gt; ChiSquare).</param>
public sealed record BartlettTest(int K, double ChiSquare, double Df, double PValue);

/// <summary>
/// A multivariate test of "all canonical correlations are zero" with its F approximation, as SAS prints it in
/// "Multivariate Statistics and F Approximations".
/// </summary>
/// <param name="Name">"Wilks' Lambda", "Pillai's Trace", "Hotelling-Lawley Trace" or "Roy's Greatest Root".</param>
/// <param name="Statistic">The value of the statistic.</param>
/// <param name="F">The approximate F.</param>
/// <param name="Df1">Numerator degrees of freedom.</param>
/// <param name="Df2">Denominator degrees of freedom.</param>
/// <param name="PValue">P(F(Df1, Df2) &gt; F); for Roy's root an upper bound on F, so a lower bound on p.</param>
public sealed record MultivariateTest(string Name, double Statistic, double F, double Df1, double Df2, double PValue);
