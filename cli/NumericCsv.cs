using System.Globalization;

namespace RuralEcom.Cli;

// TEMPORARY: a minimal reader for local testing only, until lib/Data's loader is on main. To be removed.
internal sealed class NumericCsv(string path, string[] header, string[][] rows)
{
    public static NumericCsv Load(string path)
    {
        if (!File.Exists(path)) throw new CliException($"The file {path} does not exist.");
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        return new NumericCsv(path, lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToArray());
    }

    public double[,] Matrix(IReadOnlyList<string> names)
    {
        var idx = names.Select(n => Array.IndexOf(header, n) is var i and >= 0 ? i : throw new CliException($"{path} has no column {n}; it has {string.Join(", ", header)}.")).ToArray();
        var m = new double[rows.Length, idx.Length];
        for (int r = 0; r < rows.Length; r++)
            for (int j = 0; j < idx.Length; j++) m[r, j] = double.Parse(rows[r][idx[j]], CultureInfo.InvariantCulture);
        return m;
    }
}
