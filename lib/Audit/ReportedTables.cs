using System.Globalization;
using System.Text;

namespace RuralEcom.Audit;

/// <summary>
/// Reads a paper's printed CCA figures from a CSV file with the columns
/// printed_in, section, item, position, reported, variable, quote (see data/paper/README.md).
/// </summary>
public static class ReportedTables
{
    private static readonly string[] Header = ["printed_in", "section", "item", "position", "reported", "variable", "quote"];

    /// <summary>Loads the file.</summary>
    /// <param name="path">The CSV file, e.g. data/paper/qiu-2022-reported-tables.csv.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A line is malformed; the message gives the file, line and what to fix.</exception>
    public static ReportedCcaTable Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No reported-table file at {path}.", path);
        List<Data.CsvRecords.Record> lines;
        using (var reader = new StreamReader(path, Encoding.UTF8)) lines = Data.CsvRecords.Read(reader);
        if (lines.Count == 0 || !lines[0].Fields.SequenceEqual(Header))
            throw new FormatException($"{path}, line 1: the header must be {string.Join(",", Header)}.");
        string source = "";
        int? n = null, p = null, q = null, maxPairs = null;
        string corrSection = "Correlations", testSection = "Tests";
        string? extraLabel = null;
        var correlations = new SortedDictionary<int, ReportedNumber>();
        var extra = new SortedDictionary<int, ReportedNumber>();
        var tests = new SortedDictionary<int, Dictionary<string, ReportedNumber>>();
        var equations = new List<(string Variate, int Position, ReportedTerm Term)>();
        var claims = new List<ReportedClaim>();
        for (int li = 1; li < lines.Count; li++)
        {
            var c = lines[li].Fields;
            string where = $"{path}, line {lines[li].Line}";
            if (c.Length != Header.Length) throw new FormatException($"{where}: {c.Length} fields, expected {Header.Length}.");
            string printedIn = c[0], section = c[1], item = c[2], reported = c[4], variable = c[5], quote = c[6];
            int Position() => int.TryParse(c[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 1
                ? v : throw new FormatException($"{where}: position '{c[3]}' must be a whole number ≥ 1.");
            ReportedNumber Number()
            {
                try { return new ReportedNumber(reported); }
                catch (FormatException e) { throw new FormatException($"{where}: {e.Message}", e); }
            }
            int Whole() => int.TryParse(reported, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 1
                ? v : throw new FormatException($"{where}: '{reported}' must be a whole number ≥ 1.");
            switch (section)
            {
                case "source": source = reported; break;
                case "design":
                    if (item == "n") n = Whole();
                    else if (item == "p") p = Whole();
                    else if (item == "q") q = Whole();
                    else throw new FormatException($"{where}: design item '{item}' must be n, p or q.");
                    break;
                case "correlations": corrSection = printedIn; correlations[Position()] = Number(); break;
                case "correlations-extra": extraLabel = item; extra[Position()] = Number(); break;
                case "tests":
                    testSection = printedIn;
                    int row = Position();
                    if (!tests.TryGetValue(row, out var cells)) tests[row] = cells = [];
                    cells[item] = Number();
                    break;
                case "equation":
                    equations.Add((item, Position(), new ReportedTerm(Number(), variable)));
                    break;
                case "text":
                    if (!int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out int pair))
                        throw new FormatException($"{where}: the item of a text claim must be the pair number.");
                    claims.Add(new ReportedClaim(pair, variable, Number(), quote));
                    break;
                case "claim":
                    if (item == "maximum number of canonical pairs") maxPairs = Whole();
                    break;
                default: throw new FormatException($"{where}: unknown section '{section}'.");
            }
        }
        if (n is null || p is null || q is null) throw new FormatException($"{path}: the design rows n, p and q are required.");
        var testRows = tests.Select(t => new ReportedTestRow(t.Key, t.Value.GetValueOrDefault("Wilks"), t.Value.GetValueOrDefault("DF"),
            t.Value.GetValueOrDefault("Sig."), t.Value.GetValueOrDefault("F"), t.Value.GetValueOrDefault("Chi-square"))).ToArray();
        var eqs = equations.GroupBy(e => e.Variate).Select(g => new ReportedEquation(g.Key, g.OrderBy(e => e.Position).Select(e => e.Term).ToArray())).ToArray();
        return new ReportedCcaTable(source, n.Value, p.Value, q.Value, correlations.Values.ToArray(), testRows, extraLabel,
            extra.Values.ToArray(), eqs, claims, corrSection, testSection, maxPairs);
    }
}
