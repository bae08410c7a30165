// GENERATED from notebooks/09-paper-audit.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/09-paper-audit.cs
// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.
#:project ../../RuralEcom.Lib.csproj
#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj
#:property PublishAot=false

using System.Text;
using System.IO;
using RuralEcom;
using RuralEcom.Audit;
using RuralEcom.Plots;
using RuralEcom.Significance;
using static RuralEcom.NotebookText.ScriptDisplay;

if (!Start(args, "09-paper-audit")) return;
Heading("# 09 · Auditing the paper's tables: what can be checked without the data?");

// cell 2
// #r "../bin/Release/net10.0/RuralEcom.dll": see the #: directives at the top
// #load "setup.csx": the text display (tools/NotebookText) replaces it
Heading("## 1. Load the printed figures and run the audit");

// cell 4
var reported = ReportedTables.Load("../data/paper/qiu-2022-reported-tables.csv");
var audit = PaperAudit.Run(reported);
// The full audit as a downloadable table, written atomically (a temporary file moved into place).
var csvPath = "../data/audit/qiu-2022-audit.csv";
var tmp = csvPath + ".tmp";
File.WriteAllText(tmp, audit.ToTable().ToCsv());
File.Move(tmp, csvPath, overwrite: true);
display($"{reported.Correlations.Count} correlations, {reported.Tests.Count} test rows, {reported.Equations.Count} equations; n = {reported.N}, p = {reported.P}, q = {reported.Q}. " +
$"Audit: {audit.Findings.Count} findings ({audit.Count(AuditVerdict.Consistent)} consistent, {audit.Count(AuditVerdict.Inconsistent)} inconsistent, " +
$"{audit.Count(AuditVerdict.Impossible)} impossible, {audit.Count(AuditVerdict.NotCheckable)} not checkable), written to data/audit/qiu-2022-audit.csv.");
Heading("## 2. What cannot exist");

// cell 6
display(audit.ToTable(AuditVerdict.Impossible));
Heading("## 3. What is inconsistent");

// cell 8
display(audit.ToTable(AuditVerdict.Inconsistent));

// cell 10
var row8 = SignificanceTests.WilksRow(k: 8, lambda: 1 - 0.611 * 0.611, n: 55, p: 8, q: 11);
var printed8 = reported.Tests.Single(t => t.Row == 8);
display($"Λ_8 = 1 − 0.611² = {row8.Lambda:F3}, F = ({1 - row8.Lambda:F3} / {row8.Lambda:F3}) · {row8.Df2} / {row8.Df1} = {row8.F:F2} on {row8.Df1} and {row8.Df2} df, p = {row8.PValue:F4}; " +
$"the paper prints Λ = {printed8.Wilks!.Text} and p = {printed8.P!.Text}.");
Heading("## 4. What was probably run? The joint design search");

// cell 12
var search = audit.Search;
var b = search.Bounds;
display($"Bounds: n = {b.MinN}..{b.MaxN} (with n ≥ p + q + 2), p and q = 1..{b.MaxVariables}; {search.Candidates:N0} candidate analyses.");

// cell 13
display(search.JointTable());

// cell 14
display(search.WholeColumnTable());

// cell 15
var best = search.Joint[0];
int small = Math.Min(best.P, best.Q), large = Math.Max(best.P, best.Q);
var dfRows = reported.Tests.Where(t => t.Df is not null && t.Row <= small).ToArray();
var twoDecimals = dfRows.Where(t => !best.DfRows.Contains(t.Row)
        && t.Df!.Text.EndsWith("0", StringComparison.Ordinal)
        && Math.Abs(Math.Round(TestConventions.Df(best.Convention, best.DfColumn, t.Row, best.N, best.P, best.Q), 2) - t.Df.Value) < 1e-9)
    .Select(t => t.Row).ToArray();
