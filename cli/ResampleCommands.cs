using System.CommandLine;
using RuralEcom.Data;
using RuralEcom.Resampling;

namespace RuralEcom.Cli;

/// <summary>
/// <c>ruralecom permute</c> and <c>ruralecom bootstrap</c>: resampling inference for a canonical correlation analysis
/// of two sets of columns of a CSV file, with a progress bar on the error stream and Markdown or CSV tables on output.
/// </summary>
internal static class ResampleCommands
{
    private static readonly string[] Formats = ["markdown", "csv"];

    /// <summary>The stepwise permutation test (Winkler et al. 2020) of every canonical dimension.</summary>
    public static Command CreatePermute()
    {
        var o = new SharedOptions();
        var count = new Option<int>("--permutations") { Description = "Number of random permutations of the rows of Y.", DefaultValueFactory = _ => 10_000 };
        var command = new Command("permute", "Stepwise permutation tests of the canonical correlations (Winkler et al. 2020): p-values per dimension, with family-wise error control and Monte Carlo standard errors.");
        o.AddTo(command);
        command.Add(count);
        command.SetAction(parse =>
        {
            var (x, y, _, _) = o.Load(parse);
            int b = parse.GetValue(count);
            if (b < 1) throw new CliException($"--permutations {b}: ask for at least 1 (10,000 is usual).");
            int k = Math.Min(x.GetLength(1), y.GetLength(1));
            ResamplingBudget.Check("--permutations", b, bytesPerReplicate: 2L * k * sizeof(double), x.GetLength(0), x.GetLength(1), y.GetLength(1));
            var result = PermutationTest.Test(x, y, b, parse.GetValue(o.Seed), new ResamplingOptions(new ProgressBar(parse.InvocationConfiguration.Error)));
            o.Emit(parse, "permutation-test", PValueText.Resolve(result.ToTable(), b));
            return Program.Success;
        });
        return command;
    }

    /// <summary>Bootstrap confidence intervals for the canonical correlations and structure coefficients.</summary>
    public static Command CreateBootstrap()
    {
        var o = new SharedOptions();
        var count = new Option<int>("--draws") { Description = "Number of bootstrap draws (resampled rows).", DefaultValueFactory = _ => 1_000 };
        var level = new Option<double>("--level") { Description = "Confidence level of the intervals.", DefaultValueFactory = _ => 0.95 };
        var command = new Command("bootstrap", "Bootstrap (percentile and BCa) confidence intervals for the canonical correlations and the structure coefficients, with resampled pairs aligned to the full-sample pairs.");
        o.AddTo(command);
        command.Add(count);
        command.Add(level);
        command.SetAction(parse =>
        {
            var (x, y, xNames, yNames) = o.Load(parse);
            int b = parse.GetValue(count);
            double lv = parse.GetValue(level);
            if (b < 2) throw new CliException($"--draws {b}: ask for at least 2 (1,000 or more for an interval).");
            if (!(lv > 0 && lv < 1)) throw new CliException($"--level {lv}: the confidence level must lie strictly between 0 and 1, e.g. 0.95.");
            int p = x.GetLength(1), q = y.GetLength(1), k = Math.Min(p, q);
            ResamplingBudget.Check("--draws", b, bytesPerReplicate: (long)(k + (p + q) * k) * sizeof(double), x.GetLength(0), p, q);
            var result = CcaBootstrap.Resample(x, y, b, parse.GetValue(o.Seed), lv, options: new ResamplingOptions(new ProgressBar(parse.InvocationConfiguration.Error)),
                xNames: xNames, yNames: yNames);
            o.Emit(parse, "bootstrap", result.ToTable(), result.StructureTable("X"), result.StructureTable("Y"));
            return Program.Success;
        });
        return command;
    }

    /// <summary>The options both commands share: data, sets, seed, format and output folder.</summary>
    private sealed class SharedOptions
    {
        public readonly DataOptions Data = new("The data file: CSV (any common separator, UTF-8 or GBK) or .xlsx/.xls, with a header line of column names, then one row per sample.", panel: false);
        public readonly Option<string> X = new("--x") { Description = "The X set: comma-separated column names.", Required = true, HelpName = "A,B,C" };
        public readonly Option<string> Y = new("--y") { Description = "The Y set: comma-separated column names.", Required = true, HelpName = "D,E,F" };
        public readonly Option<int> Seed = new("--seed") { Description = "Random seed: the same seed gives the same result on any number of cores.", DefaultValueFactory = _ => 1 };
        public readonly Option<string> Format = new("--format") { Description = "Output format.", DefaultValueFactory = _ => "markdown" };
        public readonly Option<string?> Out = new("--out") { Description = "Write the tables into this folder instead of standard output.", HelpName = "DIR" };

        public SharedOptions() => Format.AcceptOnlyFromAmong(Formats);

        public void AddTo(Command command)
        {
            Data.AddTo(command);
            foreach (var option in new Option[] { X, Y, Seed, Format, Out }) command.Add(option);
        }

        public (double[,] X, double[,] Y, string[] XNames, string[] YNames) Load(ParseResult parse)
        {
            var (xNames, yNames) = OptionParsing.Sets(parse.GetRequiredValue(X), parse.GetRequiredValue(Y));
            OptionParsing.OutputFolder(parse.GetValue(Out));
            var table = Data.LoadTable(parse, xNames.Concat(yNames));
            return (table.Matrix(xNames), table.Matrix(yNames), xNames, yNames);
        }

        public void Emit(ParseResult parse, string slug, params Table[] tables)
        {
            var output = parse.InvocationConfiguration.Output;
            var dir = OptionParsing.OutputFolder(parse.GetValue(Out));
            if (parse.GetRequiredValue(Format) == "markdown")
            {
                CcaCommand.Write(output, dir, slug + ".md", string.Join("\n", tables.Select(t => t.ToMarkdown())));
                return;
            }
            for (int i = 0; i < tables.Length; i++)
                CcaCommand.Write(output, dir, tables.Length == 1 ? slug + ".csv" : $"{slug}-{i + 1}.csv", tables[i].ToCsv());
        }
    }
}
