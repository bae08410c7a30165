// GENERATED from notebooks/06-interpretation.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/06-interpretation.cs
// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.
#:project ../../RuralEcom.Lib.csproj
#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj
#:property PublishAot=false

using System.Text;
using RuralEcom.Data;
using RuralEcom.Cca;
using RuralEcom.Significance;
using RuralEcom.Interpretation;
using RuralEcom.Plots;
using static RuralEcom.NotebookText.ScriptDisplay;

if (!Start(args, "06-interpretation")) return;
Heading("# 06 · Interpretation: reading the significant canonical pairs two ways");

// cell 2
// #r "../bin/Release/net10.0/RuralEcom.dll": see the #: directives at the top
// #load "setup.csx": the text display (tools/NotebookText) replaces it
Heading("## 1. Fit the analysis and count the significant pairs");

// cell 4
var panel = SyntheticPanel.LoadBundled();
var cat = IndicatorCatalog.Default;
var cca = CanonicalCorrelationAnalysis.Fit(panel.Matrix(cat.XSymbols), panel.Matrix(cat.YSymbols), cat.XSymbols, cat.YSymbols);
var tests = cca.Tests();
display(tests.WilksTable());

// cell 5
display(CcaFigures.CanonicalCorrelations(cca, tests, alpha: 0.01));

// cell 7
var options = InterpretationOptions.FromCatalog() with { Alpha = 0.01, MaxPairs = 3 };
var reading = cca.Interpret(tests, options);
display(reading.ToTable());
Heading("## 2. The paper's way: standardized coefficients");

// cell 9
display(cca.StandardizedCoefficientsX.ToTable("Standardized coefficients of the X indicators (the paper's typical loads)", "F3"));

// cell 10
display(cca.StandardizedCoefficientsY.ToTable("Standardized coefficients of the Y indicators", "F3"));
Heading("## 3. Both readings side by side, pair by pair");

// cell 12
display(reading.ComparisonTable(1));

// cell 13
string Name(string symbol) => $"{symbol} {cat[symbol].Name}";
display(CcaFigures.StructureCoefficients(cca, 1, Name));

// cell 15
display(reading.ComparisonTable(2));

// cell 16
display(CcaFigures.StructureCoefficients(cca, 2, Name));

// cell 18
display(reading.ComparisonTable(3));

// cell 19
display(CcaFigures.StructureCoefficients(cca, 3, Name));
Heading("## 4. Where the weights mislead");

// cell 21
display(reading.DisagreementTable());
Heading("## 5. The pairs as scatter plots");

// cell 23
var labels = Enumerable.Range(0, panel.Count).Select(i => $"{panel.Regions[i]} {panel.Years[i]}").ToArray();
display(CcaFigures.VariateScatter(cca, 1, labels));

// cell 25
display(CcaFigures.VariateScatter(cca, 2, labels));

// cell 27
display(CcaFigures.VariateScatter(cca, 3, labels));
Heading("## 6. How much variance do the pairs carry? (redundancy)");

// cell 29
display(CcaFigures.Redundancy(cca));
Heading("## 7. The readings in words");

// cell 31
display(string.Join("\n\n", reading.Sentences));
Heading("## Try it yourself");
