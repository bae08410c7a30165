using System.CommandLine;
using System.Text.Json;
using RuralEcom.Audit;

namespace RuralEcom.Cli;

/// <summary>
/// <c>ruralecom-cli audit</c>: checks a published canonical correlation table (transcribed into the CSV template of
/// data/audit/) for figures that are inconsistent with the printed correlations and design, or impossible.
/// Exit code 0 when every checkable figure is consistent, 1 when any is inconsistent or impossible, 2 for a malformed table.
/// </summary>
internal static class AuditCommand
{
    /// <summary>Exit code when the audit flags a figure as inconsistent or impossible.</summary>
    public const int Flagged = 1;

    private static readonly string[] Formats = ["markdown", "csv", "latex", "json"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>Builds the command with its options and action.</summary>
    public static Command Create()
    {
        var table = new Option<string>("--table") { Description = "The transcribed table: a CSV file in the template of data/audit/template.csv.", Required = true, HelpName = "FILE.csv" };
        var format = new Option<string>("--format") { Description = "Output format of the verdict table.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong(Formats);
        var outDir = new Option<string?>("--out") { Description = "Write audit.md, audit.csv, audit.tex or audit.json into this folder instead of standard output.", HelpName = "DIR" };
        var search = new Option<bool>("--search") { Description = "Also search designs (n ≤ 400, p and q ≤ 60) and test conventions that reproduce the printed columns (about a second)." };
        var command = new Command("audit", "Check a published canonical correlation table: every figure recomputed from the printed correlations and design is called consistent, inconsistent, impossible or not checkable. Exit code 0: all checkable figures consistent; 1: something inconsistent or impossible; 2: the table file is malformed.")
        {
            table, format, outDir, search,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(table);
            if (Directory.Exists(path)) throw new CliException($"--table {path} is a folder; give the CSV file of one transcribed table (see data/audit/template.csv).");
            var reported = ReportedTables.Load(path);
            var audit = PaperAudit.Run(reported, search: parse.GetValue(search));
            var output = parse.InvocationConfiguration.Output;
            var dir = parse.GetValue(outDir);
            var (file, text) = parse.GetRequiredValue(format) switch
            {
                "markdown" => ("audit.md", audit.ToMarkdown()),
                "csv" => ("audit.csv", audit.ToTable().ToCsv()),
                "latex" => ("audit.tex", string.Join("\n", Tables(audit).Select(t => t.ToLatex()))),
                _ => ("audit.json", JsonSerializer.Serialize(Document(audit), Json) + "\n"),
            };
            CcaCommand.Write(output, dir, file, text);
            return audit.Passes ? Program.Success : Flagged;
        });
        return command;
    }

    private static IEnumerable<Table> Tables(AuditReport audit)
    {
        yield return audit.ToTable();
        if (audit.Search.Candidates == 0) yield break;
        yield return audit.Search.JointTable();
        yield return audit.Search.WholeColumnTable();
        yield return audit.DesignTable();
    }

    private static object Document(AuditReport audit) => new
    {
        source = audit.Table.Source,
        design = new { n = audit.Table.N, p = audit.Table.P, q = audit.Table.Q, test = TestConventions.Describe(audit.Table.Convention) },
        passes = audit.Passes,
        counts = new
        {
            consistent = audit.Count(AuditVerdict.Consistent),
            inconsistent = audit.Count(AuditVerdict.Inconsistent),
            impossible = audit.Count(AuditVerdict.Impossible),
            notCheckable = audit.Count(AuditVerdict.NotCheckable),
        },
        findings = audit.Findings.Select(f => new { f.Section, f.Item, f.Reported, f.Recomputed, Verdict = AuditReport.VerdictText(f.Verdict).ToLowerInvariant(), f.Explanation }),
        designSearch = audit.Search.Candidates == 0 ? null : new
        {
            bounds = new { audit.Search.Bounds.MinN, audit.Search.Bounds.MaxN, audit.Search.Bounds.MaxVariables },
            audit.Search.Candidates,
            best = audit.Search.Joint.Select(j => new
            {
                Convention = TestConventions.Describe(j.Convention), DfColumn = TestConventions.Describe(j.DfColumn), j.N, j.P, j.Q,
                j.CorrelationsUsed, j.WilksRows, j.DfRows, j.SigRows, j.RowsExplained,
            }),
        },
    };
}
