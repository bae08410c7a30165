using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RuralEcom.NotebookTools;

namespace RuralEcom.Tests.Notebooks;

/// <summary>The notebook tests run one at a time: each starts a dotnet-repl process that is heavy on 2 cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection : ICollectionFixture<NotebookFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Notebooks";
}

/// <summary>
/// Prepares the notebook runs once: restores the pinned local tools (dotnet-repl) and makes sure
/// bin/Release/net10.0/RuralEcom.dll, the file every notebook's <c>#r</c> loads, is the library under test.
/// </summary>
public sealed class NotebookFixture : IDisposable
{
    /// <summary>Restores tools, checks the Release library and creates a temporary output folder.</summary>
    public NotebookFixture()
    {
        Runner = new NotebookRunner(RepoPaths.Root);
        RunDotnet("tool", "restore");
        // `dotnet test -c Release` builds the referenced library into bin/Release/net10.0/ first. In another
        // configuration (or after a stale build) that file is not the assembly these tests loaded: build it.
        var releaseDll = RepoPaths.Combine("bin", "Release", "net10.0", "RuralEcom.dll");
        if (!File.Exists(releaseDll) || ModuleVersionId(releaseDll) != typeof(LibraryInfo).Module.ModuleVersionId)
            RunDotnet("build", "RuralEcom.Lib.csproj", "-c", "Release", "--nologo", "-v", "q");
        OutDirectory = Directory.CreateTempSubdirectory("ruralecom-notebook-tests-").FullName;
    }

    /// <summary>The runner over the repository.</summary>
    public NotebookRunner Runner { get; }

    /// <summary>A temporary folder the run notebooks are written to (never the committed files).</summary>
    public string OutDirectory { get; }

    /// <summary>Runs one notebook through <see cref="NotebookBatch"/> into <see cref="OutDirectory"/>.</summary>
    /// <param name="notebook">The notebook's path.</param>
    /// <returns>The result and the report the runner printed.</returns>
    public async Task<(NotebookResult Result, string Log)> RunAsync(string notebook)
    {
        using var log = new StringWriter();
        var results = await NotebookBatch.RunAsync(Runner, [notebook], OutDirectory, log);
        return (Assert.Single(results), log.ToString());
    }

    /// <summary>Deletes the temporary folder.</summary>
    public void Dispose() => Directory.Delete(OutDirectory, recursive: true);

    private static Guid ModuleVersionId(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        return reader.GetGuid(reader.GetModuleDefinition().Mvid);
    }

    private static void RunDotnet(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`dotnet {string.Join(' ', args)}` failed with exit code {process.ExitCode}:\n{stdout}\n{stderr.Result}");
    }
}
