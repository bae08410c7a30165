// GENERATED from notebooks/01-data-import.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/01-data-import.cs
// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.
#:project ../../RuralEcom.Lib.csproj
#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj
#:property PublishAot=false

using System.Text;
using RuralEcom;
using RuralEcom.Data;
using RuralEcom.Plots;
using Microsoft.Data.Analysis;
using static RuralEcom.NotebookText.ScriptDisplay;

if (!Start(args, "01-data-import")) return;
Heading("# 01 · Data import: the indicator system, the bundled panel and real NBS exports");

// cell 2
// #r "../bin/Release/net10.0/RuralEcom.dll": see the #: directives at the top
// #load "setup.csx": the text display (tools/NotebookText) replaces it
Heading("## 1. The indicator system (Tables 1-2)");

// cell 4
display(IndicatorCatalog.Default.ToTable("rural e-commerce development"));

// cell 6
display(IndicatorCatalog.Default.ToTable("urban-rural integration"));

// cell 8
var y9 = IndicatorCatalog.Default["Y9"];
display($"{y9.Symbol}: {y9.Name} [{y9.Unit}], {y9.Direction}. {y9.Rationale}");
Heading("## 2. The bundled SYNTHETIC panel");

// cell 10
var panel = SyntheticPanel.LoadBundled();
display(panel.ToTable(maxRows: 8));

// cell 12
display(panel.SummaryTable());

// cell 14
display(panel.MissingValueReport());

// cell 16
var text = "region,year,X1,Y4\nAnhui,2020,10.5,\nAnhui,2021,12.1,55\nJiangsu,2020,,68\nJiangsu,2021,30.2,70\n";
var gappy = PanelCsv.FromText(text, "gaps.csv", new PanelCsvOptions { Missing = MissingValues.ListwiseDelete });
display(gappy.MissingValueReport());

// cell 18
var x = panel.Matrix(IndicatorCatalog.Default.XSymbols);
var y = panel.Matrix(IndicatorCatalog.Default.YSymbols);
display($"X is {x.GetLength(0)} x {x.GetLength(1)}, Y is {y.GetLength(0)} x {y.GetLength(1)}");
Heading("### The panel as a DataFrame");

// cell 20
var frame = panel.ToDataFrame();
var recent = frame.Filter(frame["year"].ElementwiseGreaterThanOrEqual(2016));
var recentPanel = Panel.FromDataFrame(recent, source: "synthetic panel, 2016 on");
display($"{frame.Rows.Count} rows in the frame, {recent.Rows.Count} from 2016 on; back as a panel: {recentPanel.Count} region-years, " +
$"{recentPanel.DistinctRegions.Count} regions, {recentPanel.DistinctYears[0]}-{recentPanel.DistinctYears[^1]}; " +
$"mean of Y2 over these rows: {Convert.ToDouble(recent["Y2"].Mean()):F2} (the panel's own column gives {recentPanel.Column("Y2").Average():F2})");

// cell 22
display(string.Join(", ", SyntheticPanel.Truth.CanonicalCorrelations));
Heading("## 3. Real data: an NBS export");

// cell 24
var gdp = NbsExport.Read("../data/nbs/RenJiyi163_NBS_fsnd_GDP_yiyuan.csv");
display($"{gdp.EncodingName}; {gdp.Database}; {gdp.IndicatorLabel}; {gdp.Regions.Count} regions; {gdp.Years[0]}-{gdp.Years[^1]}; footer: {gdp.Footer.Count} lines");

// cell 26
var gdpPanel = gdp.ToPanel("GDP", firstYear: 2014, lastYear: 2021);
display(PanelPlots.SeriesByRegion(gdpPanel, "GDP", ["Anhui", "Jiangsu", "Zhejiang", "Shanghai", "Jiangxi", "Henan"],
    title: "Regional GDP, current prices (real NBS data)", yLabel: "100 million yuan"));

// cell 28
var urban = PanelCsv.Load("../data/nbs/panel_province_2014_2021.csv", new PanelCsvOptions
{
    ColumnMap = new Dictionary<string, string> { ["Y2_urbanization_rate_pct"] = "Y2" },
    IgnoreColumns = ["aux_secondary_industry_share_pct", "aux_gdp_current_100m_yuan", "source"],
});
display(PanelPlots.SeriesByRegion(urban, "Y2", ["Anhui", "Jiangsu", "Zhejiang", "Shanghai", "Jiangxi", "Henan"],
    title: "Y2 urbanization rate (real NBS data)"));

// cell 30
var steps = urban.DistinctYears.Skip(1).Select(year => (Year: year, Steps: urban.DistinctRegions
    .Select(r => urban.Value(r, year, "Y2") - urban.Value(r, year - 1, "Y2")).ToArray())).ToArray();
display(new Table("Year-on-year change of Y2, percentage points (31 provinces)", ["Year", "Mean", "Smallest", "Largest"],
    steps.Select(s => (IReadOnlyList<object?>)new object?[] { s.Year, s.Steps.Average(), s.Steps.Min(), s.Steps.Max() }), numberFormat: "F2"));

// cell 31
double step2020 = steps.Single(s => s.Year == 2020).Steps.Average();
var otherSteps = steps.Where(s => s.Year != 2020).Select(s => s.Steps.Average()).ToArray();
display($"Mean step into 2020: {step2020:F2} points; other years: {otherSteps.Min():F2} to {otherSteps.Max():F2}. " + (step2020 > 2 * otherSteps.Max()
    ? "The 2020 step stands out: a break is visible."
    : "No break is visible in this extract: its years before 2020 appear to be on the same basis as 2020. Check which yearbook vintage a series comes from before combining sources."));
Heading("### From a folder of downloads to a panel (`import-nbs`)");

// cell 33
display(NbsMapping.Default.ToTable());

// cell 35
var import = NbsImport.FromFolder("../data/nbs");
display(import.FilesTable());

// cell 36
var used = import.Files.Count(f => f.Status == "used");
var computed = import.Columns.Count(c => IndicatorCatalog.Default.Contains(c));
display($"{used} of {import.Files.Count} files is an export of a mapped series; imported columns: {string.Join(", ", import.Columns)} " +
$"for {ProvinceNames.All.Count} provinces × {import.Years.Count} years ({import.Years[0]}-{import.Years[^1]}); " +
$"{computed} of {IndicatorCatalog.Default.Symbols.Count} paper indicators can be computed from them.");

// cell 38
Console.WriteLine(string.Join("\n", import.ToCsv().Split('\n').Take(4)));

// cell 40
foreach (var entry in import.Mapping.Indicators.Where(i => !import.Columns.Contains(i.Symbol)))
    Console.WriteLine(import.Mapping.WhereToGet(entry.Symbol));
Heading("## 4. What the validator says");

// cell 42
try
{
    PanelCsv.FromText("region,year,Y2\nAnhui,2021,59.39%\n", "my-panel.csv");
}
catch (PanelFormatException e)
{
    Console.WriteLine(e.Message);
}
Heading("## Try it yourself");
