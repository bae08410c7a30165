using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RuralEcom.NotebookTools;

/// <summary>
/// Turns a C# notebook into a .NET 10 file-based app (<c>notebooks/scripts/NN-name.cs</c>) that runs without the
/// notebook kernel and prints the same tables as text: <c>dotnet run --file notebooks/scripts/NN-name.cs</c>.
/// </summary>
/// <remarks>
/// <para>What changes between a notebook cell (C# script) and the app (a C# program with top-level statements):</para>
/// <list type="bullet">
/// <item><c>#r "…/bin/…/RuralEcom.dll"</c> becomes <c>#:project ../../RuralEcom.Lib.csproj</c>; <c>#r "nuget: Name, 1.2.3"</c>
/// becomes <c>#:package Name@1.2.3</c>; <c>#load "setup.csx"</c> becomes the text display of
/// <c>tools/NotebookText</c> (<c>display(x)</c> prints <c>x</c> as text).</item>
/// <item>A cell's last expression without a semicolon, which the kernel shows, is wrapped in <c>display(…);</c>.</item>
/// <item><c>using</c> directives move to the top of the file and type declarations to its end, where a program
/// must have them; statements keep their order.</item>
/// <item>Markdown headings are printed, so the output follows the notebook's sections.</item>
/// <item>Magic commands: <c>#!csharp</c>/<c>#!c#</c> (the cell's language) and <c>#!time</c>, <c>#!about</c>,
/// <c>#!lsmagic</c>, <c>#!who</c>, <c>#!whos</c>, <c>#!log</c> (they only report on the kernel) are dropped with a
/// comment. Any other magic command, a cell in another language, another <c>#load</c>, <c>#r</c> of another DLL or
/// an unpinned package cannot be translated faithfully and is an error naming the notebook, cell and line.</item>
/// </list>
/// <para>Cells are parsed with Roslyn in script mode, the mode the kernel compiles them in.</para>
/// </remarks>
public static class ScriptExporter
{
    /// <summary>Where the apps go, relative to the repository root.</summary>
    public const string ScriptsFolder = "notebooks/scripts";

    /// <summary>The first line of every generated app; only files starting with it are ever replaced or removed.</summary>
    public const string GeneratedMarker = "// GENERATED from ";

    private static readonly string[] ReportOnlyMagics = ["#!time", "#!about", "#!lsmagic", "#!who", "#!whos", "#!log"];
    private static readonly string[] CSharpNames = ["csharp", "c#", "C#"];
    private static readonly string[] KernelNames = ["csharp", "c#", "C#", "fsharp", "f#", "F#", "pwsh", "powershell", "javascript", "js",
        "html", "markdown", "md", "mermaid", "sql", "kql", "value", "http"];

    /// <summary>The app's path for <paramref name="notebookPath"/>: <c>notebooks/scripts/&lt;name&gt;.cs</c> under <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder the apps are written to.</param>
    /// <param name="notebookPath">The notebook's path.</param>
    public static string ScriptPath(string folder, string notebookPath) =>
        Path.Combine(folder, Path.GetFileNameWithoutExtension(notebookPath) + ".cs");

    /// <summary>Translates one notebook into the text of its file-based app.</summary>
    /// <param name="notebook">The parsed notebook.</param>
    /// <param name="notebookPath">The notebook's path relative to the repository root with '/' (e.g.
    /// <c>notebooks/04-canonical-correlation.ipynb</c>), cited in the header and in errors.</param>
    /// <exception cref="InvalidDataException">A cell cannot be translated; the message names the notebook, cell and line.</exception>
    public static string Export(JsonObject notebook, string notebookPath)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrWhiteSpace(notebookPath);
        var cells = notebook["cells"] as JsonArray ?? throw new InvalidDataException($"{notebookPath} has no \"cells\" array; is it a notebook?");
        var name = Path.GetFileNameWithoutExtension(notebookPath);
        var notebookFolder = Path.GetDirectoryName(notebookPath)?.Replace('\\', '/') ?? "";

