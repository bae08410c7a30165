using RuralEcom.Cca;
using RuralEcom.Interpretation;
using RuralEcom.Significance;

namespace RuralEcom.Tests.Interpretation;

public class CanonicalInterpreterTests
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["X1"] = "Sales", ["X2"] = "Parcels", ["X3"] = "Noise X", ["Y1"] = "Noise Y1", ["Y2"] = "Income", ["Y3"] = "Noise Y3",
    };

    private static readonly InterpretationOptions Opts = new() { DisplayName = s => Names[s], XSetName = "e-commerce", YSetName = "integration" };

    /// <summary>Builds X (n × 3) and Y (n × 3) from columns given as functions of row-wise standard normal draws.</summary>
    private static (double[,] X, double[,] Y) Build(int n, int seed, Func<double[], double[]> xRow, Func<double[], double[]> yRow)
    {
        var z = TestData.Gaussian(n, 10, seed);
        var x = new double[n, 3];
        var y = new double[n, 3];
        for (int i = 0; i < n; i++)
        {
            var d = Enumerable.Range(0, 10).Select(j => z[i, j]).ToArray();
            var xr = xRow(d);
            var yr = yRow(d);
            for (int j = 0; j < 3; j++) { x[i, j] = xr[j]; y[i, j] = yr[j]; }
        }
        return (x, y);
    }

    private static InterpretationResult Read((double[,] X, double[,] Y) data, InterpretationOptions? o = null)
    {
        var cca = CanonicalCorrelationAnalysis.Fit(data.X, data.Y);
        return CanonicalInterpreter.Interpret(cca, SignificanceTests.Test(cca), o ?? Opts);
    }

    // d[0] = latent factor f shared by X1 and Y2; the other draws are independent noise.
    private static (double[,] X, double[,] Y) DominantCase() =>
        Build(200, 61, d => [d[0] + 0.3 * d[1], d[2], d[3]], d => [d[4], d[0] + 0.3 * d[5], d[6]]);

    [Fact]
    public void AKnownDominantVariableIsNamedOnEachSide()
    {
        var read = Read(DominantCase());
        var cca = read.Analysis;
        Assert.Equal(SignificanceTests.Test(cca).SignificantPairs(0.05), read.Pairs.Count);
        var first = read.Pairs[0];
        // Only X1 and Y2 share anything (corr(X1, Y2) = 1/1.09 = 0.92 in the population), so V1 ≈ X1 and W1 ≈ Y2:
        // their structure coefficients are near 1 and the noise columns' near 0.
        Assert.Equal(["X1"], first.DominantX.Select(i => i.Symbol));
        Assert.Equal(["Y2"], first.DominantY.Select(i => i.Symbol));
        Assert.InRange(first.DominantX[0].StructureCoefficient, 0.95, 1.0);
        Assert.InRange(first.Correlation, 0.85, 0.97);
        Assert.Equal(cca.Structure.X["X1", "V1"], first.DominantX[0].StructureCoefficient);
        Assert.Equal(cca.StandardizedCoefficientsY["Y2", "W1"], first.DominantY[0].StandardizedCoefficient);
        Assert.Contains("V1 (e-commerce) is defined mainly by Sales (1.00)", first.Sentence);
        Assert.Contains("W1 (integration) is defined mainly by Income (1.00)", first.Sentence);
        Assert.Contains("Samples with high Sales tend to have high Income.", first.Sentence);
        Assert.Contains("names the same indicators", first.Sentence);
        Assert.True(first.Disagreements.Count == 0, string.Join(" | ", first.Disagreements.Select(d => d.Explanation)));
    }

    [Fact]
    public void TheThresholdIsConfigurableAndTheSentenceSaysWhenNothingReachesIt()
    {
        // A threshold above every structure coefficient of pair 1 (they are below 1 by construction of the noise).
        var strongest = Read(DominantCase()).Pairs[0].X.Concat(Read(DominantCase()).Pairs[0].Y).Max(i => Math.Abs(i.StructureCoefficient));
        double threshold = Math.Round(strongest + (1 - strongest) / 2, 8);
        var read = Read(DominantCase(), Opts with { StructureThreshold = threshold });
        var first = read.Pairs[0];
        Assert.Empty(first.DominantX);
        Assert.Empty(first.DominantY);
        Assert.Contains($"V1 (e-commerce) has no indicator with |r_s| ≥ {threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}; the strongest is Sales", first.Sentence);
        Assert.Contains("Samples with high Sales tend to have high Income.", first.Sentence);
    }

    [Fact]
    public void ASuppressorGetsALargeWeightButNoStructureAndIsFlagged()
    {
        // X1 = f + e carries the signal plus an error e; X2 = e + small noise measures only that error, so V1 ≈ X1 − X2 ≈ f:
        // X2 gets a large negative weight although corr(X2, f) = 0, the textbook (classical) suppressor.
        var read = Read(Build(400, 62, d => [d[0] + d[1], d[1] + 0.1 * d[2], d[3]], d => [d[0] + 0.3 * d[4], d[5], d[6]]));
        var first = read.Pairs[0];
        var x2 = first.X.Single(i => i.Symbol == "X2");
        Assert.True(Math.Abs(x2.StandardizedCoefficient) >= 0.5, $"weight {x2.StandardizedCoefficient}");
        Assert.True(Math.Abs(x2.StructureCoefficient) < 0.3, $"structure {x2.StructureCoefficient}");
        Assert.Contains(first.Disagreements, d => d.Indicator == x2 && d.Kind == DisagreementKind.LargeWeightSmallStructure);
        Assert.Contains(x2, first.WeightedX);
        Assert.DoesNotContain(x2, first.DominantX);
        Assert.Contains("would add X2", first.Sentence);
        Assert.Contains("disagree for", first.Sentence);
        var row = Enumerable.Range(0, read.ComparisonTable(1).Rows.Count).Single(r => read.ComparisonTable(1).CellText(r, 2) == "X2");
        var table = read.ComparisonTable(1);
        Assert.Equal("named", table.CellText(row, 6));
        Assert.Equal("", table.CellText(row, 9));
        Assert.Contains("LargeWeightSmallStructure", table.CellText(row, 10));
    }

    [Fact]
    public void ANegativeSuppressorHasOppositeSignsAndIsFlagged()
    {
        // X2 = 0.4 f + e + noise correlates positively with f (≈ 0.4/√1.17 = 0.37) but V1 ≈ X1 − X2 = 0.6 f: its weight is negative.
        var read = Read(Build(400, 63, d => [d[0] + d[1], 0.4 * d[0] + d[1] + 0.1 * d[2], d[3]], d => [d[0] + 0.3 * d[4], d[5], d[6]]));
        var x2 = read.Pairs[0].X.Single(i => i.Symbol == "X2");
        Assert.True(x2.StructureCoefficient > 0.2 && x2.StandardizedCoefficient < -0.2, $"{x2}");
        Assert.Contains(read.Pairs[0].Disagreements, d => d.Indicator == x2 && d.Kind == DisagreementKind.OppositeSigns);
        Assert.Contains(read.DisagreementTable().Rows, r => (string?)r[1] == "X2" && (string?)r[5] == "OppositeSigns");
    }

    [Theory]
    [InlineData(1.2, 0.9, new[] { DisagreementKind.WeightAboveOne })]
    [InlineData(1.02, 0.99, new DisagreementKind[0])]         // a lone indicator: weight and structure both about 1
    [InlineData(0.1, -0.1, new DisagreementKind[0])]          // opposite signs, but both below the 0.2 floor
    [InlineData(-0.35, 0.25, new[] { DisagreementKind.OppositeSigns })]
    [InlineData(0.05, 0.8, new[] { DisagreementKind.SmallWeightLargeStructure })]
    [InlineData(-0.7, 0.1, new[] { DisagreementKind.LargeWeightSmallStructure })]
    [InlineData(0.6, 0.6, new DisagreementKind[0])]
    public void DisagreementRulesMatchTheirDocumentation(double weight, double structure, DisagreementKind[] expected)
    {
        var reading = new IndicatorReading("X1", "Sales", "X", structure, weight);
        var kinds = CanonicalInterpreter.Disagreements(1, reading, new InterpretationOptions()).Select(d => d.Kind).ToArray();
        Assert.Equal(expected, kinds);
    }

    [Fact]
    public void TablesHaveOneRowPerPairOrPerPairAndIndicator()
    {
        var read = Read(DominantCase());
        Assert.Equal(read.Pairs.Count, read.ToTable().Rows.Count);
        Assert.Equal(6 * read.Pairs.Count, read.ComparisonTable().Rows.Count);
        Assert.Equal("X1 Sales (1.00)", read.ToTable().CellText(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => read.ComparisonTable(read.Pairs.Count + 1));
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        var cca = CanonicalCorrelationAnalysis.Fit(DominantCase().X, DominantCase().Y);
        var tests = SignificanceTests.Test(cca);
        var other = SignificanceTests.Test(cca.Correlations, 150, 3, 3);
        Assert.Equal("tests", Assert.Throws<ArgumentException>(() => CanonicalInterpreter.Interpret(cca, other)).ParamName);
        Assert.Equal("StructureThreshold", Assert.Throws<ArgumentOutOfRangeException>(() =>
            CanonicalInterpreter.Interpret(cca, tests, new InterpretationOptions { StructureThreshold = 1.5 })).ParamName);
        Assert.Equal("SmallCoefficient", Assert.Throws<ArgumentOutOfRangeException>(() =>
            CanonicalInterpreter.Interpret(cca, tests, new InterpretationOptions { StructureThreshold = 0.25 })).ParamName);
    }
}

