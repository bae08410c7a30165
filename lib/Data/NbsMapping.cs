using System.Globalization;

namespace RuralEcom.Data;

/// <summary>One series of the NBS portal (分省年度数据) that an indicator is built from (a row of data/nbs/nbs-series.csv).</summary>
/// <param name="Id">Short name used in formulas, e.g. "gdp".</param>
/// <param name="NbsIndicator">The indicator exactly as the export's 指标 line prints it, e.g. 地区生产总值(亿元).</param>
/// <param name="PortalPath">Where it sits on data.stats.gov.cn, e.g. 分省年度数据 &gt; 国民经济核算 &gt; 地区生产总值.</param>
/// <param name="YearbookTable">The China Statistical Yearbook table with the same numbers.</param>
/// <param name="Unit">The unit of the export.</param>
/// <param name="Verified">"yes: ..." when the 指标 line was checked on a real export in this repository, else "not verified here".</param>
/// <param name="Note">Caveats (breaks, definitions).</param>
public sealed record NbsSeries(string Id, string NbsIndicator, string PortalPath, string YearbookTable, string Unit, string Verified, string Note);

/// <summary>How one of the paper's indicators is obtained (a row of data/nbs/nbs-mapping.csv).</summary>
/// <param name="Symbol">The catalogue symbol, e.g. "Y3".</param>
/// <param name="Kind">"direct" (one NBS series), "derived" (a formula of several) or "none" (no public provincial source).</param>
/// <param name="Formula">The formula in series ids with + - * / and parentheses (unit conversion included), e.g. 100 - 100 * primary_va / gdp; empty for "none".</param>
/// <param name="PublicSource">Where the inputs are published, or why there is no public provincial source.</param>
/// <param name="Verified">Whether the inputs' 指标 lines were checked on real exports in this repository.</param>
/// <param name="Note">Definitions and caveats.</param>
public sealed record NbsIndicatorSource(string Symbol, string Kind, string Formula, string PublicSource, string Verified, string Note)
{
    /// <summary>The series ids the formula uses, in order of first appearance.</summary>
    public IReadOnlyList<string> Inputs => Kind == "none" ? [] : SeriesFormula.Parse(Formula, Symbol).Inputs;
}

/// <summary>
/// The mapping from the paper's indicators X1..X8, Y1..Y11 to NBS portal series (data/nbs/nbs-mapping.csv and
/// data/nbs/nbs-series.csv, compiled into the library): which export each comes from, the unit conversion and the
/// formula for derived indicators, and which indicators have no public provincial source.
/// </summary>
public sealed class NbsMapping
{
    private static readonly Lazy<NbsMapping> DefaultMapping = new(LoadBundled);
    private readonly Dictionary<string, NbsSeries> _byLabel;

    private NbsMapping(IReadOnlyList<NbsSeries> series, IReadOnlyList<NbsIndicatorSource> indicators)
    {
        Series = series;
        Indicators = indicators;
        _byLabel = series.ToDictionary(s => NormalizeLabel(s.NbsIndicator), StringComparer.Ordinal);
    }

    /// <summary>The bundled mapping (data/nbs/nbs-mapping.csv and nbs-series.csv).</summary>
    public static NbsMapping Default => DefaultMapping.Value;

    /// <summary>The NBS series, in file order.</summary>
    public IReadOnlyList<NbsSeries> Series { get; }

    /// <summary>One entry per indicator, in catalogue order.</summary>
    public IReadOnlyList<NbsIndicatorSource> Indicators { get; }

    /// <summary>The entry of an indicator.</summary>
    /// <param name="symbol">A catalogue symbol such as "Y8".</param>
    /// <exception cref="KeyNotFoundException">The symbol is not in the mapping.</exception>
    public NbsIndicatorSource Indicator(string symbol) =>
        Indicators.FirstOrDefault(i => i.Symbol == symbol) ?? throw new KeyNotFoundException($"The NBS mapping has no indicator '{symbol}'.");

    /// <summary>The series with this id.</summary>
    /// <param name="id">A series id such as "gdp".</param>
    /// <exception cref="KeyNotFoundException">There is no such series.</exception>
    public NbsSeries SeriesById(string id) =>
        Series.FirstOrDefault(s => s.Id == id) ?? throw new KeyNotFoundException($"The NBS mapping has no series '{id}'.");

    /// <summary>The series an export's 指标 line names (full-width parentheses and spaces ignored), or null.</summary>
    /// <param name="indicatorLabel">The 指标 line's text, e.g. 地区生产总值(亿元).</param>
    public NbsSeries? FindByLabel(string indicatorLabel) =>
        _byLabel.GetValueOrDefault(NormalizeLabel(indicatorLabel ?? ""));

    /// <summary>
    /// One sentence on where to get an indicator: the NBS indicators to download (with portal path) and the formula,
    /// or that there is no public provincial source and where the data may be found.
    /// </summary>
    /// <param name="symbol">A catalogue symbol.</param>
    public string WhereToGet(string symbol)
    {
        var entry = Indicator(symbol);
        if (entry.Kind == "none") return $"{symbol}: {entry.PublicSource}.";
        var inputs = entry.Inputs.Select(SeriesById).Select(s => $"{s.NbsIndicator} [{s.PortalPath}]");
        return entry.Kind == "direct"
            ? $"{symbol}: download {string.Join("; ", inputs)}."
            : $"{symbol} = {entry.Formula}: download {string.Join("; ", inputs)}.";
    }

