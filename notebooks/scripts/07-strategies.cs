// GENERATED from notebooks/07-strategies.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/07-strategies.cs
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
display(reading.ToTable());
Heading("## 2. The indicator-strategy map");

// cell 6
display(StrategyMap.Default.ToTable());
Heading("## 3. The score");

// cell 8
var ranking = reading.RankStrategies();
display(ranking.ToTable());

// cell 9
display(StrategyFigures.Ranking(ranking));
Heading("## 4. The reasoning behind a score");

// cell 11
display(ranking.ContributionTable(ranking.Scores[0].Strategy.Id));

// cell 13
display(ranking.SectionTable());
Heading("## 5. How robust is the ranking?");

// cell 15
display(reading.RankStrategies(scoring: StrategyScoring.Mean).ToTable());

// cell 17
var allPairs = cca.Interpret(options: InterpretationOptions.FromCatalog() with { Alpha = 0.01 });
display(StrategyFigures.Ranking(allPairs.RankStrategies()));
Heading("## 6. Caveats: what this ranking is not");
Heading("## Try it yourself");
