using System.Text;
using RuralEcom.Plots;

namespace RuralEcom.Reports;

/// <summary>A file written into a report folder.</summary>
/// <param name="Name">The file name inside the folder.</param>
/// <param name="Title">What it holds (the table's or figure's title).</param>
public sealed record ReportFile(string Name, string Title);

/// <summary>
/// Writes tables (CSV, Markdown, LaTeX) and figures (PNG, and an HTML page when the figure has an interactive version)
/// into one folder and keeps the list of files for an index (README.md). Files are UTF-8 with "\n" line ends and
/// contain no dates, so writing the same results twice gives identical files.
/// </summary>
public sealed class ReportWriter
{
    private readonly List<ReportFile> _files = [];
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates a writer for <paramref name="folder"/>, creating the folder if needed.</summary>
    /// <param name="folder">The output folder, e.g. "results/".</param>
    /// <exception cref="IOException">The folder cannot be created (the message names it).</exception>
    public ReportWriter(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        try { Directory.CreateDirectory(Folder); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot create the report folder '{Folder}': {e.Message} Choose another --out folder.", e);
        }
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

    /// <summary>Writes <paramref name="figure"/> as baseName.png, and baseName.html when it has an interactive version.</summary>
    /// <param name="baseName">The file name without extension.</param>
    /// <param name="figure">The figure.</param>
    public void WriteFigure(string baseName, Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        CheckName(baseName);
        figure.SavePng(Path.Combine(Folder, baseName + ".png"));
        _files.Add(new ReportFile(baseName + ".png", figure.Title));
        if (figure.InteractiveHtml is { } html)
            Write(baseName + ".html", figure.Title + " (interactive; loads plotly.js from its CDN, so it needs a network)", html);
    }

    /// <summary>Writes a text file (e.g. Markdown) and records it.</summary>
    /// <param name="name">The file name with extension.</param>
    /// <param name="title">What it holds.</param>
    /// <param name="text">Its content.</param>
    public void Write(string name, string title, string text)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(text);
        File.WriteAllText(Path.Combine(Folder, name), text.Replace("\r\n", "\n", StringComparison.Ordinal), Utf8);
        _files.Add(new ReportFile(name, title));
    }

    /// <summary>Writes README.md: a heading, the introduction, then a list of every file with its title.</summary>
    /// <param name="heading">The index's heading.</param>
    /// <param name="introduction">Markdown paragraphs shown before the list.</param>
    public void WriteIndex(string heading, string introduction)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(heading).Append("\n\n").Append(introduction.TrimEnd()).Append("\n\n## Files\n\n");
        foreach (var group in _files.GroupBy(f => Path.GetFileNameWithoutExtension(f.Name)))
        {
            var links = string.Join(" · ", group.Select(f => $"[{Path.GetExtension(f.Name).TrimStart('.')}]({f.Name})"));
            sb.Append("- ").Append(group.First().Title.Replace("|", "\\|", StringComparison.Ordinal)).Append(": ").Append(links).Append('\n');
        }
        File.WriteAllText(Path.Combine(Folder, "README.md"), sb.ToString(), Utf8);
    }

    private static void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains("..", StringComparison.Ordinal) || name.Contains('/') || name.Contains('\\'))
            throw new ArgumentException($"'{name}' is not a plain file name; report files are written directly into the output folder.", nameof(name));
    }
}
