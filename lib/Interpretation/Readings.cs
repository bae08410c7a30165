namespace RuralEcom.Interpretation;

/// <summary>The two numbers that describe one indicator's part in one canonical variate.</summary>
/// <param name="Symbol">The variable's symbol, e.g. "X7".</param>
/// <param name="DisplayName">The name shown to readers.</param>
/// <param name="Set">"X" or "Y".</param>
/// <param name="StructureCoefficient">Its correlation with its own set's canonical variate (V_k for X, W_k for Y).</param>
/// <param name="StandardizedCoefficient">Its weight in the variate when all variables are z-scored (the paper's "typical load").</param>
public sealed record IndicatorReading(string Symbol, string DisplayName, string Set, double StructureCoefficient, double StandardizedCoefficient);

/// <summary>Ways in which a standardized coefficient (weight) and a structure coefficient can tell different stories.</summary>
public enum DisagreementKind
{
    /// <summary>Weight and structure coefficient have opposite signs and both are at least <see cref="InterpretationOptions.SignFloor"/>
    /// in size: the indicator enters the variate against its own correlation with it (negative suppression or collinearity).</summary>
    OppositeSigns,

    /// <summary>|weight| ≥ <see cref="InterpretationOptions.LargeWeight"/> but |structure| &lt; <see cref="InterpretationOptions.SmallCoefficient"/>:
    /// a suppressor, which sharpens the variate by removing irrelevant variance from other indicators instead of sharing in the relationship.</summary>
    LargeWeightSmallStructure,

    /// <summary>|structure| ≥ <see cref="InterpretationOptions.StructureThreshold"/> but |weight| &lt; <see cref="InterpretationOptions.SmallCoefficient"/>:
    /// the indicator is strongly tied to the variate but collinear indicators took its weight; reading weights would miss it.</summary>
    SmallWeightLargeStructure,

    /// <summary>|weight| &gt; 1, which a correlation never is, and at least 0.1 above |structure|: a sign of collinearity within
    /// the set (weights unstable from sample to sample). The margin keeps a lone indicator, whose weight and structure
    /// coefficient are both about 1, from being flagged.</summary>
    WeightAboveOne,
}

/// <summary>A flagged disagreement between an indicator's weight and its structure coefficient in one pair.</summary>
/// <param name="Pair">The pair number k, 1-based.</param>
/// <param name="Indicator">The indicator and its two coefficients.</param>
/// <param name="Kind">What kind of disagreement.</param>
/// <param name="Explanation">A one-line explanation for a reader.</param>
public sealed record CoefficientDisagreement(int Pair, IndicatorReading Indicator, DisagreementKind Kind, string Explanation);

/// <summary>The reading of one significant canonical pair.</summary>
/// <param name="Pair">The pair number k, 1-based.</param>
/// <param name="Correlation">The canonical correlation r_k.</param>
/// <param name="PValue">The p-value of the sequential Wilks test of pairs k..K.</param>
/// <param name="X">Every X indicator's reading, in variable order.</param>
/// <param name="Y">Every Y indicator's reading, in variable order.</param>
/// <param name="DominantX">X indicators with |structure| ≥ the threshold, strongest first.</param>
/// <param name="DominantY">Y indicators with |structure| ≥ the threshold, strongest first.</param>
/// <param name="WeightedX">X indicators the paper's reading names (|weight| ≥ the weight threshold), largest first.</param>
/// <param name="WeightedY">Y indicators the paper's reading names, largest first.</param>
/// <param name="Disagreements">Flags where weights and structure coefficients disagree.</param>
/// <param name="Sentence">A plain-language summary generated from the numbers.</param>
public sealed record PairInterpretation(int Pair, double Correlation, double PValue,
    IReadOnlyList<IndicatorReading> X, IReadOnlyList<IndicatorReading> Y,
    IReadOnlyList<IndicatorReading> DominantX, IReadOnlyList<IndicatorReading> DominantY,
    IReadOnlyList<IndicatorReading> WeightedX, IReadOnlyList<IndicatorReading> WeightedY,
    IReadOnlyList<CoefficientDisagreement> Disagreements, string Sentence)
{
    /// <summary>Every X indicator's reading, in variable order.</summary>
    public IReadOnlyList<IndicatorReading> X { get; } = ReadOnly.Copy(X);

    /// <summary>Every Y indicator's reading, in variable order.</summary>
    public IReadOnlyList<IndicatorReading> Y { get; } = ReadOnly.Copy(Y);

    /// <summary>X indicators with |structure| ≥ the threshold, strongest first.</summary>
    public IReadOnlyList<IndicatorReading> DominantX { get; } = ReadOnly.Copy(DominantX);

    /// <summary>Y indicators with |structure| ≥ the threshold, strongest first.</summary>
    public IReadOnlyList<IndicatorReading> DominantY { get; } = ReadOnly.Copy(DominantY);

    /// <summary>X indicators the paper's reading names, largest first.</summary>
    public IReadOnlyList<IndicatorReading> WeightedX { get; } = ReadOnly.Copy(WeightedX);

    /// <summary>Y indicators the paper's reading names, largest first.</summary>
    public IReadOnlyList<IndicatorReading> WeightedY { get; } = ReadOnly.Copy(WeightedY);

    /// <summary>Flags where weights and structure coefficients disagree.</summary>
    public IReadOnlyList<CoefficientDisagreement> Disagreements { get; } = ReadOnly.Copy(Disagreements);
}
