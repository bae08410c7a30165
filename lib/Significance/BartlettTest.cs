namespace RuralEcom.Significance;

/// <summary>
/// One row of Bartlett's chi-square version of the sequential test:
/// χ² = −(ν − (p + q + 1)/2) ln Λ_k with (p − k + 1)(q − k + 1) degrees of freedom, ν = n − 1 for an ordinary analysis
/// (Bartlett 1938, "Further aspects of the theory of multiple regression", Proc. Camb. Phil. Soc. 34:33-40;
/// Mardia, Kent &amp; Bibby 1979, Multivariate Analysis, §10.2.3).
/// </summary>
/// <param name="K">The first pair tested (1-based).</param>
/// <param name="ChiSquare">The statistic.</param>
/// <param name="Df">Degrees of freedom.</param>
/// <param name="PValue">P(χ²(Df) &gt; ChiSquare).</param>
public sealed record BartlettTest(int K, double ChiSquare, double Df, double PValue);
