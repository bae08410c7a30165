using RuralEcom.Data;

namespace RuralEcom.Panels;

/// <summary>
/// The two bundled SYNTHETIC realistic panels in <c>data/synthetic/</c>: one of the paper's shape (7 regions × 8
/// years − 1 = 55 region-years) and one of 31 regions × 8 years (the number of provinces), drawn by
/// <see cref="PanelSimulator"/> from <see cref="Calibrated"/>, with their truth files.
/// </summary>
public static class RealisticPanels
{
    /// <summary>The seed of the shipped files (fixed before any draw was looked at, not searched).</summary>
    public const int DefaultSeed = 20261201;

    /// <summary>File name of the paper-shaped realistic panel.</summary>
    public const string PaperShapedFile = "synthetic-realistic-panel-7x8.csv";

    /// <summary>File name of the 31-region realistic panel.</summary>
    public const string ProvincesFile = "synthetic-realistic-panel-31x8.csv";

    /// <summary>
    /// The calibrated components, rounded from <see cref="PanelCalibration.Average"/> of the three NBS series
    /// (urbanization, secondary-industry share, log GDP; 31 provinces, 2014-2021; see data/synthetic/README.md):
    /// between 0.900, trend 0.072, within 0.028 of which 78% region-specific trends (0.022) and 22% AR(1) noise
    /// (0.006); 96% of the year part is a straight line; φ = 0.17. The relations are chosen, not calibrated:
    /// between-region canonical correlations (0.8, 0.6, 0.4), within-region (0.5, 0.3), overlap c = 0.5.
    /// </summary>
    /// <param name="regions">Region labels.</param>
    /// <param name="absent">Region-years to leave out.</param>
    public static PanelSimulationSpec Calibrated(IReadOnlyList<string> regions, IReadOnlyList<(string, int)>? absent = null) => new()
    {
        Regions = regions,
        Years = Enumerable.Range(2014, 8).ToArray(),
        Absent = absent ?? [],
        BetweenShare = 0.900,
        TrendShare = 0.072,
        RegionTrendShare = 0.022,
        NoiseShare = 0.006,
        LinearTrendShare = 0.96,
        Ar1 = 0.17,
        BetweenCorrelations = [0.8, 0.6, 0.4],
        WithinCorrelations = [0.5, 0.3],
        Overlap = 0.5,
    };

    /// <summary>The paper-shaped specification: Region A..G × 2014-2021 without Region G 2014 (55 rows).</summary>
    public static PanelSimulationSpec PaperShaped { get; } = Calibrated(SyntheticPanel.RegionLabels, [SyntheticPanel.AbsentRegionYear]);

    /// <summary>The 31-region specification: Region 01..31 × 2014-2021 (248 rows, balanced).</summary>
    public static PanelSimulationSpec Provinces { get; } = Calibrated(Enumerable.Range(1, 31).Select(i => $"Region {i:00}").ToArray());

    /// <summary>The CSV text of a realistic panel (4 decimals, as shipped).</summary>
    /// <param name="spec">The specification.</param>
    /// <param name="seed">The seed.</param>
    public static string CsvText(PanelSimulationSpec spec, int seed = DefaultSeed) => PanelSimulator.Generate(spec, seed).ToCsv(4);

    /// <summary>Loads a shipped realistic panel from a folder (data/synthetic in the repository).</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="fileName"><see cref="PaperShapedFile"/> or <see cref="ProvincesFile"/>.</param>
    public static Panel Load(string folder, string fileName) => PanelCsv.Load(Path.Combine(folder, fileName));

    /// <summary>Writes both panels and their truth files (…-truth.json) into a folder.</summary>
    /// <param name="folder">The target folder (data/synthetic).</param>
    /// <param name="seed">The seed.</param>
    public static void WriteFiles(string folder, int seed = DefaultSeed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        foreach (var (file, spec) in Files)
        {
            File.WriteAllText(Path.Combine(folder, file), CsvText(spec, seed));
            File.WriteAllText(Path.Combine(folder, TruthFile(file)), TruthJson(file, spec, seed));
        }
    }

    /// <summary>The two files and their specifications.</summary>
    public static IReadOnlyList<(string File, PanelSimulationSpec Spec)> Files { get; } = [(PaperShapedFile, PaperShaped), (ProvincesFile, Provinces)];

    /// <summary>The truth file's name beside a panel file (…-truth.json).</summary>
    /// <param name="panelFile">The panel's file name.</param>
    public static string TruthFile(string panelFile) => Path.GetFileNameWithoutExtension(panelFile) + "-truth.json";

    /// <summary>The truth file's text for a panel file.</summary>
    /// <param name="panelFile">The panel's file name.</param>
    /// <param name="spec">Its specification.</param>
    /// <param name="seed">The seed.</param>
    public static string TruthJson(string panelFile, PanelSimulationSpec spec, int seed = DefaultSeed) =>
        PanelSimulator.TruthJson(spec, seed, $"Population truth of data/synthetic/{panelFile} (SYNTHETIC: drawn by PanelSimulator with variance shares and AR(1) calibrated on NBS provincial series; no value was observed).");
}
