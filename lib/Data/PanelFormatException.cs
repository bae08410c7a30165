namespace RuralEcom.Data;

/// <summary>A cell of a data file: its 1-based line number and its column header.</summary>
/// <param name="Line">1-based line number in the file (the header is line 1 of a tidy CSV).</param>
/// <param name="Column">The column header.</param>
public sealed record CellPosition(int Line, string Column)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line} column {Column}";
}

/// <summary>
/// A data file (panel CSV, NBS export, indicator catalogue) is missing or malformed. The message says what is
/// wrong, where (file, 1-based line, column) and what to do; the parts are also available as properties.
/// </summary>
public sealed class PanelFormatException : Exception
{
    /// <summary>Creates the exception; the message is "file, line L, column C: problem remedy".</summary>
    /// <param name="filePath">The file (or source name) being read.</param>
    /// <param name="line">1-based line number, or null when the problem is not on one line.</param>
    /// <param name="column">The column header, or null when the problem is not in one column.</param>
    /// <param name="problem">What is wrong, as a sentence.</param>
    /// <param name="remedy">What to do about it, as a sentence.</param>
    /// <param name="positions">All offending cells when there are several (e.g. empty cells).</param>
    public PanelFormatException(string filePath, int? line, string? column, string problem, string remedy,
        IReadOnlyList<CellPosition>? positions = null)
        : base(Compose(filePath, line, column, problem, remedy))
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Problem = problem;
        Remedy = remedy;
        Positions = positions ?? [];
    }

    /// <summary>The file (or source name) being read.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number of the problem, or null.</summary>
    public int? Line { get; }

    /// <summary>Column header of the problem, or null.</summary>
    public string? Column { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>What to do about it.</summary>
    public string Remedy { get; }

    /// <summary>Every offending cell when the problem concerns several (empty for single-cell problems).</summary>
    public IReadOnlyList<CellPosition> Positions { get; }

    private static string Compose(string file, int? line, string? column, string problem, string remedy)
    {
        var where = file;
        if (line is not null) where += $", line {line}";
        if (column is not null) where += $", column '{column}'";
        return $"{where}: {problem} {remedy}";
    }
}