public class InterpretationOptionsTests
{
    [Fact]
    public void CatalogueOptionsUseIndicatorNamesAndSystemNames()
    {
        var o = InterpretationOptions.FromCatalog();
        Assert.Equal(RuralEcom.Data.IndicatorCatalog.Default["X7"].Name, o.DisplayName!("X7"));
        Assert.Equal("Z1", o.DisplayName!("Z1"));
        Assert.Equal(RuralEcom.Data.IndicatorCatalog.Default["X1"].System, o.XSetName);
        Assert.Equal(RuralEcom.Data.IndicatorCatalog.Default["Y1"].System, o.YSetName);
        Assert.NotEqual(o.XSetName, o.YSetName);
    }
}

public class SentenceDirectionTests
{
    private static IndicatorReading R(string symbol, double structure) => new(symbol, symbol, symbol[..1], structure, structure);

    [Fact]
    public void SignsOfTheStructureCoefficientsGiveHighAndLow()
    {
        Assert.Equal("Samples with high A and low B tend to have high C.", CanonicalInterpreter.Association([R("A", 0.8), R("B", -0.6)], [R("C", 0.7)]));
        Assert.Equal("Samples with high A tend to have high C and low D.", CanonicalInterpreter.Association([R("A", 0.8)], [R("C", 0.7), R("D", -0.5)]));
    }

    [Fact]
    public void WhenEveryLeadingXIndicatorIsNegativeBothSidesAreReversed()
    {
        // V and W reversed together describe the same pair: "low A … low C" reads better as "high A … high C".
        Assert.Equal("Samples with high A tend to have high C.", CanonicalInterpreter.Association([R("A", -0.8)], [R("C", -0.7)]));
        Assert.Equal("Samples with high A and B tend to have high C and low D.",
            CanonicalInterpreter.Association([R("A", -0.8), R("B", -0.6)], [R("C", -0.7), R("D", 0.5)]));
    }
}
