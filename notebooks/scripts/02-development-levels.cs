// GENERATED from notebooks/02-development-levels.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/02-development-levels.cs
// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.
#:project ../../RuralEcom.Lib.csproj
#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj
#:property PublishAot=false

using System.Text;
using RuralEcom;
using RuralEcom.Data;
using RuralEcom.Indices;
using RuralEcom.Plots;
using MathNet.Numerics.Statistics;
using static RuralEcom.NotebookText.ScriptDisplay;

if (!Start(args, "02-development-levels")) return;
Heading("# 02 · Development levels: entropy weights, TOPSIS and coupling coordination");

// cell 2
// #r "../bin/Release/net10.0/RuralEcom.dll": see the #: directives at the top
// #load "setup.csx": the text display (tools/NotebookText) replaces it

// cell 4
var panel = SyntheticPanel.LoadBundled();
var catalog = IndicatorCatalog.Default;
display(panel.ToTable(maxRows: 5));
Heading("## 1. The entropy weight method");

// cell 6
var levels = DevelopmentLevels.Compute(panel, catalog);
display(levels.ToWeightsTable());

// cell 7
display(IndexPlots.WeightBars(levels.ECommerce.IndicatorNames, levels.ECommerce.Parts[0].Result.Weights, "Entropy weights: rural e-commerce (X1-X8)"));

// cell 9
var xWeights = levels.ECommerce.Parts[0].Result.Weights;
var cv = catalog.XSymbols.Select(s => panel.Column(s)).Select(c => c.StandardDeviation() / c.Mean()).ToArray();
display(new Table("Coefficient of variation and entropy weight of X1-X8", ["Symbol", "CV", "Entropy weight"],
    catalog.XSymbols.Select((s, j) => (IReadOnlyList<object?>)new object?[] { s, cv[j], xWeights[j] }), columnFormats: [null, "P1", "F3"]));

// cell 10
int flat = Array.IndexOf(cv, cv.Min()), wide = Array.IndexOf(cv, cv.Max());
var outweighed = Enumerable.Range(0, cv.Length).Where(j => cv[j] >= 10 * cv[flat] && xWeights[j] < xWeights[flat]).ToArray();
display($"{catalog.XSymbols[flat]} varies least (CV {cv[flat]:P1}) and gets weight {xWeights[flat]:F3}. {outweighed.Length} of the other {cv.Length - 1} indicators " +
    $"vary at least ten times as much and yet weigh less" + (outweighed.Length == 0 ? "." :
        $" (e.g. {catalog.XSymbols[outweighed[0]]}: CV {cv[outweighed[0]]:P1}, weight {xWeights[outweighed[0]]:F3}): min-max scaling erased the difference in variability."));

// cell 12
display(IndexPlots.WeightBars(levels.Integration.IndicatorNames, levels.Integration.Parts[0].Result.Weights, "Entropy weights: urban-rural integration (Y1-Y11)"));

// cell 14
display(levels.ToGroupWeightsTable());
Heading("## 2. The two development levels over time");

// cell 16
var results = levels.ToPanel();
display(PanelPlots.SeriesByRegion(results, "U1", title: "Rural e-commerce development level U1", yLabel: "U1"));

// cell 17
display(PanelPlots.SeriesByRegion(results, "U2", title: "Urban-rural integration level U2", yLabel: "U2"));
Heading("## 3. Coupling coordination degree");

// cell 19
display(CoordinationGrade.GradesTable());

// cell 20
display(levels.ToCoordinationTable());

// cell 22
display(CourseFigures.CoordinationPlane(levels.Coupling.U1, levels.Coupling.U2, levels.RowRegions));

// cell 24
int above = Enumerable.Range(0, panel.Count).Count(i => levels.Coupling.U2[i] > levels.Coupling.U1[i]);
display($"{above} of {panel.Count} region-years lie above the diagonal; D ranges from {levels.Coupling.Coordination.Min():F2} to {levels.Coupling.Coordination.Max():F2}.");
Heading("## 4. Sensitivity: does the weighting method change the ranking?");

// cell 26
display(levels.ToSensitivityTable());

// cell 28
int m = 7;   // regions per year
display($"one swap of neighbours: rho = 1 − 6·2 / (m(m² − 1)) = {1 - 6.0 * 2 / (m * (m * m - 1)):F3} for m = {m}, so read the table as a whole rather than year by year.");
Heading("## Try it yourself");
