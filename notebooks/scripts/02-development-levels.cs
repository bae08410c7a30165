// GENERATED from notebooks/02-development-levels.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/02-development-levels.cs
// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.
#:project ../../RuralEcom.Lib.csproj
#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj
#:property PublishAot=false

using System.Text;
using RuralEcom.Data;
using RuralEcom.Indices;
using RuralEcom.Plots;
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

// cell 8
display(IndexPlots.WeightBars(levels.Integration.IndicatorNames, levels.Integration.Parts[0].Result.Weights, "Entropy weights: urban-rural integration (Y1-Y11)"));

// cell 10
display(levels.ToGroupWeightsTable());
Heading("## 2. The two development levels over time");

// cell 12
var results = levels.ToPanel();
display(PanelPlots.SeriesByRegion(results, "U1", title: "Rural e-commerce development level U1", yLabel: "U1"));

// cell 13
display(PanelPlots.SeriesByRegion(results, "U2", title: "Urban-rural integration level U2", yLabel: "U2"));
Heading("## 3. Coupling coordination degree");

// cell 15
display(CoordinationGrade.GradesTable());

// cell 16
display(levels.ToCoordinationTable());
Heading("## 4. Sensitivity: does the weighting method change the ranking?");

// cell 18
display(levels.ToSensitivityTable());
Heading("## Try it yourself");
