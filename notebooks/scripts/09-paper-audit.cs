// GENERATED from notebooks/09-paper-audit.ipynb by tools/NotebookRunner. Do not edit: change the notebook,
// then run ./run-notebooks.sh (or only `./run-notebooks.sh --scripts`) to regenerate this file.
// Run it from the repository root: dotnet run --file notebooks/scripts/09-paper-audit.cs
// It prints the notebook's tables as text; `-- --figures DIR` also saves its figures as PNG files in DIR.
#:project ../../RuralEcom.Lib.csproj
#:project ../../tools/NotebookText/RuralEcom.NotebookText.csproj
#:property PublishAot=false

using System.Text;
using RuralEcom.Audit;
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
display($"{reported.Correlations.Count} correlations, {reported.Tests.Count} test rows, {reported.Equations.Count} equations; n = {reported.N}, p = {reported.P}, q = {reported.Q}");
Heading("## 2. What cannot exist");

// cell 6
display(audit.ToTable(AuditVerdict.Impossible));
Heading("## 3. What is inconsistent");

// cell 8
display(audit.ToTable(AuditVerdict.Inconsistent));

// cell 10
var row8 = SignificanceTests.WilksRow(k: 8, lambda: 1 - 0.611 * 0.611, n: 55, p: 8, q: 11);
var handCheck = $"Λ_8 = {row8.Lambda:F3}, F = {row8.F:F2} on {row8.Df1} and {row8.Df2} df, p = {row8.PValue:F4}";
display(handCheck);
Heading("## 4. What was probably run? The design search");

// cell 12
display(audit.DesignTable());
Heading("## 5. The full audit, ready for a referee report");

// cell 14
display(audit.ToTable());
Heading("## Summary for a referee");
Heading("## Try it yourself");
