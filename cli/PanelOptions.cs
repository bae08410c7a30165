using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using RuralEcom.Data;
using RuralEcom.Panels;
using RuralEcom.Resampling;

namespace RuralEcom.Cli;

/// <summary>
/// The panel options of <c>cca</c>, <c>permute</c> and <c>bootstrap</c>: <c>--panel REGION_COLUMN,YEAR_COLUMN</c>,
/// <c>--within none|region|year|twoway|difference</c>, and for <c>permute</c> <c>--blocks within-year|whole-region</c>,
/// for <c>bootstrap</c> <c>--cluster region</c>. Without them the commands behave as before. Panel problems (a missing
/// column, a year that is not a whole number, a duplicated region-year, a region with one year, too few effective
/// samples, blocks that need a balanced panel) become <see cref="CliException"/>s, so exit code 2.
/// </summary>
internal sealed class PanelOptions
{
    private static readonly string[] WithinNames = ["none", "region", "year", "twoway", "difference"];

    /// <summary>--panel REGION_COLUMN,YEAR_COLUMN.</summary>
    public readonly Option<string?> Panel = new("--panel") { Description = "The panel's region and year columns, e.g. region,year: rows are region-years, analysed with --within.", HelpName = "REGION_COLUMN,YEAR_COLUMN" };

    /// <summary>--within.</summary>
    public readonly Option<string> Within = new("--within") { Description = "What to remove before the analysis (needs --panel): none (pooled, as without --panel), region means, year means, twoway (both), or difference (changes from the previous year within each region). Tests then use the effective sample n − r.", DefaultValueFactory = _ => "none" };

    /// <summary>--blocks (permute only).</summary>
    public readonly Option<string> Blocks = new("--blocks") { Description = "Which rearrangements the permutation test uses (needs --panel): none (any row order), within-year (regions shuffled within each year; only with --within none or year), whole-region (each region's whole series moves; needs every region in the same years).", DefaultValueFactory = _ => "none" };

    /// <summary>--cluster (bootstrap only).</summary>
    public readonly Option<string?> Cluster = new("--cluster") { Description = "Resample whole clusters instead of rows: region (each region's years stay together; needs --panel and every region in the same years).", HelpName = "region" };

    public PanelOptions()
    {
        Within.AcceptOnlyFromAmong(WithinNames);
        Blocks.AcceptOnlyFromAmong("none", "within-year", "whole-region");
        Cluster.AcceptOnlyFromAmong("region");
    }

    /// <summary>Adds --panel and --within, and --blocks or --cluster when asked.</summary>
    public void AddTo(Command command, bool blocks = false, bool cluster = false)
    {
        command.Add(Panel);
        command.Add(Within);
        if (blocks) command.Add(Blocks);
        if (cluster) command.Add(Cluster);
    }

    /// <summary>The region and year columns named by --panel (none without it), so the loader keeps them.</summary>
    public IReadOnlyList<string> KeyColumns(ParseResult parse) =>
        parse.GetValue(Panel) is { } columns ? OptionParsing.ColumnList(columns, "--panel") : [];

