using MathNet.Numerics;

namespace RuralEcom.Significance;

/// <summary>Upper-tail probabilities P(T &gt; t) of the F and chi-square distributions, computed from the regularized incomplete functions, so tiny p-values keep their digits.</summary>
public static class UpperTail
{
    /// <summary>P(F &gt; f) for an F distribution with <paramref name="df1"/> and <paramref name="df2"/> degrees of freedom:
    /// I_{df2/(df2 + df1 f)}(df2/2, df1/2) (Abramowitz &amp; Stegun 26.6.2).</summary>
    /// <param name="f">The observed F statistic.</param>
    /// <param name="df1">Numerator degrees of freedom (&gt; 0).</param>
    /// <param name="df2">Denominator degrees of freedom (&gt; 0).</param>
    public static double F(double f, double df1, double df2)
    {
        if (!(df1 > 0) || !(df2 > 0)) throw new ArgumentOutOfRangeException(df1 > 0 ? nameof(df2) : nameof(df1), "Degrees of freedom must be positive.");
        if (double.IsNaN(f)) throw new ArgumentException("The F statistic is NaN.", nameof(f));
        if (f <= 0) return 1.0;
        if (double.IsPositiveInfinity(f)) return 0.0;
        return SpecialFunctions.BetaRegularized(df2 / 2, df1 / 2, df2 / (df2 + df1 * f));
    }

    /// <summary>P(χ² &gt; x) with <paramref name="df"/> degrees of freedom: Q(df/2, x/2), the regularized upper incomplete gamma function.</summary>
    /// <param name="x">The observed statistic.</param>
    /// <param name="df">Degrees of freedom (&gt; 0).</param>
    public static double ChiSquare(double x, double df)
    {
        if (!(df > 0)) throw new ArgumentOutOfRangeException(nameof(df), "Degrees of freedom must be positive.");
        if (double.IsNaN(x)) throw new ArgumentException("The statistic is NaN.", nameof(x));
        if (x <= 0) return 1.0;
        if (double.IsPositiveInfinity(x)) return 0.0;
        return SpecialFunctions.GammaUpperRegularized(df / 2, x / 2);
    }
}
