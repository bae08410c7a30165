using System.Text.Json;
using RuralEcom.Cca;
using RuralEcom.Data;
using RuralEcom.Significance;

namespace RuralEcom.Tests.Cli;

/// <summary>The <c>cca</c> command on the bundled SYNTHETIC paper-shaped panel (55 region-years, X1..X8 and Y1..Y11).</summary>
public class CcaCommandPanelTests
{
    private static readonly string PanelFile = RepoPaths.Combine("data", "synthetic", "synthetic-paper-shaped-panel.csv");
    private static readonly string[] Xs = ["X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8"];
    private static readonly string[] Ys = ["Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Y8", "Y9", "Y10", "Y11"];

    [Theory]
    [InlineData("stable", CcaMethod.Stable)]
    [InlineData("eigen", CcaMethod.Eigen)]
    public void Json_on_the_bundled_panel_matches_the_library(string method, CcaMethod expected)
    {
        var (code, output, error) = CliRunner.Run("cca", "--data", PanelFile, "--x", string.Join(",", Xs), "--y", string.Join(",", Ys), "--method", method);
        Assert.Equal("", error);
        Assert.Equal(0, code);
        // The reference reads the same file through the panel loader (region-year keys, catalogue symbols), not the CLI's reader.
        var panel = SyntheticPanel.LoadBundled();
        var cca = CanonicalCorrelationAnalysis.Fit(panel.Matrix(Xs), panel.Matrix(Ys), Xs, Ys, expected);
        using var doc = JsonDocument.Parse(output);
        CcaJsonAssert.Matches(doc.RootElement, cca, SignificanceTests.Test(cca), method);
        Assert.Equal(55, doc.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(8, doc.RootElement.GetProperty("canonicalCorrelations").GetArrayLength());
        Assert.Equal(11, doc.RootElement.GetProperty("standardizedCoefficients").GetProperty("y").GetArrayLength());
        Assert.Equal(8, doc.RootElement.GetProperty("standardizedCoefficients").GetProperty("y")[0].GetArrayLength());
    }

    [Fact]
    public void The_key_columns_cannot_be_analysed()
    {
        var (code, _, error) = CliRunner.Run("cca", "--data", PanelFile, "--x", "region,X1", "--y", "Y1");
        Assert.Equal(2, code);
        Assert.Contains("'Region A' is not a number", error);
        Assert.Contains("column 'region'", error);
    }
}
