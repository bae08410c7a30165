using Microsoft.VisualBasic.FileIO;
using RuralEcom.Cca;
using RuralEcom.Interpretation;
using RuralEcom.Reports;
using RuralEcom.Tests.Plots;

namespace RuralEcom.Tests.Reports;

public sealed class AnalysisReportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ruralecom-report-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static (CcaResult Cca, string[] Labels) Fitted()
    {
        var (x, y) = TestData.Related(55, 8, 11, seed: 707);
        var xNames = Enumerable.Range(1, 8).Select(i => $"X{i}").ToArray();
        var yNames = Enumerable.Range(1, 11).Select(i => $"Y{i}").ToArray();
        return (CanonicalCorrelationAnalysis.Fit(x, y, xNames, yNames), Enumerable.Range(0, 55).Select(i => $"R{i % 7} {2014 + i / 7}").ToArray());
    }

    /// <summary>Parses a CSV strictly and returns its records; fails if rows have different numbers of fields.</summary>
    private static List<string[]> ParseCsv(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields()!);
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        return rows;
    }

    [Fact]
    public void EveryTableAndFigureIsWrittenAndParses()
    {
        var (cca, labels) = Fitted();
        var result = AnalysisReport.Write(cca, labels, _dir, new AnalysisReportOptions { DataDescription = "seeded test data" });
        int k = result.Interpretation.Pairs.Count;
        Assert.InRange(k, 1, 7);
        var names = result.Files.Select(f => f.Name).ToHashSet();
        foreach (var table in new[] { "01-canonical-correlations", "02-wilks-tests", "07-structure-x-own", "10-interpretation", "11-paper-vs-structure-reading", "13-strategy-ranking", "16-strategy-map" })
            foreach (var ext in new[] { ".csv", ".md", ".tex" })
                Assert.Contains(table + ext, names);
        Assert.Contains("fig-01-canonical-correlations.png", names);
        for (int p = 1; p <= k; p++)
        {
            Assert.Contains($"fig-03-variates-pair-{p}.png", names);
            Assert.Contains($"fig-03-variates-pair-{p}.html", names);
            Assert.Contains($"fig-04-structure-pair-{p}.png", names);
            Assert.Contains($"fig-04-structure-pair-{p}.html", names);
        }
        foreach (var f in result.Files)
            Assert.True(File.Exists(Path.Combine(_dir, f.Name)), f.Name);
        // Plus README.md and the list of files that marks the folder as a report.
        Assert.Equal(result.Files.Count, Directory.GetFiles(_dir).Count(f => Path.GetFileName(f) != ReportWriter.MarkerFile) - 1);

        // CSVs parse with a constant number of fields; the numbers in the canonical correlation table are the analysis's.
        foreach (var csv in Directory.GetFiles(_dir, "*.csv")) Assert.NotEmpty(ParseCsv(csv));
        var cc = ParseCsv(Path.Combine(_dir, "01-canonical-correlations.csv"));
        Assert.Equal(cca.Count + 1, cc.Count);
        Assert.Equal(cca.Correlations[0], double.Parse(cc[1][1], System.Globalization.CultureInfo.InvariantCulture), 6);
        var ranking = ParseCsv(Path.Combine(_dir, "13-strategy-ranking.csv"));
        Assert.Equal(StrategyMap.Default.Strategies.Count + 1, ranking.Count);
        // PNGs have valid headers and the requested sizes.
        foreach (var png in Directory.GetFiles(_dir, "*.png"))
        {
            var (width, height) = PngHeader.Size(File.ReadAllBytes(png));
            Assert.True(width >= 200 && height >= 150, png);
        }
        Assert.Equal((900, 500), PngHeader.Size(File.ReadAllBytes(Path.Combine(_dir, "fig-01-canonical-correlations.png"))));
        // LaTeX and Markdown carry the title.
        Assert.Contains("\\begin{tabular}", File.ReadAllText(Path.Combine(_dir, "02-wilks-tests.tex")));
        Assert.StartsWith("**Test of H0", File.ReadAllText(Path.Combine(_dir, "02-wilks-tests.md")));
        // The index links every file and shows the generated sentences.
        var index = File.ReadAllText(Path.Combine(_dir, "README.md"));
        Assert.Contains("Data: seeded test data", index);
        Assert.All(result.Files, f => Assert.Contains($"({f.Name})", index));
        Assert.All(result.Interpretation.Sentences, s => Assert.Contains(MarkdownText.Escape(s), index)); // as typed once rendered
    }

    [Fact]
    public void WritingTwiceGivesIdenticalFiles()
    {
        var (cca, labels) = Fitted();
        AnalysisReport.Write(cca, labels, _dir);
        var first = Directory.GetFiles(_dir).Order().ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        AnalysisReport.Write(cca, labels, _dir);
        foreach (var (name, bytes) in first) Assert.True(bytes.SequenceEqual(File.ReadAllBytes(Path.Combine(_dir, name))), name);
    }

    [Fact]
    public void AnalysisFromACorrelationMatrixSkipsTheScatters()
    {
        var (cca, _) = Fitted();
        var fromMatrix = CanonicalCorrelationAnalysis.FitCorrelation(cca.CorrelationMatrix.ToArray(), 8, 55, cca.XNames.Concat(cca.YNames).ToArray());
        var result = AnalysisReport.Write(fromMatrix, null, _dir);
        Assert.DoesNotContain(result.Files, f => f.Name.StartsWith("fig-03", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Files, f => f.Name.StartsWith("06-raw", StringComparison.Ordinal));
        Assert.Contains(result.Files, f => f.Name == "fig-04-structure-pair-1.png");
    }

    [Fact]
    public void WithNoSignificantPairTheReportSaysSoAndStillWritesTheTests()
    {
        // Independent X and Y: the population canonical correlations are all zero.
        var cca = CanonicalCorrelationAnalysis.Fit(TestData.Gaussian(55, 4, 909), TestData.Gaussian(55, 5, 910));
        var options = new AnalysisReportOptions { Interpretation = new InterpretationOptions { Alpha = 0.001 } };
        var result = AnalysisReport.Write(cca, null, _dir, options);
        Assert.Empty(result.Interpretation.Pairs);
        Assert.Empty(result.Interpretation.ToTable().Rows);
        Assert.All(result.Strategies.Scores, s => Assert.Equal(0, s.Score));
        Assert.Contains(result.Files, f => f.Name == "02-wilks-tests.csv");
        Assert.DoesNotContain(result.Files, f => f.Name.StartsWith("fig-03", StringComparison.Ordinal) || f.Name.StartsWith("fig-05", StringComparison.Ordinal));
        Assert.Contains("0 of 4 canonical pairs are significant", File.ReadAllText(Path.Combine(_dir, "README.md")));
    }

    [Fact]
    public void FileNamesThatLeaveTheFolderAreRejected()
    {
        var w = new ReportWriter(_dir);
        Assert.Throws<ArgumentException>(() => w.Write("../escape.md", "t", "x"));
    }
}

