using RuralEcom.Panels;

namespace RuralEcom.Tests.Panels;

/// <summary>
/// Seeded simulation evidence (7 regions × 8 years, 100 panels per condition, 49 permutations): the Monte Carlo sd of
/// a rejection rate of 0.05 is √(0.05 · 0.95 / 100) = 0.022, so a valid test stays below 0.05 + 3 · 0.022 ≈ 0.12.
/// The full table (400 panels, 99 permutations) is in README.md and notebook 10.
/// </summary>
public class PanelSizeStudyTests
{
    private static double Rate(IReadOnlyList<SizeStudyRow> rows, int test) => rows[test].Rate;

    [Fact]
    public void CommonTrendsAndRegionEffects_NaiveRejects_TwoWayAndWholeRegionHoldTheLevel()
    {
        var rows = PanelSizeStudy.Run(SizeCondition.NullTrendsAndRegionEffects, 7, 8, 100, 49, 777);
        Assert.True(Rate(rows, 0) > 0.9, $"naive {Rate(rows, 0)}");
        Assert.True(Rate(rows, 1) < 0.12, $"two-way {Rate(rows, 1)}");
        Assert.True(Rate(rows, 4) < 0.12, $"whole-region {Rate(rows, 4)}");
    }

    [Fact]
    public void RegionTrendsAndAr1_TwoWayIsNotEnough_WholeRegionHoldsTheLevel()
    {
        var rows = PanelSizeStudy.Run(SizeCondition.NullRegionTrendsAndAr1, 7, 8, 100, 49, 778);
        Assert.True(Rate(rows, 1) > 0.5, $"two-way {Rate(rows, 1)}");
        Assert.True(Rate(rows, 3) > 0.5, $"within-year {Rate(rows, 3)}");
        Assert.True(Rate(rows, 4) < 0.12, $"whole-region {Rate(rows, 4)}");
    }

    [Fact]
    public void RealWithinRelation_WholeRegionTestHasPower()
    {
        var rows = PanelSizeStudy.Run(SizeCondition.WithinRelation, 7, 8, 100, 49, 779);
        Assert.True(Rate(rows, 4) > 0.3, $"whole-region power {Rate(rows, 4)}");
        Assert.All(rows, r => Assert.Equal(Math.Sqrt(r.Rate * (1 - r.Rate) / 100), r.MonteCarloStandardError, 1e-12));
    }
}
