namespace RuralEcom.Panels;

/// <summary>
/// Variance shares and serial correlation of one real panel series, used to calibrate <see cref="PanelSimulator"/>.
/// Shares are of the total sum of squares about the grand mean, which on a balanced panel splits exactly into
/// region means, year means and two-way residuals (the two-way ANOVA identity).
/// </summary>
/// <param name="Series">What was analysed (e.g. "log GDP").</param>
/// <param name="BetweenShare">SS of region means / total SS: T Σ_r (ȳ_r − ȳ)² / Σ (y − ȳ)².</param>
/// <param name="TrendShare">SS of year means / total SS: R Σ_t (ȳ_t − ȳ)² / Σ (y − ȳ)².</param>
/// <param name="WithinShare">SS of the two-way residuals e = y − ȳ_r − ȳ_t + ȳ / total SS.</param>
/// <param name="LinearShareOfTrend">R² of the year means on the year: how much of the common part is a straight line.</param>
/// <param name="RegionTrendShareOfWithin">Share of the residual SS explained by one straight line per region (region-specific trends).</param>
/// <param name="Ar1">Pooled lag-1 autocorrelation φ̂ = Σ u_t u_{t−1} / Σ u_t² of the residuals u after region-specific trends
/// (biased downward on short series, because each region's mean and slope are estimated from its own T values; Nickell 1981, Econometrica 49:1417-1426).</param>
/// <param name="Ar1TwoWay">The same autocorrelation of the two-way residuals e before removing region-specific trends.</param>
public sealed record SeriesCalibration(string Series, double BetweenShare, double TrendShare, double WithinShare,
    double LinearShareOfTrend, double RegionTrendShareOfWithin, double Ar1, double Ar1TwoWay);

/// <summary>Computes <see cref="SeriesCalibration"/> from a balanced panel series.</summary>
public static class PanelCalibration
{
    /// <summary>The variance shares and AR(1) coefficient of one series.</summary>
    /// <param name="series">What the values are (for the result).</param>
    /// <param name="values">One value per row, in the order of <paramref name="design"/>.</param>
    /// <param name="design">The region-year layout; must be balanced with at least three years.</param>
    /// <exception cref="PanelDesignException">The panel is unbalanced or has fewer than three years.</exception>
    public static SeriesCalibration Estimate(string series, IReadOnlyList<double> values, PanelDesign design)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(design);
        if (!design.IsBalanced || design.Years.Count < 3)
            throw new PanelDesignException($"Calibrating '{series}' needs a balanced panel with at least three years; this one has {design.Count} rows for {design.Regions.Count} regions and {design.Years.Count} years.");
        int n = design.Count, regions = design.Regions.Count, years = design.Years.Count;
        double grand = values.Average();
        var regionMean = new double[regions];
        var yearMean = new double[years];
        for (int i = 0; i < n; i++)
        {
            regionMean[design.RegionOf[i]] += values[i] / years;
            yearMean[design.YearOf[i]] += values[i] / regions;
        }
        double total = values.Sum(v => (v - grand) * (v - grand));
        double between = years * regionMean.Sum(m => (m - grand) * (m - grand));
        double trend = regions * yearMean.Sum(m => (m - grand) * (m - grand));
        var table = design.RowTable();
        var e = new double[regions, years];
        double within = 0;
        for (int r = 0; r < regions; r++)
            for (int t = 0; t < years; t++)
            {
                e[r, t] = values[table[r, t]] - regionMean[r] - yearMean[t] + grand;
                within += e[r, t] * e[r, t];
            }
        // Straight lines in the year: on the year means, and on each region's residuals.
        double tBar = design.Years.Average();
        var centred = design.Years.Select(y => y - tBar).ToArray();
        double stt = centred.Sum(c => c * c);
        double slope = centred.Select((c, t) => c * (yearMean[t] - grand)).Sum() / stt;
        double linear = trend > 0 ? slope * slope * stt * regions / trend : 0;
        double regionTrend = 0, lagged = 0, squares = 0, laggedTwoWay = 0;
        var u = new double[years];
        for (int r = 0; r < regions; r++)
        {
            double b = centred.Select((c, t) => c * e[r, t]).Sum() / stt;
            regionTrend += b * b * stt;
            for (int t = 0; t < years; t++) u[t] = e[r, t] - b * centred[t];
            for (int t = 0; t < years; t++) squares += u[t] * u[t];
            for (int t = 1; t < years; t++)
            {
                lagged += u[t] * u[t - 1];
                laggedTwoWay += e[r, t] * e[r, t - 1];
            }
        }
        return new SeriesCalibration(series, between / total, trend / total, within / total, linear,
            within > 0 ? regionTrend / within : 0, squares > 0 ? lagged / squares : 0, within > 0 ? laggedTwoWay / within : 0);
    }

    /// <summary>
    /// Calibrates on the real NBS extract <c>data/nbs/panel_province_2014_2021.csv</c> (31 provinces × 2014-2021):
    /// the urbanization rate, the secondary-industry share and log GDP (current prices), in that order.
    /// </summary>
    /// <param name="path">Path of the extract (columns region, year, Y2_urbanization_rate_pct,
    /// aux_secondary_industry_share_pct, aux_gdp_current_100m_yuan).</param>
    public static IReadOnlyList<SeriesCalibration> FromNbsExtract(string path)
    {
        var csv = RuralEcom.Data.CsvTable.Load(path);
        var design = new PanelDesign(csv.Text("region"), csv.Column("year").Select(y => (int)y).ToArray());
        return
        [
            Estimate("urbanization rate (%)", csv.Column("Y2_urbanization_rate_pct"), design),
            Estimate("secondary-industry share (%)", csv.Column("aux_secondary_industry_share_pct"), design),
            Estimate("log GDP (current prices)", csv.Column("aux_gdp_current_100m_yuan").Select(v => Math.Log(v)).ToArray(), design),
        ];
    }

    /// <summary>The mean of each field over several series (the values the realistic panels are built from).</summary>
    /// <param name="calibrations">At least one series.</param>
    public static SeriesCalibration Average(IReadOnlyList<SeriesCalibration> calibrations)
    {
        ArgumentNullException.ThrowIfNull(calibrations);
        if (calibrations.Count == 0) throw new ArgumentException("Give at least one series.", nameof(calibrations));
        return new SeriesCalibration("mean of " + string.Join(", ", calibrations.Select(c => c.Series)),
            calibrations.Average(c => c.BetweenShare), calibrations.Average(c => c.TrendShare), calibrations.Average(c => c.WithinShare),
            calibrations.Average(c => c.LinearShareOfTrend), calibrations.Average(c => c.RegionTrendShareOfWithin),
            calibrations.Average(c => c.Ar1), calibrations.Average(c => c.Ar1TwoWay));
    }

    /// <summary>The calibrations as a table (one row per series).</summary>
    /// <param name="calibrations">The series' results.</param>
    public static Table ToTable(IReadOnlyList<SeriesCalibration> calibrations)
    {
        ArgumentNullException.ThrowIfNull(calibrations);
        return new Table("Variance shares and serial correlation of real provincial series (NBS, 31 provinces, 2014-2021)",
            ["Series", "Between regions", "Year means (trend)", "Within (two-way residual)", "Linear share of trend", "Region trends share of within", "AR(1) after region trends", "AR(1) of two-way residual"],
            calibrations.Select(c => (IReadOnlyList<object?>)new object?[]
                { c.Series, c.BetweenShare, c.TrendShare, c.WithinShare, c.LinearShareOfTrend, c.RegionTrendShareOfWithin, c.Ar1, c.Ar1TwoWay }),
            "F3");
    }
}
