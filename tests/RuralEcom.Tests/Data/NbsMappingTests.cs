using RuralEcom.Data;

namespace RuralEcom.Tests.Data;

/// <summary>The bundled mapping from the paper's indicators to NBS series (data/nbs/nbs-mapping.csv, nbs-series.csv).</summary>
public class NbsMappingTests
{
    private static readonly NbsMapping Mapping = NbsMapping.Default;

    [Fact]
    public void Every_indicator_of_the_catalogue_has_exactly_one_entry_in_catalogue_order()
    {
        Assert.Equal(IndicatorCatalog.Default.Symbols, Mapping.Indicators.Select(i => i.Symbol));
        Assert.All(Mapping.Indicators, i => Assert.Contains(i.Kind, new[] { "direct", "derived", "none" }));
        Assert.All(Mapping.Indicators.Where(i => i.Kind == "none"), i => Assert.Empty(i.Formula));
        Assert.All(Mapping.Indicators.Where(i => i.Kind == "direct"), i => Assert.Single(i.Inputs));
        Assert.Equal(["X3", "X4", "X5", "X7", "Y4"], Mapping.Indicators.Where(i => i.Kind == "none").Select(i => i.Symbol));
    }

    [Fact]
    public void Only_the_series_seen_in_a_real_export_here_is_marked_verified()
    {
        // The 指标 line of the real GBK export in data/nbs is the one marked "yes"; all others say "not verified here".
        var export = NbsExport.Read(RepoPaths.Combine("data", "nbs", "RenJiyi163_NBS_fsnd_GDP_yiyuan.csv"));
        var gdp = Mapping.FindByLabel(export.IndicatorLabel);
        Assert.NotNull(gdp);
        Assert.Equal("gdp", gdp.Id);
        Assert.StartsWith("yes: ", gdp.Verified);
        Assert.All(Mapping.Series.Where(s => s.Id != "gdp"), s => Assert.Equal("not verified here", s.Verified));
        Assert.Same(gdp, Mapping.FindByLabel("地区生产总值（亿元）")); // full-width brackets, as some downloads have
    }

    [Theory]
    // Closed forms of the definitions in data/indicators.csv, with round inputs.
    [InlineData("Y3", new[] { "primary_va", "gdp" }, new[] { 15.0, 300.0 }, 95.0)]                 // 100 − 100·15/300
    [InlineData("Y2", new[] { "urban_population", "population" }, new[] { 600.0, 1000.0 }, 60.0)]
    [InlineData("X6", new[] { "express_volume", "population" }, new[] { 25000.0, 5000.0 }, 5.0)]  // 10^4 pieces / 10^4 persons
    [InlineData("Y6", new[] { "post_telecom_volume", "population" }, new[] { 100.0, 5000.0 }, 200.0)] // 10^10 yuan / 5·10^7 persons
    [InlineData("Y9", new[] { "rural_food", "rural_consumption", "urban_food", "urban_consumption" }, new[] { 3000.0, 10000.0, 6000.0, 30000.0 }, 1.5)] // 0.30 / 0.20
    [InlineData("Y11", new[] { "pension_urban_workers", "pension_residents", "population" }, new[] { 2000.0, 3000.0, 8000.0 }, 62.5)]
    public void Formulas_give_the_closed_form(string symbol, string[] ids, double[] values, double expected)
    {
        var entry = Mapping.Indicator(symbol);
        Assert.Equal(ids.Order(), entry.Inputs.Order());
        var inputs = ids.Zip(values).ToDictionary(t => t.First, t => t.Second);
        Assert.Equal(expected, SeriesFormula.Parse(entry.Formula, symbol).Evaluate(inputs), 12);
    }

    [Fact]
    public void The_formula_parser_respects_precedence_and_reports_mistakes()
    {
        var f = SeriesFormula.Parse("1 + 2 * a - (b - 4) / 2", "test");
        Assert.Equal(1 + 2 * 3.0 - (10 - 4) / 2.0, f.Evaluate(new Dictionary<string, double> { ["a"] = 3, ["b"] = 10 }));
        Assert.Equal(["a", "b"], f.Inputs);
        Assert.Contains("a ')' is missing", Assert.Throws<InvalidOperationException>(() => SeriesFormula.Parse("(a + b", "t")).Message);
        Assert.Contains("unexpected '$'", Assert.Throws<InvalidOperationException>(() => SeriesFormula.Parse("a $ b", "t")).Message);
    }

    [Fact]
    public void Where_to_get_names_the_series_or_says_there_is_no_public_source()
    {
        Assert.Equal("Y8: download 人均地区生产总值(元/人) [分省年度数据 > 国民经济核算 > 人均地区生产总值].", Mapping.WhereToGet("Y8"));
        Assert.StartsWith("X3: none: no public provincial series", Mapping.WhereToGet("X3"));
        Assert.StartsWith("Y3 = 100 - 100 * primary_va / gdp: download 第一产业增加值(亿元)", Mapping.WhereToGet("Y3"));
    }
}
