using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RuralEcom.Tests.Cli;

/// <summary>
/// Every command reads every format through one loader: detected or given separators, GBK, .xlsx, folders named as
/// files, --ignore-columns, and cells at the edges of a double. Each case ends in the right answer or exit code 2.
/// </summary>
public sealed class CliInputTests : IDisposable
{
    private static readonly string Linnerud = RepoPaths.Combine("data", "reference", "linnerud.csv");
    private static readonly string[] Sets = ["--x", "Weight,Waist,Pulse", "--y", "Chins,Situps,Jumps"];
    private readonly string _dir = Directory.CreateTempSubdirectory("ruralecom-cli-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static double[] Correlations(string output) =>
        JsonDocument.Parse(output).RootElement.GetProperty("canonicalCorrelations").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private string Copy(string name, Func<string, string> transform, Encoding? encoding = null)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, transform(File.ReadAllText(Linnerud)), encoding ?? new UTF8Encoding(false));
        return path;
    }

    [Theory]
    [InlineData(";", null)]
    [InlineData("\t", null)]
    [InlineData("|", "|")]
    [InlineData(";", "semicolon")]
    public void Any_common_separator_gives_the_comma_files_answer(string separator, string? option)
    {
        var reference = Correlations(CliRunner.Run(["cca", "--data", Linnerud, .. Sets]).Output);
        var file = Copy("sep.csv", t => t.Replace(",", separator, StringComparison.Ordinal));
        string[] args = option is null ? ["cca", "--data", file, .. Sets] : ["cca", "--data", file, "--separator", option, .. Sets];
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(0, code);
        Assert.Equal(reference, Correlations(output));
        if (option is null) Assert.Contains("-separated (detected; give --separator to choose another)", error);
    }

    [Fact]
    public void A_semicolon_file_read_with_commas_gets_a_separator_hint()
    {
        var file = Copy("semi.csv", t => t.Replace(",", ";", StringComparison.Ordinal));
        var (code, _, error) = CliRunner.Run(["cca", "--data", file, "--separator", ",", .. Sets]);
        Assert.Equal(2, code);
        Assert.Contains("the file seems to be separated by semicolon (;), not comma (,)", error);
        Assert.Contains("--separator ';'", error);
    }

    [Fact]
    public void A_gbk_file_is_read_like_the_utf8_one()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = Copy("gbk.csv", t => t.Replace("id,", "编号,", StringComparison.Ordinal), Encoding.GetEncoding(936));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(File.ReadAllBytes(file)));
        var (code, output, _) = CliRunner.Run(["cca", "--data", file, .. Sets]);
        Assert.Equal(0, code);
        Assert.Equal(Correlations(CliRunner.Run(["cca", "--data", Linnerud, .. Sets]).Output), Correlations(output));
    }

    [Fact]
    public void A_folder_passed_as_a_file_is_called_a_folder()
    {
        var (code, _, error) = CliRunner.Run(["cca", "--data", RepoPaths.Combine("data", "reference"), .. Sets]);
        Assert.Equal(2, code);
        Assert.Contains("This is a folder, not a file.", error);
        Assert.Contains("linnerud.csv", error);
        Assert.DoesNotContain("does not exist", error);
    }

    [Fact]
    public void Ignore_columns_must_exist_and_must_not_be_used()
    {
        Assert.Equal(0, CliRunner.Run(["cca", "--data", Linnerud, "--ignore-columns", "id", .. Sets]).ExitCode);
        var (code, _, error) = CliRunner.Run(["cca", "--data", Linnerud, "--ignore-columns", "Pulse", .. Sets]);
        Assert.Equal(2, code);
        Assert.Contains("Column Pulse is both used and listed in --ignore-columns", error);
        (code, _, error) = CliRunner.Run(["cca", "--data", Linnerud, "--ignore-columns", "notes", .. Sets]);
        Assert.Equal(2, code);
        Assert.Contains("--ignore-columns names notes, which is not in", error);
    }

    [Fact]
    public void A_bad_separator_option_is_explained()
    {
        var (code, _, error) = CliRunner.Run(["cca", "--data", Linnerud, "--separator", "ab", .. Sets]);
        Assert.Equal(2, code);
        Assert.Contains("--separator 'ab' is not a separator", error);
    }

    [Fact]
    public void An_underflowing_cell_is_an_error_naming_the_cell()
    {
        // 1e-400 is below the smallest double (4.9e-324): parsing it gives 0, which would change the result silently.
        var file = Copy("tiny.csv", t => t.Replace("1,191,36,50", "1,1e-400,36,50", StringComparison.Ordinal));
        foreach (var command in new[] { "cca", "permute", "bootstrap" })
        {
            var (code, output, error) = CliRunner.Run([command, "--data", file, .. Sets]);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Contains($"{file}, line 2, column 'Weight': '1e-400' is smaller in magnitude than a double can hold", error);
            Assert.DoesNotContain("   at ", error);
        }
    }

    [Fact]
    public void An_overflowing_cell_is_an_error_naming_the_cell()
    {
        var file = Copy("huge.csv", t => t.Replace("1,191,36,50", "1,1e400,36,50", StringComparison.Ordinal));
        var (code, _, error) = CliRunner.Run(["cca", "--data", file, .. Sets]);
        Assert.Equal(2, code);
        Assert.Contains("line 2, column 'Weight': '1e400' is larger in magnitude than a double can hold", error);
    }

    [Fact]
    public void An_xlsx_file_works_for_every_command_with_sheet()
    {
        var rows = File.ReadAllLines(Linnerud).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        var xlsx = RuralEcom.Tests.Data.PanelXlsxTests.WriteXlsx(rows);
        try
        {
            var reference = Correlations(CliRunner.Run(["cca", "--data", Linnerud, .. Sets]).Output);
            Assert.Equal(reference, Correlations(CliRunner.Run(["cca", "--data", xlsx, .. Sets]).Output));
            Assert.Equal(reference, Correlations(CliRunner.Run(["cca", "--data", xlsx, "--sheet", "Panel", .. Sets]).Output));
            Assert.Equal(0, CliRunner.Run(["permute", "--data", xlsx, "--permutations", "99", .. Sets]).ExitCode);
            var (code, _, error) = CliRunner.Run(["cca", "--data", xlsx, "--sheet", "Data", .. Sets]);
            Assert.Equal(2, code);
            Assert.Contains("The workbook has no sheet named 'Data'. Use one of: Panel.", error);
            (code, _, error) = CliRunner.Run(["cca", "--data", Linnerud, "--sheet", "Data", .. Sets]);
            Assert.Equal(2, code);
            Assert.Contains("A sheet ('Data') was given, but the file is not an Excel workbook", error);
        }
        finally { File.Delete(xlsx); }
    }

    [Theory]
    [InlineData(1e300)]
    [InlineData(1e-300)]
    public void Scaled_data_give_the_same_correlations(double scale)
    {
        // CCA is invariant to rescaling any column (the correlations of a·x and y are those of x and y). Data scaled by
        // 1e±300 still hold about 16 significant digits; only the route through sums of squares overflows or underflows.
        var reference = Correlations(CliRunner.Run(["cca", "--data", Linnerud, .. Sets]).Output);
        var file = Copy("scaled.csv", t => string.Join('\n', t.Split('\n').Select((line, i) => i == 0 || line.Length == 0 ? line
            : string.Join(',', line.Split(',').Select((cell, j) => j == 0 ? cell : (double.Parse(cell, CultureInfo.InvariantCulture) * scale).ToString("R", CultureInfo.InvariantCulture))))));
        var (code, output, error) = CliRunner.Run(["cca", "--data", file, .. Sets]);
        Assert.True(code == 0, error);
        var scaled = Correlations(output);
        for (int k = 0; k < reference.Length; k++) Assert.Equal(reference[k], scaled[k], 10);
    }
}

