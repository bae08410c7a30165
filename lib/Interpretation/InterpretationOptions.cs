using RuralEcom.Data;

namespace RuralEcom.Interpretation;

/// <summary>
/// The thresholds and names <see cref="CanonicalInterpreter"/> uses. The defaults follow common rules of thumb,
/// which differ between textbooks; change them and say so when you report.
/// </summary>
/// <remarks>
/// <para><see cref="StructureThreshold"/> (default 0.5): an indicator "dominates" a canonical variate when its structure
/// coefficient r_s (its correlation with the variate) reaches this size, i.e. the variate reproduces at least 25% of the
/// indicator's variance. Conventions: Sherry &amp; Henson (2005, "Conducting and interpreting canonical correlation analysis
/// in personality research: a user-friendly primer", J. Personality Assessment 84(1):37-48) mark |r_s| ≥ .45 as noteworthy;
/// Hair, Black, Babin &amp; Anderson (Multivariate Data Analysis, 7th ed., 2010) treat loadings of ±.50 and above as practically
/// significant; Tabachnick &amp; Fidell (Using Multivariate Statistics) use .30 as a lower bound.</para>
/// <para><see cref="WeightThreshold"/> (default 0.5): the paper's way of reading a pair names the indicators with the largest
/// standardized coefficients ("typical loads"); the indicators its equations name for pairs 2 and 3 all have |weight| of
/// about 0.5 or more, so 0.5 mimics that reading.</para>
/// <para>Disagreement flags (see <see cref="DisagreementKind"/>) use <see cref="LargeWeight"/>, <see cref="SmallCoefficient"/>
/// and <see cref="SignFloor"/>.</para>
/// </remarks>
public sealed record InterpretationOptions
{
    /// <summary>The significance level of the sequential Wilks tests that decides how many pairs are read (default 0.05).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Read at most this many pairs even if more are significant (the paper reads three); null reads every significant pair.</summary>
    public int? MaxPairs { get; init; }

    /// <summary>|structure coefficient| at or above which an indicator dominates a variate (default 0.5).</summary>
    public double StructureThreshold { get; init; } = 0.5;

    /// <summary>|standardized coefficient| at or above which the paper's reading names an indicator (default 0.5).</summary>
    public double WeightThreshold { get; init; } = 0.5;

    /// <summary>|standardized coefficient| counted as large when looking for suppressors (default 0.5).</summary>
    public double LargeWeight { get; init; } = 0.5;

    /// <summary>A weight or structure coefficient below this size counts as small (default 0.3).</summary>
    public double SmallCoefficient { get; init; } = 0.3;

    /// <summary>Opposite signs are flagged only when both the weight and the structure coefficient reach this size,
    /// so that sign flips of near-zero values are not reported (default 0.2).</summary>
    public double SignFloor { get; init; } = 0.2;

    /// <summary>Maps a variable symbol (e.g. "X7") to the name shown in tables and sentences; null shows the symbol.</summary>
    public Func<string, string>? DisplayName { get; init; }

    /// <summary>What the X set measures, used in sentences (e.g. "rural e-commerce development").</summary>
    public string XSetName { get; init; } = "the X set";

    /// <summary>What the Y set measures, used in sentences (e.g. "urban-rural integration").</summary>
    public string YSetName { get; init; } = "the Y set";

    /// <summary>
    /// Default thresholds with the names of an indicator catalogue: each symbol shows as its indicator name, and the
    /// sets are named after the catalogue's systems (for the bundled catalogue "rural e-commerce development" and
    /// "urban-rural integration"). Symbols the catalogue lacks show as themselves.
    /// </summary>
    /// <param name="catalog">The catalogue; null uses <see cref="IndicatorCatalog.Default"/>.</param>
    public static InterpretationOptions FromCatalog(IndicatorCatalog? catalog = null)
    {
        var c = catalog ?? IndicatorCatalog.Default;
        string SystemOf(IReadOnlyList<string> symbols, string fallback) => symbols.Count > 0 ? c[symbols[0]].System : fallback;
        return new InterpretationOptions
        {
            DisplayName = s => c.Contains(s) ? c[s].Name : s,
            XSetName = SystemOf(c.XSymbols, "the X set"),
            YSetName = SystemOf(c.YSymbols, "the Y set"),
        };
    }

    internal void Validate()
    {
        static void Unit(double v, string name)
        {
            if (!(v > 0 && v < 1)) throw new ArgumentOutOfRangeException(name, v, $"{name} must lie strictly between 0 and 1.");
        }
        Unit(Alpha, nameof(Alpha));
        if (MaxPairs is < 1) throw new ArgumentOutOfRangeException(nameof(MaxPairs), MaxPairs, "MaxPairs must be at least 1, or null for every significant pair.");
        Unit(StructureThreshold, nameof(StructureThreshold));
        Unit(SmallCoefficient, nameof(SmallCoefficient));
        Unit(SignFloor, nameof(SignFloor));
        if (!(WeightThreshold > 0)) throw new ArgumentOutOfRangeException(nameof(WeightThreshold), WeightThreshold, "WeightThreshold must be positive.");
        if (!(LargeWeight > SmallCoefficient))
            throw new ArgumentOutOfRangeException(nameof(LargeWeight), LargeWeight, "LargeWeight must exceed SmallCoefficient, or no coefficient could be both large and small.");
        if (SmallCoefficient >= StructureThreshold)
            throw new ArgumentOutOfRangeException(nameof(SmallCoefficient), SmallCoefficient, "SmallCoefficient must be below StructureThreshold.");
        ArgumentNullException.ThrowIfNull(XSetName);
        ArgumentNullException.ThrowIfNull(YSetName);
    }

    internal string Name(string symbol) => DisplayName?.Invoke(symbol) is { Length: > 0 } n ? n : symbol;
}
