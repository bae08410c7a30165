using System.CommandLine;
using RuralEcom.Cca;
using RuralEcom.Data;

namespace RuralEcom.Cli;

/// <summary>
/// Entry point of the <c>ruralecom</c> command line. Each command lives in its own file and registers itself in
/// <see cref="Commands"/>; this class only parses, dispatches and turns user errors into exit code 2.
/// </summary>
/// <remarks>
/// Parsing uses System.CommandLine 2.0.0 (the first stable release: no dependencies, generates --help and checks
/// option values), rather than a hand-written parser, so that new commands get help and validation for free.
/// Its own parse errors would exit with code 1, so they are reported here instead, with exit code 2.
/// </remarks>
public static class Program
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code for errors the user can fix: bad arguments, unreadable files, data the analysis cannot use.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for an unexpected internal error (a bug: please report it with the command line).</summary>
    public const int InternalError = 1;

    /// <summary>The commands, one factory per file; add a new command by adding its factory here.</summary>
    private static readonly Func<Command>[] Commands =
        [CcaCommand.Create, ReportCommand.Create, ResampleCommands.CreatePermute, ResampleCommands.CreateBootstrap, ImportNbsCommand.Create, AuditCommand.Create];

    /// <summary>Runs the command line with the process's standard output and error.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <returns>The exit code: 0 success, 2 user error, 1 internal error.</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line in-process, writing to the given writers (used by tests).</summary>
    /// <param name="args">The arguments after the program name, e.g. <c>["cca", "--data", "f.csv", ...]</c>.</param>
    /// <param name="output">Where results and help go.</param>
    /// <param name="error">Where error messages go.</param>
    /// <returns>The exit code: 0 success, 2 user error, 1 internal error.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = new RootCommand("RuralEcom: canonical correlation analysis of two sets of indicators, as in Qiu et al.'s study of rural e-commerce and urban-rural integration.");
        foreach (var create in Commands) root.Add(create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine($"error: {e.Message}");
            var command = parsed.CommandResult.Command;
            var name = command is RootCommand ? root.Name : $"{root.Name} {command.Name}";
            error.WriteLine($"Run '{name} --help' to see the options.");
            return UsageError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is CliException or CcaDataException or PanelFormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return UsageError;
        }
        catch (Exception e)
        {
            error.WriteLine($"internal error ({e.GetType().Name}): {e.Message}");
            error.WriteLine("This is a bug in ruralecom; please report it with the command line that caused it.");
            return InternalError;
        }
    }
}
