using System.Text;
using RuralEcom.Plots;

namespace RuralEcom.Reports;

/// <summary>A file written into a report folder.</summary>
/// <param name="Name">The file name inside the folder.</param>
/// <param name="Title">What it holds (the table's or figure's title).</param>
public sealed record ReportFile(string Name, string Title);

/// <summary>
/// Writes tables (CSV, Markdown, LaTeX) and figures (PNG, and an HTML page when the figure has an interactive version)
/// for one report and keeps the list of files for an index (README.md). Files are UTF-8 with "\n" line ends and
/// contain no dates, so writing the same results twice gives identical files.
/// </summary>
/// <remarks>
/// Safety: every file goes first into a fresh staging folder beside the output folder (<c>.NAME.partial-GUID</c>);
/// <see cref="WriteIndex"/> writes README.md last and then moves the whole staging folder into place with one rename,
/// so a report is never a mix of two runs. An existing output folder is replaced only when it is empty or holds an
/// earlier report (recognized by its <c>.ruralecom-report</c> list of files); any other folder is refused, and
/// symbolic links inside it are never followed (the old folder is renamed away and deleted, which removes links,
/// not their targets). Interactive HTML pages load plotly.js from a copy written beside them (<c>plotly.min.js</c>),
/// so the report works offline. <see cref="Dispose"/> removes the staging folder of a report that was not finished.
/// </remarks>
public sealed class ReportWriter : IDisposable
{
    /// <summary>The file that marks a folder as a report written by this class: the list of its files, one per line.</summary>
    public const string MarkerFile = ".ruralecom-report";

    private readonly List<ReportFile> _files = [];
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private string? _staging;
    private bool _committed;

