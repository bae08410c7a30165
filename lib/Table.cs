using System.Globalization;
using System.Net;
using System.Text;

namespace RuralEcom;

/// <summary>
/// An immutable table of results: a title, column headers and rows of cells, written the same way to a
/// notebook (HTML), a thesis (Markdown, LaTeX) or a spreadsheet (CSV).
/// </summary>
/// <remarks>
/// Cells are strings, integers, doubles or <c>null</c> (shown empty). Doubles are printed with the format
/// of their column (<see cref="ColumnFormats"/>), or <see cref="NumberFormat"/> when the column has none,
/// always in the invariant culture so that files read the same everywhere.
/// </remarks>
public sealed class Table
{
    private readonly object?[][] _rows;

    /// <summary>Creates a table.</summary>
    /// <param name="title">A short title shown above the table.</param>
    /// <param name="columns">Column headers; every row must have exactly this many cells.</param>
    /// <param name="rows">The rows; cells may be string, int, long, double or null.</param>
    /// <param name="numberFormat">The .NET format string for doubles, e.g. "F4" (the default).</param>
    /// <param name="note">An optional note printed under the table (source, caveats, conventions).</param>
    /// <param name="columnFormats">Optional per-column formats for doubles; null entries fall back to <paramref name="numberFormat"/>.</param>
    /// <exception cref="ArgumentException">A row's length differs from the number of columns, or a cell has an unsupported type.</exception>
    public Table(string title, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows,
        string numberFormat = "F4", string? note = null, IReadOnlyList<string?>? columnFormats = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (columns.Count == 0) throw new ArgumentException("A table needs at least one column.", nameof(columns));
        if (columnFormats is not null && columnFormats.Count != columns.Count)
            throw new ArgumentException($"columnFormats has {columnFormats.Count} entries but the table has {columns.Count} columns.", nameof(columnFormats));
        Title = title;
        Columns = ReadOnly.Copy(columns);
        NumberFormat = numberFormat;
        Note = note;
        ColumnFormats = ReadOnly.Own(columnFormats?.ToArray() ?? new string?[columns.Count]);
        _rows = rows.Select((r, i) =>
        {
            if (r.Count != Columns.Count)
                throw new ArgumentException($"Row {i} of table '{title}' has {r.Count} cells but the table has {Columns.Count} columns.", nameof(rows));
            foreach (var cell in r)
                if (cell is not (null or string or int or long or double))
                    throw new ArgumentException($"Row {i} of table '{title}' holds a {cell.GetType().Name}; cells must be string, int, long, double or null.", nameof(rows));
            return r.ToArray();
        }).ToArray();
        Rows = ReadOnly.Own(_rows.Select(r => (IReadOnlyList<object?>)ReadOnly.Own(r)).ToArray());
    }

    /// <summary>The title shown above the table.</summary>
    public string Title { get; }

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows, each with one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    /// <summary>The default .NET format string for double cells.</summary>
    public string NumberFormat { get; }

    /// <summary>Per-column format strings for doubles (null: use <see cref="NumberFormat"/>).</summary>
    public IReadOnlyList<string?> ColumnFormats { get; }

    /// <summary>An optional note printed under the table.</summary>
    public string? Note { get; }

