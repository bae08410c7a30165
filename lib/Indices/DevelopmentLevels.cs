using System.Globalization;
using RuralEcom.Data;

namespace RuralEcom.Indices;

/// <summary>Options of <see cref="DevelopmentLevels.Compute"/>.</summary>
/// <param name="Scheme">Pooled (time-aware, default: levels comparable across years) or year-by-year entropy weighting.</param>
/// <param name="Shift">The min-max shift (default 0.0001).</param>
/// <param name="UseGroups">Report the catalogue's level-2 groups (group weights and sub-indices); levels are unchanged either way.</param>
/// <param name="Alpha">Weight of the rural e-commerce level in T = alpha U1 + beta U2 (default 0.5).</param>
/// <param name="Beta">Weight of the urban-rural integration level (default 0.5).</param>
public sealed record DevelopmentLevelOptions(
    PanelScheme Scheme = PanelScheme.Pooled,
    double Shift = Standardization.DefaultShift,
    bool UseGroups = true,
    double Alpha = 0.5,
    double Beta = 0.5);

/// <summary>
/// The paper's two development levels, computed the way its literature does: the rural e-commerce development level
/// U1 from X1..X8 and the urban-rural integration level U2 from Y1..Y11, each by the entropy weight method within its
/// level-1 system, and the coupling coordination degree D between them.
/// </summary>
/// <remarks>
/// The paper (Qiu et al.) says it computes both levels but does not say how; this is the standard reconstruction,
/// not the authors' own computation. The coupling model is fed the unshifted levels
/// (<see cref="EntropyWeightResult.UnshiftedLevels"/>, in [0, 1]).
/// </remarks>
public static class DevelopmentLevels
{
    /// <summary>Computes both levels, their coupling coordination degree and grades for every region-year of the panel.</summary>
    /// <param name="panel">A panel with every X and Y symbol of the catalogue.</param>
    /// <param name="catalog">The indicator catalogue (directions and groups); null for <see cref="IndicatorCatalog.Default"/>.</param>
    /// <param name="options">Scheme, shift, groups and alpha/beta; null for the defaults.</param>
    /// <exception cref="ArgumentException">The panel lacks an indicator of the catalogue, or any error of the entropy or coupling step.</exception>
    public static DevelopmentLevelsResult Compute(Panel panel, IndicatorCatalog? catalog = null, DevelopmentLevelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        catalog ??= IndicatorCatalog.Default;
        options ??= new DevelopmentLevelOptions();
        var missing = catalog.Symbols.Where(s => !panel.HasColumn(s)).ToArray();
        if (missing.Length > 0)
            throw new ArgumentException($"The panel ({panel.Source}) has no column for {string.Join(", ", missing)}; both indicator systems need all their indicators.", nameof(panel));
        var x = System(panel, catalog, catalog.XSymbols, options);
        var y = System(panel, catalog, catalog.YSymbols, options);
        var coupling = CouplingCoordination.Compute(Unshifted(x), Unshifted(y), options.Alpha, options.Beta);
        return new DevelopmentLevelsResult(panel.Regions, panel.Years, catalog, options, x, y, coupling);
    }

    private static PanelEntropyResult System(Panel panel, IndicatorCatalog catalog, IReadOnlyList<string> symbols, DevelopmentLevelOptions options)
    {
        var directions = symbols.Select(s => catalog[s].Direction).ToArray();
        var groups = options.UseGroups ? symbols.Select(s => catalog[s].Group).ToArray() : null;
        return EntropyWeightMethod.ComputePanel(panel.Matrix(symbols), panel.Years, directions, options.Scheme,
            new EntropyWeightOptions(options.Shift, symbols, groups));
    }

    private static double[] Unshifted(PanelEntropyResult r)
    {
        var u = new double[r.Levels.Count];
        foreach (var part in r.Parts)
            for (int k = 0; k < part.Rows.Count; k++) u[part.Rows[k]] = part.Result.UnshiftedLevels[k];
        return u;
    }
}

/// <summary>The result of <see cref="DevelopmentLevels.Compute"/>: weights, levels, coupling and tables for notebooks.</summary>
public sealed class DevelopmentLevelsResult
{
    private readonly IndicatorCatalog _catalog;

