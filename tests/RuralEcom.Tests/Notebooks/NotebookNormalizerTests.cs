using System.Text.Json.Nodes;
using RuralEcom.NotebookTools;

namespace RuralEcom.Tests.Notebooks;

/// <summary>The normaliser on small hand-written notebooks shaped like dotnet-repl 0.3.259's output.</summary>
public sealed class NotebookNormalizerTests
{
    private const string CodeMeta =
        """{"dotnet_interactive":{"language":"csharp"},"polyglot_notebook":{"kernelName":"csharp"},"vscode":{"languageId":"polyglot-notebook"}}""";

    private const string Original = $$$"""
        {"cells":[
          {"cell_type":"markdown","id":"intro","metadata":{},"source":["# 城乡融合 title"]},
          {"cell_type":"code","execution_count":null,"id":"nuget","metadata":{{{CodeMeta}}},"outputs":[],"source":["#r \"nuget: MathNet.Numerics, 5.0.0\""]},
          {"cell_type":"code","execution_count":null,"id":"fail","metadata":{{{CodeMeta}}},"outputs":[{"output_type":"stream","name":"stdout","text":["stale\n"]}],"source":["throw new Exception(\"x\");"]}
        ],
        "metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"},"language_info":{"name":"polyglot-notebook"},
          "polyglot_notebook":{"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]} } },
        "nbformat":4,"nbformat_minor":5}
        """;

    private static string Frame(string html) =>
        $$"""{"data":{"text/html":["{{html}}"]},"metadata":{},"output_type":"display_data"}""";

    // What dotnet-repl writes back: flattened metadata, timestamps on every cell, no ids, no vscode.languageId,
    // one output per NuGet progress frame, and the error of the third cell.
    private static readonly string Executed = $$$"""
        {"cells":[
          {"cell_type":"markdown","metadata":{"dotnet_repl_cellExecutionStartTime":"2026-11-28T18:21:35.7+00:00","dotnet_repl_cellExecutionEndTime":"2026-11-28T18:21:35.8+00:00"},"source":["# 城乡融合 title"]},
          {"cell_type":"code","execution_count":null,"metadata":{"dotnet_repl_cellExecutionStartTime":"2026-11-28T18:21:36+00:00","dotnet_interactive":{"language":"csharp"},"polyglot_notebook":{"kernelName":"csharp"}},"outputs":[
            {{{Frame("<div><strong>Installing Packages</strong><ul><li><span>MathNet.Numerics</span></li></ul></div>")}}},
            {{{Frame("<div><strong>Installing Packages</strong><ul><li><span>MathNet.Numerics.</span></li></ul></div>")}}},
            {{{Frame("<div><strong>Installed Packages</strong><ul><li><span>MathNet.Numerics, 4.0</span></li></ul></div>")}}},
            {{{Frame("<div><strong>Installed Packages</strong><ul><li><span>MathNet.Numerics, 5.0.0</span></li></ul></div>")}}}],
           "source":["#r \"nuget: MathNet.Numerics, 5.0.0\""]},
          {"cell_type":"code","execution_count":null,"metadata":{"dotnet_repl_cellExecutionEndTime":"2026-11-28T18:21:37+00:00"},"outputs":[
            {"ename":"Error","evalue":"System.Exception: x\n   at Submission#2.<<Initialize>>d__0.MoveNext()\n--- End of stack trace from previous location ---","output_type":"error","traceback":[""]}],
           "source":["throw new Exception(\"x\");"]}
        ],
        "metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"},
          "language_info":{"file_extension":".cs","mimetype":"text/x-csharp","name":"C#","pygments_lexer":"csharp","version":"13.0"},
          "polyglot_notebook":{"defaultKernelName":"csharp","items":[{"name":"csharp"}]} },
        "nbformat":4,"nbformat_minor":4}
        """;

    private static JsonObject Merged() =>
        NotebookNormalizer.Merge(NotebookNormalizer.Parse(Original, "original"), NotebookNormalizer.Parse(Executed, "executed"));

    [Fact]
    public void Merge_strips_timestamps_and_keeps_only_the_last_installed_packages_frame()
    {
        var text = NotebookNormalizer.Serialize(Merged());

        Assert.DoesNotContain("dotnet_repl_", text);
        Assert.DoesNotContain("Installing Packages", text);
        var nuget = (JsonArray)Merged()["cells"]![1]!["outputs"]!;
        var frame = Assert.Single(nuget);
        Assert.Contains("MathNet.Numerics, 5.0.0", frame!["data"]!["text/html"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Merge_keeps_the_original_ids_sources_and_vscode_metadata()
    {
        var merged = Merged();
        var original = NotebookNormalizer.Parse(Original, "original");

        Assert.True(JsonNode.DeepEquals(original["metadata"], merged["metadata"]));
        Assert.Equal(5, (int)merged["nbformat_minor"]!);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal((string?)original["cells"]![i]!["id"], (string?)merged["cells"]![i]!["id"]);
            Assert.True(JsonNode.DeepEquals(original["cells"]![i]!["source"], merged["cells"]![i]!["source"]));
            Assert.True(JsonNode.DeepEquals(original["cells"]![i]!["metadata"], merged["cells"]![i]!["metadata"]));
        }
        // The stale output of the failing cell is replaced by the run's error.
        Assert.Equal("error", (string?)merged["cells"]![2]!["outputs"]![0]!["output_type"]);
    }

    [Fact]
    public void Merge_restores_vscode_metadata_missing_from_the_original()
    {
        var stripped = NotebookNormalizer.Parse(Original, "original");
        stripped["metadata"] = new JsonObject { ["language_info"] = new JsonObject { ["name"] = "C#" } };
        ((JsonObject)stripped["cells"]![1]!)["metadata"] = new JsonObject();

        var merged = NotebookNormalizer.Merge(stripped, NotebookNormalizer.Parse(Executed, "executed"));

        Assert.True(JsonNode.DeepEquals(NotebookNormalizer.StandardNotebookMetadata(), merged["metadata"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CodeMeta), merged["cells"]![1]!["metadata"]));
    }

    [Fact]
    public void FindErrors_numbers_cells_like_vscode_and_first_lines_skip_the_stack_trace()
    {
        var error = Assert.Single(NotebookNormalizer.FindErrors(Merged()));

        Assert.Equal(3, error.CellNumber);
        Assert.Equal("System.Exception: x", error.FirstLines());
    }

    [Fact]
    public void Serialize_is_deterministic_sorted_one_space_indented_utf8_with_lf()
    {
        var text = NotebookNormalizer.Serialize(Merged());

        Assert.Equal(text, NotebookNormalizer.Serialize(NotebookNormalizer.Parse(text, "round trip")));
        Assert.StartsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n   \"id\": \"intro\",", text);
        Assert.Contains("城乡融合", text);          // not escaped as \uXXXX
        Assert.Contains("<strong>", text);          // HTML not escaped as \u003C
        Assert.DoesNotContain("\r", text);
        Assert.EndsWith("}\n", text);
        Assert.True(text.IndexOf("\"metadata\": {\n  \"kernelspec\"", StringComparison.Ordinal) > 0);
    }

    [Fact]
    public void Merge_refuses_notebooks_whose_cell_counts_differ()
    {
        var executed = NotebookNormalizer.Parse(Executed, "executed");
        ((JsonArray)executed["cells"]!).RemoveAt(2);

        var e = Assert.Throws<InvalidDataException>(() => NotebookNormalizer.Merge(NotebookNormalizer.Parse(Original, "o"), executed));
        Assert.Contains("2 cells but the original has 3", e.Message);
    }
}
