using RuralEcom.Data;
using RuralEcom.Resampling;

namespace RuralEcom.Tests.Cli;

/// <summary>Resampling counts, empty output folders and p-values at the resolution of a permutation test.</summary>
public class CliLimitsTests
{
    private static readonly string Linnerud = RepoPaths.Combine("data", "reference", "linnerud.csv");
    private static readonly string[] Sets = ["--data", Linnerud, "--x", "Weight,Waist,Pulse", "--y", "Chins,Situps,Jumps"];

    [Theory]
    [InlineData("permute", "--permutations", "1000000000")]
    [InlineData("permute", "--permutations", "700000000")]
    [InlineData("bootstrap", "--draws", "1000000000")]
    [InlineData("bootstrap", "--draws", "700000000")]
    public void Huge_resampling_counts_are_refused_at_once_with_the_limit(string command, string option, string count)
    {
        // 7e8 permutations of Linnerud keep 7e8 × 3 × 2 doubles = 33.6 GB; the run used to start allocating them.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (code, output, error) = CliRunner.Run([command, .. Sets, option, count]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"error: {option} {long.Parse(count):N0} would ", error);
        Assert.Contains("Ask for at most ", error);
        Assert.DoesNotContain("internal error", error);
        Assert.DoesNotContain("[", error); // no progress bar: refused before any replicate
        Assert.True(started.Elapsed.TotalSeconds < 10, $"took {started.Elapsed}");
    }

    [Fact]
    public void A_count_that_is_not_an_integer_is_a_usage_error()
    {
        var (code, _, error) = CliRunner.Run(["permute", .. Sets, "--permutations", "1e9"]);
        Assert.Equal(2, code);
        Assert.Contains("--permutations", error);
    }

    [Theory]
    [InlineData("cca")]
    [InlineData("permute")]
    [InlineData("bootstrap")]
    [InlineData("report")]
    [InlineData("import-nbs")]
    public void An_empty_out_is_a_clear_error(string command)
    {
        string[] args = command switch
        {
            "report" => ["report", "--data", RepoPaths.Combine("data", "synthetic", "synthetic-paper-shaped-panel.csv"), "--out", ""],
            "import-nbs" => ["import-nbs", "--dir", RepoPaths.Combine("data", "nbs"), "--out", " "],
            _ => [command, .. Sets, "--out", ""],
        };
        var (code, _, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Contains("--out is empty; give a folder name", error);
        Assert.DoesNotContain("internal error", error);
    }

    [Fact]
    public void P_values_at_the_floor_print_as_less_than_one_over_B_plus_one_also_in_csv()
    {
        // Linnerud's Weight and Waist: r = 0.870 on n = 20, whose t-test p-value is about 6e-7 (t = 7.5 on 18 df), so
        // none of 199 permutations reaches it and the estimate sits at the floor 1/(B+1) = 1/200.
        var d = ReferenceData.Linnerud();
        var x = new double[20, 1];
        var y = new double[20, 1];
        for (int i = 0; i < 20; i++) { x[i, 0] = d.X[i, 0]; y[i, 0] = d.X[i, 1]; }
        var library = PermutationTest.Test(x, y, 199, 3);
        Assert.Equal(0, library.Rows[0].CorrelationExceedances);
        Assert.Equal(1.0 / 200, library.Rows[0].PCorrelation, 15);
        string[] pair = ["--data", Linnerud, "--x", "Weight", "--y", "Waist"];
        var (code, output, _) = CliRunner.Run(["permute", .. pair, "--permutations", "199", "--seed", "3", "--format", "csv"]);
        Assert.Equal(0, code);
        var firstRow = output.Split('\n')[1].Split(',');
        Assert.Equal("< 1/200", firstRow[3]);
        Assert.DoesNotContain("0.0000", output);
        var markdown = CliRunner.Run(["permute", .. pair, "--permutations", "199", "--seed", "3"]).Output;
        Assert.Contains("| \\< 1/200 |", markdown); // Markdown: the < is escaped so that it can never open a tag
        Assert.Contains("no permuted statistic was as extreme as the observed one", markdown);
    }
}
