using System.CommandLine;
using System.Globalization;
using RuralEcom.Data;
using RuralEcom.Reports;

namespace RuralEcom.Cli;

/// <summary>
/// <c>ruralecom import-nbs</c>: a folder of NBS 分省年度数据 exports (GBK or UTF-8 CSV, xls/xlsx; one indicator per
/// file) into a tidy panel with a source for every value, plus a coverage report (indicator × year × province).
/// </summary>
internal static class ImportNbsCommand
{
    /// <summary>Builds the command with its options and action.</summary>
    public static Command Create()
    {
        var dir = new Option<string>("--dir") { Description = "The folder of NBS 分省年度数据 downloads (one indicator per file; see data/nbs/DOWNLOAD.md).", Required = true, HelpName = "DOWNLOADS" };
        var outFile = new Option<string>("--out") { Description = "The panel CSV to write (e.g. panel.csv). The coverage report is written beside it as NAME-coverage.csv and NAME-coverage.md.", Required = true, HelpName = "FILE.csv" };
        var command = new Command("import-nbs", "Turn a folder of NBS 分省年度数据 exports into a tidy panel (region, year, the paper's indicators that can be computed, the NBS series found, and a source column for each) and a coverage report of the missing cells.")
        {
            dir, outFile,
        };
        command.SetAction(parse =>
        {
            var target = OptionParsing.OutputFolder(parse.GetRequiredValue(outFile))!;
            if (Directory.Exists(target) || target.EndsWith('/') || target.EndsWith('\\'))
                throw new CliException($"--out '{target}' is a folder; give the panel file to write, e.g. --out {Path.Combine(target, "panel.csv")}.");
            var import = NbsImport.FromFolder(parse.GetRequiredValue(dir));
            var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
            var name = Path.GetFileName(target);
            var stem = Path.GetFileNameWithoutExtension(name);
            var output = parse.InvocationConfiguration.Output;
            var coverage = import.CoverageTable();
            output.WriteLine($"wrote {SafeFiles.WriteText(folder, name, import.ToCsv())}");
            output.WriteLine($"wrote {SafeFiles.WriteText(folder, stem + "-coverage.csv", coverage.ToCsv())}");
            output.WriteLine($"wrote {SafeFiles.WriteText(folder, stem + "-coverage.md", import.FilesTable().ToMarkdown() + "\n" + coverage.ToMarkdown())}");
            output.WriteLine();
            foreach (var f in import.Files) output.WriteLine($"{f.File}: {f.Status} ({f.Detail})");
            output.WriteLine();
            int years = import.Years.Count, cells = ProvinceNames.All.Count * years;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Panel: {ProvinceNames.All.Count} provinces × {years} years ({import.Years[0]}-{import.Years[^1]}); columns: {string.Join(", ", import.Columns)}."));
            foreach (var c in import.Columns)
            {
                int present = ProvinceNames.All.Sum(p => import.Years.Count(y => import.Value(c, p.English, y) is not null));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c}: {present} of {cells} cells"));
            }
            var absent = import.Mapping.Indicators.Where(i => !import.Columns.Contains(i.Symbol)).ToArray();
            if (absent.Length > 0)
            {
                output.WriteLine($"Not imported ({absent.Length} of {import.Mapping.Indicators.Count} indicators):");
                foreach (var i in absent) output.WriteLine("  " + import.Mapping.WhereToGet(i.Symbol));
            }
            return Program.Success;
        });
        return command;
    }
}