    internal DevelopmentLevelsResult(IReadOnlyList<string> regions, IReadOnlyList<int> years, IndicatorCatalog catalog,
        DevelopmentLevelOptions options, PanelEntropyResult eCommerce, PanelEntropyResult integration, CouplingCoordinationResult coupling)
    {
        RowRegions = regions.ToArray();
        RowYears = years.ToArray();
        _catalog = catalog;
        Options = options;
        ECommerce = eCommerce;
        Integration = integration;
        Coupling = coupling;
        Regions = RowRegions.Distinct().ToArray();
        Years = RowYears.Distinct().Order().ToArray();
    }

    /// <summary>The options used.</summary>
    public DevelopmentLevelOptions Options { get; }

    /// <summary>The region of each panel row.</summary>
    public IReadOnlyList<string> RowRegions { get; }

    /// <summary>The year of each panel row.</summary>
    public IReadOnlyList<int> RowYears { get; }

    /// <summary>The distinct regions in order of first appearance.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>The distinct years, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The entropy weights and rural e-commerce development level U1 (X1..X8).</summary>
    public PanelEntropyResult ECommerce { get; }

    /// <summary>The entropy weights and urban-rural integration level U2 (Y1..Y11).</summary>
    public PanelEntropyResult Integration { get; }

    /// <summary>The coupling coordination of U1 and U2 (on the unshifted levels) for every panel row.</summary>
    public CouplingCoordinationResult Coupling { get; }

