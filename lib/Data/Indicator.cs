namespace RuralEcom.Data;

/// <summary>Whether a larger value of an indicator means more development (positive) or less (negative).</summary>
public enum IndicatorDirection
{
    /// <summary>Larger values mean more development or more integration.</summary>
    Positive,

    /// <summary>Smaller values (e.g. a ratio falling toward 1) mean more development or integration.</summary>
    Negative,
}

/// <summary>
/// One indicator of the paper's evaluation systems (Qiu et al., Table 1 for Y1..Y11, Table 2 for X1..X8),
/// as recorded in data/indicators.csv.
/// </summary>
/// <param name="Symbol">X1..X8 or Y1..Y11.</param>
/// <param name="System">Level-1 system: "rural e-commerce development" or "urban-rural integration".</param>
/// <param name="Group">Level-2 group, e.g. "logistics foundation" or "impetus of integration".</param>
/// <param name="Name">English name (the paper's translation cleaned up).</param>
/// <param name="ChineseName">Chinese name.</param>
/// <param name="Unit">Unit of measurement.</param>
/// <param name="Direction">Whether larger values mean more development or integration.</param>
/// <param name="Rationale">One line on why the direction is what it is.</param>
/// <param name="UsualSource">The yearbook or report the series usually comes from.</param>
/// <param name="Note">How the paper's wording was fixed or interpreted (empty if nothing was changed).</param>
public sealed record Indicator(string Symbol, string System, string Group, string Name, string ChineseName,
    string Unit, IndicatorDirection Direction, string Rationale, string UsualSource, string Note)
{
    /// <summary>True for the rural e-commerce indicators X1..X8, false for the integration indicators Y1..Y11.</summary>
    public bool IsX => Symbol.StartsWith('X');
}
