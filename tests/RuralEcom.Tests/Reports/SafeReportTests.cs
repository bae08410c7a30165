using RuralEcom.Cca;
using RuralEcom.Interpretation;
using RuralEcom.Plots;
using RuralEcom.Reports;
using RuralEcom.Tests.Cli;

namespace RuralEcom.Tests.Reports;

/// <summary>
/// Reports are safe to write and to open: user text cannot inject script or markup, symbolic links inside --out are
/// never followed, a report replaces an earlier one whole, and the HTML figures need no network.
/// </summary>
public sealed class SafeReportTests : IDisposable
{
    private const string Attack = "</script><script>alert(1)</script>";
    private static readonly string Synthetic = RepoPaths.Combine("data", "synthetic", "synthetic-paper-shaped-panel.csv");
    private readonly string _root = Directory.CreateTempSubdirectory("ruralecom-safe-report-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The synthetic panel with the first region renamed.</summary>
    private string PanelWithRegion(string name)
    {
        var lines = File.ReadAllLines(Synthetic);
        var first = lines[1].Split(',')[0];
        var file = Path.Combine(_root, "panel.csv");
        File.WriteAllLines(file, lines.Select((l, i) => i > 0 && l.StartsWith(first + ",", StringComparison.Ordinal) ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + l[first.Length..] : l));
        return file;
    }

    [Fact]
    public void A_region_name_with_markup_does_not_run_or_render_anywhere_in_the_report()
    {
        var out1 = Path.Combine(_root, "report");
        var (code, _, error) = CliRunner.Run("report", "--data", PanelWithRegion(Attack + " [x](javascript:alert(2)) <img src=x onerror=alert(3)>"), "--out", out1);
        Assert.True(code == 0, error);
        var html = Directory.GetFiles(out1, "*.html");
        Assert.NotEmpty(html);
        foreach (var f in html)
        {
            var text = File.ReadAllText(f);
            // Exactly the page's own two script elements, and no raw markup from the data anywhere in the page.
            Assert.Equal(2, text.Split("<script").Length - 1);
            Assert.DoesNotContain("alert(1)</script>", text);
            Assert.DoesNotContain("<img", text);
        }
        var scatter = File.ReadAllText(Path.Combine(out1, "fig-03-variates-pair-1.html"));
        // The label is in the page as escaped JSON of the HTML-encoded text, which plotly shows as typed.
        Assert.Contains("\\u0026lt;/script\\u0026gt;\\u0026lt;script\\u0026gt;alert(1)", scatter);
        foreach (var f in Directory.GetFiles(out1, "*.md"))
        {
            var text = File.ReadAllText(f);
            Assert.Matches(@"^(?:[^<]|(?<=\\)<)*$", text); // every < is backslash-escaped
        }
    }

    [Fact]
    public void Markdown_and_latex_escape_user_text()
    {
        Assert.Equal("a \\<b\\> \\[c\\](d) \\*e\\* \\_f\\_ \\| \\& \\# \\!", MarkdownText.Escape("a <b> [c](d) *e* _f_ | & # !"));
        // Tables use the same rule for every text: title, headings, cells and note.
        var table = new Table("t_1", ["na*me"], [["<script>x</script> [l](javascript:y) a|b"]], note: "# not a heading");
        var md = table.ToMarkdown();
        Assert.Contains("**t\\_1**", md);
        Assert.Contains("| na\\*me |", md);
        Assert.Contains("\\<script\\>x\\</script\\>", md);
        Assert.Contains("\\[l\\](javascript:y) a\\|b", md);
        Assert.Contains("\n\\# not a heading\n", md);
        Assert.Contains("\\_\\{\\}\\&\\%\\$\\#", new Table("_{}&%$#", ["a"], [["x"]]).ToLatex());
    }

    [Fact]
    public void Html_figures_load_plotly_from_the_file_beside_them()
    {
        var out1 = Path.Combine(_root, "report");
        Assert.Equal(0, CliRunner.Run("report", "--data", Synthetic, "--out", out1).ExitCode);
        var plotly = File.ReadAllText(Path.Combine(out1, InteractiveHtml.PlotlyFileName));
        Assert.StartsWith("/**\n* plotly.js (basic - minified) v3.7.0", plotly);
        Assert.True(plotly.Length > 1_000_000);
        foreach (var f in Directory.GetFiles(out1, "*.html"))
        {
            var text = File.ReadAllText(f);
            Assert.Contains("<script src=\"plotly.min.js\"></script>", text);
            Assert.DoesNotContain("http", text);
        }
        Assert.Contains("[js](plotly.min.js)", File.ReadAllText(Path.Combine(out1, "README.md")));
    }

    [Fact]
    public void A_symbolic_link_inside_out_is_never_written_through()
    {
        var outside = Path.Combine(_root, "outside.txt");
        File.WriteAllText(outside, "precious");
        var out1 = Path.Combine(_root, "report");
        Directory.CreateDirectory(out1);
        File.CreateSymbolicLink(Path.Combine(out1, "01-canonical-correlations.csv"), outside);
        // A folder that is not an earlier report is refused whole.
        var (code, _, error) = CliRunner.Run("report", "--data", Synthetic, "--out", out1);
        Assert.Equal(2, code);
        Assert.Contains("is not empty and holds no earlier report", error);
        Assert.Equal("precious", File.ReadAllText(outside));
        // An earlier report whose file was replaced by a link: the folder is replaced, the link removed, its target kept.
        Directory.Delete(out1, recursive: true);
        Assert.Equal(0, CliRunner.Run("report", "--data", Synthetic, "--out", out1).ExitCode);
        var csv = Path.Combine(out1, "01-canonical-correlations.csv");
        File.Delete(csv);
        File.CreateSymbolicLink(csv, outside);
        Assert.Equal(0, CliRunner.Run("report", "--data", Synthetic, "--out", out1).ExitCode);
        Assert.Equal("precious", File.ReadAllText(outside));
        Assert.Null(new FileInfo(csv).LinkTarget);
        // The same for the single files of cca --out: the rename replaces the link itself.
        var cca = Path.Combine(_root, "cca");
        Directory.CreateDirectory(cca);
        File.CreateSymbolicLink(Path.Combine(cca, "cca.json"), outside);
        Assert.Equal(0, CliRunner.Run("cca", "--data", RepoPaths.Combine("data", "reference", "linnerud.csv"), "--x", "Weight", "--y", "Chins", "--out", cca).ExitCode);
        Assert.Equal("precious", File.ReadAllText(outside));
        Assert.StartsWith("{", File.ReadAllText(Path.Combine(cca, "cca.json")));
        // And a link as the report folder itself is refused.
        var link = Path.Combine(_root, "link");
        Directory.CreateSymbolicLink(link, out1);
        (code, _, error) = CliRunner.Run("report", "--data", Synthetic, "--out", link);
        Assert.Equal(2, code);
        Assert.Contains("is a symbolic link", error);
    }

    [Fact]
    public void A_new_report_replaces_an_earlier_one_whole_and_an_unfinished_one_leaves_nothing()
    {
        var out1 = Path.Combine(_root, "report");
        Assert.Equal(0, CliRunner.Run("report", "--data", Synthetic, "--out", out1).ExitCode);
        Assert.NotEmpty(Directory.GetFiles(out1, "fig-03-*"));
        // Independent X and Y (no significant pair): the new report has no variate scatters, and none of the old remain.
        var independent = CanonicalCorrelationAnalysis.Fit(TestData.Gaussian(55, 4, 909), TestData.Gaussian(55, 5, 910));
        AnalysisReport.Write(independent, null, out1, new AnalysisReportOptions { Interpretation = new() { Alpha = 0.001 } });
        Assert.Empty(Directory.GetFiles(out1, "fig-03-*"));
        var listed = File.ReadAllLines(Path.Combine(out1, ReportWriter.MarkerFile)).Append(ReportWriter.MarkerFile).Order();
        Assert.Equal(listed, Directory.GetFiles(out1).Select(Path.GetFileName).Order()!);
        // An unfinished report (no README written, e.g. an exception or Ctrl-C) leaves the earlier one untouched.
        var snapshot = Directory.GetFiles(out1).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);
        using (var w = new ReportWriter(out1))
        {
            w.Write("01-canonical-correlations.csv", "half", "partial");
        }
        Assert.Equal(snapshot.Keys.Order(), Directory.GetFiles(out1).Select(Path.GetFileName).Order()!);
        Assert.Equal(snapshot["01-canonical-correlations.csv"], File.ReadAllBytes(Path.Combine(out1, "01-canonical-correlations.csv")));
        Assert.Empty(Directory.GetDirectories(_root, ".report.*"));
        // A folder with other files is never replaced.
        File.WriteAllText(Path.Combine(out1, "my-notes.txt"), "mine");
        var (code, _, error) = CliRunner.Run("report", "--data", Synthetic, "--out", out1);
        Assert.Equal(2, code);
        Assert.Contains("holds an earlier report and other files (my-notes.txt)", error);
    }

