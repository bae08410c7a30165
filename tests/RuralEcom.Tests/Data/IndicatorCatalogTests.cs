using RuralEcom.Data;

namespace RuralEcom.Tests.Data;

public class IndicatorCatalogTests
{
    [Fact]
    public void Default_HasTheNineteenIndicatorsOfTables1And2()
    {
        var c = IndicatorCatalog.Default;
        Assert.Equal(["X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8"], c.XSymbols);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => "Y" + i), c.YSymbols);
        Assert.All(c.All, i => Assert.False(string.IsNullOrWhiteSpace(i.Name + i.ChineseName + i.Unit + i.Rationale + i.UsualSource)));
        // Table 2 groups (two indicators each) and Table 1 groups (3 premise, 4 impetus, 4 results).
        Assert.Equal(["industrial aggregation", "industrial aggregation", "enterprise performance", "enterprise performance",
            "logistics foundation", "logistics foundation", "information foundation", "information foundation"], c.XSymbols.Select(s => c[s].Group));
        Assert.Equal(3, c.YSymbols.Count(s => c[s].Group == "premise of integration"));
        Assert.Equal(["Y4", "Y5", "Y6", "Y7"], c.YSymbols.Where(s => c[s].Group == "impetus of integration"));
        Assert.Equal(["Y8", "Y9", "Y10", "Y11"], c.YSymbols.Where(s => c[s].Group == "results of integration"));
        Assert.All(c.XSymbols, s => Assert.Equal("rural e-commerce development", c[s].System));
        Assert.All(c.YSymbols, s => Assert.Equal("urban-rural integration", c[s].System));
    }

    [Fact]
    public void Directions_RatiosFallingTowardOneAreNegative_RestPositive()
    {
        var c = IndicatorCatalog.Default;
        Assert.Equal(["Y9", "Y10"], c.All.Where(i => i.Direction == IndicatorDirection.Negative).Select(i => i.Symbol));
    }

    [Fact]
    public void GarbleFixes_AreRecordedInTheNoteColumn()
    {
        var c = IndicatorCatalog.Default;
        Assert.Equal("Average profit margin of rural e-commerce enterprises", c["X4"].Name);
        Assert.Contains("Average and average", c["X4"].Note);
        Assert.Equal("Share of administrative villages with postal access", c["X5"].Name);
        Assert.Equal("Share of secondary and tertiary industry in GDP", c["Y3"].Name);
        Assert.Contains("impetus", c["Y4"].Note);
    }

    [Fact]
    public void UnknownSymbol_ThrowsWithTheValidSymbols()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => IndicatorCatalog.Default["X9"]);
        Assert.Equal("Unknown indicator symbol 'X9'. Valid symbols: X1, X2, X3, X4, X5, X6, X7, X8, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11.", ex.Message);
    }

    [Fact]
    public void Load_ReadsTheRepositoryFile_SameAsBundled()
    {
        var c = IndicatorCatalog.Load(RepoPaths.Combine("data", "indicators.csv"));
        Assert.Equal(IndicatorCatalog.Default.All, c.All);
    }

    [Fact]
    public void Parse_BadDirection_SaysWhereAndWhat()
    {
        var text = "symbol,system,group,name,chinese_name,unit,direction,rationale,usual_source,note\nX1,s,g,n,c,u,up,r,src,\n";
        var ex = Assert.Throws<PanelFormatException>(() => IndicatorCatalog.Parse(new StringReader(text), "cat.csv"));
        Assert.Equal("cat.csv, line 2, column 'direction': Direction 'up' is neither 'positive' nor 'negative'. Write positive or negative.", ex.Message);
    }

    [Fact]
    public void ToTable_GroupsBySystem()
    {
        Assert.Equal(8, IndicatorCatalog.Default.ToTable("rural e-commerce development").Rows.Count);
        Assert.Equal(11, IndicatorCatalog.Default.ToTable("urban-rural integration").Rows.Count);
    }
}
