using System.Text.Json.Nodes;
using RuralEcom.NotebookTools;

namespace RuralEcom.Tests.Notebooks;

/// <summary>
/// The notebook-to-file-based-app translation on small hand-written notebooks, and the committed apps under
/// notebooks/scripts/ against their notebooks.
/// </summary>
public sealed class ScriptExporterTests
{
    private static JsonObject Notebook(params (string Type, string Source)[] cells)
    {
        var array = new JsonArray();
        foreach (var (type, source) in cells)
        {
            var cell = new JsonObject { ["cell_type"] = type, ["metadata"] = new JsonObject(), ["source"] = source };
            if (type == "code")
            {
                cell["metadata"] = JsonNode.Parse("""{"dotnet_interactive":{"language":"csharp"}}""");
                cell["outputs"] = new JsonArray();
            }
            array.Add(cell);
        }
        return new JsonObject { ["cells"] = array, ["metadata"] = NotebookNormalizer.StandardNotebookMetadata() };
    }

    private static string Export(params (string Type, string Source)[] cells) =>
        ScriptExporter.Export(Notebook(cells), "notebooks/99-test.ipynb");

    [Fact]
    public void Directives_become_file_based_app_directives_and_the_last_expression_is_displayed()
    {
        var script = Export(
            ("markdown", "# 99 · Title\n\nText.\n```csharp\n# not a heading\n```\n## Section"),
            ("code", "#r \"../bin/Release/net10.0/RuralEcom.dll\"\n#r \"nuget: MathNet.Numerics, 5.0.0\"\n#load \"setup.csx\"\nusing RuralEcom.Data;"),
            ("code", "var t = new Table(\"T\", [\"a\"],\n    [[1]])\n;var n = 2;\nt"),
            ("code", "record Point(int X);\nvar p = new Point(3);\n// a comment\np.X + n"));

        Assert.StartsWith(ScriptExporter.GeneratedMarker + "notebooks/99-test.ipynb", script);
        Assert.Contains("#:project ../../RuralEcom.Lib.csproj\n", script);
        Assert.Contains("#:package MathNet.Numerics@5.0.0\n", script);
        Assert.Contains("#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj\n", script);
        Assert.Contains("using RuralEcom.Data;\n", script);
        Assert.Contains("Heading(\"# 99 · Title\");\nHeading(\"## Section\");", script);
        Assert.DoesNotContain("not a heading", script);
        Assert.Contains("display(t);", script);
        Assert.Contains("display(p.X + n);", script);
        // usings precede every statement; the record follows every statement.
        var lastUsing = script.LastIndexOf("using ", StringComparison.Ordinal);
        Assert.True(lastUsing < script.IndexOf("if (!Start(args, \"99-test\")) return;", StringComparison.Ordinal));
        Assert.True(script.IndexOf("record Point(int X);", StringComparison.Ordinal) > script.IndexOf("display(p.X + n);", StringComparison.Ordinal));
        Assert.DoesNotContain("#r ", script.Replace("// #r ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_statement_or_declaration_at_the_end_of_a_cell_is_not_displayed()
    {
        var script = Export(("code", "var x = 1;\nConsole.WriteLine(x);"), ("code", "int Twice(int v) => 2 * v;"));

        Assert.DoesNotContain("display(", script);
        Assert.Contains("Console.WriteLine(x);", script);
        Assert.Contains("int Twice(int v) => 2 * v;", script);
    }

    [Fact]
    public void Kernel_report_magics_are_dropped_and_the_cell_language_marker_is_accepted()
    {
        var script = Export(("code", "#!csharp\n#!time\n1 + 1"));

        Assert.Contains("// #!time (a notebook kernel command; the script has no kernel)", script);
        Assert.DoesNotContain("#!csharp", script);
        Assert.Contains("display(1 + 1);", script);
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", "cell 2: the cell is in 'fsharp'")]
    [InlineData("var a = 1;\n#!set --name x --value 1", "cell 2, line 2: the magic command '#!set --name x --value 1'")]
    [InlineData("#r \"nuget: MathNet.Numerics\"", "cell 2, line 1: '#r \"nuget: MathNet.Numerics\"' gives no version")]
    [InlineData("#load \"other.csx\"", "cell 2, line 1: '#load \"other.csx\"' loads a script other than setup.csx")]
    [InlineData("#r \"/opt/lib/Other.dll\"", "cell 2, line 1: '#r \"/opt/lib/Other.dll\"' loads a DLL other than")]
    [InlineData("#i \"nuget: https://example.org/feed\"", "cell 2, line 1: '#i")]
    [InlineData("var x = ;", "cell 2, line 1: the cell does not parse as C#")]
    public void What_cannot_be_translated_is_an_error_naming_notebook_cell_and_line(string code, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => Export(("markdown", "# T"), ("code", code)));

        Assert.StartsWith("notebooks/99-test.ipynb, ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Committed_apps_are_up_to_date_with_their_notebooks()
    {
        var runner = new NotebookRunner(RepoPaths.Root);

        var problems = ScriptExporter.Check(runner, NotebookRunner.DefaultNotebooks(RepoPaths.Root),
            RepoPaths.Combine("notebooks", "scripts"), reportOrphans: true);

        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\nRegenerate them with ./run-notebooks.sh --scripts");
    }

    [Fact]
    public void Check_reports_a_stale_a_missing_and_an_orphaned_app()
    {
        var folder = Directory.CreateTempSubdirectory("ruralecom-scripts-").FullName;
        try
        {
            var runner = new NotebookRunner(RepoPaths.Root);
            var notebooks = NotebookRunner.DefaultNotebooks(RepoPaths.Root).Take(2).ToList();
            using var log = new StringWriter();
            Assert.Equal(0, ScriptExporter.ExportAll(runner, notebooks, folder, removeOrphans: true, log));
            Assert.Empty(ScriptExporter.Check(runner, notebooks, folder, reportOrphans: true));

            File.AppendAllText(ScriptExporter.ScriptPath(folder, notebooks[0]), "// edited by hand\n");
            File.Delete(ScriptExporter.ScriptPath(folder, notebooks[1]));
            File.WriteAllText(Path.Combine(folder, "gone.cs"), ScriptExporter.GeneratedMarker + "notebooks/gone.ipynb\n");
            File.WriteAllText(Path.Combine(folder, "mine.cs"), "// written by hand, never touched\n");
            var problems = ScriptExporter.Check(runner, notebooks, folder, reportOrphans: true);

            Assert.Equal(3, problems.Count);
            Assert.Contains(problems, p => p.EndsWith($"is out of date with {runner.DisplayPath(notebooks[0])}.", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("is missing", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.EndsWith("gone.cs belongs to no notebook.", StringComparison.Ordinal));

            ScriptExporter.ExportAll(runner, notebooks, folder, removeOrphans: true, log);
            Assert.Empty(ScriptExporter.Check(runner, notebooks, folder, reportOrphans: true));
            Assert.False(File.Exists(Path.Combine(folder, "gone.cs")));
            Assert.True(File.Exists(Path.Combine(folder, "mine.cs")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
