using System.Globalization;
using RuralEcom.Data;

namespace RuralEcom.Audit;

/// <summary>
/// Reads a paper's printed CCA figures from a CSV file with the columns
/// printed_in, section, item, position, reported, variable, quote (the template is documented in data/audit/README.md).
/// </summary>
public static class ReportedTables
{
    private static readonly string[] Header = ["printed_in", "section", "item", "position", "reported", "variable", "quote"];

    /// <summary>The test-table columns the file may hold (the <c>item</c> of a <c>tests</c> line).</summary>
    public static IReadOnlyList<string> TestItems { get; } = ["Wilks", "DF", "Num DF", "Den DF", "F", "Chi-square", "Sig."];

    /// <summary>The values of the design item <c>test</c>, one per <see cref="TestConvention"/>.</summary>
    public static IReadOnlyDictionary<string, TestConvention> ConventionNames { get; } = new Dictionary<string, TestConvention>(StringComparer.OrdinalIgnoreCase)
    {
        ["rao-sas"] = TestConvention.RaoSas,
        ["rao-statsmodels"] = TestConvention.RaoStatsmodels,
        ["bartlett"] = TestConvention.Bartlett,
        ["bartlett-lawley"] = TestConvention.BartlettLawley,
    };

    /// <summary>Loads the file.</summary>
    /// <param name="path">The CSV file, e.g. data/paper/qiu-2022-reported-tables.csv.</param>
    /// <exception cref="PanelFormatException">The file is missing or malformed; the message gives the file, line, field and what to fix.</exception>
    public static ReportedCcaTable Load(string path) => Parse(path, DataFile.Read(path, new FileFormat { Separator = ',' }).Records);

