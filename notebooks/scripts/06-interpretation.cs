// GENERATED from notebooks/06-interpretation.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/06-interpretation.cs
// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.
#:project ../../RuralEcom.Lib.csproj
#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj
#:property PublishAot=false

using System.Text;
using RuralEcom;
using RuralEcom.Data;
using RuralEcom.Cca;
using RuralEcom.Significance;
using RuralEcom.Interpretation;
using RuralEcom.Plots;
using RuralEcom.Resampling;
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

// cell 5
display(CcaFigures.CanonicalCorrelations(cca, tests, alpha: 0.01));

// cell 7
display($"{tests.SignificantPairs(0.01)} of {cca.Count} pairs significant at α = 0.01 on the synthetic data (the paper: 3).");

// cell 9
var options = InterpretationOptions.FromCatalog() with { Alpha = 0.01, MaxPairs = 3 };
var reading = cca.Interpret(tests, options);
display(reading.ToTable());
Heading("## 2. The paper's way: standardized coefficients");

// cell 11
display(cca.StandardizedCoefficientsX.ToTable("Standardized coefficients of the X indicators (the paper's typical loads)", "F3"));

// cell 12
display(cca.StandardizedCoefficientsY.ToTable("Standardized coefficients of the Y indicators", "F3"));
Heading("## 3. Both readings side by side, pair by pair");

