using System.Text.Json;
using RuralEcom.Tests.Data;

namespace RuralEcom.Tests.Cli;

/// <summary>
/// <c>cca</c> on Parquet, on a DuckDB query, and through the co-moment SQL (<c>--show-sql</c>, then <c>--moments</c>):
/// each agrees with the in-memory CSV route on SAS's fitness data (Linnerud), whose first canonical correlation SAS
/// prints as 0.795608.
/// </summary>
public class CcaLargeDataTests
{
    private static readonly string Linnerud = RepoPaths.Combine("data", "reference", "linnerud.csv");
    private static readonly string[] Sets = ["--x", "Weight,Waist,Pulse", "--y", "Chins,Situps,Jumps"];

    [Fact]
    public void Parquet_query_and_moments_routes_agree_with_the_csv_route()
    {
        using var files = new DuckDbFiles();
        var parquet = files.Parquet(Linnerud, "linnerud.parquet");
        var reference = Json(["cca", "--data", Linnerud, .. Sets]);
        Assert.Equal(0.795608, reference.GetProperty("canonicalCorrelations")[0].GetDouble(), 6);

        AssertAgrees(reference, Json(["cca", "--data", parquet, .. Sets]));
        AssertAgrees(reference, Json(["cca", "--sql", $"SELECT * FROM read_parquet('{parquet}') WHERE Weight > 0", .. Sets]));

        var (code, sql, error) = CliRunner.Run(["cca", "--show-sql", "--table", "fitness", .. Sets]);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        var moments = Path.Combine(files.Folder, "moments.csv");
        DuckDbFiles.Execute($"CREATE TABLE fitness AS SELECT * FROM read_csv('{Linnerud}'); COPY ({sql}) TO '{moments}' (HEADER)");
        AssertAgrees(reference, Json(["cca", "--moments", moments]));
    }

    [Fact]
    public void Markdown_names_the_parquet_file()
    {
        using var files = new DuckDbFiles();
        var parquet = files.Parquet(Linnerud, "fitness.parquet");
        var (code, output, _) = CliRunner.Run(["cca", "--data", parquet, .. Sets, "--format", "markdown"]);
        Assert.Equal(0, code);
        Assert.Contains("fitness.parquet", output);
    }

    [Theory]
    [InlineData("--sql", "SELECT 1", "--data", "x.csv")]
    [InlineData("--moments", "m.csv", "--x", "a")]
    [InlineData("--show-sql", "", "--data", "x.csv")]
    [InlineData("--table", "t", "--data", "x.csv")]
    public void Conflicting_options_exit_2_and_point_to_help(string option, string value, string other, string otherValue)
    {
        var args = new List<string> { "cca", option };
        if (value.Length > 0) args.Add(value);
        args.AddRange([other, otherValue]);
        if (option != "--moments") args.AddRange(Sets);
        var (code, _, error) = CliRunner.Run([.. args]);
        Assert.Equal(2, code);
        Assert.Contains("cca --help", error);
    }

    [Fact]
    public void Bad_data_and_names_exit_2_with_what_to_fix()
    {
        using var files = new DuckDbFiles();
        var csv = files.Csv("gaps.csv", ["a", "b", "c"], [["1", "2", "3"], ["4", null, "6"], ["7", "8", "9"]]);
        var parquet = files.Parquet(csv, "gaps.parquet");
        var (code, _, error) = CliRunner.Run(["cca", "--data", parquet, "--x", "a", "--y", "b,c"]);
        Assert.Equal(2, code);
        Assert.Contains("1 empty cell(s): row 2 column b.", error);
        (code, _, error) = CliRunner.Run(["cca", "--show-sql", "--table", "t", "--x", "a b", "--y", "c"]);
        Assert.Equal(2, code);
        Assert.Contains("needs quoting", error);
        Assert.DoesNotContain("   at ", error);
    }

    private static JsonElement Json(string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static void AssertAgrees(JsonElement expected, JsonElement actual)
    {
        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.GetProperty("n").GetInt32());
        foreach (var field in new[] { "canonicalCorrelations", "eigenvalues", "standardErrors" })
        {
            var e = expected.GetProperty(field).EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var a = actual.GetProperty(field).EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(e.Length, a.Length);
            for (int i = 0; i < e.Length; i++) Assert.True(Math.Abs(e[i] - a[i]) <= 1e-10 * Math.Abs(e[i]), $"{field}[{i}]: {e[i]} vs {a[i]}");
        }
        foreach (var set in new[] { "x", "y" })
        {
            var e = expected.GetProperty("rawCoefficients").GetProperty(set).EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(v => v.GetDouble()).ToArray();
            var a = actual.GetProperty("rawCoefficients").GetProperty(set).EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(v => v.GetDouble()).ToArray();
            for (int i = 0; i < e.Length; i++) Assert.True(Math.Abs(e[i] - a[i]) <= 1e-9 * Math.Abs(e[i]), $"raw {set}[{i}]: {e[i]} vs {a[i]}");
        }
    }
}
