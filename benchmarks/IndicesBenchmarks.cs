using BenchmarkDotNet.Attributes;
using RuralEcom.Data;
using RuralEcom.Indices;

namespace RuralEcom.Benchmarks;

/// <summary>
/// The development-level pipeline on the bundled panel (55 region-years): entropy weights of both indicator systems
/// (pooled), both levels and their coupling coordination degree (<see cref="DevelopmentLevels.Compute"/>), then
/// TOPSIS closeness of every region-year on each system with those weights.
/// </summary>
[Config(typeof(FastJobConfig))]
public class IndicesBenchmarks
{
    private Panel _panel = null!;

    /// <summary>Loads the panel.</summary>
    [GlobalSetup]
    public void Setup() => _panel = SyntheticPanel.LoadBundled();

    /// <summary>Entropy weights, levels, coupling coordination, and TOPSIS on both systems.</summary>
    [Benchmark]
    public double EntropyTopsisCoupling()
    {
        var levels = DevelopmentLevels.Compute(_panel);
        var catalog = IndicatorCatalog.Default;
        double total = levels.Coupling.Coordination.Sum();
        foreach (var (symbols, entropy) in new[] { (catalog.XSymbols, levels.ECommerce), (catalog.YSymbols, levels.Integration) })
        {
            var weights = entropy.Parts[0].Result.Weights;
            var directions = symbols.Select(s => catalog[s].Direction).ToArray();
            total += Topsis.Compute(_panel.Matrix(symbols), directions, weights).Closeness.Sum();
        }
        return total;
    }
}
