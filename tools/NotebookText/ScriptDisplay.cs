using System.Collections;
using System.Globalization;
using System.Text;
using RuralEcom.Plots;

namespace RuralEcom.NotebookText;

/// <summary>
/// What <c>display(...)</c> and a cell's last expression do in the file-based apps under <c>notebooks/scripts/</c>:
/// the text-mode counterpart of <c>notebooks/setup.csx</c>. A <see cref="Table"/> is printed as an aligned
/// Markdown table (title, header, rows, note), a <see cref="Figure"/> as one line naming it (and saved as PNG
/// when the script was started with <c>--figures DIR</c>), anything else as its text.
/// </summary>
/// <remarks>
/// The generated scripts call <see cref="Start"/> first, then use <see cref="display"/> through
/// <c>using static RuralEcom.NotebookText.ScriptDisplay;</c>, so notebook code that calls <c>display(x)</c> and
/// <c>display(x).Update(y)</c> compiles unchanged. Output goes to standard output.
/// </remarks>
public static class ScriptDisplay
{
    private static string? _figureFolder;
    private static string _scriptName = "script";
    private static int _figureCount;

    /// <summary>
    /// Reads the script's command line and moves to the notebooks' folder, so that the notebook's relative paths
    /// (<c>../data/...</c>) resolve as they do in the notebook kernel.
    /// </summary>
    /// <param name="args">The script's arguments: nothing, <c>--figures DIR</c> or <c>--help</c>.</param>
    /// <param name="scriptName">The script's name, used in help text and figure file names.</param>
    /// <returns>False when the script should stop at once (help shown, or a bad argument), with
    /// <see cref="Environment.ExitCode"/> set to 0 or 2.</returns>
    public static bool Start(string[] args, string scriptName)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentException.ThrowIfNullOrWhiteSpace(scriptName);
        _scriptName = scriptName;
        var usage = $"Usage: dotnet run --file notebooks/scripts/{scriptName}.cs [-- --figures DIR]\n" +
                    "Prints the notebook's tables as text. --figures DIR also saves its figures as PNG files in DIR.";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-h" or "--help") { Console.WriteLine(usage); Environment.ExitCode = 0; return false; }
            if (args[i] == "--figures" && i + 1 < args.Length) { _figureFolder = Path.GetFullPath(args[++i]); continue; }
            Console.Error.WriteLine(args[i] == "--figures"
                ? "--figures needs a folder: --figures DIR"
                : $"Unknown argument '{args[i]}'.\n{usage}");
            Environment.ExitCode = 2;
            return false;
        }
        // .NET 10 gives a file-based app the folder of its .cs file; the notebooks live one level above scripts/.
        if (AppContext.GetData("EntryPointFileDirectoryPath") is string scriptFolder)
            Directory.SetCurrentDirectory(Path.GetDirectoryName(Path.GetFullPath(scriptFolder)) ?? scriptFolder);
        return true;
    }

    /// <summary>Prints a notebook heading (a Markdown line starting with #) with a blank line before and after it.</summary>
    /// <param name="heading">The heading line as written in the notebook, e.g. <c>## 2. Test the pairs</c>.</param>
    public static void Heading(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        Console.WriteLine();
        Console.WriteLine(heading);
        Console.WriteLine();
    }

    /// <summary>Shows <paramref name="value"/> as text, as the notebook kernel would show it as HTML or PNG.</summary>
    /// <param name="value">A table, figure, string, number, sequence or any other object.</param>
    /// <returns>A handle whose <see cref="TextDisplay.Update"/> prints a new value in its place (here: below).</returns>
    // The lower-case name is the notebook kernel's, so that notebook code compiles unchanged.
#pragma warning disable IDE1006
    public static TextDisplay display(object? value)
