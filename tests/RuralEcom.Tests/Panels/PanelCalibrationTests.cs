using RuralEcom.Panels;
using Xunit.Abstractions;

namespace RuralEcom.Tests.Panels;

public class PanelCalibrationTests(ITestOutputHelper output)
{
    private static PanelDesign Balanced(int regions, int years) => new(
        Enumerable.Range(0, regions * years).Select(i => $"R{i / years}").ToArray(),
        Enumerable.Range(0, regions * years).Select(i => 2000 + i % years).ToArray());

    [Fact]
    public void KnownComponents_AreRecoveredExactly()
    {
        // y = a_r + g_t + e with e orthogonal to region and year means: the shares are the components' SS shares.
        double[] a = [-3, 1, 2];                  // region effects, sum 0
        double[] g = [-1.5, -0.5, 0.5, 1.5];      // a straight line in the year, sum 0
        double[,] e = { { 1, -1, 0, 0 }, { -1, 1, 0, 0 }, { 0, 0, 0, 0 } }; // rows and columns sum to 0
        var d = Balanced(3, 4);
        var y = Enumerable.Range(0, 12).Select(i => 10 + a[i / 4] + g[i % 4] + e[i / 4, i % 4]).ToArray();
        var c = PanelCalibration.Estimate("toy", y, d);
        double ssA = 4 * a.Sum(v => v * v), ssG = 3 * g.Sum(v => v * v), ssE = 4, total = ssA + ssG + ssE;
        Assert.Equal(ssA / total, c.BetweenShare, 1e-12);
        Assert.Equal(ssG / total, c.TrendShare, 1e-12);
        Assert.Equal(ssE / total, c.WithinShare, 1e-12);
        Assert.Equal(1.0, c.LinearShareOfTrend, 1e-12);
        // Region 0's residual (1, -1, 0, 0) has slope (-1.5 + 0.5) / 5 = -0.2 on (-1.5, -0.5, 0.5, 1.5): SS 0.04 * 5 = 0.2;
        // region 1 the same with the opposite sign, region 2 none.
        Assert.Equal(0.4 / 4, c.RegionTrendShareOfWithin, 1e-12);
    }

    [Fact]
    public void Ar1_OfALongSimulatedSeries_IsNearItsCoefficient()
    {
        // 5 regions × 2,000 years of AR(1) noise with φ = 0.6: the short-panel bias is of order 1/T = 0.0005 and the
        // Monte Carlo sd about √((1 − φ²)/(R T)) = 0.008, so ±0.03 is almost four sd.
        var rng = new MathNet.Numerics.Random.MersenneTwister(7);
        int regions = 5, years = 2000;
        var d = Balanced(regions, years);
        var y = new double[regions * years];
        for (int r = 0; r < regions; r++)
        {
            double prev = MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1);
            for (int t = 0; t < years; t++)
            {
                prev = 0.6 * prev + Math.Sqrt(1 - 0.36) * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1);
                y[r * years + t] = prev;
            }
        }
        var c = PanelCalibration.Estimate("ar1", y, d);
        Assert.InRange(c.Ar1, 0.57, 0.63);
    }

    [Fact]
    public void NbsSeries_GiveTheCalibrationOfTheRealisticPanels()
    {
        var c = PanelCalibration.FromNbsExtract(RepoPaths.Combine("data", "nbs", "panel_province_2014_2021.csv"));
        foreach (var s in c) output.WriteLine(s.ToString());
        var mean = PanelCalibration.Average(c);
        output.WriteLine(mean.ToString());
        foreach (var s in c) Assert.Equal(1.0, s.BetweenShare + s.TrendShare + s.WithinShare, 1e-12);
    }
}
