using RuralEcom.Data;

namespace RuralEcom.Indices;

/// <summary>Guard clauses shared by the index methods; messages name the argument, the cell and the remedy.</summary>
internal static class InputChecks
{
    /// <summary>The display name of column <paramref name="j"/>: its indicator name or "column j+1".</summary>
    public static string ColumnName(IReadOnlyList<string>? names, int j) =>
        names is not null && j < names.Count ? $"'{names[j]}' (column {j + 1})" : $"column {j + 1}";

    /// <summary>Checks that <paramref name="x"/> is non-empty with at least <paramref name="minRows"/> rows and only finite values.</summary>
    public static void Matrix(double[,] x, string paramName, int minRows, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(x, paramName);
        int n = x.GetLength(0), p = x.GetLength(1);
        if (p == 0) throw new ArgumentException("The data matrix has no columns; pass one column per indicator.", paramName);
        if (n < minRows)
            throw new ArgumentException($"The data matrix has {n} row(s); at least {minRows} are needed.", paramName);
        if (names is not null && names.Count != p)
            throw new ArgumentException($"{names.Count} indicator names were given for {p} columns; give one name per column.", nameof(names));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++)
                if (!double.IsFinite(x[i, j]))
                    throw new ArgumentException(
                        $"Row {i + 1}, {ColumnName(names, j)} holds {x[i, j]}; every value must be a finite number. Fill or drop missing values before computing indices.",
                        paramName);
    }

    /// <summary>Checks that there is one defined direction per column.</summary>
    public static void Directions(IReadOnlyList<IndicatorDirection> directions, int columns, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(directions);
        if (directions.Count != columns)
            throw new ArgumentException(
                $"{directions.Count} indicator directions were given for {columns} columns; give Positive or Negative for every column.",
                nameof(directions));
        for (int j = 0; j < columns; j++)
            if (!Enum.IsDefined(directions[j]))
                throw new ArgumentException($"The direction of {ColumnName(names, j)} is {(int)directions[j]}, not Positive or Negative.", nameof(directions));
    }

    /// <summary>Checks a weight vector: one finite non-negative weight per column, summing to 1 within 1e-9.</summary>
    public static void Weights(IReadOnlyList<double> weights, int columns)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != columns)
            throw new ArgumentException($"{weights.Count} weights were given for {columns} columns; give one weight per column.", nameof(weights));
        double sum = 0;
        for (int j = 0; j < columns; j++)
        {
            if (!double.IsFinite(weights[j]) || weights[j] < 0)
                throw new ArgumentException($"Weight {j + 1} is {weights[j]}; weights must be finite and non-negative.", nameof(weights));
            sum += weights[j];
        }
        if (Math.Abs(sum - 1) > 1e-9)
            throw new ArgumentException($"The weights sum to {sum:R}, not 1; divide them by their sum first.", nameof(weights));
    }
}