    private static ReportedCcaTable Parse(string path, List<CsvRecords.Record> lines)
    {
        if (lines.Count == 0 || !lines[0].Fields.Select(f => f.Trim()).SequenceEqual(Header))
            throw new PanelFormatException(path, 1, null, $"The header must be {string.Join(",", Header)}.",
                "Start from data/audit/template.csv and keep its first line.");
        string source = "";
        int? n = null, p = null, q = null, maxPairs = null;
        var convention = TestConvention.RaoSas;
        string corrSection = "Correlations", testSection = "Tests";
        var correlations = new SortedDictionary<int, ReportedNumber>();
        var extra = new List<(string Label, SortedDictionary<int, ReportedNumber> Values)>();
        var tests = new SortedDictionary<int, Dictionary<string, ReportedNumber>>();
        var equations = new List<(string Variate, int Position, ReportedTerm Term)>();
        var claims = new List<ReportedClaim>();
        for (int li = 1; li < lines.Count; li++)
        {
            var c = lines[li].Fields.Select(f => f.Trim()).ToArray();
            int line = lines[li].Line;
            PanelFormatException Error(string field, string problem, string remedy) => new(path, line, field, problem, remedy);
            if (c.Length != Header.Length)
                throw Error(Header[Math.Min(c.Length, Header.Length - 1)], $"The line has {c.Length} fields; every line needs {Header.Length} ({string.Join(",", Header)}).",
                    "Leave unused fields empty but keep their commas, and quote text that contains a comma.");
            string printedIn = c[0], section = c[1], item = c[2], reported = c[4], variable = c[5], quote = c[6];
            int Position() => int.TryParse(c[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 1
                ? v : throw Error("position", $"The position '{c[3]}' is not a whole number ≥ 1.", "Give the printed order: 1 for the first correlation or test row.");
            ReportedNumber Number()
            {
                try { return new ReportedNumber(reported); }
                catch (FormatException) { throw Error("reported", $"'{reported}' is not a printed number.", "Copy the number exactly as printed, e.g. 0.995 or <0.0001."); }
            }
            int Whole() => int.TryParse(reported, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 1
                ? v : throw Error("reported", $"'{reported}' is not a whole number ≥ 1.", $"Give the {item} of the design as a whole number.");
            switch (section)
            {
                case "source": source = reported; break;
                case "design":
                    if (item == "n") n = Whole();
                    else if (item == "p") p = Whole();
                    else if (item == "q") q = Whole();
                    else if (item == "test")
                        convention = ConventionNames.TryGetValue(reported, out var conv) ? conv
                            : throw Error("reported", $"'{reported}' is not a known test convention.", $"Use one of {string.Join(", ", ConventionNames.Keys)}.");
                    else throw Error("item", $"The design item '{item}' is unknown.", "Use n, p, q or test.");
                    break;
                case "correlations": corrSection = printedIn; Add(correlations, Position(), Number()); break;
                case "correlations-extra":
                    if (item.Length == 0) throw Error("item", "A correlations-extra line needs the printed row label as its item.", "Copy the label, e.g. Approximate Standard Error.");
                    var row = extra.FirstOrDefault(e => e.Label == item).Values;
                    if (row is null) extra.Add((item, row = []));
                    Add(row, Position(), Number());
                    break;
                case "tests":
                    testSection = printedIn;
                    if (!TestItems.Contains(item))
                        throw Error("item", $"The test column '{item}' is unknown.", $"Use one of {string.Join(", ", TestItems)}.");
                    int testRow = Position();
                    if (!tests.TryGetValue(testRow, out var cells)) tests[testRow] = cells = [];
                    if (!cells.TryAdd(item, Number()))
                        throw Error("item", $"Row {testRow} already has a {item} value.", "Give each printed cell once.");
                    break;
                case "equation":
                    try { _ = ReportedCcaTable.ParseVariable(variable); }
                    catch (FormatException) { throw Error("variable", $"'{variable}' is not a variable such as x_7 or y_{{10}}.", "Copy the variable with its subscript."); }
                    equations.Add((item, Position(), new ReportedTerm(Number(), variable)));
                    break;
                case "text":
                    if (!int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out int pair))
                        throw Error("item", $"The item of a text claim must be the pair number, not '{item}'.", "Give the pair the sentence discusses, e.g. 2.");
                    try { _ = ReportedCcaTable.ParseVariable(variable); }
                    catch (FormatException) { throw Error("variable", $"'{variable}' is not a variable such as X2 or Y5.", "Name the indicator's symbol."); }
                    claims.Add(new ReportedClaim(pair, variable, Number(), quote));
                    break;
                case "claim":
                    if (item == "maximum number of canonical pairs") maxPairs = Whole();
                    else throw Error("item", $"The claim '{item}' is unknown.", "The only claim checked is 'maximum number of canonical pairs'.");
                    break;
                default:
                    throw Error("section", $"The section '{section}' is unknown.",
                        "Use source, design, correlations, correlations-extra, tests, equation, text or claim.");
            }

            void Add(SortedDictionary<int, ReportedNumber> target, int position, ReportedNumber value)
            {
                if (!target.TryAdd(position, value))
                    throw Error("position", $"Position {position} of {section} {item} is given twice.", "Give each printed value once.");
            }
        }
        foreach (var (name, value) in new[] { ("n", n), ("p", p), ("q", q) })
            if (value is null)
                throw new PanelFormatException(path, null, "item", $"The design line {name} is missing.", $"Add a line 'Text,design,{name},,VALUE,,' with the stated {name}.");
        if (correlations.Count > 0 && correlations.Keys.Last() != correlations.Count)
            throw new PanelFormatException(path, null, "position", "The correlation positions have a gap.", "Give positions 1, 2, 3, … without skipping any.");
        var testRows = tests.Select(t => new ReportedTestRow(t.Key, Get(t.Value, "Wilks"), Get(t.Value, "DF"), Get(t.Value, "Sig."),
            Get(t.Value, "F"), Get(t.Value, "Chi-square"), Get(t.Value, "Num DF"), Get(t.Value, "Den DF"))).ToArray();
        var eqs = equations.GroupBy(e => e.Variate).Select(g => new ReportedEquation(g.Key, g.OrderBy(e => e.Position).Select(e => e.Term).ToArray())).ToArray();
        return new ReportedCcaTable(source, n!.Value, p!.Value, q!.Value, correlations.Values.ToArray(), testRows,
            extra.Select(e => new ReportedExtraRow(e.Label, e.Values.Values.ToArray())).ToArray(), eqs, claims, corrSection, testSection, maxPairs, convention);
    }

    private static ReportedNumber? Get(Dictionary<string, ReportedNumber> cells, string item) => cells.GetValueOrDefault(item);
}
