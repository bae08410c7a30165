namespace RuralEcom.Tests.Cli;

/// <summary>Every mistake a user can make ends with exit code 2 and a message on standard error that says what to fix.</summary>
public class CcaCommandErrorTests
{
    private static readonly string Linnerud = RepoPaths.Combine("data", "reference", "linnerud.csv");

    [Theory]
    [InlineData("--x", "Weight", "--y", "Chins")]                                       // no --data
    [InlineData("--data", "PLACEHOLDER", "--y", "Chins")]                                // no --x
    [InlineData("--data", "PLACEHOLDER", "--x", "Weight", "--y", "Chins", "--format", "xml")]
    [InlineData("--data", "PLACEHOLDER", "--x", "Weight", "--y", "Chins", "--method", "svd")]
    [InlineData("--data", "PLACEHOLDER", "--x", "Weight", "--y", "Chins", "--colour", "red")]
    public void Bad_arguments_exit_2_and_point_to_help(params string[] rest)
    {
        var args = new[] { "cca" }.Concat(rest.Select(a => a == "PLACEHOLDER" ? Linnerud : a)).ToArray();
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error);
        Assert.Contains("cca --help", error);
    }

    [Fact]
    public void No_command_exits_2()
    {
        var (code, _, error) = CliRunner.Run();
        Assert.Equal(2, code);
        Assert.Contains("--help", error);
    }

    [Fact]
    public void Help_exits_0_and_lists_the_options()
    {
        var (code, output, error) = CliRunner.Run("cca", "--help");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        foreach (var option in new[] { "--data", "--x", "--y", "--format", "--out", "--method" }) Assert.Contains(option, output);
        Assert.Contains("cca", CliRunner.Run("--help").Output);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var (code, _, error) = CliRunner.Run("cca", "--data", "no/such/file.csv", "--x", "a", "--y", "b");
        Assert.Equal(2, code);
        Assert.Contains("file.csv", error);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void An_unknown_column_is_named_with_the_columns_there_are()
    {
        var (code, _, error) = CliRunner.Run("cca", "--data", Linnerud, "--x", "Weight,Height", "--y", "Chins");
        Assert.Equal(2, code);
        Assert.Contains("Height", error);
        Assert.Contains("Waist", error);
    }

    [Theory]
    [InlineData("Weight,,Waist", "empty column name")]
    [InlineData("Weight,Weight", "twice")]
    public void Malformed_column_lists_are_explained(string x, string expected)
    {
        var (code, _, error) = CliRunner.Run("cca", "--data", Linnerud, "--x", x, "--y", "Chins");
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_column_in_both_sets_is_refused()
    {
        var (code, _, error) = CliRunner.Run("cca", "--data", Linnerud, "--x", "Weight,Waist", "--y", "Waist,Chins");
        Assert.Equal(2, code);
        Assert.Contains("Waist is in both", error);
    }

    [Fact]
    public void Data_the_analysis_cannot_use_gives_the_library_message()
    {
        // A small file whose column c is constant.
        var file = Path.Combine(Path.GetTempPath(), $"ruralecom-cli-test-{Environment.ProcessId}-constant.csv");
        var rows = Enumerable.Range(1, 12).Select(i => $"{i},{i * i % 7},{(i * 5) % 11},3");
        File.WriteAllLines(file, ["id,a,b,c", .. rows]);
        try
        {
            var (code, output, error) = CliRunner.Run("cca", "--data", file, "--x", "a", "--y", "b,c");
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Contains("c is constant", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Too_few_samples_give_the_minimum()
    {
        // The header and the first 7 of the 20 samples: 3 + 3 variables need at least 8.
        var wide = Path.Combine(Path.GetTempPath(), $"ruralecom-cli-test-{Environment.ProcessId}-short.csv");
        File.WriteAllLines(wide, File.ReadAllLines(Linnerud).Take(8));
        try
        {
            var (shortCode, _, shortError) = CliRunner.Run("cca", "--data", wide, "--x", "Weight,Waist,Pulse", "--y", "Chins,Situps,Jumps");
            Assert.Equal(2, shortCode);
            Assert.Contains("at least p + q + 2 = 8", shortError);
        }
        finally
        {
            File.Delete(wide);
        }
    }
}
