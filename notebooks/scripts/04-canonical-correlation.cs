// GENERATED from notebooks/04-canonical-correlation.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/04-canonical-correlation.cs
// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.
#:project ../../RuralEcom.Lib.csproj
#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj
#:property PublishAot=false

using System.Text;
using RuralEcom;
using RuralEcom.Cca;
using RuralEcom.Data;
using MathNet.Numerics.Statistics;
using static RuralEcom.NotebookText.ScriptDisplay;

if (!Start(args, "04-canonical-correlation")) return;
Heading("# 04 · Canonical correlation: both routes, coefficients, loadings and variates (the paper's Step 3)");

// cell 2
// #r "../bin/Release/net10.0/RuralEcom.dll": see the #: directives at the top
// #load "setup.csx": the text display (tools/NotebookText) replaces it

// cell 3
var panel = SyntheticPanel.LoadBundled();
var xs = IndicatorCatalog.Default.XSymbols;
var ys = IndicatorCatalog.Default.YSymbols;
double[,] x = panel.Matrix(xs), y = panel.Matrix(ys);
Heading("## Route 1 · The textbook route (the paper's Step 3)");

// cell 5
var eigen = CanonicalCorrelationAnalysis.Fit(x, y, xs, ys, CcaMethod.Eigen);
Heading("## Route 2 · The stable route");

// cell 7
var stable = CanonicalCorrelationAnalysis.Fit(x, y, xs, ys);
Heading("## The two routes agree");

// cell 9
display(CcaComparison.Compare(stable, eigen).ToTable());
Heading("## The canonical correlations");

// cell 11
display(stable.ToTable());

// cell 13
var truth = SyntheticPanel.Truth.CanonicalCorrelations;
display(new Table("Sample vs population canonical correlations (SYNTHETIC data, n = 55)", ["Pair", "Sample r", "Population ρ", "Sample − population"],
    Enumerable.Range(0, stable.Count).Select(k => (IReadOnlyList<object?>)new object?[] { k + 1, stable.Correlations[k], truth[k], stable.Correlations[k] - truth[k] }),
    numberFormat: "F3"));
Heading("## Standardized canonical coefficients");

// cell 15
display(stable.StandardizedCoefficientsX.ToTable("Standardized canonical coefficients of the X indicators (columns V1..V8)"));

// cell 16
display(stable.StandardizedCoefficientsY.ToTable("Standardized canonical coefficients of the Y indicators (columns W1..W8)"));
Heading("## Raw canonical coefficients");

// cell 18
display(stable.RawCoefficientsX!.ToTable("Raw canonical coefficients of the X indicators", "G4"));
Heading("## Structure coefficients (canonical loadings)");

// cell 20
display(stable.Structure.X.ToTable("Correlations of the X indicators with V1..V8 (structure coefficients)"));

// cell 21
display(stable.Structure.Y.ToTable("Correlations of the Y indicators with W1..W8 (structure coefficients)"));
Heading("## The canonical variates");

// cell 23
var variates = CorrelationBlocks.FromData(stable.ScoresX!.ToArray(), stable.ScoresY!.ToArray(), stable.VNames, stable.WNames);
// The format's third section prints values that round to zero as 0.000, without a minus sign.
display(variates.R12.ToTable("Correlations between the canonical variates V (rows) and W (columns)", "0.000;-0.000;0.000"));
Heading("## Where the textbook route loses digits");

// cell 25
var nearlyCollinear = (double[,])x.Clone();
for (int i = 0; i < nearlyCollinear.GetLength(0); i++) nearlyCollinear[i, 7] = x[i, 6] + 1e-5 * x[i, 7];
var stableIll = CanonicalCorrelationAnalysis.Fit(nearlyCollinear, y, xs, ys);
var eigenIll = CanonicalCorrelationAnalysis.Fit(nearlyCollinear, y, xs, ys, CcaMethod.Eigen);
double[] Column(double[,] m, int j) => Enumerable.Range(0, m.GetLength(0)).Select(i => m[i, j]).ToArray();
display($"correlation of X7 with the new X8: {Correlation.Pearson(Column(nearlyCollinear, 6), Column(nearlyCollinear, 7)):F12}");

// cell 27
display(new Table("Error of each route on nearly collinear X (true r from the well-conditioned data)", ["Pair", "True r", "Stable: |error|", "Eigen: |error|"],
    Enumerable.Range(0, stable.Count).Select(k => (IReadOnlyList<object?>)new object?[]
        { k + 1, stable.Correlations[k], Math.Abs(stableIll.Correlations[k] - stable.Correlations[k]), Math.Abs(eigenIll.Correlations[k] - stable.Correlations[k]) }),
    columnFormats: [null, "F10", "E1", "E1"]));

// cell 29
var r11 = CorrelationBlocks.FromData(nearlyCollinear, y, xs, ys).R11.ToArray();
display($"condition number of R11: {MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(r11).ConditionNumber():E1}");

// cell 31
display(CcaComparison.Compare(stableIll, eigenIll).ToTable());
Heading("## Try it yourself");