    /// <summary>The panel CCA the options ask for, or null when no --panel was given (the commands then run as before).</summary>
    public PanelCcaResult? Fit(ParseResult parse, CsvTable? table, string dataPath, double[,]? x, double[,]? y, IReadOnlyList<string> xNames, IReadOnlyList<string> yNames)
    {
        var columns = parse.GetValue(Panel);
        var within = parse.GetValue(Within) ?? "none";
        if (columns is null)
        {
            if (within != "none") throw new CliException($"--within {within} needs --panel REGION_COLUMN,YEAR_COLUMN to know which rows belong to which region and year.");
            if (parse.GetValue(Blocks) is { } b && b != "none") throw new CliException($"--blocks {b} needs --panel REGION_COLUMN,YEAR_COLUMN.");
            if (parse.GetValue(Cluster) is { } c) throw new CliException($"--cluster {c} needs --panel REGION_COLUMN,YEAR_COLUMN.");
            return null;
        }
        if (table is null || x is null || y is null) throw new CliException("--panel needs the data file read in memory (--data with --x and --y).");
        var names = OptionParsing.ColumnList(columns, "--panel");
        if (names.Length != 2) throw new CliException($"--panel '{columns}' must name exactly two columns, the region column and the year column, e.g. --panel region,year.");
        var used = names.Intersect(xNames.Concat(yNames), StringComparer.Ordinal).ToArray();
        if (used.Length > 0) throw new CliException($"Column {string.Join(", ", used)} is a panel key in --panel and also in --x or --y; a key cannot be analysed.");
        foreach (var name in names)
            if (!table.Columns.Contains(name, StringComparer.Ordinal))
                throw new CliException($"{dataPath} has no column '{name}' (named in --panel). Its columns are: {string.Join(", ", table.Columns)}.");
        var yearText = table.Text(names[1]);
        var years = new int[yearText.Count];
        for (int i = 0; i < years.Length; i++)
            if (!int.TryParse(yearText[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out years[i]))
                throw new CliException($"{dataPath}, line {i + 2}, column '{names[1]}': '{yearText[i]}' is not a whole year. Write years as integers, e.g. 2014.");
        try
        {
            var design = new PanelDesign(table.Text(names[0]), years);
            var kind = within switch
            {
                "region" => WithinTransformation.Region,
                "year" => WithinTransformation.Year,
                "twoway" => WithinTransformation.TwoWay,
                "difference" => WithinTransformation.FirstDifference,
                _ => WithinTransformation.None,
            };
            var fit = PanelCca.Fit(x, y, design, kind, xNames, yNames);
            if (parse.GetValue(Blocks) is { } blocks && blocks != "none") PanelResampling.RequireInvariance(kind, BlockKind(blocks));
            return fit;
        }
        catch (PanelDesignException e)
        {
            throw new CliException($"{dataPath}: {e.Message}");
        }
    }

    /// <summary>The permutation test with the requested blocks.</summary>
    public PermutationTestResult Permute(ParseResult parse, PanelCcaResult fit, int permutations, int seed, ResamplingOptions options)
    {
        try { return PanelResampling.Permute(fit, BlockKind(parse.GetValue(Blocks) ?? "none"), permutations, seed, options); }
        catch (PanelDesignException e) { throw new CliException(e.Message); }
    }

    /// <summary>The bootstrap: whole regions with --cluster region, otherwise rows of the transformed data.</summary>
    public BootstrapResult Bootstrap(ParseResult parse, PanelCcaResult fit, int draws, int seed, double level, ResamplingOptions options)
    {
        if (parse.GetValue(Cluster) is null)
            return CcaBootstrap.Resample(fit.TransformedX, fit.TransformedY, draws, seed, level, options: options, xNames: fit.Cca.XNames, yNames: fit.Cca.YNames);
        try { return PanelResampling.ClusterBootstrap(fit, draws, seed, level, options); }
        catch (PanelDesignException e) { throw new CliException(e.Message); }
    }

    /// <summary>The cca JSON with the panel fields: within, n, nuisanceRank and effectiveN (tests already use effectiveN).</summary>
    public static string WithPanelFields(string json, PanelCcaResult fit)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Insert(0, "within", WithinNames[(int)fit.Within]);
        node.Insert(1, "regionYears", fit.N);
        node.Insert(2, "nuisanceRank", fit.NuisanceRank);
        node.Insert(3, "effectiveN", fit.EffectiveN);
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>One line for Markdown output saying what was removed and the effective n.</summary>
    public static string Describe(PanelCcaResult fit) =>
        $"Panel analysis: removed {PanelCca.Describe(fit.Within)}; n = {fit.N} region-years, nuisance rank r = {fit.NuisanceRank}, effective n = n − r = {fit.EffectiveN} (used in place of n − 1 by every test, the adjusted correlations and their standard errors).\n\n";

    private static PermutationBlocks BlockKind(string blocks) => blocks switch
    {
        "within-year" => PermutationBlocks.WithinYear,
        "whole-region" => PermutationBlocks.WholeRegion,
        _ => PermutationBlocks.Free,
    };
}
