// GENERATED from notebooks/07-strategies.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/07-strategies.cs
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
using static RuralEcom.NotebookText.ScriptDisplay;

if (!Start(args, "07-strategies")) return;
Heading("# 07 · From significant pairs to ranked strategies");

// cell 2
// #r "../bin/Release/net10.0/RuralEcom.dll": see the #: directives at the top
// #load "setup.csx": the text display (tools/NotebookText) replaces it
Heading("## 1. The significant pairs");

// cell 4
var panel = SyntheticPanel.LoadBundled();
var cat = IndicatorCatalog.Default;
var cca = CanonicalCorrelationAnalysis.Fit(panel.Matrix(cat.XSymbols), panel.Matrix(cat.YSymbols), cat.XSymbols, cat.YSymbols);
var reading = cca.Interpret(options: InterpretationOptions.FromCatalog() with { Alpha = 0.01, MaxPairs = 3 });

// cell 6
display(new Table("The three pairs read (α = 0.01)", ["Pair", "r", "Dominant X", "Dominant Y"],
    reading.Pairs.Select(p => (IReadOnlyList<object?>)new object?[] { p.Pair, p.Correlation,
        string.Join(", ", p.DominantX.Select(i => i.Symbol)), p.DominantY.Count == 0 ? "(none)" : string.Join(", ", p.DominantY.Select(i => i.Symbol)) }),
    numberFormat: "F3"));
Heading("## 2. The indicator-strategy map");

// cell 8
display(new Table("Indicators linked to each strategy", ["Strategy", "Title", "Indicators"],
    StrategyMap.Default.Strategies.Select(s => (IReadOnlyList<object?>)new object?[] { s.Id, s.Title,
        string.Join(", ", StrategyMap.Default.LinksOf(s.Id).Select(l => l.Indicator)) is { Length: > 0 } list ? list : "(none)" })));
Heading("## 3. The score");

// cell 10
var ranking = reading.RankStrategies();
var y8 = ranking.Scores.SelectMany(s => s.Contributions).First(c => c.Indicator == "Y8" && c.Pair == 3);
display($"Y8 (GDP per capita) in pair 3: r_s = {y8.StructureCoefficient:F2}, term = {y8.Contribution:+0.000;−0.000}: it counts {(y8.Contribution < 0 ? "against" : "for")} the strategies linked to it.");

// cell 12
display(ranking.ToTable());

// cell 13
display(StrategyFigures.Ranking(ranking));
Heading("## 4. The reasoning behind a score");

// cell 15
var terms = ranking.ContributionTable(ranking.Scores[0].Strategy.Id);
display(new Table($"The 10 largest of {terms.Rows.Count} terms of strategy {ranking.Scores[0].Strategy.Id}", terms.Columns, terms.Rows.Take(10),
    numberFormat: "F3", note: terms.Note));

// cell 17
display(ranking.SectionTable());
Heading("## 5. How robust is the ranking?");

// cell 19
var bySum = reading.RankStrategies(scoring: StrategyScoring.Sum);
var mostLinks = bySum.Scores.MaxBy(s => s.Indicators.Count)!;
display($"By the sum, first is {bySum.Scores[0].Strategy.Id} ({bySum.Scores[0].Indicators.Count} links); the strategy with the most links is {mostLinks.Strategy.Id} ({mostLinks.Indicators.Count} links), ranked {mostLinks.Rank} by the sum and {ranking.Scores.Single(s => s.Strategy.Id == mostLinks.Strategy.Id).Rank} by the mean.");

// cell 20
display(new Table("Rank of each strategy by the mean and by the sum", ["Strategy", "Links", "Rank (mean)", "Rank (sum)"],
    ranking.Scores.Select(s => (IReadOnlyList<object?>)new object?[] { s.Strategy.Id, s.Indicators.Count, s.Rank,
        bySum.Scores.Single(t => t.Strategy.Id == s.Strategy.Id).Rank })));

// cell 22
var allPairs = cca.Interpret(options: InterpretationOptions.FromCatalog() with { Alpha = 0.01 });
var allRanking = allPairs.RankStrategies();
var stable = ranking.Scores.Take(3).Select(s => s.Strategy.Id).Intersect(allRanking.Scores.Take(3).Select(s => s.Strategy.Id)).ToArray();
display($"Reading {allRanking.PairsUsed} pairs instead of {ranking.PairsUsed}: {stable.Length} of the top three stay in the top three ({(stable.Length == 0 ? "none" : string.Join(", ", stable))}).");

// cell 23
display(StrategyFigures.Ranking(allRanking));
Heading("## 6. Caveats: what this ranking is not");
Heading("## Try it yourself");
