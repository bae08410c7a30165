using RuralEcom.Cca;
using RuralEcom.Data;

namespace RuralEcom.Tests.Cca;

/// <summary>The engine recovers the bundled synthetic panel's population structure from its generating correlation matrix.</summary>
public class SyntheticTruthTests
{
    [Fact]
    public void Population_correlation_matrix_gives_the_specified_canonical_correlations()
    {
        var truth = SyntheticPanel.Truth;
        int p = truth.XNames.Count;
        // n only enters the tests of significance, not the correlations; any admissible value will do.
        var fit = CanonicalCorrelationAnalysis.FitCorrelation(truth.PopulationCorrelation, p, 1000, truth.Names);
        var eigen = CanonicalCorrelationAnalysis.FitCorrelation(truth.PopulationCorrelation, p, 1000, truth.Names, CcaMethod.Eigen);
        for (int k = 0; k < p; k++)
        {
            Assert.Equal(SyntheticPanel.SpecifiedCanonicalCorrelations[k], fit.Correlations[k], 10);
            Assert.Equal(SyntheticPanel.SpecifiedCanonicalCorrelations[k], eigen.Correlations[k], 10);
        }
    }

    [Fact]
    public void Population_structure_coefficients_match_the_generators_truth_up_to_sign()
    {
        var truth = SyntheticPanel.Truth;
        int p = truth.XNames.Count;
        var fit = CanonicalCorrelationAnalysis.FitCorrelation(truth.PopulationCorrelation, p, 1000, truth.Names);
        for (int k = 0; k < p; k++)
        {
            double sign = Math.Sign(fit.Structure.X[0, k] * truth.XStructure[0, k]);
            if (sign == 0) sign = 1;
            for (int j = 0; j < p; j++) Assert.Equal(truth.XStructure[j, k], sign * fit.Structure.X[j, k], 8);
        }
    }
}
