// GENERATED from notebooks/03-standardization.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/03-standardization.cs
// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.
#:project ../../RuralEcom.Lib.csproj
#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj
#:property PublishAot=false

using System.Text;
using RuralEcom;
using RuralEcom.Cca;
using RuralEcom.Data;
using RuralEcom.Plots;
using MathNet.Numerics.Statistics;
using static RuralEcom.NotebookText.ScriptDisplay;

if (!Start(args, "03-standardization")) return;
Heading("# 03 · Standardization and the correlation matrix (the paper's Steps 1-2)");

// cell 2
// #r "../bin/Release/net10.0/RuralEcom.dll": see the #: directives at the top
// #load "setup.csx": the text display (tools/NotebookText) replaces it
Heading("## Step 1 · The data matrix Z = (X, Y)");

// cell 4
var panel = SyntheticPanel.LoadBundled();
display(panel.ToTable(maxRows: 6));

// cell 6
var xs = IndicatorCatalog.Default.XSymbols;
var ys = IndicatorCatalog.Default.YSymbols;
double[,] x = panel.Matrix(xs), y = panel.Matrix(ys);
display($"n = {x.GetLength(0)} samples, p = {xs.Count} X indicators ({string.Join(", ", xs)}), q = {ys.Count} Y indicators ({string.Join(", ", ys)})");
Heading("## Step 2a · Why standardize?");

// cell 8
display(panel.SummaryTable());

// cell 10
var x1 = panel.Column("X1");
double mean = x1.Mean(), sd = x1.StandardDeviation();   // MathNet: sample standard deviation (divisor n - 1)
var z1 = x1.Select(v => (v - mean) / sd).ToArray();
display($"X1: mean {mean:F2}, sd {sd:F2}; first three values {x1[0]:F1}, {x1[1]:F1}, {x1[2]:F1} -> z = {z1[0]:F3}, {z1[1]:F3}, {z1[2]:F3}");

// cell 12
// The format's third section prints a value that rounds to zero as 0, without a minus sign.
display($"mean of z = {z1.Mean():0.000000000000;-0.000000000000;0.000000000000}, standard deviation of z = {z1.StandardDeviation():F12}");
Heading("## Step 2b · The correlation matrix R");

// cell 14
var blocks = CorrelationBlocks.FromData(x, y, xs, ys);
display(blocks.ToTable());

// cell 16
var y8 = panel.Column("Y8");
var z8 = y8.Select(v => (v - y8.Mean()) / y8.StandardDeviation()).ToArray();
double byHand = z1.Zip(z8, (a, b) => a * b).Sum() / (z1.Length - 1);
display($"by hand {byHand:F12}, in R {blocks.R["X1", "Y8"]:F12}");
Heading("### The four blocks");

// cell 18
display(blocks.ToTables()[0]);

// cell 20
display(blocks.ToTables()[1]);

// cell 22
double largestAsymmetry = Enumerable.Range(0, blocks.P)
    .SelectMany(j => Enumerable.Range(0, blocks.Q).Select(k => Math.Abs(blocks.R12[j, k] - blocks.R21[k, j]))).Max();
display($"largest |R12 - R21ᵀ| = {largestAsymmetry}");

// cell 24
display(blocks.ToTables()[3]);
Heading("## Seeing R at once: a heat map");

// cell 26
display(CorrelationHeatmap.Create(blocks));
Heading("## Standardization does not change R");

// cell 28
var xYuan = (double[,])x.Clone();
for (int i = 0; i < xYuan.GetLength(0); i++) xYuan[i, 0] = 1e8 * x[i, 0] + 12345;
var rescaled = CorrelationBlocks.FromData(xYuan, y, xs, ys);
display($"largest change in R: {Enumerable.Range(0, 19).SelectMany(i => Enumerable.Range(0, 19).Select(j => Math.Abs(rescaled.R[i, j] - blocks.R[i, j]))).Max():E1}");
Heading("## Try it yourself");