// cell 14
Table Readings(int pair, string set)
{
    var p = reading.Pairs[pair - 1];
    var flags = p.Disagreements.ToDictionary(d => d.Indicator.Symbol, d => d.Kind.ToString());
    return new Table($"Pair {pair}, {(set == "X" ? "X indicators (V" : "Y indicators (W")}{pair})", ["Indicator", "Weight", "Paper names it", "r_s", "Structure names it", "Flag"],
        (set == "X" ? p.X : p.Y).Select(i => (IReadOnlyList<object?>)new object?[] { $"{i.Symbol} {i.DisplayName}", i.StandardizedCoefficient,
            Math.Abs(i.StandardizedCoefficient) >= options.WeightThreshold ? "yes" : "", i.StructureCoefficient,
            Math.Abs(i.StructureCoefficient) >= options.StructureThreshold ? "yes" : "", flags.GetValueOrDefault(i.Symbol, "") }), numberFormat: "F2");
}
display(Readings(1, "X"));

// cell 15
display(Readings(1, "Y"));

// cell 16
string Name(string symbol) => $"{symbol} {cat[symbol].Name}";
display(CcaFigures.StructureCoefficients(cca, 1, Name, height: 900));

// cell 18
display(Readings(2, "X"));

// cell 19
display(Readings(2, "Y"));

// cell 20
display(CcaFigures.StructureCoefficients(cca, 2, Name, height: 900));

// cell 22
display(Readings(3, "X"));

// cell 23
display(Readings(3, "Y"));

// cell 24
display(CcaFigures.StructureCoefficients(cca, 3, Name, height: 900));
Heading("## 4. Where the weights mislead");

// cell 26
display(reading.DisagreementTable());

// cell 28
var spread = CoefficientBootstrap.Resample(panel.Matrix(cat.XSymbols), panel.Matrix(cat.YSymbols), pairs: 3, draws: 500, seed: 1,
    xNames: cat.XSymbols, yNames: cat.YSymbols);
display(spread.ToTable());

// cell 29
var ratios = spread.Spreads.Select(s => (s.Pair, s.Set)).Distinct().Select(key => spread.MedianSpread(key.Pair, key.Set))
    .Select(m => m.Weights / m.Structure).ToArray();
display($"The median bootstrap standard error of the weights is {ratios.Min():F1} to {ratios.Max():F1} times that of the structure coefficients; " +
    $"{ratios.Count(r => r > 1)} of {ratios.Length} pair-and-set groups have steadier structure coefficients. " +
    (ratios.All(r => r > 1.5) ? "Here the structure coefficients are clearly steadier." : "So \"structure coefficients are much steadier\" does not hold across the board on these data."));
Heading("## 5. The pairs as scatter plots");

// cell 31
var labels = Enumerable.Range(0, panel.Count).Select(i => $"{panel.Regions[i]} {panel.Years[i]}").ToArray();
display(CcaFigures.VariateScatter(cca, 1, labels, groups: panel.Regions));

// cell 33
display(CcaFigures.VariateScatter(cca, 2, labels, groups: panel.Regions));

// cell 35
display(CcaFigures.VariateScatter(cca, 3, labels, groups: panel.Regions));
Heading("## 6. How much variance do the pairs carry? (redundancy)");

// cell 37
display(CcaFigures.Redundancy(cca));
Heading("## 7. The readings in words");

// cell 39
display(string.Join("\n\n", reading.Sentences));
Heading("## 8. The paper's §4: does e-commerce narrow the urban-rural gaps or open a digital divide?");

// cell 41
var blocks = CorrelationBlocks.Of(cca);
string[] gaps = ["Y9", "Y10"];
display(new Table("Correlations of the e-commerce indicators with the two gap indicators (from R12)", ["X", "Indicator", "with Y9", "with Y10"],
    cat.XSymbols.Select((s, i) => (IReadOnlyList<object?>)new object?[] { s, cat[s].Name, blocks.R12[i, 9 - 1], blocks.R12[i, 10 - 1] }), numberFormat: "F2"));

// cell 42
var gapCorrelations = cat.XSymbols.SelectMany((s, i) => new[] { blocks.R12[i, 8], blocks.R12[i, 9] }).ToArray();
display($"{gapCorrelations.Count(r => r < 0)} of {gapCorrelations.Length} correlations are negative (more e-commerce, smaller gap: 4.1), " +
    $"{gapCorrelations.Count(r => r > 0)} positive (more e-commerce, larger gap: 4.2); the largest in size is {gapCorrelations.MaxBy(Math.Abs):F2}.");

// cell 44
display(new Table("Structure coefficients of the gap indicators on W1-W3", ["Pair", "r", "Y9 r_s", "Y10 r_s", "Reading"],
    reading.Pairs.Select(p => (IReadOnlyList<object?>)new object?[] { p.Pair, p.Correlation,
        p.Y.Single(i => i.Symbol == "Y9").StructureCoefficient, p.Y.Single(i => i.Symbol == "Y10").StructureCoefficient,
        p.Y.Where(i => gaps.Contains(i.Symbol)).MaxBy(i => Math.Abs(i.StructureCoefficient)) is var g && Math.Abs(g!.StructureCoefficient) < 0.3
            ? "gaps barely involved (|r_s| < 0.3)" : g.StructureCoefficient < 0 ? $"{g.Symbol} shrinks: narrowing (4.1)" : $"{g.Symbol} grows: divide (4.2)" }),
    numberFormat: "F2"));
Heading("### Pair 1 is partly definitional");

// cell 46
double Cross(string xs, string ys) => blocks.R12[cat.XSymbols.ToList().IndexOf(xs), cat.YSymbols.ToList().IndexOf(ys)];
var largestOther = Enumerable.Range(0, cca.P).SelectMany(i => Enumerable.Range(0, cca.Q).Select(j => (i, j)))
    .Where(t => !(cat.XSymbols[t.i] == "X7" && cat.YSymbols[t.j] == "Y4") && !(cat.XSymbols[t.i] == "X6" && cat.YSymbols[t.j] == "Y6"))
    .Max(t => Math.Abs(blocks.R12[t.i, t.j]));
display($"r(X7, Y4) = {Cross("X7", "Y4"):F3}, r(X6, Y6) = {Cross("X6", "Y6"):F3}; the largest |r| of all other X-Y pairs is {largestOther:F3}.");

// cell 48
var xWithoutX7 = cat.XSymbols.Where(s => s != "X7").ToArray();
var withoutX7 = CanonicalCorrelationAnalysis.Fit(panel.Matrix(xWithoutX7), panel.Matrix(cat.YSymbols), xWithoutX7, cat.YSymbols);
display($"r1 with X7: {cca.Correlations[0]:F3}; without X7: {withoutX7.Correlations[0]:F3} (the first pair loses {cca.Correlations[0] - withoutX7.Correlations[0]:F3}).");
Heading("## Try it yourself");