    /// <summary>The mapping as a table: symbol, kind, formula, NBS indicators, public source, verified.</summary>
    public Table ToTable() => new("NBS sources of the paper's indicators (data/nbs/nbs-mapping.csv)",
        ["Symbol", "Kind", "Formula", "NBS indicators (指标)", "Public provincial source", "Verified"],
        Indicators.Select(i => (IReadOnlyList<object?>)[i.Symbol, i.Kind, i.Formula,
            string.Join("; ", i.Inputs.Select(id => SeriesById(id).NbsIndicator)), i.PublicSource, i.Verified]));

    private static string NormalizeLabel(string s) =>
        s.Replace('（', '(').Replace('）', ')').Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal).Trim();

    private static NbsMapping LoadBundled()
    {
        List<CsvRecords.Record> series, mapping;
        using (var r = BundledFile.OpenText("nbs-series.csv")) series = CsvRecords.Read(r);
        using (var r = BundledFile.OpenText("nbs-mapping.csv")) mapping = CsvRecords.Read(r);
        var s = series.Skip(1).Select(f => new NbsSeries(f.Fields[0], f.Fields[1], f.Fields[2], f.Fields[3], f.Fields[4], f.Fields[5], f.Fields[6])).ToArray();
        var m = mapping.Skip(1).Select(f => new NbsIndicatorSource(f.Fields[0], f.Fields[1], f.Fields[2], f.Fields[3], f.Fields[4], f.Fields[5])).ToArray();
        var result = new NbsMapping(s, m);
        foreach (var i in m)
            foreach (var id in i.Inputs) result.SeriesById(id); // every formula names known series
        return result;
    }
}

/// <summary>
/// A formula over NBS series ids with numbers, + - * / and parentheses, e.g. <c>100 - 100 * primary_va / gdp</c>,
/// parsed by recursive descent with the usual precedence (* and / before + and -, left to right).
/// </summary>
internal sealed class SeriesFormula
{
    private readonly Func<IReadOnlyDictionary<string, double>, double> _eval;

    private SeriesFormula(Func<IReadOnlyDictionary<string, double>, double> eval, IReadOnlyList<string> inputs)
    {
        _eval = eval;
        Inputs = inputs;
    }

    /// <summary>The series ids used, in order of first appearance.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>The value for the given inputs (every id in <see cref="Inputs"/> must be present).</summary>
    public double Evaluate(IReadOnlyDictionary<string, double> values) => _eval(values);

    /// <summary>Parses a formula; <paramref name="owner"/> names it in errors.</summary>
    public static SeriesFormula Parse(string text, string owner)
    {
        int pos = 0;
        var inputs = new List<string>();
        var f = Sum();
        Skip();
        if (pos != text.Length) throw Bad($"unexpected '{text[pos]}'");
        return new SeriesFormula(f, inputs);

        Func<IReadOnlyDictionary<string, double>, double> Sum()
        {
            var left = Product();
            while (true)
            {
                Skip();
                if (pos < text.Length && text[pos] is '+' or '-')
                {
                    char op = text[pos++];
                    var l = left;
                    var r = Product();
                    left = op == '+' ? v => l(v) + r(v) : v => l(v) - r(v);
                }
                else return left;
            }
        }

        Func<IReadOnlyDictionary<string, double>, double> Product()
        {
            var left = Atom();
            while (true)
            {
                Skip();
                if (pos < text.Length && text[pos] is '*' or '/')
                {
                    char op = text[pos++];
                    var l = left;
                    var r = Atom();
                    left = op == '*' ? v => l(v) * r(v) : v => l(v) / r(v);
                }
                else return left;
            }
        }

        Func<IReadOnlyDictionary<string, double>, double> Atom()
        {
            Skip();
            if (pos == text.Length) throw Bad("it ends too early");
            if (text[pos] == '(')
            {
                pos++;
                var inner = Sum();
                Skip();
                if (pos == text.Length || text[pos] != ')') throw Bad("a ')' is missing");
                pos++;
                return inner;
            }
            int start = pos;
            if (char.IsDigit(text[pos]))
            {
                while (pos < text.Length && (char.IsDigit(text[pos]) || text[pos] == '.')) pos++;
                double c = double.Parse(text.AsSpan(start, pos - start), CultureInfo.InvariantCulture);
                return _ => c;
            }
            while (pos < text.Length && (char.IsAsciiLetterLower(text[pos]) || text[pos] == '_' || char.IsDigit(text[pos]))) pos++;
            if (pos == start) throw Bad($"unexpected '{text[pos]}'");
            var id = text[start..pos];
            if (!inputs.Contains(id)) inputs.Add(id);
            return v => v[id];
        }

        void Skip()
        {
            while (pos < text.Length && text[pos] == ' ') pos++;
        }

        InvalidOperationException Bad(string what) => new($"The formula of {owner} in data/nbs/nbs-mapping.csv, '{text}', cannot be read: {what}.");
    }
}
