using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace RuralEcom.Tests.Notebooks;

/// <summary>
/// A fact that needs Jupyter (Python's jupyter_client) and Linux's /proc. Skipped, with the reason, on other systems
/// and where Jupyter is not installed, unless RURALECOM_REQUIRE_JUPYTER=1 (set by .ci/run, which installs Jupyter):
/// then a missing Jupyter fails the test instead.
/// </summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    /// <summary>Decides whether the test can run here.</summary>
    public JupyterFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "The listening sockets are read from Linux's /proc/net/tcp; this system has no /proc.";
        else if (JupyterKernelFixture.Python is null && Environment.GetEnvironmentVariable("RURALECOM_REQUIRE_JUPYTER") != "1")
            Skip = "Jupyter is not installed (no python3 with jupyter_client). Install it with " +
                   "`apt-get install -y jupyter-client python3-ipykernel jupyter-nbconvert` to run this test; .ci/run does.";
    }
}

/// <summary>Installs the kernel spec once, with scripts/install-jupyter-kernel.sh, into a temporary Jupyter data folder.</summary>
public sealed class JupyterKernelFixture : IDisposable
{
    /// <summary>A python3 that can import jupyter_client (Debian's /usr/bin/python3 first), or null.</summary>
    public static string? Python { get; } = new[] { "/usr/bin/python3", "python3" }.FirstOrDefault(p =>
        TestProcess.Run(p, ["-c", "import jupyter_client"], RepoPaths.Root, null, TimeSpan.FromMinutes(1)).ExitCode == 0);

    /// <summary>Creates the data folder with an unsafe F# spec (as a plain `dotnet interactive jupyter install` leaves it)
    /// and runs the install script into it.</summary>
    public JupyterKernelFixture()
    {
        DataDirectory = Directory.CreateTempSubdirectory("ruralecom-jupyter-").FullName;
        var fsharp = Path.Combine(DataDirectory, "kernels", ".net-fsharp");
        Directory.CreateDirectory(fsharp);
        File.WriteAllText(Path.Combine(fsharp, "kernel.json"),
            """{"argv": ["dotnet", "interactive", "jupyter", "--default-kernel", "fsharp", "{connection_file}", "--http-port-range", "2048-3000"], "display_name": ".NET (F#)", "language": "F#"}""");
        if (Python is not null) Install = InstallAgain();
    }

    /// <summary>The temporary JUPYTER_DATA_DIR.</summary>
    public string DataDirectory { get; }

    /// <summary>The first run of the install script: exit code and output (null when Jupyter is missing).</summary>
    public (int ExitCode, string Output)? Install { get; }

    /// <summary>The environment every Jupyter process of these tests gets.</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["JUPYTER_DATA_DIR"] = DataDirectory,
        ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>Runs scripts/install-jupyter-kernel.sh into <see cref="DataDirectory"/>.</summary>
    public (int ExitCode, string Output) InstallAgain() =>
        TestProcess.Run("bash", [RepoPaths.Combine("scripts", "install-jupyter-kernel.sh")], RepoPaths.Root, Environment, TimeSpan.FromMinutes(10));

    /// <summary>Deletes the temporary folder.</summary>
    public void Dispose() => Directory.Delete(DataDirectory, recursive: true);
}

