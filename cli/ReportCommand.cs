using System.CommandLine;
using System.Globalization;
using System.Text;
using RuralEcom.Cca;
using RuralEcom.Data;
using RuralEcom.Interpretation;
using RuralEcom.Reports;

namespace RuralEcom.Cli;

/// <summary>
/// <c>ruralecom report</c>: the whole analysis of a panel with the paper's indicators X1..X8 and Y1..Y11 (CCA, tests,
/// interpretation, strategy ranking, figures) written into a folder as CSV, Markdown, LaTeX, PNG and offline HTML files
/// with a README index.
/// </summary>
internal static class ReportCommand
{
    private static readonly string[] Methods = ["stable", "eigen"];
    private static readonly string[] Scorings = ["sum", "mean"];

    /// <summary>Builds the command with its options and action.</summary>
    public static Command Create()
    {
        var data = new DataOptions("The panel: CSV (any common separator, UTF-8 or GBK) or .xlsx/.xls, with columns region, year, X1..X8, Y1..Y11 (see data/indicators.csv). A column named SYMBOL_anything (e.g. Y2_urbanization_rate_pct) is read as that symbol; other columns are left out with a note.", panel: true);
        var outDir = new Option<string>("--out") { Description = "The folder to write the report into: a new or empty folder, or an earlier report's folder (replaced whole, only when the report is complete).", Required = true, HelpName = "DIR" };
        var alpha = new Option<double>("--alpha") { Description = "Significance level of the sequential Wilks tests that decides which pairs are read.", DefaultValueFactory = _ => 0.05 };
        var threshold = new Option<double>("--threshold") { Description = "|structure coefficient| at which an indicator dominates a canonical variate.", DefaultValueFactory = _ => 0.5 };
        var method = new Option<string>("--method") { Description = "CCA algorithm: stable (QR and SVD) or eigen (textbook eigen-decomposition).", DefaultValueFactory = _ => "stable" };
        method.AcceptOnlyFromAmong(Methods);
        var scoring = new Option<string>("--scoring") { Description = "Rank strategies by the mean per linked indicator (default) or the sum over them.", DefaultValueFactory = _ => "mean" };
        scoring.AcceptOnlyFromAmong(Scorings);

        var command = new Command("report", "Run the full analysis (CCA, tests, interpretation, strategy ranking, figures) on a panel with the paper's X1..X8 and Y1..Y11 and write every table (CSV, Markdown, LaTeX) and figure (PNG, and interactive HTML that works offline) into --out, with a README.md index.")
        {
            outDir, alpha, threshold, method, scoring,
        };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            double a = parse.GetValue(alpha), t = parse.GetValue(threshold);
            if (!(a > 0 && a < 1)) throw new CliException($"--alpha {a.ToString(CultureInfo.InvariantCulture)} must lie strictly between 0 and 1, e.g. --alpha 0.05.");
            if (!(t > 0.3 && t < 1)) throw new CliException($"--threshold {t.ToString(CultureInfo.InvariantCulture)} must lie between 0.3 and 1 (coefficients below 0.3 count as small), e.g. --threshold 0.45.");
            var folder = OptionParsing.OutputFolder(parse.GetRequiredValue(outDir))!;
            var panel = LoadPanel(parse, data);
            var options = new AnalysisReportOptions
            {
                Interpretation = InterpretationOptions.FromCatalog() with { Alpha = a, StructureThreshold = t },
                Scoring = parse.GetRequiredValue(scoring) == "mean" ? StrategyScoring.Mean : StrategyScoring.Sum,
            };
            var method1 = parse.GetRequiredValue(method) == "eigen" ? CcaMethod.Eigen : CcaMethod.Stable;
            var result = AnalysisReport.WritePanel(panel, folder, options, method1);
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

    /// <summary>
    /// Loads the panel: headers that are symbols are used; a header SYMBOL_text is read as SYMBOL; every other header
    /// (besides region and year) is left out with a note. Then checks that every indicator of the paper is present,
    /// and otherwise says which are missing and where to get each (data/nbs/nbs-mapping.csv).
    /// </summary>
    private static Panel LoadPanel(ParseResult parse, DataOptions data)
    {
        var catalog = IndicatorCatalog.Default;
        var header = data.LoadTable(parse, []).Columns;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var explicitlyIgnored = data.Ignored(parse);
        var error = parse.InvocationConfiguration.Error;
        foreach (var h in header)
        {
            if (h is "region" or "year" || catalog.Contains(h) || explicitlyIgnored.Contains(h)) continue;
            var prefix = h.Split('_')[0];
            if (h.Contains('_') && catalog.Contains(prefix) && !header.Contains(prefix) && !map.ContainsValue(prefix))
            {
                map[h] = prefix;
                error.WriteLine($"note: reading column {h} as {prefix} ({catalog[prefix].Name}).");
            }
            else ignored.Add(h);
        }
        if (ignored.Count > 0)
            error.WriteLine($"note: leaving out column(s) that are not indicators: {string.Join(", ", ignored)}.");
        var panel = data.LoadPanel(parse, new PanelCsvOptions { ColumnMap = map, IgnoreColumns = ignored });
        var needed = catalog.XSymbols.Concat(catalog.YSymbols).ToArray();
        var missing = needed.Where(s => !panel.HasColumn(s)).ToArray();
        if (missing.Length == 0) return panel;
        var have = needed.Where(panel.HasColumn).Select(s => map.FirstOrDefault(kv => kv.Value == s).Key is { } from ? $"{s} (column {from})" : s).ToArray();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{panel.Source} cannot be reported on: the report analyses all {needed.Length} indicators of the paper ({string.Join(",", catalog.XSymbols)} against {string.Join(",", catalog.YSymbols)}), ");
        sb.Append(have.Length == 0 ? "and the file has none of them" : $"and the file has only {string.Join(", ", have)}");
        sb.Append(CultureInfo.InvariantCulture, $". Missing ({missing.Length}): {string.Join(", ", missing)}.\nWhere to get them (data/nbs/nbs-mapping.csv; download steps in data/nbs/DOWNLOAD.md, then import-nbs --dir FOLDER --out panel.csv):\n");
        foreach (var s in missing) sb.Append("  ").Append(NbsMapping.Default.WhereToGet(s)).Append('\n');
        sb.Append("Name the columns after the symbols (see data/indicators.csv for units), or run cca on the columns you have.");
        throw new CliException(sb.ToString());
    }
}
