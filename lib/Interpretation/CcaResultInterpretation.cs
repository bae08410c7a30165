using RuralEcom.Interpretation;
using RuralEcom.Significance;

namespace RuralEcom.Cca;

/// <summary>
/// The interpretation reached from a fitted analysis, <c>cca.Interpret()</c> or <c>cca.Interpret(tests)</c>. Like
/// <see cref="CcaResultSignificance"/>, the class is in the CCA namespace so that it is found from the fit, while the code
/// lives in <c>lib/Interpretation</c>.
/// </summary>
public static class CcaResultInterpretation
{
    /// <summary>
    /// Reads every significant pair of the analysis; the same as <see cref="CanonicalInterpreter.Interpret"/>. Continue
    /// with <see cref="InterpretationResult.RankStrategies"/>.
    /// </summary>
    /// <param name="cca">The fitted analysis.</param>
    /// <param name="tests">Its tests (null: <c>cca.Tests()</c>, with residual degrees of freedom n − 1).</param>
    /// <param name="options">Thresholds and names; null uses the defaults.</param>
    public static InterpretationResult Interpret(this CcaResult cca, SignificanceResult? tests = null, InterpretationOptions? options = null) =>
        CanonicalInterpreter.Interpret(cca, tests ?? SignificanceTests.Test(cca), options);
}
