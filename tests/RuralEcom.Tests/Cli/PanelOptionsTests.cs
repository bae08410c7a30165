using System.Text.Json;
using RuralEcom.Data;
using RuralEcom.Panels;

namespace RuralEcom.Tests.Cli;

/// <summary>The panel options of cca, permute and bootstrap, on SYNTHETIC panels written to a temporary folder.</summary>
public sealed class PanelOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ruralecom-panel-cli-").FullName;
    private static readonly string Xs = string.Join(",", SyntheticPanel.Truth.XNames);
    private static readonly string Ys = string.Join(",", SyntheticPanel.Truth.YNames);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string csv)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, csv);
        return path;
    }

    private string Simulated(SizeCondition condition, int seed) =>
        Write($"{condition}-{seed}.csv", PanelSimulator.Generate(PanelSizeStudy.Spec(condition, 7, 8), seed).ToCsv(6));

    private static JsonElement Cca(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(["cca", .. args, "--format", "json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    private static double WilksP(JsonElement json) => json.GetProperty("tests").GetProperty("wilks")[0].GetProperty("p").GetDouble();

    [Fact]
    public void CommonTrendsWithoutWithinRelation_TwoWayDoesNotReject_PooledDoes()
    {
        // Condition (a) of the size study: region effects and a common trend, no X-Y relation in any component.
        // The two-way test rejects about 5% of such panels (README table), so this seed's panel is one of the 95%.
        var path = Simulated(SizeCondition.NullTrendsAndRegionEffects, 11);
        var pooled = Cca("--data", path, "--x", Xs, "--y", Ys);
        var twoWay = Cca("--data", path, "--x", Xs, "--y", Ys, "--panel", "region,year", "--within", "twoway");
        Assert.True(WilksP(pooled) < 0.05, $"pooled p = {WilksP(pooled)}");
        Assert.True(WilksP(twoWay) > 0.05, $"two-way p = {WilksP(twoWay)}");
        Assert.Equal("twoway", twoWay.GetProperty("within").GetString());
        Assert.Equal(56 - 7 - 8 + 1, twoWay.GetProperty("effectiveN").GetInt32());
        Assert.Equal(14, twoWay.GetProperty("nuisanceRank").GetInt32());
    }

    [Fact]
    public void RealWithinRelation_BothReject()
    {
        var path = Simulated(SizeCondition.WithinRelation, 12);
        Assert.True(WilksP(Cca("--data", path, "--x", Xs, "--y", Ys)) < 0.05);
        Assert.True(WilksP(Cca("--data", path, "--x", Xs, "--y", Ys, "--panel", "region,year", "--within", "twoway")) < 0.05);
    }

    [Fact]
    public void WithoutPanelOptions_OutputIsUnchanged_AndWithinNoneKeepsTheNumbers()
    {
        var path = Simulated(SizeCondition.WithinRelation, 13);
        var (_, plain, _) = CliRunner.Run("cca", "--data", path, "--x", Xs, "--y", Ys, "--format", "json");
        Assert.DoesNotContain("effectiveN", plain);
        var none = Cca("--data", path, "--x", Xs, "--y", Ys, "--panel", "region,year");
        Assert.Equal(55, none.GetProperty("effectiveN").GetInt32());
        Assert.Equal(WilksP(JsonDocument.Parse(plain).RootElement), WilksP(none), 1e-15);
    }

    [Fact]
    public void PermuteWithWholeRegionBlocks_AndClusterBootstrap_Run()
    {
        var path = Simulated(SizeCondition.WithinRelation, 14);
        var (code, output, error) = CliRunner.Run("permute", "--data", path, "--x", Xs, "--y", Ys, "--panel", "region,year",
            "--within", "twoway", "--blocks", "whole-region", "--permutations", "99", "--format", "csv");
        Assert.True(code == 0, error);
        Assert.Contains("0.01", output); // 7! orderings; a strong within relation puts the observed Wilks first: p = 1/100
        (code, _, error) = CliRunner.Run("bootstrap", "--data", path, "--x", Xs, "--y", Ys, "--panel", "region,year",
            "--within", "twoway", "--cluster", "region", "--draws", "50");
        Assert.True(code == 0, error);
    }

    [Theory]
    [InlineData("dup", "appears twice")]
    [InlineData("single", "has a single year")]
    [InlineData("unbalanced", "missing: Region 07 2014")]
    [InlineData("small", "effective sample of n − r")]
    [InlineData("nopanel", "--within twoway needs --panel")]
    [InlineData("withinyear", "Within-year permutations move rows between regions")]
    public void PanelProblems_ExitWithCode2AndSayWhatToFix(string problem, string message)
    {
        var csv = PanelSimulator.Generate(PanelSizeStudy.Spec(SizeCondition.NullTrendsAndRegionEffects, 7, 8), 1).ToCsv(6);
        var lines = csv.TrimEnd('\n').Split('\n').ToList();
        string[] args = ["cca"];
        string[] extra = ["--panel", "region,year", "--within", "twoway"];
        switch (problem)
        {
            case "dup": lines[2] = lines[1]; break;
            case "single": lines.RemoveAll(l => l.StartsWith("Region 07,", StringComparison.Ordinal) && !l.StartsWith("Region 07,2014", StringComparison.Ordinal)); break;
            case "unbalanced": lines.RemoveAll(l => l.StartsWith("Region 07,2014", StringComparison.Ordinal)); args = ["permute", "--permutations", "9"]; extra = [.. extra, "--blocks", "whole-region"]; break;
            case "small": lines = lines.Take(1 + 3 * 8).ToList(); break; // 24 rows, ν = 24 − 3 − 8 + 1 = 14 < p + q + 1 = 20
            case "nopanel": extra = ["--within", "twoway"]; break;
            case "withinyear": args = ["permute", "--permutations", "9"]; extra = [.. extra, "--blocks", "within-year"]; break;
        }
        var path = Write(problem + ".csv", string.Join("\n", lines) + "\n");
        var (code, _, error) = CliRunner.Run([.. args, "--data", path, "--x", Xs, "--y", Ys, .. extra]);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
    }
}
