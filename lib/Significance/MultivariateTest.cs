namespace RuralEcom.Significance;

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
