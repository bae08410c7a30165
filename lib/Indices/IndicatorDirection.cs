namespace RuralEcom.Indices;

/// <summary>
/// Whether a larger value of an indicator means more development (<see cref="Positive"/>, a "benefit" indicator)
/// or less (<see cref="Negative"/>, a "cost" indicator, e.g. an urban-rural gap ratio).
/// </summary>
public enum IndicatorDirection
{
    /// <summary>Larger is better: min-max normalisation (x - min) / (max - min).</summary>
    Positive,

    /// <summary>Smaller is better: min-max normalisation (max - x) / (max - min).</summary>
    Negative,
}
