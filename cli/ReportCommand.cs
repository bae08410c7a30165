using System.CommandLine;
using System.Globalization;
using RuralEcom.Cca;
using RuralEcom.Data;
using RuralEcom.Interpretation;
using RuralEcom.Reports;

namespace RuralEcom.Cli;

/// <summary>
/// <c>ruralecom report</c>: the whole analysis of a panel with the paper's indicators X1..X8 and Y1..Y11 (CCA, tests,
/// interpretation, strategy ranking, figures) written into a folder as CSV, Markdown, LaTeX and PNG files with a README index.
/// </summary>
internal static class ReportCommand
{
    private static readonly string[] Methods = ["stable", "eigen"];
    private static readonly string[] Scorings = ["sum", "mean"];

    /// <summary>Builds the command with its options and action.</summary>
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The panel: a CSV (or .xlsx/.xls) file with columns region, year, X1..X8, Y1..Y11 (see data/indicators.csv).", Required = true, HelpName = "FILE" };
        var outDir = new Option<string>("--out") { Description = "The folder to write the report into (created if needed; files of the same names are replaced).", Required = true, HelpName = "DIR" };
        var sheet = new Option<string?>("--sheet") { Description = "For an Excel file: the sheet to read (default: the first).", HelpName = "NAME" };
        var alpha = new Option<double>("--alpha") { Description = "Significance level of the sequential Wilks tests that decides which pairs are read.", DefaultValueFactory = _ => 0.05 };
        var threshold = new Option<double>("--threshold") { Description = "|structure coefficient| at which an indicator dominates a canonical variate.", DefaultValueFactory = _ => 0.5 };
        var method = new Option<string>("--method") { Description = "CCA algorithm: stable (QR and SVD) or eigen (textbook eigen-decomposition).", DefaultValueFactory = _ => "stable" };
        method.AcceptOnlyFromAmong(Methods);
        var scoring = new Option<string>("--scoring") { Description = "Rank strategies by the mean per linked indicator (default) or the sum over them.", DefaultValueFactory = _ => "mean" };
        scoring.AcceptOnlyFromAmong(Scorings);

        var command = new Command("report", "Run the full analysis (CCA, tests, interpretation, strategy ranking, figures) on a panel with the paper's X1..X8 and Y1..Y11 and write every table (CSV, Markdown, LaTeX) and figure (PNG) into --out, with a README.md index.")
        {
            data, outDir, sheet, alpha, threshold, method, scoring,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(data);
            double a = parse.GetValue(alpha), t = parse.GetValue(threshold);
            if (!(a > 0 && a < 1)) throw new CliException($"--alpha {a.ToString(CultureInfo.InvariantCulture)} must lie strictly between 0 and 1, e.g. --alpha 0.05.");
            if (!(t > 0.3 && t < 1)) throw new CliException($"--threshold {t.ToString(CultureInfo.InvariantCulture)} must lie between 0.3 and 1 (coefficients below 0.3 count as small), e.g. --threshold 0.45.");
            var ext = Path.GetExtension(path).ToLowerInvariant();
            var panel = ext is ".xlsx" or ".xls" ? PanelXlsx.Load(path, parse.GetValue(sheet)) : PanelCsv.Load(path);
            var options = new AnalysisReportOptions
            {
                Interpretation = InterpretationOptions.FromCatalog() with { Alpha = a, StructureThreshold = t },
                Scoring = parse.GetRequiredValue(scoring) == "mean" ? StrategyScoring.Mean : StrategyScoring.Sum,
            };
            var method1 = parse.GetRequiredValue(method) == "eigen" ? CcaMethod.Eigen : CcaMethod.Stable;
            var result = AnalysisReport.WritePanel(panel, parse.GetRequiredValue(outDir), options, method1);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"{result.Interpretation.Pairs.Count} of {result.Tests.Wilks.Count} canonical pairs significant at alpha = {a.ToString(CultureInfo.InvariantCulture)} (n = {result.Tests.N}).");
            foreach (var s in result.Interpretation.Sentences) output.WriteLine("  " + s);
            if (result.Strategies.Scores.Count > 0 && result.Interpretation.Pairs.Count > 0)
                output.WriteLine($"Strongest strategy: {result.Strategies.Scores[0].Strategy.Id} {result.Strategies.Scores[0].Strategy.Title}.");
            output.WriteLine($"wrote {result.Files.Count + 1} files to {result.Folder} (index: README.md)");
            return Program.Success;
        });
        return command;
    }
}
