using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RuralEcom.NotebookTools;

namespace RuralEcom.Tests.Notebooks;

/// <summary>
/// Runs every committed file-based app (<c>dotnet run --file notebooks/scripts/NN-name.cs</c>, as a reader would)
/// and checks that it prints what its notebook shows: every table (title, every row, note), every text output and
/// as many figures. The reference is the notebook's committed outputs, so a stale notebook fails here too.
/// </summary>
/// <remarks>The apps run one at a time, in the notebook collection: each `dotnet run` compiles a small project.</remarks>
[Collection(NotebookCollection.Name)]
public sealed partial class ScriptRunTests
{
    /// <summary>One case per notebook that has an app (those directly in notebooks/; the solutions have none).</summary>
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in NotebookRunner.DefaultNotebooks(RepoPaths.Root).Where(p => ScriptExporter.HasApp(RepoPaths.Root, p)))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void App_runs_and_prints_the_notebooks_tables_and_texts(string notebook)
    {
        var name = Path.GetFileNameWithoutExtension(notebook);
        var script = RepoPaths.Combine("notebooks", "scripts", name + ".cs");
        Assert.True(File.Exists(script), $"{script} is missing; run ./run-notebooks.sh --scripts");

        var (exitCode, output, elapsed) = Run(script);

        Assert.True(exitCode == 0, $"`dotnet run --file notebooks/scripts/{name}.cs` exited with {exitCode} after {elapsed.TotalSeconds:F0} s:\n{output}");
        var printedRows = output.Split('\n').Where(l => l.StartsWith('|')).Select(l => RowKey(SplitRow(l))).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        var figures = 0;
        var cells = (JsonArray)NotebookNormalizer.Parse(File.ReadAllText(RepoPaths.Combine("notebooks", notebook)), notebook)["cells"]!;
        for (var i = 0; i < cells.Count; i++)
        {
            foreach (var o in (cells[i]!["outputs"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var data = o["data"] as JsonObject;
                if (data?["image/png"] is not null) { figures++; continue; }
                var html = NotebookNormalizer.JoinedText(data?["text/html"]);
                if (html.StartsWith("<table>", StringComparison.Ordinal))
                {
                    foreach (var expected in TableTexts(html).Where(t => !output.Contains(t, StringComparison.Ordinal)))
                        missing.Add($"cell {i + 1}: \"{expected}\"");
                    foreach (var row in TableRows(html).Where(r => !printedRows.Contains(RowKey(r))))
                        missing.Add($"cell {i + 1}: table row | {string.Join(" | ", row)} |");
                    continue;
                }
                var text = (string?)o["output_type"] == "stream" ? NotebookNormalizer.JoinedText(o["text"]) : NotebookNormalizer.JoinedText(data?["text/plain"]);
                foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !output.Contains(l, StringComparison.Ordinal)))
                    missing.Add($"cell {i + 1}: text \"{line}\"");
            }
        }
        Assert.True(missing.Count == 0, $"notebooks/scripts/{name}.cs does not print what {notebook} shows:\n" + string.Join("\n", missing.Take(20)));
        Assert.Equal(figures, Regex.Count(output, @"^\[figure \d+: ", RegexOptions.Multiline));
    }

    [Fact]
    public void Figures_are_saved_only_into_the_folder_named_with_figures()
    {
        var folder = Directory.CreateTempSubdirectory("ruralecom-figures-").FullName;
        try
        {
            var (exitCode, output, _) = Run(RepoPaths.Combine("notebooks", "scripts", "02-development-levels.cs"), "--figures", folder);

            Assert.True(exitCode == 0, output);
            var saved = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(Regex.Count(output, @"^\[figure \d+: .*; saved as ", RegexOptions.Multiline), saved.Count);
            Assert.NotEmpty(saved);
            Assert.All(saved, f => Assert.Matches(@"^02-development-levels-figure-\d\d(-[a-z0-9-]+)?\.png$", f!));
            var png = File.ReadAllBytes(Path.Combine(folder, saved[0]!));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_bad_argument_exits_with_2_and_says_how_to_use_the_app()
    {
        var (exitCode, output, _) = Run(RepoPaths.Combine("notebooks", "scripts", "00-overview.cs"), "--figure", "x");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown argument '--figure'.", output);
        Assert.Contains("Usage: dotnet run --file notebooks/scripts/00-overview.cs [-- --figures DIR]", output);
    }

    private static (int ExitCode, string Output, TimeSpan Elapsed) Run(string script, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var (exitCode, output) = TestProcess.Run("dotnet", new[] { "run", "--file", script, "--" }.Concat(args), RepoPaths.Root,
            new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" }, TimeSpan.FromMinutes(10));
        return (exitCode, output.Replace("\r\n", "\n"), clock.Elapsed);
    }

    /// <summary>The caption and the note of an HTML table as the text display prints them.</summary>
    private static IEnumerable<string> TableTexts(string html) =>
        CaptionOrNote().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    private static IEnumerable<string[]> TableRows(string html) =>
        HtmlRow().Matches(html).Select(r => HtmlCell().Matches(r.Groups[1].Value)
            .Select(c => WebUtility.HtmlDecode(c.Groups[1].Value).Replace("\n", " ", StringComparison.Ordinal).Trim()).ToArray());

    private static string[] SplitRow(string line)
    {
        var inner = line.Trim();
        inner = inner[1..(inner.EndsWith('|') && inner.Length > 1 ? inner.Length - 1 : inner.Length)];
        return UnescapedBar().Split(inner).Select(c => c.Trim().Replace("\\|", "|", StringComparison.Ordinal)).ToArray();
    }

    private static string RowKey(string[] cells) => string.Join("\u001f", cells);

    [GeneratedRegex(@"<(?:caption[^>]*|small)>(.*?)</(?:caption|small)>", RegexOptions.Singleline)]
    private static partial Regex CaptionOrNote();

    [GeneratedRegex(@"<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex HtmlRow();

    [GeneratedRegex(@"<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex HtmlCell();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedBar();
}
