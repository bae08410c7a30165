using System.Globalization;
using RuralEcom.Resampling;

namespace RuralEcom.Cli;

/// <summary>
/// A text progress bar for resampling runs, written to the command line's error stream so that results on standard
/// output stay clean. On a terminal it redraws one line ("\r[#####-----]  50 % permutations 5,000/10,000");
/// when the stream is redirected (a log file, a test) it writes a line at every tenth instead.
/// </summary>
/// <remarks>
/// ShellProgressBar (served here) was not used: it draws on System.Console directly, so its output cannot be sent to
/// the writer the command was given, which the in-process tests capture.
/// </remarks>
internal sealed class ProgressBar : IProgress<ResamplingProgress>
{
    private const int Width = 30;
    private readonly TextWriter _writer;
    private readonly bool _interactive;
    private readonly Lock _gate = new();
    private int _lastDrawn = -1;

    /// <summary>Creates a bar on <paramref name="writer"/>; it redraws in place only on a real terminal.</summary>
    public ProgressBar(TextWriter writer)
    {
        _writer = writer;
        _interactive = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
    }

    /// <inheritdoc />
    public void Report(ResamplingProgress value)
    {
        lock (_gate)
        {
            int percent = value.Total == 0 ? 100 : (int)(100L * value.Completed / value.Total);
            int step = _interactive ? percent : percent / 10 * 10;
            if (step == _lastDrawn) return;
            _lastDrawn = step;
            int filled = Width * percent / 100;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"[{new string('#', filled)}{new string('-', Width - filled)}] {percent,3} % {value.Stage} {value.Completed:N0}/{value.Total:N0}");
            if (_interactive)
            {
                _writer.Write('\r' + line);
                if (value.Completed >= value.Total) _writer.WriteLine();
            }
            else
            {
                _writer.WriteLine(line);
            }
        }
    }
}
