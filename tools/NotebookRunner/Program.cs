using RuralEcom.NotebookTools;

// Usage: NotebookRunner [--out DIR] [notebook.ipynb ...]
//        NotebookRunner export-scripts [--out DIR | --check] [notebook.ipynb ...]
// Without notebooks it takes every notebooks/*.ipynb in name order; without --out it saves in place
// (notebooks in place, apps in notebooks/scripts/).
const string Usage =
    "Usage: NotebookRunner [--out DIR] [notebook.ipynb ...]\n" +
    "         Runs the notebooks with dotnet-repl (default: notebooks/*.ipynb) and saves cleaned outputs in place or in DIR.\n" +
    "       NotebookRunner export-scripts [--out DIR | --check] [notebook.ipynb ...]\n" +
    "         Writes each notebook as a file-based app notebooks/scripts/NAME.cs (or DIR/NAME.cs); with --check, writes\n" +
    "         nothing and exits 1 when a committed app is missing or differs from its notebook.";
var export = args.Length > 0 && args[0] == "export-scripts";
string? outDirectory = null;
var check = false;
var notebooks = new List<string>();
for (var i = export ? 1 : 0; i < args.Length; i++)
{
    if (args[i] == "--out")
    {
        if (i + 1 >= args.Length) { Console.Error.WriteLine("--out needs a folder: --out DIR"); return 64; }
        outDirectory = args[++i];
    }
    else if (export && args[i] == "--check") check = true;
    else if (args[i] is "-h" or "--help") { Console.WriteLine(Usage); return 0; }
    else if (args[i].StartsWith("--", StringComparison.Ordinal)) { Console.Error.WriteLine($"Unknown option {args[i]}; try --help."); return 64; }
    else notebooks.Add(args[i]);
}
if (check && outDirectory is not null) { Console.Error.WriteLine("--check compares with the committed apps; it takes no --out."); return 64; }

string root;
try { root = NotebookRunner.FindRepoRoot(Directory.GetCurrentDirectory()); }
catch (DirectoryNotFoundException e) { Console.Error.WriteLine(e.Message); return 66; }
var runner = new NotebookRunner(root);
var all = notebooks.Count == 0;
if (all) notebooks.AddRange(NotebookRunner.DefaultNotebooks(root));
if (notebooks.Count == 0) { Console.Error.WriteLine($"No notebooks found in {Path.Combine(root, "notebooks")}."); return 66; }

if (export)
{
    var folder = outDirectory ?? Path.Combine(root, ScriptExporter.ScriptsFolder);
    if (check)
    {
        var problems = ScriptExporter.Check(runner, notebooks, folder, reportOrphans: all);
        foreach (var p in problems) Console.WriteLine(p);
        Console.WriteLine(problems.Count == 0
            ? $"The apps in {runner.DisplayPath(folder)} are up to date ({notebooks.Count} notebook(s) checked; those outside notebooks/ get no app)."
            : "Regenerate them with ./run-notebooks.sh --scripts");
        return problems.Count == 0 ? 0 : 1;
    }
    return ScriptExporter.ExportAll(runner, notebooks, folder, removeOrphans: all, Console.Out) == 0 ? 0 : 1;
}

var results = await NotebookBatch.RunAsync(runner, notebooks, outDirectory, Console.Out);
return results.All(r => r.Succeeded) ? 0 : 1;
