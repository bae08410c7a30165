using Microsoft.VisualBasic.FileIO;
using RuralEcom.Tests.Plots;

namespace RuralEcom.Tests.Cli;

/// <summary>The <c>report</c> command on the bundled SYNTHETIC paper-shaped panel.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private static readonly string PanelFile = RepoPaths.Combine("data", "synthetic", "synthetic-paper-shaped-panel.csv");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ruralecom-cli-report-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void ReportWritesEveryTableAndFigureAndTheFilesParse()
    {
        var (code, output, error) = CliRunner.Run("report", "--data", PanelFile, "--out", _dir, "--alpha", "0.01");
        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains("canonical pairs significant at alpha = 0.01 (n = 55)", output);
        Assert.Contains("(index: README.md)", output);
        var index = File.ReadAllText(Path.Combine(_dir, "README.md"));
        var linked = System.Text.RegularExpressions.Regex.Matches(index, @"\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(Directory.GetFiles(_dir).Select(Path.GetFileName).Where(n => n is not ("README.md" or RuralEcom.Reports.ReportWriter.MarkerFile)).Order(), linked.Order());
        foreach (var csv in Directory.GetFiles(_dir, "*.csv"))
        {
            using var parser = new TextFieldParser(csv) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!;
            int rows = 0;
            while (!parser.EndOfData) { Assert.Equal(header.Length, parser.ReadFields()!.Length); rows++; }
            Assert.True(rows > 0, csv);
        }
        foreach (var png in Directory.GetFiles(_dir, "*.png")) PngHeader.Size(File.ReadAllBytes(png));
        foreach (var name in new[] { "01-canonical-correlations.csv", "10-interpretation.md", "13-strategy-ranking.tex", "fig-01-canonical-correlations.png", "fig-04-structure-pair-1.png", "fig-05-strategy-ranking.png" })
            Assert.True(File.Exists(Path.Combine(_dir, name)), name);
    }

    [Theory]
    [InlineData("--alpha", "1.5", "--alpha 1.5 must lie strictly between 0 and 1")]
    [InlineData("--threshold", "0.1", "--threshold 0.1 must lie between 0.3 and 1")]
    public void BadSettingsExitWithCode2AndSayWhatToDo(string option, string value, string message)
    {
        var (code, _, error) = CliRunner.Run("report", "--data", PanelFile, "--out", _dir, option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.False(Directory.Exists(_dir));
    }

    [Fact]
    public void APanelWithoutThePapersIndicatorsExitsWithCode2()
    {
        var file = Path.Combine(Path.GetTempPath(), "ruralecom-small-" + Environment.ProcessId + ".csv");
        File.WriteAllText(file, "region,year,X1,Y1\nA,2014,1,2\nA,2015,2,3\nB,2014,3,1\n");
        try
        {
            var (code, _, error) = CliRunner.Run("report", "--data", file, "--out", _dir);
            Assert.Equal(2, code);
            Assert.Contains("the file has only X1, Y1. Missing (17): X2, X3", error);
            Assert.Contains("  Y8: download 人均地区生产总值(元/人)", error);
        }
        finally { File.Delete(file); }
    }
}
