namespace RuralEcom.NotebookTools;

/// <summary>An <c>error</c> output found in a run notebook.</summary>
/// <param name="CellNumber">The cell's number, counting every cell (markdown too) from 1, as VS Code shows it.</param>
/// <param name="Message">The error's message (the output's <c>evalue</c>), which may span several lines.</param>
public sealed record CellError(int CellNumber, string Message)
{
    /// <summary>
    /// The first <paramref name="lines"/> lines of <see cref="Message"/> that say what went wrong, joined by
    /// newlines: empty lines and stack-trace frames ("at ...", "--- End of stack trace ...") are skipped.
    /// </summary>
    /// <param name="lines">How many lines to keep; at least 1.</param>
    public string FirstLines(int lines = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lines, 1);
        return string.Join("\n", Message.Replace("\r\n", "\n").Split('\n')
            .Where(l => l.Trim().Length > 0 && !IsStackFrame(l.Trim())).Take(lines));
    }

    private static bool IsStackFrame(string line) =>
        line.StartsWith("at ", StringComparison.Ordinal) || line.StartsWith("--- End of", StringComparison.Ordinal);
}

/// <summary>The outcome of running one notebook.</summary>
/// <param name="Notebook">The notebook's path as given to the user: relative to the repository root when inside it.</param>
/// <param name="CellCount">How many cells the notebook has (markdown and code).</param>
/// <param name="Errors">The error outputs of the run, in cell order; empty when every cell ran.</param>
/// <param name="RunFailure">Why the notebook could not be run at all (dotnet-repl did not start, wrote no output,
/// timed out, ...), with its standard error; null when it ran.</param>
/// <param name="NormalizedNotebook">The original notebook with the run's cleaned outputs, as the exact text to save;
/// null when <paramref name="RunFailure"/> is set.</param>
public sealed record NotebookResult(string Notebook, int CellCount, IReadOnlyList<CellError> Errors, string? RunFailure,
    string? NormalizedNotebook)
{
    /// <summary>True when the notebook ran and no cell produced an error.</summary>
    public bool Succeeded => RunFailure is null && Errors.Count == 0;

    /// <summary>
    /// The report line(s) for a console: <c>== notebooks/X.ipynb ... ok (N cells)</c>, or FAILED with the notebook,
    /// the failing cell numbers and the first lines of each message.
    /// </summary>
    public string Report()
    {
        if (RunFailure is not null)
            return $"== {Notebook} ... FAILED: could not run the notebook\n{Indent(RunFailure)}";
        if (Errors.Count == 0) return $"== {Notebook} ... ok ({CellCount} cells)";
        var lines = new List<string> { $"== {Notebook} ... FAILED ({Errors.Count} of {CellCount} cells failed)" };
        foreach (var e in Errors)
            lines.Add($"   {Notebook}, cell {e.CellNumber}: " + e.FirstLines().Replace("\n", "\n      "));
        return string.Join("\n", lines);
    }

    private static string Indent(string text) => "   " + text.TrimEnd().Replace("\n", "\n   ");
}
