// GENERATED from notebooks/05-significance.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/05-significance.cs
// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.
#:project ../../RuralEcom.Lib.csproj
#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj
#:property PublishAot=false

using System.Text;
using RuralEcom;
using RuralEcom.Cca;
using RuralEcom.Data;
using RuralEcom.Significance;
using RuralEcom.Plots;
using static RuralEcom.NotebookText.ScriptDisplay;

if (!Start(args, "05-significance")) return;
Heading("# 05 · Are the canonical correlations significant? (the paper's Tables 3 and 4)");

// cell 2
// #r "../bin/Release/net10.0/RuralEcom.dll": see the #: directives at the top
// #load "setup.csx": the text display (tools/NotebookText) replaces it

// cell 3
var panel = SyntheticPanel.LoadBundled();
var xs = IndicatorCatalog.Default.XSymbols;
var ys = IndicatorCatalog.Default.YSymbols;
var cca = CanonicalCorrelationAnalysis.Fit(panel.Matrix(xs), panel.Matrix(ys), xs, ys);
var tests = cca.Tests();
Heading("## Table 3 · The canonical correlations, in the paper's layout");

// cell 5
#nullable enable
var header = new[] { "order number" }.Concat(Enumerable.Range(1, cca.Count).Select(k => $"{k}")).ToArray();
var row = new object?[] { "canonical correlation coefficient" }.Concat(cca.Correlations.Select(r => (object?)r)).ToArray();
display(new Table("Table 3 (paper layout), SYNTHETIC data: canonical correlation coefficients", header, new[] { row }, numberFormat: "F3"));
Heading("### Why eight, when the paper prints eleven?");

// cell 7
display($"p = {cca.P}, q = {cca.Q}, number of canonical pairs = min(p, q) = {cca.Count}");
Heading("## Table 4 · The sequential test, in the paper's layout");

// cell 9
#nullable enable
string Sig(double p) => p < 1e-4 ? "<0.0001" : p.ToString("F4");   // as the paper prints p-values
display(new Table("Table 4 (paper layout), SYNTHETIC data: test that the remaining correlations are zero",
    ["", "Wilk's", "F", "DF (df₁)", "DF (df₂)", "Sig."],
    tests.Wilks.Select(w => (IReadOnlyList<object?>)new object?[] { w.K, w.Lambda, w.F, w.Df1, w.Df2, Sig(w.PValue) }),
    columnFormats: [null, "F3", "F3", "0", "F3", null]));

// cell 11
display(CourseFigures.WilksSequence(tests));

// cell 14
display($"significant pairs: {tests.SignificantPairs(0.05)} at the 5% level, {tests.SignificantPairs(0.01)} at the 1% level");
Heading("### The paper's DF column");

// cell 16
#nullable enable
var paper = RuralEcom.Audit.ReportedTables.Load("../data/paper/qiu-2022-reported-tables.csv");  // the printed figures, transcribed
display(new Table("Table 4 as printed in the paper, beside Rao's degrees of freedom for n = 55, p = 8, q = 11",
    ["Pair", "Paper: Wilk's", "Paper: DF", "Paper: Sig.", "Rao df₁", "Rao df₂"],
    paper.Tests.Select(t => (IReadOnlyList<object?>)new object?[] { t.Row, t.Wilks?.Text, t.Df?.Text, t.P?.Text,
        t.Row <= tests.Wilks.Count ? tests.Wilks[t.Row - 1].Df1 : null, t.Row <= tests.Wilks.Count ? tests.Wilks[t.Row - 1].Df2 : null }),
    columnFormats: [null, null, null, null, "0", "F3"],
    note: "Rows 9-11 have no Rao degrees of freedom because pairs 9-11 do not exist (min(p, q) = 8)."));

// cell 18
var matches = paper.Tests.Where(t => t.Row <= tests.Wilks.Count && t.Df is not null)
    .Count(t => Math.Abs(t.Df!.Value - tests.Wilks[t.Row - 1].Df1) < 0.01 || Math.Abs(t.Df!.Value - tests.Wilks[t.Row - 1].Df2) < 0.01);
var (first, last) = (tests.Wilks[0], tests.Wilks[^1]);
display($"{matches} of {tests.Wilks.Count} rows match. Row 1 should read df₁ = {first.Df1:0} and df₂ ≈ {first.Df2:F1}, not {paper.Tests[0].Df!.Text}; " +
    $"row {last.K} should read df₁ = {last.Df1:0}, df₂ = {last.Df2:F0}, not {paper.Tests[last.K - 1].Df!.Text}.");
Heading("## Bartlett's chi-square test");

// cell 20
display(tests.BartlettTable());

// cell 21
int bartlett = tests.Bartlett.TakeWhile(b => b.PValue < 0.05).Count();
display($"Significant pairs at 5 %: {tests.SignificantPairs(0.05)} by Rao's F, {bartlett} by Bartlett's chi-square.");
Heading("## Four statistics for \"the two sets are unrelated\"");

// cell 23
var multivariate = tests.MultivariateTable();
display(new Table(multivariate.Title, multivariate.Columns, multivariate.Rows, numberFormat: "G4", note: multivariate.Note));
Heading("## Try it yourself");