/// <summary>The report's panel options: empty cells fail with the option to drop them, or are dropped and listed.</summary>
public sealed class ReportMissingValuesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ruralecom-cli-missing-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Empty_cells_fail_by_default_and_missing_drop_leaves_those_rows_out()
    {
        // The SYNTHETIC panel with X3 of its third data row (file line 4) emptied, written semicolon-separated.
        var lines = File.ReadAllLines(RepoPaths.Combine("data", "synthetic", "synthetic-paper-shaped-panel.csv"));
        var cells = lines[3].Split(',');
        cells[4] = "";
        lines[3] = string.Join(',', cells);
        var file = Path.Combine(_dir, "gappy.csv");
        File.WriteAllLines(file, lines.Select(l => l.Replace(',', ';')));
        var (code, _, error) = CliRunner.Run("report", "--data", file, "--out", Path.Combine(_dir, "a"));
        Assert.Equal(2, code);
        Assert.Contains("line 4, column 'X3': 1 empty cell(s) in 1 row(s)", error);
        Assert.Contains("--missing drop", error);
        string output;
        (code, output, error) = CliRunner.Run("report", "--data", file, "--out", Path.Combine(_dir, "b"), "--missing", "drop");
        Assert.True(code == 0, error);
        Assert.Contains($"note: dropped line 4 ({cells[0]} {cells[1]}): empty X3", error);
        Assert.Contains("note: read " + file + " as semicolon-separated (detected", error);
        Assert.Contains("(n = 54)", output);
    }
}
