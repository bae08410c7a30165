using System.Text.Json;

namespace RuralEcom.Tests.Cli;

/// <summary>The audit command: exit codes, formats, escaping and errors for malformed tables.</summary>
public class AuditCommandTests
{
    private static string Audit(string file) => RepoPaths.Combine("data", "audit", file);

    [Theory]
    [InlineData("sas-fitness-cancorr.csv", 0)]
    [InlineData("r-cancor-lifecyclesavings.csv", 0)]
    [InlineData("template.csv", 0)]
    [InlineData("sas-fitness-cancorr-corrupted.csv", 1)]
    public void Exit_code_is_0_for_correct_tables_and_1_when_something_is_flagged(string file, int expected)
    {
        var (code, output, error) = CliRunner.Run("audit", "--table", Audit(file));
        Assert.Equal(expected, code);
        Assert.Equal("", error);
        Assert.Contains("| Section | Item | Reported | Recomputed | Verdict | Explanation |", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_papers_table_exits_1_and_json_lists_the_impossible_figures()
    {
        var (code, output, _) = CliRunner.Run("audit", "--table", RepoPaths.Combine("data", "paper", "qiu-2022-reported-tables.csv"), "--format", "json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("passes").GetBoolean());
        var impossible = root.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("verdict").GetString() == "impossible")
            .Select(f => f.GetProperty("item").GetString()).ToArray();
        Assert.Contains("r9", impossible);
        Assert.Contains("V3: 0.56x_{10}", impossible);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("designSearch").ValueKind);
    }

    [Fact]
    public void The_corrupted_copy_in_csv_flags_exactly_two_rows()
    {
        var (code, output, _) = CliRunner.Run("audit", "--table", Audit("sas-fitness-cancorr-corrupted.csv"), "--format", "csv");
        Assert.Equal(1, code);
        var flagged = output.Split('\n').Where(l => l.Contains(",INCONSISTENT,", StringComparison.Ordinal) || l.Contains(",IMPOSSIBLE,", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, flagged.Length);
        Assert.StartsWith("Test of H0,\"row 1, Den DF\",43.223,34.223,INCONSISTENT", flagged[0], StringComparison.Ordinal);
        Assert.StartsWith("Test of H0,\"row 2, Sig.\",0.0491,", flagged[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Latex_output_and_out_folder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ruralecom-audit-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, _) = CliRunner.Run("audit", "--table", Audit("sas-fitness-cancorr.csv"), "--format", "latex", "--out", dir);
            Assert.Equal(0, code);
            Assert.Contains("wrote", output, StringComparison.Ordinal);
            var tex = File.ReadAllText(Path.Combine(dir, "audit.tex"));
            Assert.StartsWith("\\begin{table}", tex, StringComparison.Ordinal);
            Assert.Contains("Pr > F", File.ReadAllText(Audit("sas-fitness-cancorr.csv")), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void With_search_the_json_holds_the_best_designs()
    {
        var (code, output, _) = CliRunner.Run("audit", "--table", Audit("sas-fitness-cancorr.csv"), "--format", "json", "--search");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var best = doc.RootElement.GetProperty("designSearch").GetProperty("best")[0];
        // SAS's printed Wilks, Den DF and p-values are all reproduced (9 rows) by the stated design n = 20, p = q = 3.
        Assert.Equal(9, best.GetProperty("rowsExplained").GetInt32());
    }

    [Fact]
    public void Markup_in_the_table_file_is_escaped_in_every_format()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ruralecom-audit-markup-{Guid.NewGuid():N}.csv");
        var text = File.ReadAllText(Audit("template.csv")).Replace("Table 3,", "<script>alert(1)</script> $x$ & _y_,", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        try
        {
            var (md, markdown, _) = CliRunner.Run("audit", "--table", path);
            Assert.Equal(0, md);
            Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
            Assert.Contains("\\<script\\>", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("\\\\<", markdown, StringComparison.Ordinal); // escaped once: "\\<" would leave a live "<"
            var (_, latex, _) = CliRunner.Run("audit", "--table", path, "--format", "latex");
            Assert.Contains("\\$x\\$ \\& \\_y\\_", latex, StringComparison.Ordinal);
            var (_, json, _) = CliRunner.Run("audit", "--table", path, "--format", "json");
            Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
            using var doc = JsonDocument.Parse(json);
            Assert.StartsWith("<script>", doc.RootElement.GetProperty("findings")[0].GetProperty("section").GetString(), StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("Table 3,correlations,canonical correlation,2,0.455,,", "Table 3,correlations,canonical correlation,2,0.4x5,,", "line 8", "reported")]
    [InlineData("Table 4,tests,F,1,29.26,,", "Table 4,tests,Fstat,1,29.26,,", "line 11", "item")]
    [InlineData("Table 1,design,p,,2,,number of variables in the first set", "Table 1,design,p,,two,,", "line 4", "reported")]
    [InlineData("Table 3,correlations,canonical correlation,2,0.455,,", "Table 3,correlations,canonical correlation,0,0.455,,", "line 8", "position")]
    [InlineData("Table 3,correlations,canonical correlation,2,0.455,,", "Table 3,correlations,canonical correlation,2,0.455", "line 8", "variable")]
    public void Malformed_tables_exit_2_naming_the_line_and_the_field(string line, string replacement, string where, string field)
    {
        string path = Path.Combine(Path.GetTempPath(), $"ruralecom-audit-bad-{Guid.NewGuid():N}.csv");
        var text = File.ReadAllText(Audit("template.csv"));
        Assert.Contains(line, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(line, replacement, StringComparison.Ordinal));
        try
        {
            var (code, output, error) = CliRunner.Run("audit", "--table", path);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Contains($"{where}, column '{field}'", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_missing_file_or_a_folder_exits_2()
    {
        var (code, _, error) = CliRunner.Run("audit", "--table", "no-such-table.csv");
        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        var (code2, _, error2) = CliRunner.Run("audit", "--table", RepoPaths.Combine("data", "audit"));
        Assert.Equal(2, code2);
        Assert.Contains("is a folder", error2, StringComparison.Ordinal);
    }
}