        var directives = new List<string>();
        var usings = new List<string> { "using System.Text;" };   // the kernel's default usings beyond the implicit ones
        var body = new StringBuilder();
        var types = new StringBuilder();
        var usesSetup = false;

        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell) continue;
            var where = $"{notebookPath}, cell {i + 1}";
            var source = NotebookNormalizer.JoinedText(cell["source"]);
            switch ((string?)cell["cell_type"])
            {
                case "markdown":
                    foreach (var heading in Headings(source))
                        body.Append("Heading(").Append(Literal(heading)).Append(");\n");
                    continue;
                case "code":
                    break;
                default:
                    continue;
            }
            var language = (string?)cell["metadata"]?["dotnet_interactive"]?["language"]
                ?? (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"] ?? "csharp";
            var lines = source.Replace("\r\n", "\n").Split('\n');
            var firstLine = lines[0].Trim();
            if (firstLine.StartsWith("#!", StringComparison.Ordinal) && KernelNames.Contains(firstLine[2..]))
                language = firstLine[2..];
            if (!CSharpNames.Contains(language))
                throw new InvalidDataException($"{where}: the cell is in '{language}', not C#; a C# file-based app cannot run it. Keep notebooks to C# cells.");

            body.Append("\n// cell ").Append(i + 1).Append('\n');
            for (var l = 0; l < lines.Length; l++)
            {
                var line = lines[l].Trim();
                if (!line.StartsWith('#') || line.StartsWith("#nullable", StringComparison.Ordinal) || line.StartsWith("#pragma", StringComparison.Ordinal)
                    || line.StartsWith("#region", StringComparison.Ordinal) || line.StartsWith("#endregion", StringComparison.Ordinal))
                    continue;
                var lineWhere = $"{where}, line {l + 1}";
                if (line.StartsWith("#!", StringComparison.Ordinal))
                {
                    if (l == 0 && CSharpNames.Contains(line[2..])) { lines[l] = ""; continue; }
                    if (!IsReportOnlyMagic(line))
                        throw new InvalidDataException($"{lineWhere}: the magic command '{line}' has no equivalent in a file-based app. Remove it from the notebook or do its work in C#.");
                    lines[l] = $"// {line} (a notebook kernel command; the script has no kernel)";
                }
                else if (line.StartsWith("#load ", StringComparison.Ordinal))
                {
                    if (Quoted(line, lineWhere) != "setup.csx")
                        throw new InvalidDataException($"{lineWhere}: '{line}' loads a script other than setup.csx; only setup.csx has a text-mode equivalent (tools/NotebookText).");
                    usesSetup = true;
                    lines[l] = "// #load \"setup.csx\": the text display (tools/NotebookText) replaces it";
                }
                else if (line.StartsWith("#r ", StringComparison.Ordinal))
                {
                    directives.Add(Reference(Quoted(line, lineWhere), notebookFolder, lineWhere));
                    lines[l] = $"// {line}: see the #: directives at the top";
                }
                else if (line.StartsWith("#i ", StringComparison.Ordinal))
                    throw new InvalidDataException($"{lineWhere}: '{line}' adds a package source; file-based apps take sources from NuGet.config. Remove it from the notebook.");
            }
            Translate(string.Join('\n', lines), where, body, usings, types);
        }

        var sb = new StringBuilder();
        sb.Append(GeneratedMarker).Append(notebookPath).Append(" by tools/NotebookRunner. Do not edit: change the notebook,\n")
          .Append("// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.\n")
          .Append("// Run it from the repository root: dotnet run --file notebooks/scripts/").Append(name).Append(".cs\n")
          .Append("// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.\n");
        foreach (var d in directives.Distinct(StringComparer.Ordinal)) sb.Append(d).Append('\n');
        sb.Append("#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj\n");
        sb.Append("#:property PublishAot=false\n\n");
        foreach (var u in usings.Distinct(StringComparer.Ordinal)) sb.Append(u).Append('\n');
        sb.Append("using static RuralEcom.NotebookText.ScriptDisplay;\n\n");
        if (!usesSetup)
            sb.Append("// The notebook does not #load setup.csx; the text display is used all the same.\n");
        sb.Append("if (!Start(args, ").Append(Literal(name)).Append(")) return;\n");
        sb.Append(body);
        if (types.Length > 0) sb.Append("\n// Types declared in the notebook's cells (a program declares them after its statements).\n").Append(types);
        return sb.ToString();
    }

    /// <summary>
    /// Writes the apps of <paramref name="notebooks"/> into <paramref name="folder"/> (atomically, one file each) and
    /// removes generated apps there whose notebook is gone. Prints one line per app to <paramref name="log"/>.
    /// </summary>
    /// <param name="runner">The runner, for the repository root and display paths.</param>
    /// <param name="notebooks">The notebooks to export.</param>
    /// <param name="folder">The folder to write to, e.g. <c>notebooks/scripts</c> under the repository root.</param>
    /// <param name="removeOrphans">True to delete generated apps in <paramref name="folder"/> that belong to no notebook
    /// of <paramref name="notebooks"/> (use it only when exporting every notebook).</param>
    /// <param name="log">Where the report goes.</param>
    /// <returns>The number of notebooks that could not be exported.</returns>
    public static int ExportAll(NotebookRunner runner, IEnumerable<string> notebooks, string folder, bool removeOrphans, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(log);
        Directory.CreateDirectory(folder);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var failed = 0;
        foreach (var notebook in notebooks)
        {
            var shown = runner.DisplayPath(notebook);
            var target = ScriptPath(folder, notebook);
            if (!HasApp(runner.RepoRoot, notebook))
            {
                log.WriteLine($"== {shown} ... no app: only notebooks in notebooks/ get one (their paths are relative to it)");
                continue;
            }
            try
            {
                var text = Export(NotebookNormalizer.Parse(File.ReadAllText(notebook), shown), shown);
                var temporary = target + ".tmp";
                File.WriteAllText(temporary, text, new UTF8Encoding(false));
                File.Move(temporary, target, overwrite: true);
                written.Add(Path.GetFullPath(target));
                log.WriteLine($"== {shown} -> {runner.DisplayPath(target)}");
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                failed++;
                log.WriteLine($"== {shown} ... NOT exported: {e.Message}");
            }
        }
        if (removeOrphans)
            foreach (var orphan in GeneratedScripts(folder).Where(f => !written.Contains(Path.GetFullPath(f))))
            {
                File.Delete(orphan);
                log.WriteLine($"== removed {runner.DisplayPath(orphan)}: its notebook is gone");
            }
        return failed;
    }

    /// <summary>
    /// Regenerates every app of <paramref name="notebooks"/> in memory and compares it with the committed one in
    /// <paramref name="folder"/>.
    /// </summary>
    /// <param name="runner">The runner, for display paths.</param>
    /// <param name="notebooks">Every notebook that should have an app.</param>
    /// <param name="folder">The folder holding the committed apps.</param>
    /// <param name="reportOrphans">True to report generated apps that belong to no notebook of <paramref name="notebooks"/>
    /// (use it only when checking every notebook).</param>
    /// <returns>One line per problem (missing, out of date, orphaned or not exportable); empty when all are up to date.</returns>
    public static IReadOnlyList<string> Check(NotebookRunner runner, IEnumerable<string> notebooks, string folder, bool reportOrphans)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(notebooks);
        var problems = new List<string>();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var notebook in notebooks.Where(n => HasApp(runner.RepoRoot, n)))
        {
            var shown = runner.DisplayPath(notebook);
            var target = ScriptPath(folder, notebook);
            expected.Add(Path.GetFullPath(target));
            string text;
            try
            {
                text = Export(NotebookNormalizer.Parse(File.ReadAllText(notebook), shown), shown);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                problems.Add($"{shown} cannot be exported: {e.Message}");
                continue;
            }
            if (!File.Exists(target)) problems.Add($"{runner.DisplayPath(target)} is missing (notebook {shown}).");
            else if (File.ReadAllText(target) != text) problems.Add($"{runner.DisplayPath(target)} is out of date with {shown}.");
        }
        if (reportOrphans)
            problems.AddRange(GeneratedScripts(folder).Where(f => !expected.Contains(Path.GetFullPath(f)))
            .Select(f => $"{runner.DisplayPath(f)} belongs to no notebook."));
        return problems;
    }

    /// <summary>
    /// True when <paramref name="notebook"/> gets an app: only notebooks directly in notebooks/ do, because the apps'
    /// relative paths (data, setup.csx) are those of that folder; notebooks/solutions/ has none.
    /// </summary>
    /// <param name="repoRoot">The repository root.</param>
    /// <param name="notebook">The notebook's path (absolute, or relative to the current folder).</param>
    public static bool HasApp(string repoRoot, string notebook) =>
        string.Equals(Path.GetDirectoryName(Path.GetFullPath(notebook)), Path.Combine(Path.GetFullPath(repoRoot), "notebooks"), StringComparison.Ordinal);

    /// <summary>The files in <paramref name="folder"/> that this exporter wrote (they start with <see cref="GeneratedMarker"/>).</summary>
    /// <param name="folder">A folder; missing means none.</param>
    public static IReadOnlyList<string> GeneratedScripts(string folder) =>
        !Directory.Exists(folder) ? [] :
        Directory.GetFiles(folder, "*.cs").Where(f => File.ReadLines(f).FirstOrDefault()?.StartsWith(GeneratedMarker, StringComparison.Ordinal) == true)
            .Order(StringComparer.Ordinal).ToList();

    private static void Translate(string code, string where, StringBuilder body, List<string> usings, StringBuilder types)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        var firstError = tree.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (firstError is not null)
            throw new InvalidDataException($"{where}, line {firstError.Location.GetLineSpan().StartLinePosition.Line + 1}: the cell does not parse as C#: {firstError.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        var root = (CompilationUnitSyntax)tree.GetRoot();

        // Edits as (span, replacement), applied from the end so earlier spans stay valid.
        var edits = new List<(Microsoft.CodeAnalysis.Text.TextSpan Span, string Text)>();
        foreach (var u in root.Usings)
        {
            // The kernel's own namespaces do not exist in an app; tools/NotebookText supplies what the notebooks use of them.
            if (!u.ToString().Contains("Microsoft.DotNet.Interactive", StringComparison.Ordinal))
                usings.Add(u.ToString().Trim());
            edits.Add((u.Span, ""));
        }
        // In script mode a top-level variable parses as a field and a local function as a method: both stay where
        // they are, as top-level statements. Only types move to the end.
        foreach (var member in root.Members.Where(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax))
        {
            types.Append(member.ToFullString().Trim('\n')).Append('\n');
            edits.Add((member.FullSpan, ""));
        }
        if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax last } && last.SemicolonToken.IsMissing)
            edits.Add((last.Expression.Span, "display(" + last.Expression.ToString() + ");"));
        foreach (var (span, text) in edits.OrderByDescending(e => e.Span.Start))
            code = code[..span.Start] + text + code[span.End..];
        body.Append(string.Join('\n', code.Split('\n').Select(l => l.TrimEnd())).Trim('\n')).Append('\n');
    }

    private static string Reference(string target, string notebookFolder, string where)
    {
        if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            var parts = target["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
                throw new InvalidDataException($"{where}: '#r \"{target}\"' gives no version; pin one (\"nuget: Name, 1.2.3\") so the app restores the same package.");
            return $"#:package {parts[0]}@{parts[1]}";
        }
        // A DLL path resolves against the notebook's folder; the library's build output maps to its project.
        var relative = Path.GetRelativePath(".", Path.Combine(notebookFolder, target)).Replace('\\', '/');
        var segments = relative.Split('/');
        if (segments.Length == 4 && segments[0] == "bin" && segments[3] == "RuralEcom.dll")
            return "#:project ../../RuralEcom.Lib.csproj";
        throw new InvalidDataException($"{where}: '#r \"{target}\"' loads a DLL other than the library's build output; a file-based app needs a project (#:project) or a package (#:package) instead.");
    }

    private static string Quoted(string line, string where)
    {
        var start = line.IndexOf('"');
        var end = line.LastIndexOf('"');
        if (start < 0 || end <= start) throw new InvalidDataException($"{where}: '{line}' has no quoted path.");
        return line[(start + 1)..end];
    }

    private static bool IsReportOnlyMagic(string line) =>
        ReportOnlyMagics.Any(m => line == m || line.StartsWith(m + " ", StringComparison.Ordinal));

    private static IEnumerable<string> Headings(string markdown)
    {
        var fenced = false;
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) fenced = !fenced;
            else if (!fenced && line.StartsWith('#') && line.TrimStart('#').StartsWith(' ')) yield return line;
        }
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
