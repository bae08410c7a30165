using RuralEcom.NotebookTools;

// Usage: NotebookRunner [--out DIR] [notebook.ipynb ...]
// Without notebooks it runs every notebooks/*.ipynb in name order; without --out it saves them in place.
string? outDirectory = null;
var notebooks = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--out")
    {
        if (i + 1 >= args.Length) { Console.Error.WriteLine("--out needs a folder: --out DIR"); return 64; }
        outDirectory = args[++i];
    }
    else if (args[i] is "-h" or "--help")
    {
        Console.WriteLine("Usage: NotebookRunner [--out DIR] [notebook.ipynb ...]\n" +
            "Runs the notebooks with dotnet-repl (default: notebooks/*.ipynb) and saves cleaned outputs in place or in DIR.");
        return 0;
    }
    else if (args[i].StartsWith("--", StringComparison.Ordinal)) { Console.Error.WriteLine($"Unknown option {args[i]}; try --help."); return 64; }
    else notebooks.Add(args[i]);
}

string root;
try { root = NotebookRunner.FindRepoRoot(Directory.GetCurrentDirectory()); }
catch (DirectoryNotFoundException e) { Console.Error.WriteLine(e.Message); return 66; }
var runner = new NotebookRunner(root);
if (notebooks.Count == 0) notebooks.AddRange(NotebookRunner.DefaultNotebooks(root));
if (notebooks.Count == 0) { Console.Error.WriteLine($"No notebooks found in {Path.Combine(root, "notebooks")}."); return 66; }

var results = await NotebookBatch.RunAsync(runner, notebooks, outDirectory, Console.Out);
return results.All(r => r.Succeeded) ? 0 : 1;