    /// <summary>Creates a writer for <paramref name="folder"/>; nothing is written until the first file.</summary>
    /// <param name="folder">The output folder, e.g. "results/" (created when the report is complete).</param>
    /// <exception cref="IOException">The folder is a file or a symbolic link, or holds files that are not an earlier report's.</exception>
    public ReportWriter(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder.TrimEnd('/', '\\').Length == 0 ? folder : folder.TrimEnd('/', '\\'));
        CheckReplaceable(Folder);
    }

    /// <summary>The absolute output folder.</summary>
    public string Folder { get; }

    /// <summary>Every file written so far, in order.</summary>
    public IReadOnlyList<ReportFile> Files => _files;

    /// <summary>Writes <paramref name="table"/> as baseName.csv, baseName.md and baseName.tex.</summary>
    /// <param name="baseName">The file name without extension, e.g. "01-canonical-correlations".</param>
    /// <param name="table">The table.</param>
    public void WriteTable(string baseName, Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Write(baseName + ".csv", table.Title, table.ToCsv());
        Write(baseName + ".md", table.Title, table.ToMarkdown());
        Write(baseName + ".tex", table.Title, table.ToLatex());
    }

    /// <summary>
    /// Writes <paramref name="figure"/> as baseName.png, and baseName.html when it has an interactive version (with
    /// plotly.min.js written once beside it, so the page works offline).
    /// </summary>
    /// <param name="baseName">The file name without extension.</param>
    /// <param name="figure">The figure.</param>
    public void WriteFigure(string baseName, Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        CheckName(baseName);
        WriteBytes(baseName + ".png", figure.Title, figure.Png);
        if (figure.InteractiveHtml is { } html)
        {
            if (!_files.Any(f => f.Name == InteractiveHtml.PlotlyFileName))
                WriteBytes(InteractiveHtml.PlotlyFileName, "plotly.js " + InteractiveHtml.PlotlyVersion + " (MIT licence), loaded by the interactive figures", InteractiveHtml.PlotlyJs());
            Write(baseName + ".html", figure.Title + " (interactive; open in a browser, works offline)", html);
        }
    }

    /// <summary>Writes a text file (e.g. Markdown) and records it.</summary>
    /// <param name="name">The file name with extension.</param>
    /// <param name="title">What it holds.</param>
    /// <param name="text">Its content.</param>
    public void Write(string name, string title, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteBytes(name, title, Utf8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Writes README.md (a heading, the introduction, then a list of every file with its title) and moves the finished
    /// report into place. No file can be added afterwards.
    /// </summary>
    /// <param name="heading">The index's heading (plain text: Markdown characters are escaped).</param>
    /// <param name="introduction">Markdown paragraphs shown before the list (the caller escapes user text in it with <see cref="MarkdownText.Escape"/>).</param>
    /// <exception cref="IOException">The output folder changed meanwhile into one that must not be replaced.</exception>
    public void WriteIndex(string heading, string introduction)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(introduction);
        var sb = new StringBuilder();
        sb.Append("# ").Append(MarkdownText.Escape(heading)).Append("\n\n").Append(introduction.TrimEnd()).Append("\n\n## Files\n\n");
        foreach (var group in _files.GroupBy(f => Path.GetFileNameWithoutExtension(f.Name)))
        {
            var links = string.Join(" · ", group.Select(f => $"[{Path.GetExtension(f.Name).TrimStart('.')}]({f.Name})"));
            sb.Append("- ").Append(MarkdownText.Escape(group.First().Title)).Append(": ").Append(links).Append('\n');
        }
        var stage = Stage();
        File.WriteAllText(Path.Combine(stage, "README.md"), sb.ToString(), Utf8);
        File.WriteAllText(Path.Combine(stage, MarkerFile), string.Concat(_files.Select(f => f.Name + "\n")) + "README.md\n", Utf8);
        Commit(stage);
    }

    /// <summary>Removes the staging folder of an unfinished report (nothing in the output folder is touched).</summary>
    public void Dispose()
    {
        if (!_committed && _staging is not null && Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
        _staging = null;
    }

    private void WriteBytes(string name, string title, byte[] bytes)
    {
        CheckName(name);
        if (_committed) throw new InvalidOperationException("The report is finished (README.md was written); create a new writer for another report.");
        using (var stream = new FileStream(Path.Combine(Stage(), name), FileMode.CreateNew, FileAccess.Write)) stream.Write(bytes);
        _files.Add(new ReportFile(name, title));
    }

    private string Stage()
    {
        if (_staging is not null) return _staging;
        var parent = Path.GetDirectoryName(Folder) ?? throw new IOException($"Cannot write a report into the root folder '{Folder}'; choose a subfolder.");
        try
        {
            Directory.CreateDirectory(parent);
            var stage = Path.Combine(parent, $".{Path.GetFileName(Folder)}.partial-{Guid.NewGuid():N}");
            Directory.CreateDirectory(stage);
            return _staging = stage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot create the report folder '{Folder}': {e.Message} Choose another --out folder.", e);
        }
    }

    private void Commit(string stage)
    {
        CheckReplaceable(Folder);
        string? old = null;
        if (Directory.Exists(Folder))
        {
            old = Path.Combine(Path.GetDirectoryName(Folder)!, $".{Path.GetFileName(Folder)}.old-{Guid.NewGuid():N}");
            Directory.Move(Folder, old);
        }
        Directory.Move(stage, Folder);
        _committed = true;
        _staging = null;
        if (old is not null) Directory.Delete(old, recursive: true);
    }

    /// <summary>Refuses an output folder that is a file, a symbolic link, or a folder holding anything but an earlier report.</summary>
    private static void CheckReplaceable(string folder)
    {
        var info = new DirectoryInfo(folder);
        if (info.LinkTarget is not null)
            throw new IOException($"The output folder '{folder}' is a symbolic link (to {info.LinkTarget}); reports are not written through links. Give the real folder, or a new one.");
        if (File.Exists(folder))
            throw new IOException($"The output folder '{folder}' is a file. Give a folder name, e.g. results/report.");
        if (!info.Exists) return;
        var entries = info.EnumerateFileSystemInfos().Select(e => e.Name).ToArray();
        if (entries.Length == 0) return;
        var marker = Path.Combine(folder, MarkerFile);
        if (File.Exists(marker) && new FileInfo(marker).LinkTarget is null)
        {
            var listed = File.ReadAllLines(marker).Append(MarkerFile).ToHashSet(StringComparer.Ordinal);
            var foreign = entries.Where(e => !listed.Contains(e)).ToArray();
            if (foreign.Length == 0) return;
            throw new IOException($"The output folder '{folder}' holds an earlier report and other files ({string.Join(", ", foreign.Take(5))}); a new report replaces the folder whole, so it would delete them. Move them, or choose another --out folder.");
        }
        throw new IOException($"The output folder '{folder}' is not empty and holds no earlier report ({string.Join(", ", entries.Order(StringComparer.Ordinal).Take(5))}{(entries.Length > 5 ? ", ..." : "")}); a report replaces its folder whole. Choose a new or empty folder, e.g. {Path.Combine(folder, "report")}.");
    }

    internal static void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains("..", StringComparison.Ordinal) || name.Contains('/') || name.Contains('\\') || name == MarkerFile || name == "README.md")
            throw new ArgumentException($"'{name}' is not a plain file name of a report; report files are written directly into the output folder.", nameof(name));
    }
}

/// <summary>Writes single result files safely (used by the command line's --out).</summary>
public static class SafeFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8, "\n" line ends) as <paramref name="folder"/>/<paramref name="name"/>,
    /// creating the folder: first into a temporary file in the folder, then renamed over the target, so a reader sees
    /// the old or the new file, never half of one. The rename replaces a symbolic link at the target itself and never
    /// writes through it.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="name">A plain file name (no folder part).</param>
    /// <param name="text">The content.</param>
    /// <returns>The path written.</returns>
    /// <exception cref="IOException">The folder is a symbolic link or a file, or the target is a folder.</exception>
    public static string WriteText(string folder, string name, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(text);
        ReportWriter.CheckName(name);
        var dir = new DirectoryInfo(Path.GetFullPath(folder));
        if (dir.LinkTarget is not null)
            throw new IOException($"The output folder '{dir.FullName}' is a symbolic link (to {dir.LinkTarget}); results are not written through links. Give the real folder.");
        if (File.Exists(dir.FullName)) throw new IOException($"The output folder '{dir.FullName}' is a file. Give a folder name.");
        dir.Create();
        var target = Path.Combine(dir.FullName, name);
        if (Directory.Exists(target)) throw new IOException($"'{target}' is a folder, so the result file cannot be written there. Move it or choose another --out folder.");
        var temp = Path.Combine(dir.FullName, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, Utf8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return target;
    }
}
