using RuralEcom.Data;
using RuralEcom.Resampling;

namespace RuralEcom.Tests.Cli;

/// <summary>The permute and bootstrap commands print the library's tables and a progress bar on the error stream.</summary>
public class ResampleCommandsTests
{
    private static readonly string Linnerud = RepoPaths.Combine("data", "reference", "linnerud.csv");
    private static readonly string[] Sets = ["--data", Linnerud, "--x", "Weight,Waist,Pulse", "--y", "Chins,Situps,Jumps"];

    [Fact]
    public void Permute_prints_the_same_p_values_as_the_library_and_shows_progress()
    {
        var (code, output, error) = CliRunner.Run(["permute", .. Sets, "--permutations", "640", "--seed", "5"]);
        Assert.Equal(0, code);
        var d = ReferenceData.Linnerud();
        var library = PermutationTest.Test(d.X, d.Y, 640, 5);
        var lines = output.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2).ToArray(); // after the header and the rule
        Assert.Equal(library.Rows.Count, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Trim('|', ' ').Split(" | ");
            var row = library.Rows[i];
            Assert.Equal(row.Correlation.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), cells[1]);
            // p-values at four significant digits, or "< 1/641" at the floor 1/(B+1).
            string P(double p) => p <= 1.0 / 641 * (1 + 1e-9) ? "< 1/641" : p.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(P(row.PCorrelation), cells[3]);
            Assert.Equal(P(row.PCorrelationFwer), cells[5]);
            Assert.Equal(P(row.PWilks), cells[6]);
            Assert.Equal(P(row.PWilksFwer), cells[8]);
        }
        // A redirected error stream gets one line per tenth, ending at 100 %.
        var progress = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(progress.Length >= 2, error);
        Assert.Contains("100 % permutations 640/640", progress[^1]);
    }

    [Fact]
    public void Bootstrap_writes_csv_files_for_the_correlations_and_both_structure_tables()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ruralecom-bootstrap-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, _) = CliRunner.Run(["bootstrap", .. Sets, "--draws", "200", "--format", "csv", "--out", dir]);
            Assert.Equal(0, code);
            var files = Directory.GetFiles(dir).Select(f => Path.GetFileName(f)).Order().ToArray();
            Assert.Equal(new[] { "bootstrap-1.csv", "bootstrap-2.csv", "bootstrap-3.csv" }, files);
            var d = ReferenceData.Linnerud();
            Assert.Equal(CcaBootstrap.Resample(d.X, d.Y, 200, 1).ToTable().ToCsv(), File.ReadAllText(Path.Combine(dir, "bootstrap-1.csv")));
            // The structure tables use the CSV's column names.
            Assert.Contains("Weight with V1", File.ReadAllText(Path.Combine(dir, "bootstrap-2.csv")));
            Assert.Contains("Chins with W1", File.ReadAllText(Path.Combine(dir, "bootstrap-3.csv")));
            Assert.Contains("wrote", output);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("permute", "--permutations", "0", "--permutations 0")]
    [InlineData("bootstrap", "--draws", "1", "--draws 1")]
    [InlineData("bootstrap", "--level", "1.5", "--level 1.5")]
    public void Bad_counts_exit_2_with_a_message(string command, string option, string value, string expected)
    {
        var (code, output, error) = CliRunner.Run([command, .. Sets, option, value]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(expected, error);
    }
}
