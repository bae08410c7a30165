using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RuralEcom.NotebookTools;

/// <summary>
/// Turns a notebook executed by dotnet-repl into a clean file to commit: the ORIGINAL notebook (cell ids, metadata,
/// sources) with only each code cell's <c>outputs</c> replaced by the run's outputs (matched by cell index), minus
/// the run-to-run noise: NuGet progress frames, <c>dotnet_repl_*</c> timestamps, execution counts.
/// </summary>
/// <remarks>
/// dotnet-repl 0.3.259 rewrites the notebook metadata (language_info becomes C#, polyglot_notebook loses
/// kernelInfo), drops <c>vscode.languageId</c> and cell ids, stamps every cell with execution start/end times and
/// saves each "Installing Packages" progress frame of a <c>#r "nuget:..."</c> cell as its own output, a number that
/// varies between runs. Nothing of that is kept, so re-running unchanged code leaves the file byte-identical.
/// </remarks>
public static class NotebookNormalizer
{
    /// <summary>The notebook metadata VS Code Polyglot Notebooks writes for a C# notebook.</summary>
    public static JsonObject StandardNotebookMetadata() => new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        },
    };

    /// <summary>
    /// Merges a run into its original: returns a copy of <paramref name="original"/> whose code cells carry the
    /// cleaned outputs of the same-index cells of <paramref name="executed"/>, with the VS Code metadata restored
    /// where it is missing.
    /// </summary>
    /// <param name="original">The notebook as committed (not modified).</param>
    /// <param name="executed">The notebook dotnet-repl saved after running <paramref name="original"/>.</param>
    /// <exception cref="InvalidDataException">Either notebook has no <c>cells</c> array, or they differ in cell count.</exception>
    public static JsonObject Merge(JsonObject original, JsonObject executed)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(executed);
        var result = (JsonObject)original.DeepClone();
        var cells = Cells(result, "original");
        var runCells = Cells(executed, "executed");
        if (cells.Count != runCells.Count)
            throw new InvalidDataException(
                $"The executed notebook has {runCells.Count} cells but the original has {cells.Count}; outputs cannot be matched to cells.");

        RestoreNotebookMetadata(result);
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell) continue;
            var metadata = cell["metadata"] as JsonObject ?? new JsonObject();
            cell["metadata"] = metadata;
            RemoveRunStamps(metadata);
            if ((string?)cell["cell_type"] != "code") continue;
            RestoreCodeCellMetadata(metadata);
            cell["execution_count"] = null;
            var outputs = (runCells[i] as JsonObject)?["outputs"] as JsonArray ?? new JsonArray();
            cell["outputs"] = CleanOutputs(outputs);
        }
        return result;
    }

    /// <summary>
    /// The outputs worth keeping, cloned: every output except NuGet "Installing Packages" progress frames, of which
    /// only the last "Installed Packages" frame stays; execution counts and <c>dotnet_repl_*</c> metadata removed.
    /// </summary>
    /// <param name="outputs">A code cell's <c>outputs</c> array.</param>
    public static JsonArray CleanOutputs(JsonArray outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var kept = new List<JsonNode>();
        var lastInstalled = -1;
        for (var i = 0; i < outputs.Count; i++)
        {
            var html = HtmlOf(outputs[i]);
            if (html.Contains("<strong>Installed Packages</strong>", StringComparison.Ordinal)) lastInstalled = i;
        }
        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i] is not JsonObject output) continue;
            var html = HtmlOf(output);
            if (html.Contains("<strong>Installing Packages</strong>", StringComparison.Ordinal)) continue;
            if (html.Contains("<strong>Installed Packages</strong>", StringComparison.Ordinal) && i != lastInstalled) continue;
            var copy = (JsonObject)output.DeepClone();
            copy.Remove("transient");
            if (copy.ContainsKey("execution_count")) copy["execution_count"] = null;
            if (copy["metadata"] is JsonObject m) RemoveRunStamps(m);
            kept.Add(copy);
        }
        return new JsonArray(kept.ToArray());
    }

    /// <summary>The <c>error</c> outputs of a notebook's code cells, numbered as VS Code numbers cells (from 1, all cells).</summary>
    /// <param name="notebook">A parsed notebook.</param>
    public static IReadOnlyList<CellError> FindErrors(JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var errors = new List<CellError>();
        var cells = Cells(notebook, "notebook");
        for (var i = 0; i < cells.Count; i++)
        {
            if ((cells[i] as JsonObject)?["outputs"] is not JsonArray outputs) continue;
            foreach (var output in outputs.OfType<JsonObject>())
            {
                if ((string?)output["output_type"] != "error") continue;
                var name = (string?)output["ename"];
                var value = (string?)output["evalue"] ?? "";
                // dotnet-repl names every error "Error"; a real exception type is more useful when there is one.
                var message = string.IsNullOrEmpty(name) || name == "Error" || value.StartsWith(name, StringComparison.Ordinal)
                    ? value : $"{name}: {value}";
                errors.Add(new CellError(i + 1, message.Length == 0 ? "(an error without a message)" : message));
            }
        }
        return errors;
    }

    /// <summary>
    /// Writes a notebook the way Jupyter and VS Code do, deterministically: keys sorted, indent of one space,
    /// UTF-8 text with non-ASCII (e.g. Chinese) written as is, "\n" line ends and a final newline.
    /// </summary>
    /// <param name="notebook">The notebook (or any JSON) to write.</param>
    public static string Serialize(JsonNode notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var options = new JsonWriterOptions
        {
            Indented = true,
            IndentCharacter = ' ',
            IndentSize = 1,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options)) Sorted(notebook)!.WriteTo(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// The text of a notebook field that nbformat stores either as one string or as an array of lines (a cell's
    /// <c>source</c>, an output's <c>text</c> or <c>data["text/html"]</c>), joined; empty when missing.
    /// </summary>
    /// <param name="node">The field's JSON value, or null.</param>
    public static string JoinedText(JsonNode? node) => node switch
    {
        JsonArray parts => string.Concat(parts.Select(p => p?.GetValue<string>())),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => "",
    };

    /// <summary>Parses notebook text, naming <paramref name="source"/> in the error when it is not a JSON object.</summary>
    /// <param name="json">The .ipynb file's text.</param>
    /// <param name="source">The file name to cite in an error.</param>
    /// <exception cref="InvalidDataException">The text is not JSON or not an object.</exception>
    public static JsonObject Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new InvalidDataException($"{source} is not a notebook: its JSON is not an object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not valid JSON (line {e.LineNumber + 1}): {e.Message} Fix or re-save the file in VS Code.", e);
        }
    }

    private static JsonArray Cells(JsonObject notebook, string which) =>
        notebook["cells"] as JsonArray ?? throw new InvalidDataException($"The {which} notebook has no \"cells\" array.");

    private static string HtmlOf(JsonNode? output) => JoinedText((output as JsonObject)?["data"]?["text/html"]);

    private static void RemoveRunStamps(JsonObject metadata)
    {
        foreach (var key in metadata.Select(p => p.Key).Where(k => k.StartsWith("dotnet_repl_", StringComparison.Ordinal)).ToList())
            metadata.Remove(key);
    }

    private static void RestoreNotebookMetadata(JsonObject notebook)
    {
        var metadata = notebook["metadata"] as JsonObject ?? new JsonObject();
        notebook["metadata"] = metadata;
        var standard = StandardNotebookMetadata();
        if (metadata["kernelspec"] is not JsonObject)
            metadata["kernelspec"] = standard["kernelspec"]!.DeepClone();
        if ((string?)metadata["language_info"]?["name"] != "polyglot-notebook")
            metadata["language_info"] = standard["language_info"]!.DeepClone();
        if (metadata["polyglot_notebook"]?["kernelInfo"] is not JsonObject)
            metadata["polyglot_notebook"] = standard["polyglot_notebook"]!.DeepClone();
    }

    private static void RestoreCodeCellMetadata(JsonObject metadata)
    {
        var language = (string?)metadata["dotnet_interactive"]?["language"]
            ?? (string?)metadata["polyglot_notebook"]?["kernelName"] ?? "csharp";
        if (metadata["dotnet_interactive"] is not JsonObject)
            metadata["dotnet_interactive"] = new JsonObject { ["language"] = language };
        if (metadata["polyglot_notebook"] is not JsonObject)
            metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = language };
        if (metadata["vscode"] is not JsonObject)
            metadata["vscode"] = new JsonObject { ["languageId"] = "polyglot-notebook" };
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}
