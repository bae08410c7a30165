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
using MathNet.Numerics.LinearAlgebra;
using RuralEcom.Plots;
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
var blocks = CorrelationBlocks.FromData(x, y, xs, ys);
var R11 = Matrix<double>.Build.DenseOfArray(blocks.R11.ToArray());
var R12 = Matrix<double>.Build.DenseOfArray(blocks.R12.ToArray());
var R22 = Matrix<double>.Build.DenseOfArray(blocks.R22.ToArray());
var A = R11.Inverse() * R12 * R22.Inverse() * R12.Transpose();   // R21 = R12ᵀ

// cell 7
var byHand = A.Evd().EigenValues.Select(e => Math.Sqrt(e.Real)).OrderByDescending(r => r).ToArray();
display($"r from the eigenvalues of A: {string.Join(", ", byHand.Select(r => r.ToString("F4")))}");

// cell 9
var eigen = CanonicalCorrelationAnalysis.Fit(x, y, xs, ys, CcaMethod.Eigen);
Heading("## Route 2 · The stable route");

// cell 11
var stable = CanonicalCorrelationAnalysis.Fit(x, y, xs, ys);
display($"largest difference between r by hand and r by the stable route: {byHand.Zip(stable.Correlations, (a, b) => Math.Abs(a - b)).Max():0.0E+0}");
Heading("## The two routes agree");

// cell 13
var agreement = CcaComparison.Compare(stable, eigen);
display(agreement.ToTable());

// cell 14
display($"Largest differences: {agreement.MaxCorrelationDifference:0.0E+0} in r and {agreement.MaxCoefficientDifference:0.0E+0} in a coefficient, " +
    (Math.Max(agreement.MaxCorrelationDifference, agreement.MaxCoefficientDifference) < CcaComparison.RoundingLevel
        ? "the size of rounding in double precision: on these data the two routes are the same analysis."
        : "more than rounding: the two routes differ on these data."));
Heading("## The canonical correlations");

// cell 16
var full = stable.ToTable();
display(new Table(full.Title, full.Columns, full.Rows, numberFormat: "F3", note: full.Note));

// cell 18
#nullable enable
var truth = SyntheticPanel.Truth.CanonicalCorrelations;
display(new Table("Sample vs population canonical correlations (SYNTHETIC data, n = 55)", ["Pair", "Sample r", "Population ρ", "Sample − population"],
    Enumerable.Range(0, stable.Count).Select(k => (IReadOnlyList<object?>)new object?[] { k + 1, stable.Correlations[k], truth[k], stable.Correlations[k] - truth[k] }),
    numberFormat: "F3"));

// cell 19
display(ResamplingPlots.HonestCorrelations(stable.Correlations, truth: truth));

// cell 21
var gaps = Enumerable.Range(0, stable.Count).Select(k => (Pair: k + 1, Gap: stable.Correlations[k] - truth[k])).ToArray();
var largest = gaps.MaxBy(g => Math.Abs(g.Gap));
display($"{gaps.Count(g => g.Gap > 0)} of {gaps.Length} pairs lie above their population value; the largest gap is pair {largest.Pair} " +
    $"({stable.Correlations[largest.Pair - 1]:F2} against {truth[largest.Pair - 1]:F2}).");
Heading("## Standardized canonical coefficients");

// cell 23
display(stable.StandardizedCoefficientsX.ToTable("Standardized canonical coefficients of the X indicators (columns V1..V8)", "F3"));

// cell 24
display(stable.StandardizedCoefficientsY.ToTable("Standardized canonical coefficients of the Y indicators (columns W1..W8)", "F3"));
Heading("## Raw canonical coefficients");

// cell 26
display(stable.RawCoefficientsX!.ToTable("Raw canonical coefficients of the X indicators", "G4"));
Heading("## Structure coefficients (canonical loadings)");

// cell 28
display(stable.Structure.X.ToTable("Correlations of the X indicators with V1..V8 (structure coefficients)", "F3"));

// cell 29
display(stable.Structure.Y.ToTable("Correlations of the Y indicators with W1..W8 (structure coefficients)", "F3"));
Heading("## The canonical variates");

// cell 31
var variates = CorrelationBlocks.FromData(stable.ScoresX!.ToArray(), stable.ScoresY!.ToArray(), stable.VNames, stable.WNames);
// The format's third section prints values that round to zero as 0.000, without a minus sign.
display(variates.R12.ToTable("Correlations between the canonical variates V (rows) and W (columns)", "0.000;-0.000;0.000"));
Heading("## Where the textbook route loses digits");

// cell 33
var nearlyCollinear = (double[,])x.Clone();
for (int i = 0; i < nearlyCollinear.GetLength(0); i++) nearlyCollinear[i, 7] = x[i, 6] + 1e-5 * x[i, 7];
var stableIll = CanonicalCorrelationAnalysis.Fit(nearlyCollinear, y, xs, ys);
var eigenIll = CanonicalCorrelationAnalysis.Fit(nearlyCollinear, y, xs, ys, CcaMethod.Eigen);
double[] Column(double[,] m, int j) => Enumerable.Range(0, m.GetLength(0)).Select(i => m[i, j]).ToArray();
display($"correlation of X7 with the new X8: {Correlation.Pearson(Column(nearlyCollinear, 6), Column(nearlyCollinear, 7)):F12}");

// cell 35
#nullable enable
display(new Table("Error of each route on nearly collinear X (true r from the well-conditioned data)", ["Pair", "True r", "Stable: |error|", "Eigen: |error|"],
    Enumerable.Range(0, stable.Count).Select(k => (IReadOnlyList<object?>)new object?[]
        { k + 1, stable.Correlations[k], Math.Abs(stableIll.Correlations[k] - stable.Correlations[k]), Math.Abs(eigenIll.Correlations[k] - stable.Correlations[k]) }),
    columnFormats: [null, "F10", "0.0E+0", "0.0E+0"]));

// cell 37
double stableWorst = Enumerable.Range(0, stable.Count).Max(k => Math.Abs(stableIll.Correlations[k] - stable.Correlations[k]));
double eigenBest = Enumerable.Range(0, stable.Count).Min(k => Math.Abs(eigenIll.Correlations[k] - stable.Correlations[k]));
double eigenWorst = Enumerable.Range(0, stable.Count).Max(k => Math.Abs(eigenIll.Correlations[k] - stable.Correlations[k]));
display($"stable route: every error ≤ {stableWorst:0E+0}; eigen route: errors from {eigenBest:0E+0} to {eigenWorst:0E+0}, " +
    $"about {Math.Log10(eigenWorst / stableWorst):F0} digits fewer at worst.");

// cell 39
var r11 = CorrelationBlocks.FromData(nearlyCollinear, y, xs, ys).R11.ToArray();
display($"condition number of R11: {MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(r11).ConditionNumber():0.0E+0}");

// cell 41
display(CcaComparison.Compare(stableIll, eigenIll).ToTable());
Heading("## Try it yourself");
