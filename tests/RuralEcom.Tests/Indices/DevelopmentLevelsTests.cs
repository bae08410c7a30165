using RuralEcom.Data;
using RuralEcom.Indices;

namespace RuralEcom.Tests.Indices;

public class DevelopmentLevelsTests
{
    private const double Tol = 1e-12;
    private static readonly Panel Synthetic = PanelCsv.Load(RepoPaths.Combine("data", "synthetic", "synthetic-paper-shaped-panel.csv"));
    private static readonly IndicatorCatalog Catalog = IndicatorCatalog.Default;

    [Fact]
    public void Compute_IsTheEntropyMethodPerSystemAndTheCouplingOfTheUnshiftedLevels()
    {
        var r = DevelopmentLevels.Compute(Synthetic, Catalog);
        var xDirs = Catalog.XSymbols.Select(s => Catalog[s].Direction).ToArray();
        var x = EntropyWeightMethod.ComputePanel(Synthetic.Matrix(Catalog.XSymbols), Synthetic.Years, xDirs);
        for (int j = 0; j < xDirs.Length; j++) Assert.Equal(x.Parts[0].Result.Weights[j], r.ECommerce.Parts[0].Result.Weights[j], Tol);
        Assert.Equal(1, r.ECommerce.Parts[0].Result.Weights.Sum(), Tol);
        Assert.Equal(1, r.Integration.Parts[0].Result.Weights.Sum(), Tol);
        Assert.Equal(Catalog.YSymbols, r.Integration.IndicatorNames);
        // The coupling model gets U - shift, in [0, 1].
        var u1 = r.ECommerce.Levels.Select(u => u - Standardization.DefaultShift).ToArray();
        var u2 = r.Integration.Levels.Select(u => u - Standardization.DefaultShift).ToArray();
        var c = CouplingCoordination.Compute(u1, u2);
        for (int i = 0; i < Synthetic.Count; i++) Assert.Equal(c.Coordination[i], r.Coupling.Coordination[i], 1e-10);
        // The catalogue's groups: four for X, three for Y.
        Assert.Equal(4, r.ECommerce.Parts[0].Result.Groups.Count);
        Assert.Equal(3, r.Integration.Parts[0].Result.Groups.Count);
    }

    [Fact]
    public void Tables_HaveTheExpectedShape()
    {
        var r = DevelopmentLevels.Compute(Synthetic, Catalog);
        Assert.Equal(19, r.ToWeightsTable().Rows.Count);
        Assert.Equal(7, r.ToGroupWeightsTable().Rows.Count);
        Assert.Equal(Synthetic.Count, r.ToLevelsTable().Rows.Count);
        var coordination = r.ToCoordinationTable();
        Assert.Equal(r.Regions.Count, coordination.Rows.Count);
        Assert.Equal(1 + r.Years.Count, coordination.Columns.Count);
        // The synthetic panel lacks one region-year: its cell is empty, not NaN.
        Assert.Equal(r.Regions.Count * r.Years.Count - Synthetic.Count, coordination.Rows.Sum(row => row.Count(cell => cell is null)));
        var sensitivity = r.ToSensitivityTable();
        Assert.Equal(2 * r.Years.Count, sensitivity.Rows.Count);
        Assert.All(sensitivity.Rows, row => Assert.All(row.Skip(2), v => Assert.InRange((double)v!, -1, 1)));
    }

    [Fact]
    public void ToPanel_HoldsTheLevelsAndCouplingByRegionYear()
    {
        var r = DevelopmentLevels.Compute(Synthetic, Catalog);
        var p = r.ToPanel();
        Assert.Equal(["U1", "U2", "C", "T", "D"], p.Symbols);
        int i = Synthetic.RowIndex("Region C", 2019);
        Assert.Equal(r.ECommerce.Levels[i], p.Value("Region C", 2019, "U1"));
        Assert.Equal(r.Integration.Levels[i], p.Value("Region C", 2019, "U2"));
        Assert.Equal(r.Coupling.Coordination[i], p.Value("Region C", 2019, "D"));
    }

    [Fact]
    public void ByYearScheme_GivesOneWeightColumnPerYear()
    {
        var r = DevelopmentLevels.Compute(Synthetic, Catalog, new DevelopmentLevelOptions(Scheme: PanelScheme.ByYear));
        Assert.Equal(r.Years, r.ECommerce.Parts.Select(p => p.Year!.Value));
        Assert.Equal(5 + r.Years.Count, r.ToWeightsTable().Columns.Count);
        Assert.All(r.ECommerce.Parts, p => Assert.Equal(1, p.Result.Weights.Sum(), Tol));
    }

    [Fact]
    public void MissingIndicator_IsNamed()
    {
        var keep = Synthetic.Symbols.Where(s => s != "Y7").ToArray();
        var panel = new Panel(Synthetic.Regions, Synthetic.Years, keep, Synthetic.Matrix(keep), "test panel");
        var e = Assert.Throws<ArgumentException>(() => DevelopmentLevels.Compute(panel, Catalog));
        Assert.Contains("Y7", e.Message);
    }
}