public sealed class PanelReportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ruralecom-panel-report-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void TheBundledSyntheticPanelGivesAFullReportWithCatalogueNames()
    {
        var panel = RuralEcom.Data.PanelCsv.Load(RepoPaths.Combine("data", "synthetic", "synthetic-paper-shaped-panel.csv"));
        var result = AnalysisReport.WritePanel(panel, _dir);
        Assert.Equal(55, result.Tests.N);
        Assert.True(result.Interpretation.Pairs.Count >= 1);
        var index = File.ReadAllText(Path.Combine(_dir, "README.md"));
        Assert.Contains("synthetic-paper-shaped-panel.csv (55 region-years", index);
        Assert.Contains(RuralEcom.Data.IndicatorCatalog.Default["X1"].System, index);
        var scatter = File.ReadAllText(Path.Combine(_dir, "fig-03-variates-pair-1.html"));
        Assert.Contains($"\"{panel.Regions[0]} {panel.Years[0]}\"", scatter);
    }

    [Fact]
    public void APanelWithoutThePapersColumnsIsRefusedWithTheMissingNames()
    {
        var panel = RuralEcom.Data.PanelCsv.FromText("region,year,X1,Y1\nA,2014,1,2\nA,2015,2,3\nB,2014,3,1\n", "mine.csv");
        var e = Assert.Throws<CcaDataException>(() => AnalysisReport.WritePanel(panel, _dir));
        Assert.Contains("mine.csv lacks the column(s) X2, X3", e.Message);
        Assert.False(Directory.Exists(_dir));
    }
}
