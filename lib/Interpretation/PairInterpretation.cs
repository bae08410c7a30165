namespace RuralEcom.Interpretation;

/// <summary>The two numbers that describe one indicator's part in one canonical variate.</summary>
/// <param name="Symbol">The variable's symbol, e.g. "X7".</param>
/// <param name="DisplayName">The name shown to readers.</param>
/// <param name="Set">"X" or "Y".</param>
/// <param name="StructureCoefficient">Its correlation with its own set's canonical variate (V_k for X, W_k for Y).</param>
/// <param name="StandardizedCoefficient">Its weight in the variate when all variables are z-scored (the paper's "typical load").</param>
public sealed record IndicatorReading(string Symbol, string DisplayName, string Set, double StructureCoefficient, double StandardizedCoefficient);

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