/// <summary>
/// The Jupyter route of environment.md: scripts/install-jupyter-kernel.sh leaves a C# kernel spec whose kernel, once
/// started by Jupyter as the spec says, listens on 127.0.0.1 only; and a notebook runs through nbconvert with it.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class JupyterKernelTests(JupyterKernelFixture fixture) : IClassFixture<JupyterKernelFixture>
{
    private static void RequireJupyter() =>
        Assert.True(JupyterKernelFixture.Python is not null,
            "RURALECOM_REQUIRE_JUPYTER=1 but Jupyter is not installed: apt-get install -y jupyter-client python3-ipykernel jupyter-nbconvert");

    private JsonObject Spec(string name) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.DataDirectory, "kernels", name, "kernel.json")))!;

    [JupyterFact]
    public void Install_script_writes_only_a_local_only_csharp_spec_without_telemetry_and_fixes_older_specs()
    {
        RequireJupyter();
        Assert.True(fixture.Install!.Value.ExitCode == 0, fixture.Install.Value.Output);

        var again = fixture.InstallAgain();   // re-running must not lose the flag (the tool's own install did)
        Assert.True(again.ExitCode == 0, again.Output);

        var csharp = Spec(".net-csharp");
        var argv = ((JsonArray)csharp["argv"]!).Select(a => (string)a!).ToList();
        Assert.Equal(1, argv.Count(a => a == "--http-local-only"));
        Assert.Equal(["dotnet", "interactive", "jupyter", "--default-kernel", "csharp", "{connection_file}"], argv.Take(6));
        foreach (var name in new[] { "DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT", "DOTNET_CLI_TELEMETRY_OPTOUT", "POWERSHELL_TELEMETRY_OPTOUT" })
            Assert.Equal("1", (string?)csharp["env"]?[name]);
        Assert.Contains("--http-local-only", ((JsonArray)Spec(".net-fsharp")["argv"]!).Select(a => (string)a!));
        Assert.Equal("1", (string?)Spec(".net-fsharp")["env"]?["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"]);
        Assert.False(Directory.Exists(Path.Combine(fixture.DataDirectory, "kernels", ".net-powershell")));
        Assert.True(File.Exists(RepoPaths.Combine("bin", "Release", "net10.0", "RuralEcom.dll")));
    }

    [JupyterFact]
    public void Kernel_started_from_the_spec_listens_only_on_127_0_0_1()
    {
        RequireJupyter();
        Assert.True(fixture.Install!.Value.ExitCode == 0, fixture.Install.Value.Output);
        var driver = Path.Combine(fixture.DataDirectory, "drive-kernel.py");
        // Starts the kernel as Jupyter does (from its spec, in the notebooks' folder), runs a cell that loads the
        // library, prints the kernel's process id and waits for a line on stdin before shutting the kernel down.
        File.WriteAllText(driver, """
            import sys
            from jupyter_client.manager import start_new_kernel
            km, kc = start_new_kernel(kernel_name=".net-csharp", cwd=sys.argv[1], startup_timeout=300)
            try:
                reply = kc.execute_interactive('#r "../bin/Release/net10.0/RuralEcom.dll"\nRuralEcom.LibraryInfo.Version', timeout=300, output_hook=lambda m: None)
                print("CELL", reply["content"]["status"], flush=True)
                print("PID", km.provisioner.process.pid, flush=True)
                sys.stdin.readline()
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
            """.Replace("\n            ", "\n"));
        var info = new ProcessStartInfo(JupyterKernelFixture.Python!)
        {
            WorkingDirectory = RepoPaths.Combine("notebooks"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(driver);
        info.ArgumentList.Add(RepoPaths.Combine("notebooks"));
        foreach (var (k, v) in fixture.Environment) info.Environment[k] = v;
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var cell = ReadLine(process, "CELL ");
            // (The messages are built only on failure: building one stops the driver and its kernel.)
            if (cell != "ok") Assert.Fail($"the kernel could not run a cell that loads the library ({cell}):\n{Finish(process, stderr)}");
            var kernelPid = int.Parse(ReadLine(process, "PID ")!, CultureInfo.InvariantCulture);

            var tree = ProcessTree(kernelPid);
            var listening = ListeningSockets(tree);

            if (listening.Count == 0)
                Assert.Fail($"the kernel's processes ({string.Join(", ", tree.Select(CommandLine))}) listen on no TCP port at all. The driver's log:\n{Finish(process, stderr)}");
            Assert.Contains(listening, s => s.Port is >= 2048 and <= 3000);   // its HTTP server is up, so the check means something
            var exposed = listening.Where(s => !IPAddress.IsLoopback(s.Address)).ToList();
            Assert.True(exposed.Count == 0, "the kernel listens beyond the loopback interface: " + string.Join(", ", exposed));
        }
        finally
        {
            Finish(process, stderr);
        }
    }

    [JupyterFact]
    public void A_notebook_runs_through_nbconvert_with_the_installed_kernel()
    {
        RequireJupyter();
        Assert.True(fixture.Install!.Value.ExitCode == 0, fixture.Install.Value.Output);
        var outDir = Path.Combine(fixture.DataDirectory, "nbconvert");

        var (exitCode, output) = TestProcess.Run(JupyterKernelFixture.Python!,
            ["-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=600",
             "--ExecutePreprocessor.record_timing=False", "--output-dir", outDir, "notebooks/00-overview.ipynb"],
            RepoPaths.Root, fixture.Environment, TimeSpan.FromMinutes(10));

        Assert.True(exitCode == 0, output);
        var run = File.ReadAllText(Path.Combine(outDir, "00-overview.ipynb"));
        Assert.Contains("The paper's study design", run);
        Assert.DoesNotContain("\"output_type\": \"error\"", run);
    }

    private static string? ReadLine(Process process, string prefix)
    {
        var reader = process.StandardOutput;
        var read = Task.Run(() =>
        {
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
                if (line.StartsWith(prefix, StringComparison.Ordinal)) return line[prefix.Length..];
            return null;
        });
        Assert.True(read.Wait(TimeSpan.FromMinutes(6)), $"no '{prefix.Trim()}' line from the kernel driver within 6 minutes");
        return read.Result ?? throw new InvalidOperationException($"the kernel driver ended before printing '{prefix.Trim()}'");
    }

    private static string Finish(Process process, Task<string> stderr)
    {
        if (!process.HasExited)
        {
            process.StandardInput.WriteLine();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1))) process.Kill(entireProcessTree: true);
        }
        process.WaitForExit();
        return stderr.Wait(TimeSpan.FromSeconds(10)) ? stderr.Result : "";
    }

    private static string CommandLine(int pid)
    {
        try { return $"{pid}: {File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim()}"; }
        catch (IOException) { return $"{pid}: (ended)"; }
    }

    /// <summary><paramref name="root"/> and all its descendants, from the parent ids in /proc/PID/stat.</summary>
    private static HashSet<int> ProcessTree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // pid (comm) state ppid ...; comm may hold spaces and parentheses, so read after the last ')'.
                parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            }
            catch (IOException) { }   // the process ended meanwhile
        }
        var tree = new HashSet<int> { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
                if (tree.Contains(parent) && tree.Add(pid)) grew = true;
        }
        return tree;
    }

    /// <summary>The TCP sockets in state LISTEN that the processes own (from /proc/net/tcp and tcp6).</summary>
    private static List<IPEndPoint> ListeningSockets(HashSet<int> processes)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pid in processes)
        {
            try
            {
                foreach (var fd in Directory.GetFiles($"/proc/{pid}/fd"))
                {
                    var target = new FileInfo(fd).LinkTarget;
                    if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)) inodes.Add(target[8..^1]);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        var sockets = new List<IPEndPoint>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f[3] != "0A" || !inodes.Contains(f[9])) continue;   // 0A = LISTEN; field 9 = inode
                var (hex, port) = (f[1].Split(':')[0], int.Parse(f[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                // The kernel prints each 32-bit word of the address in host (little-endian) order.
                var bytes = Enumerable.Range(0, hex.Length / 8)
                    .SelectMany(w => Convert.FromHexString(hex.Substring(8 * w, 8)).Reverse()).ToArray();
                var address = new IPAddress(bytes);
                sockets.Add(new IPEndPoint(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, port));
            }
        return sockets;
    }
}
