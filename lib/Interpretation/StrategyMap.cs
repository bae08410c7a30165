using RuralEcom.Data;

namespace RuralEcom.Interpretation;

/// <summary>One strategy of the paper's Section 5.</summary>
/// <param name="Id">The subsection number, e.g. "5.3.2".</param>
/// <param name="Section">The section, "5.1", "5.2" or "5.3".</param>
/// <param name="SectionTitle">The section's title.</param>
/// <param name="Title">The strategy's title.</param>
public sealed record Strategy(string Id, string Section, string SectionTitle, string Title);

/// <summary>A link between an indicator and a strategy that acts on what it measures.</summary>
/// <param name="Indicator">The indicator's symbol, e.g. "X5".</param>
/// <param name="StrategyId">The strategy's subsection number.</param>
/// <param name="Reason">Why the strategy acts on this indicator, from the paper's strategy text.</param>
public sealed record StrategyLink(string Indicator, string StrategyId, string Reason);

/// <summary>
/// The strategies of the paper's Section 5 and the indicators each acts on (data/strategies: strategies.csv and
/// indicator-strategy-map.csv; the links are this project's reading of the paper's text, see the README there).
/// </summary>
public sealed class StrategyMap
{
    private static readonly Lazy<StrategyMap> Bundled = new(() =>
    {
        using var s = BundledFile.OpenText("strategies.csv");
        using var l = BundledFile.OpenText("indicator-strategy-map.csv");
        return Parse(s, "strategies.csv (bundled)", l, "indicator-strategy-map.csv (bundled)");
    });

    private StrategyMap(IReadOnlyList<Strategy> strategies, IReadOnlyList<StrategyLink> links)
    {
        Strategies = ReadOnly.Own(strategies);
        Links = ReadOnly.Own(links);
    }

    /// <summary>The map shipped with the library (data/strategies).</summary>
    public static StrategyMap Default => Bundled.Value;

    /// <summary>The strategies in file order.</summary>
    public IReadOnlyList<Strategy> Strategies { get; }

    /// <summary>The indicator-strategy links in file order.</summary>
    public IReadOnlyList<StrategyLink> Links { get; }

    /// <summary>The links of one strategy.</summary>
    /// <param name="strategyId">A strategy number, e.g. "5.3.2".</param>
    public IReadOnlyList<StrategyLink> LinksOf(string strategyId) => ReadOnly.Copy(Links.Where(l => l.StrategyId == strategyId));

    /// <summary>Reads a map from two CSV files.</summary>
    /// <param name="strategiesPath">A CSV with columns strategy, section, section_title, title.</param>
    /// <param name="linksPath">A CSV with columns indicator, strategy, reason.</param>
    /// <exception cref="FormatException">A file is malformed; the message names the file, line and what to fix.</exception>
    public static StrategyMap Load(string strategiesPath, string linksPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategiesPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(linksPath);
        using var s = new StreamReader(strategiesPath);
        using var l = new StreamReader(linksPath);
        return Parse(s, strategiesPath, l, linksPath);
    }

    /// <summary>Reads a map from two CSV texts.</summary>
    /// <param name="strategies">The strategies CSV (strategy, section, section_title, title).</param>
    /// <param name="strategiesSource">Its name, for error messages.</param>
    /// <param name="links">The links CSV (indicator, strategy, reason).</param>
    /// <param name="linksSource">Its name, for error messages.</param>
    /// <exception cref="FormatException">A text is malformed; the message names the source, line and what to fix.</exception>
    public static StrategyMap Parse(TextReader strategies, string strategiesSource, TextReader links, string linksSource)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(links);
        var list = new List<Strategy>();
        foreach (var (line, f) in Records(strategies, strategiesSource, ["strategy", "section", "section_title", "title"]))
        {
            if (list.Any(s => s.Id == f[0])) throw Bad(strategiesSource, line, $"strategy {f[0]} is listed twice; keep one row per strategy.");
            if (!f[0].StartsWith(f[1] + ".", StringComparison.Ordinal))
                throw Bad(strategiesSource, line, $"strategy {f[0]} does not belong to section {f[1]}; its number must start with the section number.");
            list.Add(new Strategy(f[0], f[1], f[2], f[3]));
        }
        var linkList = new List<StrategyLink>();
        foreach (var (line, f) in Records(links, linksSource, ["indicator", "strategy", "reason"]))
        {
            if (!list.Any(s => s.Id == f[1]))
                throw Bad(linksSource, line, $"strategy '{f[1]}' is not in {strategiesSource}; add it there or fix the number.");
            if (linkList.Any(l => l.Indicator == f[0] && l.StrategyId == f[1]))
                throw Bad(linksSource, line, $"{f[0]} is linked to {f[1]} twice; keep one row per link.");
            linkList.Add(new StrategyLink(f[0], f[1], f[2]));
        }
        return new StrategyMap(list, linkList);
    }

    /// <summary>The links as a table: strategy, indicator, reason.</summary>
    public Table ToTable() => new("Indicator-strategy map (the project's reading of the paper's Section 5)",
        ["Strategy", "Title", "Indicator", "Reason"],
        Strategies.SelectMany(s => LinksOf(s.Id).DefaultIfEmpty().Select(l => (IReadOnlyList<object?>)new object?[]
            { s.Id, s.Title, l?.Indicator ?? "(none)", l?.Reason ?? "No indicator of the paper measures this strategy." })),
        note: "Links are judgements drawn from the strategy text, not data; see data/strategies/README.md.");

    private static IEnumerable<(long Line, string[] Fields)> Records(TextReader reader, string source, string[] header)
    {
        var records = CsvRecords.Read(reader);
        var first = records.Count > 0 ? records[0].Fields.Select(f => f.Trim()).ToArray() : [];
        if (!first.SequenceEqual(header, StringComparer.Ordinal))
            throw Bad(source, 1, $"the header must be '{string.Join(",", header)}' but is '{string.Join(",", first)}'.");
        foreach (var record in records.Skip(1))
        {
            var fields = record.Fields.Select(f => f.Trim()).ToArray();
            if (fields.Length != header.Length)
                throw Bad(source, record.Line, $"expected {header.Length} fields ({string.Join(", ", header)}) but found {fields.Length}; quote fields that contain commas.");
            for (int c = 0; c < fields.Length; c++)
                if (fields[c].Length == 0) throw Bad(source, record.Line, $"column '{header[c]}' is empty; every column needs a value.");
            yield return (record.Line, fields);
        }
    }

    private static FormatException Bad(string source, long line, string what) => new($"{source}, line {line}: {what}");
}