var stated = search.Stated.Max(s => s.DfRows.Count);
string Rows(IEnumerable<int> rows) => string.Join(", ", rows);
display($"The best candidate is n = {best.N} with {small} variables in one set and {large} in the other, tests computed as {TestConventions.Describe(best.Convention)}, " +
$"DF = {TestConventions.Describe(best.DfColumn)}. It reproduces DF rows {Rows(best.DfRows)}, Sig. rows {Rows(best.SigRows)} and Wilks rows {Rows(best.WilksRows)}: " +
$"{best.RowsExplained} of {reported.Tests.Sum(t => (t.Wilks is null ? 0 : 1) + (t.Df is null ? 0 : 1) + (t.P is null ? 0 : 1))} printed test figures. " +
$"DF rows {Rows(twoDecimals)} print a third decimal of 0 and match this design to two decimals, so the whole DF column up to row {small} " +
$"(the last row such a design has) is reproduced if those zeros are padding. The stated design (n = {reported.N}, p = {reported.P}, q = {reported.Q}) reproduces at most {stated} DF rows under any convention.");

// cell 16
var dfCheck = new Table("DF column: printed against the best candidate's denominator df",
    ["Row", "Printed DF", "Recomputed", "Reproduced"],
    reported.Tests.Where(t => t.Df is not null).Select(t => (IReadOnlyList<object?>)new object?[]
    {
        t.Row, t.Df!.Text,
        t.Row <= small ? TestConventions.Df(best.Convention, best.DfColumn, t.Row, best.N, best.P, best.Q).ToString("F4", System.Globalization.CultureInfo.InvariantCulture) : "no such row",
        best.DfRows.Contains(t.Row) ? "yes" : twoDecimals.Contains(t.Row) ? "to two decimals" : "no",
    }));
display(dfCheck);

// cell 18
display(audit.DesignTable());

// cell 19
var propFits = audit.DesignFits.Where(f => f.Column == "Correlations: Prop Var").ToArray();
var large55 = propFits.First(f => f.Variant == DesignSearch.LargeSampleStandardError);
var sas56 = propFits.First(f => f.Variant == DesignSearch.SasStandardError);
display($"\"Prop Var\" is not a proportion of variance: {large55.RowsExplained} of its {large55.RowsPrinted} values equal the textbook large-sample standard error (1 − r²)/√n with n = {large55.N}, " +
$"and the same {sas56.RowsExplained} equal SAS's (1 − r²)/√(n − 1) with n = {sas56.N}, because √{large55.N} = √({sas56.N} − 1). The row is a standard error computed with the paper's n = {reported.N}; it is no evidence of a 56th sample.");
Heading("## 5. Printed against recomputed values");

// cell 21
display(AuditPlots.PrintedVsRecomputed(audit));
Heading("## Summary for a referee");

// cell 23
int k = Math.Min(reported.P, reported.Q);
var impossibleEquations = audit.Findings.Where(f => f.Section == "Canonical equations" && f.Verdict == AuditVerdict.Impossible).Select(f => f.Item).ToArray();
var inconsistentTests = audit.Findings.Where(f => f.Section == reported.TestSection && f.Verdict == AuditVerdict.Inconsistent).ToArray();
var textSwaps = audit.Findings.Count(f => f.Section == "Text vs equations" && f.Verdict == AuditVerdict.Inconsistent);
var summary = $"""
1. Tables 3 and 4 report {reported.Correlations.Count} canonical correlations and {reported.Tests.Count} tests for a design with min(p, q) = {k}; the equations contain impossible terms ({string.Join("; ", impossibleEquations)}), and W1's lone weight 4.13 implies omitted terms.
2. {inconsistentTests.Length} printed test figures contradict the printed correlations under the stated design; {row8.PValue:F4} is the p-value of the last test, printed as {printed8.P!.Text}.
3. The widest design search (n ≤ {b.MaxN}, p, q ≤ {b.MaxVariables}, four conventions) finds n = {best.N} with {small} and {large} variables, reproducing {best.RowsExplained} test figures, including DF rows {Rows(best.DfRows)} exactly and rows {Rows(twoDecimals)} to two decimals: the tests come from a different analysis than the one described.
4. "Prop Var" is the standard error (1 − r²)/√{large55.N}; {textSwaps} statements of the text attribute coefficients to other variables than the equations do.
5. Request: the 55 × 19 data or their correlation matrix, and the software output as produced.
""";
summary.DisplayAs("text/markdown");
Heading("## Try it yourself");