    /// <summary>The text of one cell as every output format prints it.</summary>
    /// <param name="row">Zero-based row index.</param>
    /// <param name="column">Zero-based column index.</param>
    public string CellText(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, _rows.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns.Count);
        return _rows[row][column] switch
        {
            null => "",
            string s => s,
            int i => i.ToString(CultureInfo.InvariantCulture),
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d => double.IsNaN(d) ? "" : d.ToString(ColumnFormats[column] ?? NumberFormat, CultureInfo.InvariantCulture),
            var other => throw new InvalidOperationException($"Unsupported cell type {other.GetType().Name}."),
        };
    }

    /// <summary>An HTML table (with the title as caption and the note beneath), for notebooks.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<table><caption style=\"caption-side:top;text-align:left;font-weight:bold\">")
          .Append(WebUtility.HtmlEncode(Title)).Append("</caption><thead><tr>");
        foreach (var c in Columns) sb.Append("<th>").Append(WebUtility.HtmlEncode(c)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        for (int r = 0; r < _rows.Length; r++)
        {
            sb.Append("<tr>");
            for (int c = 0; c < Columns.Count; c++)
            {
                var align = _rows[r][c] is string or null ? "left" : "right";
                sb.Append("<td style=\"text-align:").Append(align).Append("\">")
                  .Append(WebUtility.HtmlEncode(CellText(r, c))).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        if (Note is not null) sb.Append("<p><small>").Append(WebUtility.HtmlEncode(Note)).Append("</small></p>");
        return sb.ToString();
    }

    /// <summary>
    /// A GitHub-flavoured Markdown table preceded by the title in bold and followed by the note; every text escaped by
    /// <see cref="MarkdownText.Escape"/>.
    /// </summary>
    public string ToMarkdown()
    {
        // Every text (title, headings, cells, note) through the one escaping rule, so user text cannot end a cell or
        // inject HTML, links or other markup.
        static string Esc(string s) => MarkdownText.Escape(s);
        var sb = new StringBuilder();
        sb.Append("**").Append(Esc(Title)).Append("**\n\n| ");
        sb.AppendJoin(" | ", Columns.Select(Esc)).Append(" |\n|");
        for (int c = 0; c < Columns.Count; c++)
            sb.Append(_rows.Length > 0 && _rows[0][c] is int or long or double ? " ---: |" : " --- |");
        sb.Append('\n');
        for (int r = 0; r < _rows.Length; r++)
        {
            sb.Append("| ");
            sb.AppendJoin(" | ", Enumerable.Range(0, Columns.Count).Select(c => Esc(CellText(r, c))));
            sb.Append(" |\n");
        }
        if (Note is not null) sb.Append('\n').Append(Esc(Note)).Append('\n');
        return sb.ToString();
    }

    /// <summary>RFC 4180 CSV: a header line, then one line per row; the title and note are not included.</summary>
    public string ToCsv()
    {
        static string Quote(string s) =>
            s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        var sb = new StringBuilder();
        sb.AppendJoin(",", Columns.Select(Quote)).Append('\n');
        for (int r = 0; r < _rows.Length; r++)
            sb.AppendJoin(",", Enumerable.Range(0, Columns.Count).Select(c => Quote(CellText(r, c)))).Append('\n');
        return sb.ToString();
    }

    /// <summary>A LaTeX <c>table</c> environment with a <c>tabular</c> (booktabs rules) and the title as caption.</summary>
    public string ToLatex()
    {
        static string Esc(string s)
        {
            var sb = new StringBuilder();
            foreach (var ch in s)
                sb.Append(ch switch
                {
                    '\\' => "\\textbackslash{}", '&' => "\\&", '%' => "\\%", '$' => "\\$", '#' => "\\#",
                    '_' => "\\_", '{' => "\\{", '}' => "\\}", '~' => "\\textasciitilde{}", '^' => "\\textasciicircum{}",
                    _ => ch.ToString(),
                });
            return sb.ToString();
        }
        var sb = new StringBuilder();
        sb.Append("\\begin{table}[htbp]\n\\centering\n\\caption{").Append(Esc(Title)).Append("}\n\\begin{tabular}{");
        for (int c = 0; c < Columns.Count; c++) sb.Append(_rows.Length > 0 && _rows[0][c] is int or long or double ? 'r' : 'l');
        sb.Append("}\n\\toprule\n").AppendJoin(" & ", Columns.Select(Esc)).Append(" \\\\\n\\midrule\n");
        for (int r = 0; r < _rows.Length; r++)
            sb.AppendJoin(" & ", Enumerable.Range(0, Columns.Count).Select(c => Esc(CellText(r, c)))).Append(" \\\\\n");
        sb.Append("\\bottomrule\n\\end{tabular}\n");
        if (Note is not null) sb.Append("\\par\\smallskip{\\footnotesize ").Append(Esc(Note)).Append("}\n");
        sb.Append("\\end{table}\n");
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToMarkdown();
}
