using System.Diagnostics;
using System.Text;

namespace RuralEcom.Tests.Notebooks;

/// <summary>Runs an external program (dotnet, python3, bash) for the notebook-route tests.</summary>
internal static class TestProcess
{
    /// <summary>Runs a program to its end and returns its exit code and its standard output followed by its error.</summary>
    /// <param name="file">The program.</param>
    /// <param name="args">Its arguments.</param>
    /// <param name="folder">Its working directory.</param>
    /// <param name="environment">Extra environment variables, or null.</param>
    /// <param name="timeout">After this long the program and its children are killed and the exit code is −1.</param>
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, string folder,
        IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        try
        {
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{file} did not finish within {timeout.TotalMinutes} minutes.");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{file} could not be started: {e.Message}");
        }
    }
}
