using System.Globalization;
using System.Text;
using RuralEcom.Cca;
using RuralEcom.Data;
using RuralEcom.Interpretation;
using RuralEcom.Plots;
using RuralEcom.Significance;

namespace RuralEcom.Reports;

/// <summary>Settings of <see cref="AnalysisReport.Write"/>.</summary>
public sealed record AnalysisReportOptions
{
    /// <summary>Significance level, thresholds, display names and set names of the interpretation.</summary>
    public InterpretationOptions Interpretation { get; init; } = new();

    /// <summary>The strategy map; null uses <see cref="StrategyMap.Default"/>.</summary>
    public StrategyMap? Strategies { get; init; }

    /// <summary>How strategies are ranked.</summary>
    public StrategyScoring Scoring { get; init; } = StrategyScoring.Mean;

    /// <summary>A line saying where the data came from, printed at the top of the index (e.g. the file name and whether it is synthetic).</summary>
    public string? DataDescription { get; init; }
}

/// <summary>Everything <see cref="AnalysisReport.Write"/> computed and the files it wrote.</summary>
/// <param name="Tests">The tests of significance.</param>
/// <param name="Interpretation">The reading of the significant pairs.</param>
/// <param name="Strategies">The strategy ranking.</param>
/// <param name="Files">The files written (README.md excluded).</param>
/// <param name="Folder">The absolute output folder.</param>
public sealed record AnalysisReportResult(SignificanceResult Tests, InterpretationResult Interpretation, StrategyRankingResult Strategies,
    IReadOnlyList<ReportFile> Files, string Folder);

/// <summary>
/// Writes the whole analysis of a fitted CCA into a folder: every table as CSV, Markdown and LaTeX, every figure as PNG,
/// and README.md listing the files with the generated reading of each significant pair.
/// </summary>
public static class AnalysisReport
{
    /// <summary>Tests, interprets and ranks strategies for <paramref name="cca"/> and writes every table and figure.</summary>
    /// <param name="cca">The fitted analysis.</param>
    /// <param name="labels">One label per sample for the variate scatters (e.g. "Anhui 2016"); null numbers them.</param>
    /// <param name="folder">The output folder (created if needed; existing files of the same names are replaced).</param>
    /// <param name="options">Settings; null uses the defaults.</param>
    public static AnalysisReportResult Write(CcaResult cca, IReadOnlyList<string>? labels, string folder, AnalysisReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cca);
        options ??= new AnalysisReportOptions();
        var o = options.Interpretation;
        var tests = cca.Tests();
        var reading = cca.Interpret(tests, o);
        var map = options.Strategies ?? StrategyMap.Default;
        var ranking = reading.RankStrategies(map, options.Scoring);
        using var w = new ReportWriter(folder);
        string Display(string s) => o.DisplayName is null ? s : $"{s} {o.DisplayName(s)}";

        foreach (var t in CcaReportTables.All(cca, tests)) w.WriteTable(t.Name, t.Table);
        w.WriteTable("10-interpretation", reading.ToTable());
        w.WriteTable("11-paper-vs-structure-reading", reading.ComparisonTable());
        w.WriteTable("12-coefficient-disagreements", reading.DisagreementTable());
        w.WriteTable("13-strategy-ranking", ranking.ToTable());
        w.WriteTable("14-strategy-contributions", ranking.ContributionTable());
        w.WriteTable("15-strategy-sections", ranking.SectionTable());
        w.WriteTable("16-strategy-map", map.ToTable());

        w.WriteFigure("fig-01-canonical-correlations", CcaFigures.CanonicalCorrelations(cca, tests, o.Alpha));
        w.WriteFigure("fig-02-redundancy", CcaFigures.Redundancy(cca));
        if (reading.Pairs.Count > 0) w.WriteFigure("fig-05-strategy-ranking", StrategyFigures.Ranking(ranking));
        foreach (var p in reading.Pairs)
        {
            if (cca.ScoresX is not null)
                w.WriteFigure($"fig-03-variates-pair-{p.Pair}", CcaFigures.VariateScatter(cca, p.Pair, labels));
            w.WriteFigure($"fig-04-structure-pair-{p.Pair}", CcaFigures.StructureCoefficients(cca, p.Pair, Display, o.StructureThreshold));
        }

