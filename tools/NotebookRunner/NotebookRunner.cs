using System.Diagnostics;
using System.Text;

namespace RuralEcom.NotebookTools;

/// <summary>
/// Runs notebooks headlessly with the repository's pinned dotnet-repl (<c>dotnet tool run dotnet-repl</c>) and
/// saves their outputs cleaned by <see cref="NotebookNormalizer"/>.
/// </summary>
/// <remarks>
/// Each notebook runs in its own dotnet-repl process whose working directory is the notebook's folder, because
/// relative <c>#r</c> and data paths resolve against the process's current directory (dotnet-repl 0.3.259 ignores
/// <c>--working-dir</c>). dotnet-repl exits with 2 when a cell fails but prints nothing useful without a terminal,
/// so the errors are read from the notebook it saves.
/// </remarks>
public sealed class NotebookRunner
{
    /// <summary>Creates a runner for the repository at <paramref name="repoRoot"/>.</summary>
    /// <param name="repoRoot">The folder holding dotnet-tools.json and RuralEcom.Lib.csproj.</param>
    /// <param name="timeout">The longest one notebook may run; 10 minutes when null.</param>
    /// <exception cref="DirectoryNotFoundException"><paramref name="repoRoot"/> does not exist.</exception>
    public NotebookRunner(string repoRoot, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repoRoot);
        if (!Directory.Exists(repoRoot)) throw new DirectoryNotFoundException($"Repository root '{repoRoot}' does not exist.");
        RepoRoot = Path.GetFullPath(repoRoot);
        Timeout = timeout ?? TimeSpan.FromMinutes(10);
    }

    /// <summary>The repository root (absolute).</summary>
    public string RepoRoot { get; }

    /// <summary>The longest one notebook may run before it is stopped and reported as failed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding RuralEcom.Lib.csproj.</summary>
    /// <param name="start">Where to start looking, e.g. the current directory.</param>
    /// <exception cref="DirectoryNotFoundException">No such folder exists above <paramref name="start"/>.</exception>
    public static string FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RuralEcom.Lib.csproj"))) return dir.FullName;
        throw new DirectoryNotFoundException($"RuralEcom.Lib.csproj not found in '{start}' or above it; run from inside the repository.");
    }

    /// <summary>Every <c>notebooks/*.ipynb</c> of the repository, in name order (ordinal), as absolute paths.</summary>
    /// <param name="repoRoot">The repository root.</param>
    public static IReadOnlyList<string> DefaultNotebooks(string repoRoot)
    {
        var dir = Path.Combine(repoRoot, "notebooks");
        if (!Directory.Exists(dir)) return [];
        // The numbered notebooks, then the solutions to their exercises (notebooks/solutions/).
        var solutions = Path.Combine(dir, "solutions");
        return Directory.GetFiles(dir, "*.ipynb").Order(StringComparer.Ordinal)
            .Concat(Directory.Exists(solutions) ? Directory.GetFiles(solutions, "*.ipynb").Order(StringComparer.Ordinal) : []).ToList();
    }

    /// <summary>The path to show for <paramref name="path"/>: relative to the repository root with '/' when inside it.</summary>
    /// <param name="path">A file path.</param>
    public string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(RepoRoot, Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? Path.GetFullPath(path) : relative.Replace('\\', '/');
    }

    /// <summary>
    /// Runs one notebook and returns its cleaned result; writes nothing but a temporary file (deleted afterwards).
    /// </summary>
    /// <param name="notebookPath">The .ipynb file to run.</param>
    /// <param name="cancellationToken">Stops the run (the dotnet-repl process is killed).</param>
    /// <exception cref="FileNotFoundException">The notebook does not exist.</exception>
    /// <exception cref="InvalidDataException">The notebook is not valid notebook JSON.</exception>
    public async Task<NotebookResult> RunAsync(string notebookPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notebookPath);
        var full = Path.GetFullPath(notebookPath);
        if (!File.Exists(full)) throw new FileNotFoundException($"Notebook '{notebookPath}' does not exist.", full);
        var shown = DisplayPath(full);
        var original = NotebookNormalizer.Parse(await File.ReadAllTextAsync(full, cancellationToken), shown);
        var cellCount = (original["cells"] as System.Text.Json.Nodes.JsonArray)?.Count
            ?? throw new InvalidDataException($"{shown} has no \"cells\" array; is it a notebook?");

        var outFile = Path.Combine(Path.GetTempPath(), "ruralecom-run-" + Path.GetRandomFileName() + ".ipynb");
        try
        {
            var (exitCode, output) = await StartReplAsync(full, outFile, cancellationToken);
            if (exitCode is null)
                return new NotebookResult(shown, cellCount, [], $"dotnet-repl did not finish within {Timeout.TotalMinutes:0.#} minutes and was stopped.\n{output}", null);
            if (!File.Exists(outFile))
                return new NotebookResult(shown, cellCount, [],
                    $"dotnet-repl exited with code {exitCode} and saved no notebook. Did `dotnet tool restore` run, and is the notebook inside the repository (dotnet-repl is found through dotnet-tools.json above the notebook's folder)? Its output:\n{output}", null);
            var executed = NotebookNormalizer.Parse(await File.ReadAllTextAsync(outFile, cancellationToken), "the executed copy of " + shown);
            var merged = NotebookNormalizer.Merge(original, executed);
            var errors = NotebookNormalizer.FindErrors(merged);
            var text = NotebookNormalizer.Serialize(merged);
            if (exitCode != 0 && errors.Count == 0)
                return new NotebookResult(shown, cellCount, [], $"dotnet-repl exited with code {exitCode} but no cell shows an error. Its output:\n{output}", text);
            return new NotebookResult(shown, cellCount, errors, null, text);
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    private async Task<(int? ExitCode, string Output)> StartReplAsync(string notebook, string outFile, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(notebook)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "tool", "run", "dotnet-repl", "--run", Path.GetFileName(notebook), "--exit-after-run", "--output-path", outFile })
            info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";

        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"Could not start `dotnet`: {e.Message}. Is the .NET 10 SDK on PATH?");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            lock (output) return (null, output.ToString());
        }
        process.WaitForExit(); // flushes the redirected streams
        lock (output) return (process.ExitCode, output.ToString());
    }
}
