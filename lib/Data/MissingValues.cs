namespace RuralEcom.Data;

/// <summary>What a loader does with empty cells.</summary>
public enum MissingValues
{
    /// <summary>Fail with an exception that lists every empty cell (the default).</summary>
    Fail,

    /// <summary>Drop every row with an empty cell (listwise deletion) and report the dropped rows in <see cref="Panel.DroppedRows"/>.</summary>
    ListwiseDelete,
}

/// <summary>A row removed by listwise deletion.</summary>
/// <param name="Line">1-based line in the source file (0 when the panel was not read from a file line by line).</param>
/// <param name="Region">The row's region.</param>
/// <param name="Year">The row's year.</param>
/// <param name="EmptyColumns">The indicator columns that were empty.</param>
public sealed record DroppedRow(int Line, string Region, int Year, IReadOnlyList<string> EmptyColumns);
