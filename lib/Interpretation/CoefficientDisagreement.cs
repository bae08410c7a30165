namespace RuralEcom.Interpretation;

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
