using System.Text.Json;
using RuralEcom.Cca;
using RuralEcom.Significance;
using RuralEcom.Tests.Cca;

namespace RuralEcom.Tests.Cli;

/// <summary>The <c>cca</c> command on public and bundled data: its output equals the library's result, field by field.</summary>
public class CcaCommandTests
{
    private static readonly string Linnerud = RepoPaths.Combine("data", "reference", "linnerud.csv");
    private static readonly string[] LinnerudArgs = ["cca", "--data", Linnerud, "--x", "Weight,Waist,Pulse", "--y", "Chins,Situps,Jumps"];

    [Theory]
    [InlineData("stable", CcaMethod.Stable)]
    [InlineData("eigen", CcaMethod.Eigen)]
    public void Json_on_linnerud_matches_the_library(string method, CcaMethod expected)
    {
        var (code, output, error) = CliRunner.Run([.. LinnerudArgs, "--method", method]);
        Assert.Equal("", error);
        Assert.Equal(0, code);
        // The reference: the library fitted to the SAS fitness data typed in Fitness.cs, independent of the CSV reader.
        var cca = CanonicalCorrelationAnalysis.Fit(Fitness.X, Fitness.Y, Fitness.XNames, Fitness.YNames, expected);
        using var doc = JsonDocument.Parse(output);
        CcaJsonAssert.Matches(doc.RootElement, cca, SignificanceTests.Test(cca), method);
        // And the SAS value, as a sanity check of the whole chain.
        Assert.Equal(0.795608, doc.RootElement.GetProperty("canonicalCorrelations")[0].GetDouble(), 6);
    }

    [Fact]
    public void Json_is_the_default_and_can_go_to_a_folder()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"ruralecom-cli-test-{Environment.ProcessId}-json");
        try
        {
            var (code, output, _) = CliRunner.Run([.. LinnerudArgs, "--out", dir]);
            Assert.Equal(0, code);
            var file = Path.Combine(dir, "cca.json");
            Assert.Equal($"wrote {file}", output.Trim());
            Assert.Equal(CliRunner.Run(LinnerudArgs).Output, File.ReadAllText(file));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Markdown_prints_every_table_of_the_analysis()
    {
        var (code, output, error) = CliRunner.Run([.. LinnerudArgs, "--format", "markdown"]);
        Assert.Equal((0, ""), (code, error));
        var cca = CanonicalCorrelationAnalysis.Fit(Fitness.X, Fitness.Y, Fitness.XNames, Fitness.YNames);
        var tests = SignificanceTests.Test(cca);
        Assert.StartsWith("# Canonical correlation analysis of linnerud.csv", output);
        foreach (var table in new[] { cca.ToTable(), tests.WilksTable(), tests.BartlettTable(), tests.MultivariateTable(), cca.Redundancy.ToTable("X"), cca.Redundancy.ToTable("Y") }
                     .Concat(cca.Structure.ToTables()))
            Assert.Contains(table.ToMarkdown(), output);
        // SAS's printed values appear as SAS prints them.
        Assert.Contains("| 1 | 0.795608 | 0.754056 | 0.084197 |", output);
        Assert.Contains("| 1 | 0.35039053 | 2.05 | 9 | 34.223 |", output);
    }

    [Fact]
    public void Markdown_escapes_the_file_and_column_names_it_prints()
    {
        // Markup in a file name and in column names must show as text, not become HTML or a link.
        var dir = Path.Combine(Path.GetTempPath(), $"ruralecom-cli-test-{Environment.ProcessId}-markup");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "data_[1].csv");
        try
        {
            var lines = File.ReadAllLines(Linnerud);
            lines[0] = "id,<b>Weight</b>,Waist,[Pulse](http://example.org),Chins,Situps,Jumps";
            File.WriteAllLines(file, lines);
            var (code, output, error) = CliRunner.Run(["cca", "--data", file, "--x", "<b>Weight</b>,Waist,[Pulse](http://example.org)", "--y", "Chins,Situps,Jumps", "--format", "markdown"]);
            Assert.Equal((0, ""), (code, error));
            Assert.StartsWith("# Canonical correlation analysis of data\\_\\[1\\].csv", output);
            Assert.Contains("- X (3): \\<b\\>Weight\\</b\\>, Waist, \\[Pulse\\](http://example.org)", output);
            Assert.DoesNotContain("<b>", output.Replace("\\<b\\>", "", StringComparison.Ordinal));
            Assert.DoesNotContain("[Pulse]", output.Replace("\\[Pulse\\]", "", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Csv_writes_one_file_per_table_or_one_stream()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"ruralecom-cli-test-{Environment.ProcessId}-csv");
        try
        {
            var (code, output, _) = CliRunner.Run([.. LinnerudArgs, "--format", "csv", "--out", dir]);
            Assert.Equal(0, code);
            var files = Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToArray();
            string[] expected =
            [
                "01-canonical-correlations.csv", "02-wilks-tests.csv", "03-bartlett-tests.csv", "04-multivariate-tests.csv",
                "05-standardized-coefficients-x.csv", "05-standardized-coefficients-y.csv", "06-raw-coefficients-x.csv", "06-raw-coefficients-y.csv",
                "07-structure-x-cross.csv", "07-structure-x-own.csv", "07-structure-y-cross.csv", "07-structure-y-own.csv",
                "08-redundancy-x.csv", "08-redundancy-y.csv", "09-correlation-matrix.csv",
            ];
            Assert.Equal(expected, files);
            Assert.Equal(expected.Length, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            var cca = CanonicalCorrelationAnalysis.Fit(Fitness.X, Fitness.Y, Fitness.XNames, Fitness.YNames);
            Assert.Equal(cca.ToTable().ToCsv(), File.ReadAllText(Path.Combine(dir, "01-canonical-correlations.csv")));
            Assert.Equal(cca.StandardizedCoefficientsY.ToTable("").ToCsv(), File.ReadAllText(Path.Combine(dir, "05-standardized-coefficients-y.csv")));

            var stream = CliRunner.Run([.. LinnerudArgs, "--format", "csv"]).Output;
            Assert.Equal(expected.Length, stream.Split('\n').Count(l => l.StartsWith("# ", StringComparison.Ordinal)));
            Assert.Contains("# 02-wilks-tests: ", stream);
            Assert.Contains(File.ReadAllText(Path.Combine(dir, "02-wilks-tests.csv")), stream);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