        w.WriteIndex("Canonical correlation analysis report", Introduction(cca, tests, reading, ranking, options));
        return new AnalysisReportResult(tests, reading, ranking, w.Files, w.Folder);
    }

    /// <summary>
    /// The whole analysis of a panel with the catalogue's indicators (for the bundled catalogue the paper's X1..X8 and
    /// Y1..Y11): fits the CCA, labels the samples "region year", names indicators and sets from the catalogue (unless
    /// <paramref name="options"/> sets its own interpretation options) and writes the report.
    /// </summary>
    /// <param name="panel">The data; it must have every X and Y column of the catalogue.</param>
    /// <param name="folder">The output folder.</param>
    /// <param name="options">Settings; null uses the catalogue's names and the default thresholds.</param>
    /// <param name="method">The CCA algorithm.</param>
    /// <param name="catalog">The indicator catalogue; null uses <see cref="IndicatorCatalog.Default"/>.</param>
    /// <exception cref="CcaDataException">The panel lacks some of the catalogue's columns (the message lists them), or the analysis cannot use the data.</exception>
    public static AnalysisReportResult WritePanel(Panel panel, string folder, AnalysisReportOptions? options = null,
        CcaMethod method = CcaMethod.Stable, IndicatorCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        catalog ??= IndicatorCatalog.Default;
        var missing = catalog.XSymbols.Concat(catalog.YSymbols).Where(s => !panel.HasColumn(s)).ToArray();
        if (missing.Length > 0)
            throw new CcaDataException($"{panel.Source} lacks the column(s) {string.Join(", ", missing)}. The report analyses the paper's indicators " +
                $"{string.Join(",", catalog.XSymbols)} against {string.Join(",", catalog.YSymbols)}; name your columns after them (see data/indicators.csv).", nameof(panel));
        var cca = CanonicalCorrelationAnalysis.Fit(panel, catalog.XSymbols, catalog.YSymbols, method);
        var labels = Enumerable.Range(0, panel.Count).Select(i => $"{panel.Regions[i]} {panel.Years[i].ToString(CultureInfo.InvariantCulture)}").ToArray();
        options ??= new AnalysisReportOptions { Interpretation = InterpretationOptions.FromCatalog(catalog) };
        if (options.DataDescription is null)
            options = options with { DataDescription = $"{panel.Source} ({panel.Count} region-years, {panel.DistinctRegions.Count} regions, {panel.DistinctYears[0]}-{panel.DistinctYears[^1]})" };
        return Write(cca, labels, folder, options);
    }

    private static string Introduction(CcaResult cca, SignificanceResult tests, InterpretationResult reading, StrategyRankingResult ranking, AnalysisReportOptions options)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        // Everything that comes from the user (file name, variable names, generated sentences that quote them) is escaped.
        static string E(string s) => MarkdownText.Escape(s);
        if (options.DataDescription is { } d) sb.Append("Data: ").Append(E(d)).Append("\n\n");
        sb.Append(inv, $"n = {cca.N} samples, p = {cca.P} X variables ({E(string.Join(", ", cca.XNames))}), q = {cca.Q} Y variables ({E(string.Join(", ", cca.YNames))}). ");
        sb.Append(inv, $"{reading.Pairs.Count} of {cca.Count} canonical pairs are significant at α = {reading.Options.Alpha.ToString(inv)} (sequential Wilks tests, Rao's F).\n\n");
        if (reading.Pairs.Count > 0)
        {
            sb.Append("## Reading of the significant pairs\n\n");
            foreach (var s in reading.Sentences) sb.Append("- ").Append(E(s)).Append('\n');
            sb.Append("\n## Strategies (paper's Section 5) ranked by their indicators' strength\n\n");
            foreach (var s in ranking.Scores.Take(3))
                sb.Append(inv, $"{s.Rank}. {E(s.Strategy.Id)} {E(s.Strategy.Title)} (score {s.Score.ToString("0.000", inv)}): {E(s.Reasoning)}\n");
            sb.Append('\n');
        }
        sb.Append("Caveats: correlation is not causation; with few samples relative to the p + q variables the canonical correlations are biased upward ")
          .Append("(see the adjusted correlations) and the weights are unstable; the indicator-strategy links are judgements (data/strategies/README.md). ")
          .Append("Tables come as CSV (data), Markdown (reading) and LaTeX (booktabs, for a thesis); figures as PNG, and the variate scatters and structure charts also as interactive HTML (plotly.min.js beside them: no network needed).\n");
        return sb.ToString();
    }
}
