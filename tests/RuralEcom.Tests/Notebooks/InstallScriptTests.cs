namespace RuralEcom.Tests.Notebooks;

/// <summary>A fact that runs a bash script: skipped on Windows, which has no bash by default.</summary>
public sealed class BashFactAttribute : FactAttribute
{
    /// <summary>Decides whether the test can run here.</summary>
    public BashFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "scripts/install-jupyter-kernel.sh is a bash script; Windows has no bash by default.";
    }
}

/// <summary>scripts/install-jupyter-kernel.sh where Jupyter is missing: it stops before touching anything and says what to install.</summary>
public sealed class InstallScriptTests
{
    [BashFact]
    public void Without_Jupyter_the_install_script_says_what_to_install_and_exits_1()
    {
        var (exitCode, output) = TestProcess.Run("bash", [RepoPaths.Combine("scripts", "install-jupyter-kernel.sh")], RepoPaths.Root,
            new Dictionary<string, string> { ["JUPYTER"] = "/nonexistent/jupyter" }, TimeSpan.FromMinutes(1));

        Assert.Equal(1, exitCode);
        Assert.Contains("Jupyter is not installed", output);
        Assert.Contains("apt-get install -y jupyter-client python3-ipykernel jupyter-nbconvert", output);
        Assert.Contains("python3 -m pip install --user jupyterlab", output);
        Assert.DoesNotContain("== restoring", output);   // it stopped before restoring or building anything
    }
}