    [Fact]
    public void Chinese_province_names_are_drawn_in_english_in_png_figures()
    {
        Assert.Equal("Shanghai 2014", FigureRendering.Transliterate("上海 2014"));
        Assert.Equal("Inner Mongolia 2020", FigureRendering.Transliterate("内蒙古自治区 2020"));
        Assert.Equal("Region A 2014", FigureRendering.Transliterate("Region A 2014"));
        var (x, y) = TestData.Related(31, 2, 2, seed: 3);
        var cca = CanonicalCorrelationAnalysis.Fit(x, y);
        var labels = RuralEcom.Data.ProvinceNames.All.Select(p => p.ChineseShort + " 2021").ToArray();
        var (plot, _) = CcaFigures.BuildVariateScatter(cca, 1, labels, labelLargest: labels.Length); // label every point
        using (plot)
        {
            var texts = plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().Select(t => t.LabelText).ToArray();
            Assert.Equal(RuralEcom.Data.ProvinceNames.All.Select(p => p.English + " 2021").Order(), texts.Order()); // labels come largest residual first
        }
        // The HTML keeps the names as typed (browsers have CJK fonts), and is built only when asked for.
        var fig = CcaFigures.VariateScatter(cca, 1, labels);
        Assert.True(fig.HasInteractiveHtml);
        Assert.Contains("\\u4E0A\\u6D77 2021", fig.InteractiveHtml);
    }
}