#pragma warning restore IDE1006
    {
        Console.WriteLine(Render(value));
        return new TextDisplay();
    }

    /// <summary>
    /// Shows text the notebook shows with an explicit MIME type (the kernel's <c>DisplayAs</c>), e.g. Markdown: as
    /// plain text, which is how Markdown reads in a terminal.
    /// </summary>
    /// <param name="value">The text.</param>
    /// <param name="mimeType">The notebook's MIME type (e.g. text/markdown); text is printed as is whatever it is.</param>
    public static TextDisplay DisplayAs(this string value, string mimeType)
    {
        ArgumentNullException.ThrowIfNull(mimeType);
        return display(value);
    }

    /// <summary>The text <see cref="display"/> prints for <paramref name="value"/>; a figure is saved when asked.</summary>
    /// <param name="value">The value to show.</param>
    public static string Render(object? value) => value switch
    {
        null => "(null)",
        string s => s,
        Table t => TableText(t),
        LabeledMatrix m => TableText(m.ToTable("")),
        Figure f => FigureText(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join("\n", items.Cast<object?>().Select(Render)),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// A table as aligned GitHub Markdown: the title, the header, one line per row (numbers right-aligned, '|' in a
    /// cell escaped as <c>\|</c>, a line break as a space) and the note. Chinese and other wide characters count as two columns.
    /// </summary>
    /// <param name="table">The table.</param>
    public static string TableText(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        static string Esc(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        var columns = table.Columns.Count;
        var header = table.Columns.Select(Esc).ToArray();
        var cells = Enumerable.Range(0, table.Rows.Count)
            .Select(r => Enumerable.Range(0, columns).Select(c => Esc(table.CellText(r, c))).ToArray()).ToArray();
        var numeric = Enumerable.Range(0, columns)
            .Select(c => table.Rows.Count > 0 && table.Rows.All(row => row[c] is null or int or long or double)).ToArray();
        var widths = Enumerable.Range(0, columns)
            .Select(c => Math.Max(3, cells.Select(row => Width(row[c])).Append(Width(header[c])).Max())).ToArray();

        var sb = new StringBuilder();
        if (table.Title.Length > 0) sb.Append(table.Title).Append("\n\n");
        AppendRow(sb, header, widths, numeric);
        sb.Append('|');
        for (var c = 0; c < columns; c++)
            sb.Append(' ').Append(new string('-', numeric[c] ? widths[c] - 1 : widths[c])).Append(numeric[c] ? ":" : "").Append(" |");
        sb.Append('\n');
        foreach (var row in cells) AppendRow(sb, row, widths, numeric);
        if (table.Note is not null) sb.Append('\n').Append(table.Note).Append('\n');
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, string[] row, int[] widths, bool[] numeric)
    {
        sb.Append('|');
        for (var c = 0; c < row.Length; c++)
        {
            var pad = new string(' ', widths[c] - Width(row[c]));
            sb.Append(' ').Append(numeric[c] ? pad + row[c] : row[c] + pad).Append(" |");
        }
        sb.Append('\n');
    }

    /// <summary>Terminal columns taken by <paramref name="text"/>: two for East Asian wide characters, one otherwise.</summary>
    private static int Width(string text) => text.Sum(ch => ch is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF'
        or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F'
        or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);

    private static string FigureText(Figure figure)
    {
        _figureCount++;
        var label = $"[figure {_figureCount}: {figure.Title} ({figure.Width} x {figure.Height} px)";
        if (_figureFolder is null) return label + "; run with --figures DIR to save it as PNG]";
        var slug = new string(figure.Title.Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray());
        slug = string.Join('-', slug.Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > 60) slug = slug[..60].TrimEnd('-');
        var path = Path.Combine(_figureFolder, $"{_scriptName}-figure-{_figureCount:00}{(slug.Length > 0 ? "-" + slug : "")}.png");
        Directory.CreateDirectory(_figureFolder);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, figure.Png);
        File.Move(temporary, path, overwrite: true);
        return label + $"; saved as {path}]";
    }
}

/// <summary>What <see cref="ScriptDisplay.display"/> returns, like the notebook kernel's <c>DisplayedValue</c>.</summary>
public sealed class TextDisplay
{
    /// <summary>
    /// Shows <paramref name="value"/> in place of the displayed one. A notebook redraws the output; text cannot, so
    /// the new value is printed on its own line (a progress line thus shows each milestone).
    /// </summary>
    /// <param name="value">The new value.</param>
    public void Update(object? value) => Console.WriteLine(ScriptDisplay.Render(value));
}
