using System.CommandLine;
using System.Globalization;
using RuralEcom.Data;

namespace RuralEcom.Cli;

/// <summary>
/// The options every command uses to read its data file, built once per command: <c>--data</c>, <c>--separator</c>,
/// <c>--sheet</c>, <c>--ignore-columns</c> and (for panels) <c>--missing</c>. All reading goes through the library's one
/// file reader, so CSV with any common separator, GBK or UTF-8, and .xlsx/.xls work everywhere.
/// </summary>
internal sealed class DataOptions
{
    /// <summary>The data file.</summary>
    public readonly Option<string> Data;

    /// <summary>The field separator of a text file (detected when absent).</summary>
    public readonly Option<string?> Separator = new("--separator")
    {
        Description = "Field separator of a CSV/text file: , ; | or tab (default: detected from the first lines).",
        HelpName = "CHAR",
    };

    /// <summary>The worksheet of a workbook.</summary>
    public readonly Option<string?> Sheet = new("--sheet") { Description = "For an .xlsx/.xls file: the sheet to read (default: the first).", HelpName = "NAME" };

    /// <summary>Columns to leave out.</summary>
    public readonly Option<string?> IgnoreColumns = new("--ignore-columns")
    {
        Description = "Comma-separated columns of the file to leave out (e.g. notes or source columns).",
        HelpName = "A,B",
    };

    /// <summary>What to do with empty cells in a panel.</summary>
    public readonly Option<string> Missing = new("--missing")
    {
        Description = "Empty cells: fail (list them) or drop (leave out every row with an empty cell, and list those rows).",
        DefaultValueFactory = _ => "fail",
    };

    private readonly bool _panel;

    /// <summary>Creates the options; <paramref name="panel"/> adds <c>--missing</c> (for commands that read a panel).</summary>
    /// <param name="dataDescription">The help text of <c>--data</c>.</param>
    /// <param name="panel">Whether the command reads a region-year panel.</param>
    public DataOptions(string dataDescription, bool panel)
    {
        Data = new Option<string>("--data") { Description = dataDescription, Required = true, HelpName = "FILE" };
        Missing.AcceptOnlyFromAmong("fail", "drop");
        _panel = panel;
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Data);
        command.Add(Separator);
        command.Add(Sheet);
        command.Add(IgnoreColumns);
        if (_panel) command.Add(Missing);
    }

    /// <summary>The separator and sheet given on the command line.</summary>
    public FileFormat Format(ParseResult parse) => new() { Separator = ParseSeparator(parse.GetValue(Separator)), Sheet = parse.GetValue(Sheet) };

    /// <summary>The columns named by <c>--ignore-columns</c> (empty when absent).</summary>
    public IReadOnlyList<string> Ignored(ParseResult parse) =>
        parse.GetValue(IgnoreColumns) is { } text ? OptionParsing.ColumnList(text, "--ignore-columns") : [];

    /// <summary>
    /// Reads the table of <c>--data</c> and checks that no column of <paramref name="used"/> is ignored; says on the
    /// error stream which separator was detected when it is not a comma.
    /// </summary>
    public CsvTable LoadTable(ParseResult parse, IEnumerable<string> used)
    {
        var ignored = Ignored(parse);
        var clash = used.Where(ignored.Contains).ToArray();
        if (clash.Length > 0)
            throw new CliException($"Column {string.Join(", ", clash)} is both used and listed in --ignore-columns; remove it from one of them.");
        var table = CsvTable.Load(parse.GetRequiredValue(Data), Format(parse));
        NoteSeparator(parse, table.Separator);
        var unknown = ignored.Where(c => !table.Columns.Contains(c)).ToArray();
        if (unknown.Length > 0)
            throw new CliException($"--ignore-columns names {string.Join(", ", unknown)}, which {(unknown.Length == 1 ? "is" : "are")} not in {table.Source}. Its columns are: {string.Join(", ", table.Columns)}.");
        return table;
    }

    /// <summary>Reads the panel of <c>--data</c> with the missing-value policy and ignored columns given, on top of <paramref name="options"/>.</summary>
    public Panel LoadPanel(ParseResult parse, PanelCsvOptions options)
    {
        var panel = PanelCsv.Load(parse.GetRequiredValue(Data), options with
        {
            Format = Format(parse),
            IgnoreColumns = options.IgnoreColumns.Concat(Ignored(parse)).ToArray(),
            Missing = parse.GetValue(Missing) == "drop" ? MissingValues.ListwiseDelete : MissingValues.Fail,
        });
        var error = parse.InvocationConfiguration.Error;
        foreach (var d in panel.DroppedRows)
            error.WriteLine($"note: dropped line {d.Line} ({d.Region} {d.Year.ToString(CultureInfo.InvariantCulture)}): empty {string.Join(", ", d.EmptyColumns)}");
        return panel;
    }

    /// <summary>Tells on the error stream that a detected separator other than a comma was used.</summary>
    public void NoteSeparator(ParseResult parse, char? separator)
    {
        if (separator is { } s && s != ',' && parse.GetValue(Separator) is null)
            parse.InvocationConfiguration.Error.WriteLine($"note: read {parse.GetRequiredValue(Data)} as {DescribeSeparator(s)}-separated (detected; give --separator to choose another).");
    }

    private static string DescribeSeparator(char s) => s switch { ';' => "semicolon", '\t' => "tab", '|' => "bar", _ => $"'{s}'" };

    /// <summary>Reads a <c>--separator</c> value: one character, or the words tab, comma, semicolon.</summary>
    internal static char? ParseSeparator(string? text)
    {
        if (text is null) return null;
        return text switch
        {
            "tab" or "\\t" or "\t" => '\t',
            "comma" => ',',
            "semicolon" => ';',
            { Length: 1 } when text[0] is not ('"' or '\r' or '\n') && !char.IsLetterOrDigit(text[0]) && text[0] != '.' && text[0] != '-' => text[0],
            _ => throw new CliException($"--separator '{text}' is not a separator; give one character such as , or ; or |, or the word tab."),
        };
    }
}

/// <summary>Small parsers shared by the commands' options, each throwing a <see cref="CliException"/> in the user's terms.</summary>
internal static class OptionParsing
{
    /// <summary>Splits a comma-separated list of column names, rejecting empty and repeated names.</summary>
    internal static string[] ColumnList(string text, string option)
    {
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0))
            throw new CliException($"{option} '{text}' has an empty column name; list names separated by single commas, e.g. {option} A,B,C.");
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new CliException($"{option} names column {repeated.Key} twice; list each column once.");
        return names;
    }

    /// <summary>The X and Y column lists of <c>--x</c> and <c>--y</c>, which must not share a column.</summary>
    internal static (string[] X, string[] Y) Sets(string x, string y)
    {
        var xNames = ColumnList(x, "--x");
        var yNames = ColumnList(y, "--y");
        var shared = xNames.Intersect(yNames, StringComparer.Ordinal).ToArray();
        if (shared.Length > 0)
            throw new CliException($"Column {string.Join(", ", shared)} is in both --x and --y; each column belongs to one set.");
        return (xNames, yNames);
    }

    /// <summary>Checks an output folder option: present but empty or blank is an error (null means "not given").</summary>
    internal static string? OutputFolder(string? value, string option = "--out")
    {
        if (value is null) return null;
        if (value.Trim().Length == 0)
            throw new CliException($"{option} is empty; give a folder name, e.g. {option} results/ (or leave {option} out to print to standard output).");
        return value;
    }
}
