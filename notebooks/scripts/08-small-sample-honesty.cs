// GENERATED from notebooks/08-small-sample-honesty.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/08-small-sample-honesty.cs
// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.
#:project ../../RuralEcom.Lib.csproj
#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj
#:property PublishAot=false

using System.Text;
using RuralEcom.Cca;
using RuralEcom.Data;
using RuralEcom.Plots;
using RuralEcom.Resampling;
using static RuralEcom.NotebookText.ScriptDisplay;

if (!Start(args, "08-small-sample-honesty")) return;
Heading("# 08 · Small-sample honesty: how far can 55 samples be trusted?");

// cell 2
// #r "../bin/Release/net10.0/RuralEcom.dll": see the #: directives at the top
// #load "setup.csx": the text display (tools/NotebookText) replaces it
Heading("## 1. The data and the ordinary analysis");

// cell 4
var panel = SyntheticPanel.LoadBundled();
var truth = SyntheticPanel.Truth;
var x = panel.Matrix(truth.XNames);
var y = panel.Matrix(truth.YNames);
var cca = CanonicalCorrelationAnalysis.Fit(x, y, truth.XNames, truth.YNames);
display(cca.ToTable());
Heading("## 2. What does \"no relation at all\" look like?");

// cell 6
var nullDistribution = NullDistribution.Simulate(n: 55, p: 8, q: 11, replicates: 2000, seed: 1);
display(nullDistribution.ToTable(observed: cca.Correlations));

// cell 8
var paperTable3 = RuralEcom.Audit.ReportedTables.Load("../data/paper/qiu-2022-reported-tables.csv").Correlations.Select(r => r.Value).ToArray();
display(ResamplingPlots.NullDistribution(nullDistribution, paperTable3, "Paper, Table 3"));
Heading("## 3. Permutation tests");

// cell 10
var status = display("permutations: starting");
var permutation = PermutationTest.Test(x, y, permutations: 2000, seed: 1,
    new ResamplingOptions(ResamplingProgress.Milestones(status.Update)));
display(permutation.ToTable());
Heading("## 4. Bootstrap intervals");

// cell 12
var bootstrap = CcaBootstrap.Resample(x, y, draws: 500, seed: 1);
display(bootstrap.ToTable());

// cell 14
display(bootstrap.StructureTable("X", pairs: 3));
Heading("## 5. Out-of-sample canonical correlations");

// cell 16
var leaveOneOut = CcaCrossValidation.LeaveOneOut(x, y);
display(leaveOneOut.ToTable());

// cell 17
display(CcaCrossValidation.KFold(x, y, folds: 5, seed: 1).ToTable());
Heading("## 6. How close is each estimate to the truth?");

// cell 19
display(bootstrap.CompareTable(leaveOneOut, truth.CanonicalCorrelations));

// cell 20
display(ResamplingPlots.HonestCorrelations(cca.Correlations, leaveOneOut.HeldOut, bootstrap, truth.CanonicalCorrelations));
Heading("## 7. Regularized CCA");

// cell 22
var search = RegularizedCca.ChoosePenalties(x, y, standardize: true);
display(search.ToTable());

// cell 23
display(RegularizedCca.Fit(x, y, search.BestLambda1, search.BestLambda2, truth.XNames, truth.YNames, standardize: true).ToTable());
Heading("## Try it yourself");