    /// <summary>The weights of both systems: one row per indicator with its name, group and direction, one weight column per part (pooled or per year).</summary>
    public Table ToWeightsTable()
    {
        var parts = ECommerce.Parts.Select(p => p.Year?.ToString(CultureInfo.InvariantCulture) ?? "Weight").ToArray();
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (system, r) in new[] { ("Rural e-commerce", ECommerce), ("Urban-rural integration", Integration) })
            for (int j = 0; j < r.IndicatorNames.Count; j++)
            {
                var ind = _catalog[r.IndicatorNames[j]];
                var row = new List<object?> { system, ind.Symbol, ind.Name, ind.Group, ind.Direction.ToString() };
                row.AddRange(r.Parts.Select(p => (object?)p.Result.Weights[j]));
                rows.Add(row);
            }
        return new Table("Entropy weights of the indicators", ["System", "Symbol", "Indicator", "Group", "Direction", .. parts], rows,
            note: Options.Scheme == PanelScheme.Pooled
                ? $"Pooled (time-aware) entropy weights over all region-years, shift {Options.Shift:G4}; weights sum to 1 within each system."
                : $"Year-by-year entropy weights, shift {Options.Shift:G4}; weights sum to 1 within each system and year.");
    }

    /// <summary>The weights of the level-2 groups of both systems (pooled scheme: one column; by year: one per year).</summary>
    public Table ToGroupWeightsTable()
    {
        if (ECommerce.Parts[0].Result.Groups.Count == 0)
            throw new InvalidOperationException("Groups were not used; set DevelopmentLevelOptions.UseGroups = true.");
        var parts = ECommerce.Parts.Select(p => p.Year?.ToString(CultureInfo.InvariantCulture) ?? "Weight").ToArray();
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (system, r) in new[] { ("Rural e-commerce", ECommerce), ("Urban-rural integration", Integration) })
            for (int g = 0; g < r.Parts[0].Result.Groups.Count; g++)
            {
                var row = new List<object?> { system, r.Parts[0].Result.Groups[g].Name };
                row.AddRange(r.Parts.Select(p => (object?)p.Result.Groups[g].Weight));
                rows.Add(row);
            }
        return new Table("Entropy weights of the level-2 groups", ["System", "Group", .. parts], rows,
            note: "Group weight = sum of its indicators' entropy weights (additive variant; see EntropyGroup).");
    }

    /// <summary>
    /// The results as a panel with columns U1, U2 (the entropy levels as in <see cref="PanelEntropyResult.Levels"/>),
    /// C, T and D (the coupling model), one row per region-year, so that they can be plotted by region over the years
    /// (<c>PanelPlots.SeriesByRegion(levels.ToPanel(), "U1")</c>) or saved with <see cref="Panel.ToCsv"/>.
    /// </summary>
    public Panel ToPanel()
    {
        var series = new[] { ECommerce.Levels, Integration.Levels, Coupling.Coupling, Coupling.Development, Coupling.Coordination };
        var values = new double[RowRegions.Count, series.Length];
        for (int i = 0; i < RowRegions.Count; i++)
            for (int k = 0; k < series.Length; k++) values[i, k] = series[k][i];
        return new Panel(RowRegions, RowYears, ["U1", "U2", "C", "T", "D"], values,
            "development levels (entropy weight method) and coupling coordination");
    }

    /// <summary>U1, U2, C, T, D and grade for every region-year.</summary>
    public Table ToLevelsTable() =>
        Coupling.ToTable(RowRegions.Select((r, i) => $"{r} {RowYears[i].ToString(CultureInfo.InvariantCulture)}").ToArray(),
            "Development levels (U1 rural e-commerce, U2 urban-rural integration) and coupling coordination");

    /// <summary>The coupling coordination degree D with its grade, as a region x year table (empty cell: no observation).</summary>
    public Table ToCoordinationTable()
    {
        var rows = Regions.Select(region =>
        {
            var row = new List<object?> { region };
            foreach (var year in Years)
            {
                int i = RowIndex(region, year);
                row.Add(i < 0 ? null : $"{Coupling.Coordination[i].ToString("F3", CultureInfo.InvariantCulture)} {Coupling.Grades[i].Label}");
            }
            return (IReadOnlyList<object?>)row;
        });
        return new Table("Coupling coordination degree D and grade", ["Region", .. Years.Select(y => y.ToString(CultureInfo.InvariantCulture))], rows,
            note: $"D = sqrt(C T), C = 2 sqrt(U1 U2)/(U1 + U2), T = {Options.Alpha:G3} U1 + {Options.Beta:G3} U2; grades on [k/10, (k+1)/10) after Liao (1999). An empty cell: the panel has no row for that region-year.");
    }

    /// <summary>
    /// Sensitivity of the regions' ranking to the weighting method: for each system and year, Spearman's rho between
    /// the ranking by entropy-weighted level, by equal-weight level (1/p on the same normalised data) and by TOPSIS
    /// closeness (entropy weights, on the same normalised data).
    /// </summary>
    public Table ToSensitivityTable()
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (system, r) in new[] { ("Rural e-commerce", ECommerce), ("Urban-rural integration", Integration) })
        {
            var (entropy, equal, topsis) = Scores(r);
            foreach (var year in Years)
            {
                var idx = Enumerable.Range(0, RowYears.Count).Where(i => RowYears[i] == year).ToArray();
                double[] Pick(double[] v) => idx.Select(i => v[i]).ToArray();
                rows.Add([system, year,
                    RankCorrelation.Spearman(Pick(entropy), Pick(equal)),
                    RankCorrelation.Spearman(Pick(entropy), Pick(topsis)),
                    RankCorrelation.Spearman(Pick(equal), Pick(topsis))]);
            }
        }
        return new Table("Ranking of regions by weighting method: Spearman correlations",
            ["System", "Year", "Entropy vs equal", "Entropy vs TOPSIS", "Equal vs TOPSIS"], rows, numberFormat: "F3",
            note: "Per year, regions ranked by entropy-weighted level, equal-weight level and entropy-TOPSIS closeness; 1 = identical ranking.");
    }

    private static (double[] Entropy, double[] Equal, double[] Topsis) Scores(PanelEntropyResult r)
    {
        int n = r.Levels.Count;
        var equal = new double[n];
        var topsis = new double[n];
        foreach (var part in r.Parts)
        {
            var xn = part.Result.Normalized;
            int p = xn.GetLength(1);
            var eq = CompositeIndex.WeightedSum(xn, CompositeIndex.EqualWeights(p));
            var c = Topsis.Compute(xn, Enumerable.Repeat(IndicatorDirection.Positive, p).ToArray(), part.Result.Weights, TopsisNormalization.None).Closeness;
            for (int k = 0; k < part.Rows.Count; k++) { equal[part.Rows[k]] = eq[k]; topsis[part.Rows[k]] = c[k]; }
        }
        return (r.Levels.ToArray(), equal, topsis);
    }

    private int RowIndex(string region, int year)
    {
        for (int i = 0; i < RowRegions.Count; i++)
            if (RowYears[i] == year && RowRegions[i] == region) return i;
        return -1;
    }
}
