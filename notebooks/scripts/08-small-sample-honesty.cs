// GENERATED from notebooks/08-small-sample-honesty.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/08-small-sample-honesty.cs
// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.
#:project ../../RuralEcom.Lib.csproj
#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj
#:property PublishAot=false

using System.Text;
using RuralEcom;
using MathNet.Numerics.Statistics;
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
var summary = cca.ToTable();
display(new Table(summary.Title, summary.Columns, summary.Rows, numberFormat: "F3", note: summary.Note));
Heading("## 2. What does \"no relation at all\" look like?");

// cell 6
var nullDistribution = NullDistribution.Simulate(n: 55, p: 8, q: 11, replicates: 2000, seed: 1);
display(nullDistribution.ToTable(observed: cca.Correlations));

// cell 8
var median1 = nullDistribution.CorrelationReplicates(1).Median();
display($"for unrelated data of this shape the first canonical correlation has median {median1:F2} " +
    $"(the second {nullDistribution.CorrelationReplicates(2).Median():F2}): a first canonical correlation of {median1:F1} on 55 samples is no evidence of anything.");

// cell 10
var paperTable3 = RuralEcom.Audit.ReportedTables.Load("../data/paper/qiu-2022-reported-tables.csv").Correlations.Select(r => r.Value).ToArray();
display(ResamplingPlots.NullDistribution(nullDistribution, paperTable3, "Paper, Table 3"));

// cell 12
var r1Null = nullDistribution.CorrelationReplicates(1);
display($"Pairs of the paper's Table 3 above the 99 % null quantile of their dimension: {paperTable3.Take(cca.Count).Select((r, k) => r > nullDistribution.CorrelationReplicates(k + 1).Quantile(0.99) ? 1 : 0).Sum()} of {cca.Count}; " +
    $"the first pair of noise data lies between {r1Null.Quantile(0.05):F2} and {r1Null.Quantile(0.95):F2} (5 % to 95 %).");
Heading("## 3. Permutation tests");

// cell 14
var status = display("permutations: starting");
var permutation = PermutationTest.Test(x, y, permutations: 2000, seed: 1,
    new ResamplingOptions(ResamplingProgress.Milestones(status.Update)));
display(permutation.ToTable());

// cell 16
int atFloor = permutation.Rows.Count(row => row.PCorrelationFwer == 1.0 / 2001 && row.PWilksFwer == 1.0 / 2001);
display($"{atFloor} of {cca.Count} dimensions have p = 1/2001 ≈ {1.0 / 2001:F4}, the smallest value 2,000 permutations can give.");
Heading("## 4. Bootstrap intervals");

// cell 18
var bootstrap = CcaBootstrap.Resample(x, y, draws: 500, seed: 1);
display(bootstrap.ToTable());

// cell 20
display(bootstrap.StructureTable("X", pairs: 1));
Heading("## 5. Out-of-sample canonical correlations");

// cell 22
var leaveOneOut = CcaCrossValidation.LeaveOneOut(x, y);
display(leaveOneOut.ToTable());

// cell 23
var kfold = CcaCrossValidation.KFold(x, y, folds: 5, seed: 1);
display(kfold.ToTable());

// cell 25
var above = Enumerable.Range(0, cca.Count).Where(k => leaveOneOut.HeldOut[k] > cca.Correlations[k]).Select(k => k + 1).ToArray();
display(above.Length == 0 ? "No pair's held-out r exceeds its in-sample r." :
    $"Leave-one-out: pair(s) {string.Join(", ", above)} have a held-out r above the in-sample r " +
    $"(pair {above[^1]}: {leaveOneOut.HeldOut[above[^1] - 1]:F3} against {cca.Correlations[above[^1] - 1]:F3}; population ρ = {truth.CanonicalCorrelations[above[^1] - 1]:F3}).");

// cell 27
double[,] Vectors(CcaResult c) { var s = new double[c.P + c.Q, c.Count];
    for (int k = 0; k < c.Count; k++) { for (int i = 0; i < c.P; i++) s[i, k] = c.Structure.X[i, k]; for (int j = 0; j < c.Q; j++) s[c.P + j, k] = c.Structure.Y[j, k]; }
    return s; }
int[] Others(int i) => Enumerable.Range(0, cca.N).Where(r => r != i).ToArray();
double[,] Pick(double[,] m, int[] rows) { var r = new double[rows.Length, m.GetLength(1)]; for (int a = 0; a < rows.Length; a++) for (int b = 0; b < m.GetLength(1); b++) r[a, b] = m[rows[a], b]; return r; }
var matched = Enumerable.Range(0, cca.N).Select(i => PairAlignment.Align(Vectors(cca), Vectors(CanonicalCorrelationAnalysis.Fit(Pick(x, Others(i)), Pick(y, Others(i))))).Match[7] + 1).ToArray();
int swaps = matched.Count(m => m != 8);
display(swaps == 0 ? $"In none of the {cca.N} leave-one-out fits was pair 8 matched to another fitted pair: the pairing is not the cause here, the pooling is." :
    $"In {swaps} of {cca.N} leave-one-out fits, pair 8 was matched to another fitted pair ({string.Join(", ", matched.Where(m => m != 8).Distinct().Order().Select(m => $"pair {m}"))}): part of the excess comes from the pairing.");
Heading("## 6. How close is each estimate to the truth?");

// cell 30
display(bootstrap.CompareTable(leaveOneOut, truth.CanonicalCorrelations));

// cell 31
display(ResamplingPlots.HonestCorrelations(cca.Correlations, leaveOneOut.HeldOut, bootstrap, truth.CanonicalCorrelations));

// cell 33
var rho = truth.CanonicalCorrelations;
var b1 = bootstrap.Correlations[0];
bool bcaCovers1 = b1.BcaLower <= rho[0] && rho[0] <= b1.BcaUpper;
var spreadLate = Enumerable.Range(4, cca.Count - 4).Max(k => new[] { cca.Correlations[k], leaveOneOut.HeldOut[k], rho[k] }.Max() - new[] { cca.Correlations[k], leaveOneOut.HeldOut[k], rho[k] }.Min());
display($"Pair 1 is estimated to within {Math.Abs(cca.Correlations[0] - rho[0]):F3}, and its BCa interval [{b1.BcaLower:F3}, {b1.BcaUpper:F3}] {(bcaCovers1 ? "covers" : "misses")} ρ₁ = {rho[0]:F3}. " +
    $"For pairs 5-8 the in-sample, held-out and population values differ by up to {spreadLate:F2}.");
Heading("## 7. Regularized CCA");

// cell 35
var search = RegularizedCca.ChoosePenalties(x, y, standardize: true);
display(search.ToTable());

// cell 36
display(RegularizedCca.Fit(x, y, search.BestLambda1, search.BestLambda2, truth.XNames, truth.YNames, standardize: true).ToTable());

// cell 38
display($"The best penalties are λ1 = {search.BestLambda1:G3}, λ2 = {search.BestLambda2:G3}, " +
    (search.BestLambda1 + search.BestLambda2 < 0.01 ? "the smallest on the grid: with a population this strongly related, shrinkage only costs correlation." : "a real amount of shrinkage."));
Heading("## Try it yourself");
