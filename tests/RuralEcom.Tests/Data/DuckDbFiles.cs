using System.Globalization;
using DuckDB.NET.Data;

namespace RuralEcom.Tests.Data;

/// <summary>A temporary folder with CSV and Parquet files written from matrices (Parquet through DuckDB's COPY).</summary>
internal sealed class DuckDbFiles : IDisposable
{
    public DuckDbFiles() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"ruralecom-duckdb-{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>Writes rows as CSV (header, round-trip numbers; null cells left empty) and returns the path.</summary>
    public string Csv(string name, IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        var path = Path.Combine(Folder, name);
        using var w = new StreamWriter(path);
        w.WriteLine(string.Join(",", header));
        foreach (var row in rows) w.WriteLine(string.Join(",", row.Select(c => c ?? "")));
        return path;
    }

    /// <summary>The rows of X and Y side by side as round-trip text, with an id column first.</summary>
    public static IEnumerable<string?[]> Rows(double[,] x, double[,] y)
    {
        for (int i = 0; i < x.GetLength(0); i++)
        {
            var row = new string?[1 + x.GetLength(1) + y.GetLength(1)];
            row[0] = i.ToString(CultureInfo.InvariantCulture);
            for (int j = 0; j < x.GetLength(1); j++) row[1 + j] = x[i, j].ToString("R", CultureInfo.InvariantCulture);
            for (int j = 0; j < y.GetLength(1); j++) row[1 + x.GetLength(1) + j] = y[i, j].ToString("R", CultureInfo.InvariantCulture);
            yield return row;
        }
    }

    /// <summary>Converts a CSV file to Parquet with DuckDB (DOUBLE columns unless told otherwise) and returns the path.</summary>
    public string Parquet(string csv, string name, string columnTypes = "")
    {
        var path = Path.Combine(Folder, name);
        Execute($"COPY (SELECT * FROM read_csv('{csv}', header = true{columnTypes})) TO '{path}' (FORMAT parquet)");
        return path;
    }

    /// <summary>Runs one statement in a fresh in-memory DuckDB.</summary>
    public static void Execute(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
