namespace RuralEcom.NotebookTools;

/// <summary>
/// Runs several notebooks one after another and saves them: in place (the README's <c>./run-notebooks.sh</c>) or
/// into another folder (<c>--out DIR</c>, used by the tests so committed files are never touched).
/// </summary>
/// <remarks>
/// In place, a notebook that failed is NOT overwritten: the file keeps its last good outputs and the failed run
/// is saved under <c>results/failed-notebooks/</c> (ignored by git) for inspection. With an output folder every
/// run is saved there, failed or not.
/// </remarks>
public static class NotebookBatch
{
    /// <summary>The folder, relative to the repository root, where in-place runs save notebooks that failed.</summary>
    public const string FailedFolder = "results/failed-notebooks";

    /// <summary>Runs <paramref name="notebooks"/> in order, prints one report per notebook and saves the outputs.</summary>
    /// <param name="runner">The runner to use.</param>
    /// <param name="notebooks">Notebook paths (absolute or relative to the current directory).</param>
    /// <param name="outDirectory">Where to save the run notebooks; null saves them in place.</param>
    /// <param name="log">Where the reports go, e.g. <see cref="Console.Out"/>.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>One result per notebook, in the order given.</returns>
    public static async Task<IReadOnlyList<NotebookResult>> RunAsync(NotebookRunner runner, IEnumerable<string> notebooks,
        string? outDirectory, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(log);
        var results = new List<NotebookResult>();
        foreach (var notebook in notebooks)
        {
            NotebookResult result;
            try
            {
                result = await runner.RunAsync(notebook, cancellationToken);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                result = new NotebookResult(runner.DisplayPath(notebook), 0, [], e.Message, null);
            }
            var target = Target(runner, notebook, outDirectory, result);
            if (result.NormalizedNotebook is not null && target is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllTextAsync(target, result.NormalizedNotebook, cancellationToken);
            }
            await log.WriteLineAsync(result.Report());
            if (!result.Succeeded && outDirectory is null && target is not null && result.NormalizedNotebook is not null)
                await log.WriteLineAsync($"   (left {result.Notebook} unchanged; the failed run is saved as {runner.DisplayPath(target)})");
            results.Add(result);
        }
        var failed = results.Count(r => !r.Succeeded);
        await log.WriteLineAsync(failed == 0
            ? $"All {results.Count} notebook(s) ran."
            : $"{failed} of {results.Count} notebook(s) FAILED.");
        return results;
    }

    private static string? Target(NotebookRunner runner, string notebook, string? outDirectory, NotebookResult result)
    {
        var name = Path.GetFileName(notebook);
        if (outDirectory is not null) return Path.Combine(Path.GetFullPath(outDirectory), name);
        if (result.Succeeded) return Path.GetFullPath(notebook);
        return Path.Combine(runner.RepoRoot, FailedFolder, name);
    }
}
