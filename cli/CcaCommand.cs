using System.CommandLine;
using RuralEcom.Cca;
using RuralEcom.Data;
using RuralEcom.Reports;
using RuralEcom.Significance;

namespace RuralEcom.Cli;

/// <summary>
/// <c>ruralecom cca</c>: canonical correlation analysis of two sets of columns of a CSV file, printed as JSON,
/// Markdown tables or CSV tables.
/// </summary>
internal static class CcaCommand
{
    private static readonly string[] Formats = ["json", "markdown", "csv"];
    private static readonly string[] Methods = ["stable", "eigen"];

    /// <summary>Builds the command with its options and action.</summary>
    public static Command Create()
    {
        var data = new DataOptions("The data file: CSV (any common separator, UTF-8 or GBK) or .xlsx/.xls, with a header line of column names, then one row per sample (e.g. region,year,X1,...,Y11); or a Parquet file (streamed through DuckDB; no scores).", panel: false);
        var x = new Option<string?>("--x") { Description = "The X set: comma-separated column names, e.g. X1,X2,X3.", HelpName = "A,B,C" };
        var y = new Option<string?>("--y") { Description = "The Y set: comma-separated column names, e.g. Y1,Y2.", HelpName = "D,E,F" };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong(Formats);
        var outDir = new Option<string?>("--out") { Description = "Write the output into this folder (cca.json, cca.md, or one CSV per table) instead of standard output.", HelpName = "DIR" };
        var method = new Option<string>("--method") { Description = "Algorithm: stable (QR and SVD) or eigen (the textbook eigen-decomposition of R11⁻¹R12R22⁻¹R21).", DefaultValueFactory = _ => "stable" };
        method.AcceptOnlyFromAmong(Methods);

        var command = new Command("cca", "Canonical correlation analysis between the --x and --y columns of a CSV file, with SAS PROC CANCORR's output and tests of significance.")
        {
            x, y, format, outDir, method,
        };
        data.AddTo(command);
        var large = new LargeDataOptions();
        large.AddTo(command, data.Data, x, y);
        command.SetAction(parse =>
        {
            var (xNames, yNames) = parse.GetValue(x) is { } xs && parse.GetValue(y) is { } ys ? OptionParsing.Sets(xs, ys) : (null, null);
            var dir = OptionParsing.OutputFolder(parse.GetValue(outDir));
            if (large.TryShowSql(parse, xNames, yNames)) return Program.Success;
            var cmethod = parse.GetRequiredValue(method) == "eigen" ? CcaMethod.Eigen : CcaMethod.Stable;
            var path = parse.GetValue(data.Data);
            var (cca, source) = large.TryFit(parse, path, xNames, yNames, cmethod) ?? InMemory(parse, data, xNames!, yNames!, cmethod);
            var tests = SignificanceTests.Test(cca);
            var output = parse.InvocationConfiguration.Output;
            switch (parse.GetRequiredValue(format))
            {
                case "json":
                    Write(output, dir, "cca.json", CcaJson.Serialize(cca, tests));
                    break;
                case "markdown":
                    Write(output, dir, "cca.md", CcaTables.ToMarkdown(cca, tests, source));
                    break;
                default:
                    if (dir is null) output.Write(CcaTables.ToCsvStream(cca, tests));
                    else foreach (var t in CcaReportTables.All(cca, tests)) Write(output, dir, t.Name + ".csv", t.Table.ToCsv());
                    break;
            }
            return Program.Success;
        });
        return command;
    }

    /// <summary>The in-memory fit of a CSV or workbook file (with scores).</summary>
    private static (CcaResult, string) InMemory(ParseResult parse, DataOptions data, string[] xNames, string[] yNames, CcaMethod method)
    {
        var table = data.LoadTable(parse, xNames.Concat(yNames));
        var cca = CanonicalCorrelationAnalysis.Fit(table.Matrix(xNames), table.Matrix(yNames), xNames, yNames, method);
        return (cca, Path.GetFileName(parse.GetRequiredValue(data.Data)));
    }

    /// <summary>
    /// Writes <paramref name="text"/> to standard output, or into the folder (telling which file): atomically (a temporary
    /// file in the folder, then renamed), refusing a symbolic link in place of the folder or the file.
    /// </summary>
    internal static void Write(TextWriter output, string? dir, string fileName, string text)
    {
        if (dir is null)
        {
            output.Write(text);
            return;
        }
        var file = SafeFiles.WriteText(dir, fileName, text);
        output.WriteLine($"wrote {file}");
    }
}
