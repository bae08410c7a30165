using RuralEcom.Significance;

namespace RuralEcom.Cca;

/// <summary>
/// The tests of significance reached from a fitted analysis, <c>cca.Tests()</c>. The class lives in the CCA
/// namespace so that a notebook that fits an analysis finds its tests without importing another namespace; the code
/// lives in <c>lib/Significance</c>, so the CCA layer itself still knows nothing of the tests.
/// </summary>
public static class CcaResultSignificance
{
    /// <summary>All tests of significance of the analysis; the same as <see cref="SignificanceTests.Test(CcaResult, int?)"/>.</summary>
    /// <param name="cca">The fitted analysis.</param>
    /// <param name="residualDf">The residual degrees of freedom ν: n − 1 for an ordinary analysis, n − r after removing a
    /// nuisance design of rank r (including the intercept) from both sets (default: the fit's own
    /// <see cref="CcaResult.ResidualDf"/>).</param>
    public static SignificanceResult Tests(this CcaResult cca, int? residualDf = null) => SignificanceTests.Test(cca, residualDf);
}
